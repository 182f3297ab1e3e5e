// A version read from the one before it (version-delta.ts) must be what the parser reads: random
// READMEs built from every block that can hide or move a task or a heading (fences, HTML, quotes,
// tables, link definitions, setext headings, indented code, lazy lines), random one-line edits
// (many of them ones that must be parsed), and every version whose tasks and headings came from
// the edit compared with the parser's reading of it.
import { describe, expect, it } from 'vitest';
import { blankFrontMatter, parseDocument, splitFrontMatter, type DocHeading, type DocTask } from '../../../src/core/document/index.js';
import { makeBlobReader, readBlob } from '../../../src/core/history/index.js';
import { afterEdit, blankedLines, plainText, type KnownVersion } from '../../../src/core/history/version-delta.js';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BLOCKS = [
  '# Title of the topic',
  '# Title with `code` and *stress* #',
  '## Tasks',
  '### Notes ###',
  'Setext title\n===',
  'Setext two\nsecond line\n---',
  'Plain prose about attention.',
  'Prose with a [link](https://example.com) and more words.',
  'Prose line one\nprose line two, lazy\nand three.',
  '- [ ] first task',
  '- [x] done task',
  '- [X] done upper',
  '* [ ] star task\n* [x] star done',
  '1. [ ] ordered task\n2. [x] ordered done',
  '- [ ] parent\n  - [x] child\n  - [ ] child two',
  '- [ ] task with lazy\ncontinuation line',
  '- plain item\n- [ ] then a task',
  '-\n  [ ] task on the next line',
  '```\n- [ ] in a fence\n```',
  '~~~md\n# not a heading\n~~~',
  '<!-- a comment\n- [ ] hidden task\n-->',
  '<div>\n- [ ] in html\n</div>',
  '<details>\nsummary words\n\n- [x] after blank\n</details>',
  '> - [ ] quoted task\n> quoted prose',
  '> # quoted heading',
  'a | b\n--|--\nc | d',
  '| h1 | h2 |\n|---|---|\n| x | y |\nrow without pipes',
  '[ref]: /url',
  '[ref]:\n/url\n"a title"',
  '[multi\nline]: /u',
  '[^1]: a footnote\n    - [ ] in footnote',
  '    - [ ] indented code',
  'Text\n    indented continuation',
  '---',
  '***',
  '<script>\nwords\n</script>',
  '<!--\nhidden words\n- [ ] hidden task\n-->',
  'Header words\n|-|-|\nmore words\n===',
  '[a]:\nwords\n===',
];

const PROSE = ['Reworded prose line.', 'Another sentence, with commas: and colons.', 'Words [with](link) inside.', 'Tail words here', 'text', 'Words --> out', 'Cell a | cell b', 'two words', 'words]: /x'];
const EDITS = [
  'prose',
  'prose',
  'toggle',
  'toggle',
  'task-text',
  'heading',
  'heading',
  '```',
  '~~~',
  '---',
  '===',
  '',
  '   ',
  '    indented words',
  '- [ ] new task',
  '- [x] new done',
  '> quoted',
  '<!--',
  '-->',
  'a | b',
  '|--|--|',
  '[x]: /def',
  'words]: /def',
  'words with > in them',
  'words with | in them',
  '# new heading',
  '#nospace',
  '<div>',
  'Setext',
  '1. ordered',
  '2) ordered',
  '+ plus item',
  '* star item',
  '\tTabbed words',
];

