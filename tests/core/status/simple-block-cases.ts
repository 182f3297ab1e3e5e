// Status blocks for the fast-path differential test: a seeded mix of the simple shapes and of
// every near miss we could think of, plus random one-character damage.
import { mulberry32 } from '../../support/prng.js';

const KEYS = [
  'title', 'status', 'started', 'completed', 'confidence', 'resources', 'learnings', 'order', 'stale-after',
  'Status', 'stale_after', 'staleAfter', 'statsu', 'topic', 'tags', 'note', 'x-y', 'Difficulty', 'a',
];
const ODD_KEYS = ['true', 'yes', 'null', '1key', '"title"', 'key with space', '-dash', 'ключ', '? q', '<<', 'a_'];

const SIMPLE_VALUES = [
  'todo', 'in-progress', 'paused', 'done', 'wip', 'Done', 'doen', 'to do', '🚧 In Progress', '✅ Done', '⏸️ Paused',
  'Transformer Architecture', 'Topic 5 — δδ notes | part 5', 'Learned thing 5, with a | pipe.', 'C#', 'a:b',
  'https://example.org/x?y=1#frag', '中文 标题', 'it\'s fine', 'say "hi"', 'a - b', 'a [b] {c}', 'x,y', '100%',
  '0', '3', '5', '6', '007', '12', '99999999999999999999', '2026-10-02', '2026-02-30', '2026-13-01', '2026-02-29',
  '14 days', '3 ways', '1 2', 'nan', 'inf', 'NaN', 'e', 'yesterday',
  '"quoted text"', '"[Paper](https://arxiv.org/abs/1706.03762)"', '""', '"  spaced  "', '"a: b # c"', '"3"', '"2026-10-02"', '"true"',
];
const OTHER_VALUES = [
  'true', 'False', 'yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'NULL', 'Null', '0x1A', '0o17', '1e3', '1.5', '.5', '-5', '+3',
  '.inf', '-.inf', '.nan', '2026-10', '14d', '1_000', 'a: b', 'a #b', 'a:', 'trailing: ', '"esc\\"aped"', '"tab\\t"',
  '"unclosed', '"a" b', "'single'", '[a, b]', '{a: 1}', '[Paper](https://x.org)', '|', '>', '|-\n  block', '&a value',
  '*a', '!!str 3', '%x', '@x', '`x`', '- item', '? q', ': x', '#x', 'a\tb', 'a\u00a0b', 'x\u2028y', '\ufeffx', 'a\rb',
];
/** Half the blocks use only values the fast path takes, so that both paths are well exercised. */
let VALUES: string[] = SIMPLE_VALUES;

const ITEMS = [
  '"[Attention Is All You Need](https://arxiv.org/abs/1706.03762)"', '"[Paper 5](https://arxiv.org/abs/1706.05)"',
  'https://example.org/bare', '"[](https://empty.example)"', '"[a [nested] b](https://x.org/a_(b))"',
  '"[Doc](<https://x.org/a b>)"', '"[Doc](https://x.org \\"T\\")"', '"not a link"', '""', '"[x](y) tail"',
  '[Unquoted](https://x.org)', "'[Single](https://x.org)'", 'plain text item', '42', 'true', '~', '{title: a, url: b}',
];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function mapItem(rnd: () => number, indent: string): string {
  const title = pick(rnd, ['Blog 5', 'The Illustrated Transformer (Jay Alammar)', '"LoRA: Low-Rank"', '', pick(rnd, VALUES)]);
  const url = pick(rnd, ['https://example.org/blog/5', 'https://jalammar.github.io/x/', '', '"https://q.org"', pick(rnd, VALUES)]);
  const keys = rnd() < 0.85 ? ['title', 'url'] : pick(rnd, [['url', 'title'], ['title'], ['url'], ['title', 'link'], ['title', 'url', 'url'], ['title', 'url', 'note']]);
  const valueOf = (k: string): string => (k === 'title' ? title : k === 'url' ? url : pick(rnd, VALUES));
  const lines = keys.map((k) => {
    const v = valueOf(k);
    return v === '' ? `${k}:` : `${k}: ${v}`;
  });
  const inner = rnd() < 0.9 ? `${indent}  ` : pick(rnd, [`${indent} `, `${indent}   `, `${indent}    `, indent]);
  return `${indent}- ${lines[0]}${lines.slice(1).map((l) => `\n${inner}${l}`).join('')}`;
}

