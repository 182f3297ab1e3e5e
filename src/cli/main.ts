// argv → command → options → run → exit code. No work of its own beyond parsing and help.
// The configuration reader (and YAML) is imported once a command runs: --help and --version
// start without it.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { Exit, UsageError } from '../core/exit.js';
import { COMMON_OPTIONS, type CliContext, type Command, type OptionSpec } from './command.js';
import { commands } from './commands/index.js';
import { VERSION } from '../version.js';
import { createSafeSink } from '../core/render/safe-output.js';

function helpFor(cmd: Command): string {
  const opts = { ...cmd.options, ...COMMON_OPTIONS };
  const rows = Object.entries(opts).map(([name, o]) => {
    const arg = o.type === 'string' ? ` ${o.arg ?? (o.values ? o.values.join('|') : 'VALUE')}` : '';
    return [`  --${name}${arg}`, o.description] as const;
  });
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return [
    `usage: odyssey ${cmd.name} [options]`,
    '',
    cmd.summary,
    ...(cmd.details ? ['', cmd.details] : []),
    '',
    'options:',
    ...rows.map(([a, d]) => a.padEnd(width) + d),
    '',
  ].join('\n');
}

export function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4;
  return [
    `odyssey ${VERSION}: keeps a learning-journey repository honest`,
    '',
    'usage: odyssey <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'common options: --root DIR, --config FILE, --help; odyssey --version prints the version.',
    "run 'odyssey <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[], raw: CliContext): Promise<number> {
  // Every byte the CLI prints passes the sink: no file name, title, URL or message can start a
  // workflow command in a GitHub runner's log, or move a terminal's cursor (core/render/safe-output.ts).
  const ctx: CliContext = {
    ...raw,
    stdout: createSafeSink(raw.stdout, { tty: raw.isTTY }),
    stderr: createSafeSink(raw.stderr, { tty: raw.isTTY }),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(generalHelp());
    return name === undefined ? Exit.usage : Exit.ok;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout(`${VERSION}\n`);
    return Exit.ok;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    ctx.stderr(`odyssey: unknown command '${name}'; the commands are ${commands.map((c) => c.name).join(', ')} (see odyssey --help)\n`);
    return Exit.usage;
  }
  const specs: Record<string, OptionSpec> = { ...cmd.options, ...COMMON_OPTIONS };
  let configModule: typeof import('../core/config.js') | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: Object.fromEntries(Object.entries(specs).map(([k, o]) => [k, k === 'help' ? { type: o.type, short: 'h' } : { type: o.type }])),
        allowPositionals: false,
        strict: true,
      });
    } catch (err) {
      throw new UsageError(`${(err as Error).message.replace(/\. To specify.*$/s, '')}; see odyssey ${cmd.name} --help`);
    }
    const options = parsed.values as Record<string, string | boolean | undefined>;
    if (options.help) {
      ctx.stdout(helpFor(cmd));
      return Exit.ok;
    }
    for (const [k, o] of Object.entries(specs)) {
      const v = options[k];
      if (typeof v === 'string' && o.values && !o.values.includes(v)) {
        throw new UsageError(`--${k} takes ${o.values.join(', ')}; got '${v}'`);
      }
      if (v === undefined && o.default !== undefined) options[k] = o.default;
    }
    const root = path.resolve(ctx.cwd, (options.root as string | undefined) ?? '.');
    const st = await stat(root).catch(() => null);
    if (!st?.isDirectory()) throw new UsageError(`--root ${options.root ?? '.'}: not a folder`);
    const [{ loadConfig }, loaded] = await Promise.all([import('../io/config-file.js'), import('../core/config.js')]);
    configModule = loaded;
    const { config, file } = await loadConfig(root, options.config as string | undefined, ctx.cwd);
    return await cmd.run({ root, config, configFile: file, options }, ctx);
  } catch (err) {
    if (err instanceof UsageError || (configModule !== undefined && err instanceof configModule.ConfigError)) {
      ctx.stderr(`odyssey ${cmd.name}: ${err.message}\n`);
      return Exit.usage;
    }
    throw err;
  }
}