function randomDoc(r: () => number): string {
  const fm = r() < 0.9 ? `---\ntitle: T\nstatus: ${r() < 0.5 ? 'in-progress' : 'done'}\n---\n` : r() < 0.5 ? '' : '\n---\nstatus: todo\n---\n';
  const n = 2 + Math.floor(r() * 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(BLOCKS[Math.floor(r() * BLOCKS.length)]!);
  let body = '';
  for (const p of parts) body += (body === '' ? '' : r() < 0.7 ? '\n\n' : '\n') + p;
  return fm + body + (r() < 0.8 ? '\n' : '');
}

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function edit(r: () => number, text: string): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const line = lines[i]!;
  // Half the edits are of the kinds a version can be read from the one before; half are not.
  const kind = r() < 0.5 ? pick(r, ['prose', 'toggle', 'task-text', 'heading']) : pick(r, EDITS);
  if (kind === 'toggle' || kind === 'task-text') {
    const m = /\[([ xX])\]/.exec(line);
    if (m === null) return edit(r, text);
    const box = pick(r, [' ', 'x', 'X']);
    const at = m.index + 1;
    let next = line.slice(0, at) + box + line.slice(at + 1);
    if (kind === 'task-text') next = next.slice(0, at + 2) + pick(r, [' renamed task', '  other words', ' with | pipe', ' > quote', '', ' ]: def', ' [link](u)']);
    lines[i] = next;
  } else if (kind === 'heading') {
    const m = /^([ \t]*#{1,6})(?=[ \t]|$)/.exec(line);
    lines[i] = m ? m[1] + pick(r, [' Renamed title', ' `code` title', ' title #', '', ' a | b', ' x > y', ' [ref] title', ' [^1] note']) : pick(r, PROSE);
  } else if (kind === 'prose') {
    const indent = /^[ \t]*/.exec(line)![0];
    lines[i] = indent + pick(r, PROSE);
  } else {
    lines[i] = kind;
  }
  return lines.join('\n');
}

const shapeOfTasks = (tasks: readonly DocTask[]) => tasks.map((t) => ({ text: t.text, done: t.done, line: t.line, column: t.column, depth: t.depth, parent: t.parent }));
const shapeOfHeadings = (hs: readonly DocHeading[]) => hs.map((h) => ({ level: h.level, style: h.style, line: h.line, column: h.column, source: h.source, text: h.text, nested: h.nested }));

function known(text: string): KnownVersion {
  const doc = parseDocument(text, '', { scope: 'status' });
  const { body: _body, ...fm } = splitFrontMatter(text);
  return { lines: blankedLines(text, fm), tasks: doc.tasks, headings: doc.headings };
}

const headingOf = (line: string) => parseDocument(line, '', { scope: 'status' }).headings[0];

describe('a version read from the one before it', () => {
  it('blanks the status block as the parser does', () => {
    const texts = ['---\na: 1\n---\nbody\n', '---\na: 1\n---', '---\n---\n# x', '---\na\n...\nb', '---\nnever closed\n# h\n', '\n---\na: 1\n---\nb', '---  \na: 1\n---\n', '# none\n', '---\na\n---   \nb\n'];
    const r = prng(7);
    for (let k = 0; k < 300; k++) texts.push(randomDoc(r));
    for (const t of texts) {
      const { body: _body, ...fm } = splitFrontMatter(t);
      expect(blankedLines(t, fm)).toEqual(blankFrontMatter(t).split('\n'));
    }
  });

  it('gives the tasks and headings the parser gives, over thousands of random edits', () => {
    const r = prng(20261207);
    let derived = 0;
    let pairs = 0;
    for (let d = 0; d < 500; d++) {
      let text = randomDoc(r);
      for (let e = 0; e < 8; e++) {
        const next = edit(r, text);
        if (!plainText(next)) continue;
        pairs++;
        const { body: _body, ...fm } = splitFrontMatter(next);
        const got = afterEdit(known(text), blankedLines(next, fm), headingOf);
        if (got !== null) {
          derived++;
          const doc = parseDocument(next, '', { scope: 'status' });
          expect({ text: next, tasks: shapeOfTasks(got.tasks), headings: shapeOfHeadings(got.headings) }).toEqual({ text: next, tasks: shapeOfTasks(doc.tasks), headings: shapeOfHeadings(doc.headings) });
        }
        text = next;
      }
    }
    // Not a test that cannot fail: a good share of the edits are read from the version before.
    expect(pairs).toBeGreaterThan(3500);
    expect(derived).toBeGreaterThan(pairs / 8);
  });

  it('parses the edits that would change a block: an HTML block ended, a table made, a definition broken', () => {
    const pairs: Array<[string, string]> = [
      ['<!--\nhidden words\n- [ ] hidden\n-->\n', '<!--\nhidden words -->\n- [ ] hidden\n-->\n'],
      ['- [ ] a task\n  |-|-|\n', '- [ ] a | task\n  |-|-|\n'],
      ['# A title\n|-|-|\n', '# A | title\n|-|-|\n'],
      ['[a]:\nwords\n===\n', '[a]:\ntwo words\n===\n'],
      ['Header words\n|-|-|\nmore words\n===\n', 'Cell a | cell b\n|-|-|\nmore words\n===\n'],
      ['# A title\n\n[foo]: /url\n', '# A [foo] title\n\n[foo]: /url\n'],
    ];
    for (const [a, b] of [...pairs, ...pairs.map(([x, y]): [string, string] => [y, x])]) {
      const before = parseDocument(a, '', { scope: 'status' });
      const after = parseDocument(b, '', { scope: 'status' });
      // Each edit changes what the parser finds (beyond the edited text itself)…
      expect({ tasks: shapeOfTasks(after.tasks), headings: shapeOfHeadings(after.headings) }).not.toEqual({ tasks: shapeOfTasks(before.tasks), headings: shapeOfHeadings(before.headings) });
      // …so it is parsed, not read from the version before.
      const { body: _body, ...fm } = splitFrontMatter(b);
      expect(afterEdit(known(a), blankedLines(b, fm), headingOf)).toBeNull();
    }
  });

  it('reads the same across topics (another README with as many lines) and along a topic\'s past', () => {
    const r = prng(99);
    const read = makeBlobReader();
    for (let d = 0; d < 60; d++) {
      let text = randomDoc(r);
      for (let e = 0; e < 10; e++) {
        for (const id of [`0${d % 3}-topic`, 'other']) {
          const file = `modules/${id}/README.md`;
          expect(read(id, file, text)).toEqual(readBlob(id, file, text));
        }
        text = edit(r, text);
      }
    }
  });

  it('parses what the parser would normalise (BOM, CR, NUL)', () => {
    expect(plainText('---\nstatus: todo\n---\n')).toBe(true);
    expect(plainText('\uFEFF---\nstatus: todo\n---\n')).toBe(false);
    expect(plainText('---\r\nstatus: todo\r\n---\r\n')).toBe(false);
    expect(plainText('a\0b')).toBe(false);
  });
});