function list(rnd: () => number): string {
  const indent = ' '.repeat(rnd() < 0.7 ? 2 : pick(rnd, [0, 1, 3, 4]));
  const n = Math.floor(rnd() * 5);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.3) out.push(`${indent}- ${pick(rnd, ITEMS)}`);
    else if (r < 0.4) out.push(`${indent}- ${randomValue(rnd)}`);
    else if (r < 0.8) out.push(mapItem(rnd, indent));
    else if (r < 0.85) out.push(`${indent}-`);
    else if (r < 0.88) out.push(`${indent}-  ${pick(rnd, ITEMS)}`);
    else if (r < 0.91) out.push(`${indent}- - x`);
    else if (r < 0.94) out.push('');
    else if (r < 0.97) out.push(pick(rnd, ['# comment', `${indent}# comment`, '  #', '#']));
    else out.push(`${indent}    - deeper`);
  }
  return out.map((l) => `\n${l}`).join('');
}

const ALPHABET = [...'0123456789aeEnxoOTtrufyFlLNs.-+:#"\' \\,[]{}&*!|>%@`?~_/()δ🚧'];

/** A short random value: most are numbers, words and near misses of the core schema's patterns. */
function randomValue(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 8);
  let v = '';
  for (let i = 0; i < n; i++) v += pick(rnd, ALPHABET);
  return v;
}

function line(rnd: () => number): string {
  const r = rnd();
  const key = rnd() < 0.95 ? pick(rnd, KEYS) : pick(rnd, ODD_KEYS);
  if (r < 0.4) return `${key}: ${pick(rnd, VALUES)}`;
  if (r < 0.55) return `${key}: ${randomValue(rnd)}`;
  if (r < 0.62) return `${key}:${pick(rnd, ['', ' ', '   '])}`;
  if (r < 0.75) return `${pick(rnd, ['resources', 'resources', 'tags', 'learnings', 'status', 'confidence', 'started'])}:${list(rnd)}`;
  if (r < 0.78) return `${key}:  ${pick(rnd, VALUES)}   `;
  if (r < 0.8) return `${key}:${pick(rnd, VALUES)}`;
  if (r < 0.84) return pick(rnd, ['# a comment', '#', '  # indented comment', '# status: todo', '']);
  if (r < 0.86) return `  ${key}: ${pick(rnd, VALUES)}`;
  if (r < 0.88) return `${key}: ${pick(rnd, VALUES)} # trailing comment`;
  if (r < 0.9) return `  continued text`;
  if (r < 0.92) return `${key}: &anchor ${pick(rnd, VALUES)}`;
  if (r < 0.94) return `${key}: *anchor`;
  if (r < 0.96) return pick(rnd, ['- loose item', 'just text', '---x', '--- ', '...x', '"quoted key": v']);
  return `${key}: ${pick(rnd, VALUES)}\n${key}: ${pick(rnd, VALUES)}`;
}

const DAMAGE = [' ', '\t', ':', '#', '-', '"', "'", '\\', '[', '{', '&', '*', '!', '|', '>', '\n', '\r', '\r\n', '\u00a0', '\ufeff', 'x', '0', '@', '`', '%', '?', ',', '\u0085', '\ud800'];

/** One block's YAML (the text between the fences), valid or not. */
export function randomBlock(rnd: () => number): string {
  VALUES = rnd() < 0.5 ? SIMPLE_VALUES : [...SIMPLE_VALUES, ...OTHER_VALUES];
  const n = Math.floor(rnd() * 9);
  const lines: string[] = [];
  if (rnd() < 0.9) lines.push(`status: ${pick(rnd, ['todo', 'done', '🚧 In Progress', 'wip', pick(rnd, VALUES)])}`);
  for (let i = 0; i < n; i++) lines.push(line(rnd));
  // Shuffle so that status, dates and lists come in every order.
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  let yaml = lines.join('\n') + (rnd() < 0.9 ? '\n' : '');
  if (rnd() < 0.15) {
    const at = Math.floor(rnd() * (yaml.length + 1));
    yaml = yaml.slice(0, at) + pick(rnd, DAMAGE) + yaml.slice(at);
  }
  if (rnd() < 0.1) yaml = yaml.replace(/\n/g, '\r\n');
  if (rnd() < 0.05) yaml = yaml.replace(/\n$/, '\n\n');
  return yaml;
}

export function randomBlocks(seed: number, count: number): string[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, () => randomBlock(rnd));
}
