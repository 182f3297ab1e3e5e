// Runs the built action as GitHub does: a child process with INPUT_* (hyphens kept), the
// GITHUB_* variables, an event file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files to read back.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface ActionRunOptions {
  bundle: string;
  workspace: string;
  apiUrl: string;
  event: string;
  payload?: Record<string, unknown>;
  sha: string;
  ref?: string;
  repository?: string;
  inputs?: Record<string, string>;
  /** More runner variables (GITHUB_SERVER_URL …), applied last. */
  env?: Record<string, string>;
}

export interface Command {
  name: string;
  props: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: Command[];
  /** Annotations and notices as `level file:line: message` (file and line when given). */
  annotations: (level?: string) => Command[];
  report: unknown;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseCommands(stdout: string): Command[] {
  const out: Command[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ name: m[1]!, props, message: unescapeData(m[3]!) });
  }
  return out;
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

export async function runAction(o: ActionRunOptions): Promise<ActionRun> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'odyssey-runner-'));
  try {
    const eventPath = path.join(tmp, 'event.json');
    const outputPath = path.join(tmp, 'output');
    const summaryPath = path.join(tmp, 'summary.md');
    await writeFile(eventPath, JSON.stringify(o.payload ?? { repository: { default_branch: 'main' } }));
    await writeFile(outputPath, '');
    await writeFile(summaryPath, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: tmp,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: o.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: o.repository ?? 'learner/journey',
      GITHUB_SHA: o.sha,
      GITHUB_REF: o.ref ?? 'refs/heads/main',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_API_URL: o.apiUrl,
      GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
      GITHUB_ACTION: 'odyssey',
      RUNNER_TEMP: tmp,
      // GitHub passes every input, the defaults of action.yml included.
      'INPUT_TOKEN': 'ghs_faketoken0123456789',
      ...Object.fromEntries(Object.entries(o.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...o.env,
    };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [o.bundle], { cwd: o.workspace, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
    });
    const outputs = parseOutputs(await readFile(outputPath, 'utf8'));
    const summary = await readFile(summaryPath, 'utf8');
    const report = outputs.report ? JSON.parse(await readFile(outputs.report, 'utf8')) : null;
    const commands = parseCommands(stdout);
    return {
      code,
      stdout,
      stderr,
      outputs,
      summary,
      commands,
      annotations: (level) => commands.filter((c) => (level ? c.name === level : ['error', 'warning', 'notice'].includes(c.name))),
      report,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
