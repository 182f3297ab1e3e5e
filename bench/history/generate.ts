// A journey with a long past, written straight into git with `git fast-import` (seconds, not the
// minutes 5,000 `git commit`s take): `modules` topics created in the first commit, then one topic
// changed per commit (a task ticked, a status moved), one commit an hour.
import { execFileSync } from 'node:child_process';

export interface GeneratedHistory {
  modules: number;
  commits: number;
  /** Seconds since the epoch of the first commit. */
  start?: number;
  /** Paragraphs of notes in each README (default 8). */
  paragraphs?: number;
}

const TASKS = 12;

interface TopicState {
  done: number;
  status: string;
}

function readme(i: number, s: TopicState, n: number, paragraphs = 8): string {
  const tasks = Array.from({ length: TASKS }, (_, t) => `- [${t < s.done ? 'x' : ' '}] Task ${t + 1} of topic ${i}`).join('\n');
  const notes = Array.from({ length: paragraphs }, (_, p) => `Paragraph ${p} about topic ${i}: attention, tokens and [a paper](https://arxiv.org/abs/1706.0${p}).`).join('\n\n');
  return `---\ntitle: Topic ${i}\nstatus: ${s.status}\nstarted: 2025-01-01\nconfidence: 3\n---\n# Topic ${i}\n\n## Tasks\n\n${tasks}\n\n## Notes\n\n${notes}\n\nLast session: commit ${n}.\n`;
}

const idOf = (i: number): string => `${String(i).padStart(4, '0')}-topic-${i}`;

/** Appends `commits` commits to `dir`'s main branch (creating the repository when `from` is 0). */
export function fastImport(dir: string, opts: GeneratedHistory & { from?: number }): void {
  const start = opts.start ?? Date.UTC(2024, 0, 1) / 1000;
  const from = opts.from ?? 0;
  if (from === 0) execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const state: TopicState[] = Array.from({ length: opts.modules }, () => ({ done: 0, status: 'todo' }));
  // Replay the earlier commits' effect on the states so appended commits carry on from them.
  const step = (n: number): number => {
    const i = (n * 7919) % opts.modules;
    const s = state[i]!;
    // A topic done is started over (a second pass), so every commit changes its README.
    s.done = s.done === TASKS ? 0 : s.done + 1;
    s.status = s.done === TASKS ? 'done' : 'in-progress';
    return i;
  };
  for (let n = 1; n < from; n++) step(n);
  const parts: string[] = [];
  const data = (s: string): string => `data ${Buffer.byteLength(s)}\n${s}\n`;
  for (let n = from; n < from + opts.commits; n++) {
    const when = start + n * 3600;
    parts.push('commit refs/heads/main', `committer Learner <learner@example.invalid> ${when} +0000`, data(`commit ${n}`).trimEnd());
    if (n === from && from > 0) parts.push('from refs/heads/main^0');
    if (n === 0) {
      for (let i = 0; i < opts.modules; i++) parts.push(`M 100644 inline modules/${idOf(i + 1)}/README.md`, data(readme(i + 1, state[i]!, n, opts.paragraphs)).trimEnd());
      parts.push('M 100644 inline README.md', data('# Journey\n').trimEnd());
    } else {
      const i = step(n);
      parts.push(`M 100644 inline modules/${idOf(i + 1)}/README.md`, data(readme(i + 1, state[i]!, n, opts.paragraphs)).trimEnd());
    }
    parts.push('');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: parts.join('\n') + '\n', maxBuffer: 1 << 30 });
}
