import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { generateJourney } from '../../../bench/sync/index.js';
import { parseStatusBlock } from '../../../src/core/status/index.js';
import { simpleDocument, useSimpleBlocks } from '../../../src/core/status/simple-block.js';
import { mulberry32 } from '../../support/prng.js';
import { randomBlocks } from './simple-block-cases.js';
import { SPEC_EXAMPLE } from '../../support/spec-example.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

afterEach(() => {
  useSimpleBlocks(true);
});

/** Everything a reader or `toJS` can see of a node: kind, value and its type, ranges, scalar style and source. */
function tree(n: unknown): unknown {
  if (n === null || n === undefined) return n;
  if (isMap(n)) return { map: n.range, items: n.items.map((p) => [tree(p.key), tree(p.value)]) };
  if (isSeq(n)) return { seq: n.range, items: n.items.map(tree) };
  if (isScalar(n)) return { value: n.value, type: typeof n.value, range: n.range, style: n.type, source: n.source };
  return { other: String(n) };
}

/** What yaml gives for `yaml`, and what the fast path gives (null when it does not take the block). */
function both(yaml: string) {
  const slowLines = new LineCounter();
  const slow = parseDocument(yaml, { lineCounter: slowLines, prettyErrors: false, uniqueKeys: true });
  const fastLines = new LineCounter();
  const fast = simpleDocument(yaml, fastLines);
  const js = (doc: Document): unknown => {
    try {
      return doc.toJS();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  // Only a block the fast path takes needs its values compared (yaml may refuse aliases in others).
  const view = (doc: Document, lines: LineCounter) => ({
    errors: doc.errors.map((e) => e.code),
    contents: tree(doc.contents),
    js: fast !== null && doc.errors.length === 0 ? js(doc) : null,
    lineStarts: lines.lineStarts,
  });
  return { slow: view(slow, slowLines), fast: fast === null ? null : view(fast, fastLines) };
}

function parse(text: string, id: string, fast: boolean) {
  useSimpleBlocks(fast);
  try {
    return parseStatusBlock({ id, file: `modules/${id}/README.md`, text });
  } finally {
    useSimpleBlocks(true);
  }
}

/** `text` gives the same module and findings with the fast path on and off. */
function expectSameModule(text: string, id = '03-transformer-architecture'): void {
  expect(parse(text, id, true)).toEqual(parse(text, id, false));
}

function blockOf(text: string): string {
  const m = /^(?:\uFEFF)?\s*---\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t\r]*$/m.exec(text);
  if (m === null) throw new Error('no status block');
  return m[1]!;
}


describe('simpleDocument: the same document as yaml', () => {
  it('on thousands of generated blocks, builds exactly what yaml builds, or declines', () => {
    let taken = 0;
    const shapes = { list: 0, mapItem: 0, comment: 0, crlf: 0, empty: 0, quoted: 0, number: 0 };
    const blocks = [...randomBlocks(1, 6000), ...randomBlocks(20260, 6000)];
    for (const yaml of blocks) {
      const { slow, fast } = both(yaml);
      if (fast === null) continue;
      taken++;
      // A block the fast path takes is valid YAML, and reads the same in every detail.
      expect({ yaml, ...fast }).toEqual({ yaml, ...slow });
      if (/^ *- /m.test(yaml)) shapes.list++;
      if (/^ *- [a-z]+:/m.test(yaml)) shapes.mapItem++;
      if (/^#/m.test(yaml)) shapes.comment++;
      if (yaml.includes('\r\n')) shapes.crlf++;
      if (/:\r?$/m.test(yaml)) shapes.empty++;
      if (yaml.includes('"')) shapes.quoted++;
      if (/: [0-9]+\r?$/m.test(yaml)) shapes.number++;
    }
    // The comparison means something only if both paths are well exercised.
    expect(taken).toBeGreaterThan(blocks.length / 10);
    expect(taken).toBeLessThan(blocks.length / 2);
    for (const [shape, count] of Object.entries(shapes)) expect({ shape, count: count > 50 }).toEqual({ shape, count: true });
  });

  it('takes the SPEC example, this repository\'s modules and the bench journey', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'odyssey-simple-'));
    try {
      generateJourney(dir, 30);
      const texts = [SPEC_EXAMPLE, SPEC_EXAMPLE.replace(/\n/g, '\r\n')];
      for (const root of [ROOT, dir]) {
        for (const id of readdirSync(path.join(root, 'modules'))) texts.push(readFileSync(path.join(root, 'modules', id, 'README.md'), 'utf8'));
      }
      expect(texts.length).toBeGreaterThan(40);
      for (const text of texts) {
        const { slow, fast } = both(blockOf(text));
        expect(fast).toEqual(slow);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on every value of up to three characters from digits, letters and indicators, builds what yaml builds, or declines', () => {
    const alphabet = [...'019aexonyT.-+:#"\' \\,[&~δ'];
    const values = [''];
    for (let len = 0; len < 3; len++) {
      for (const v of values.filter((x) => x.length === len)) for (const c of alphabet) values.push(v + c);
    }
    let taken = 0;
    for (const v of values) {
      for (const yaml of [`k: ${v}\n`, `k:\n  - ${v}\n`]) {
        const { slow, fast } = both(yaml);
        if (fast === null) continue;
        taken++;
        expect({ yaml, ...fast }).toEqual({ yaml, ...slow });
      }
    }
    expect(taken).toBeGreaterThan(values.length / 4);
  });

  it('declines every shape it cannot type for certain', () => {
    const declined = [
      'status: yes', 'status: ~', 'status: null', 'order: 0x1', 'order: 1e3', 'order: .5', 'order: 1.5', 'order: -1',
      'title: a: b', 'title: a #b', 'title: a:', 'title:\ta', 'title: &a x', 'title: !!str x', 'title: [a]', 'title: {a: 1}',
      'title: |\n  x', 'title: >\n  x', "title: 'x'", 'title: "a\\"b"', 'title: "a\\tb"', 'status: a\nstatus: b',
      ' status: a', 'status: a\n  more', 'r:\n  - title: a\n      url: b', 'r:\n  - "a"\n    url: b', 'r:\n  -  x',
      'title:\n# comment\nstatus: a', 'r: x\n  - a', 'true: x', 'y: x', '"title": x', 'status: todo # trailing',
      'r:\n  - [a](b)', 'r:\n  - - a', 'r:\n  -', 'title: a\u00a0b', 'title: a\rb',
    ];
    for (const yaml of declined) {
      expect({ yaml, taken: simpleDocument(`${yaml}\n`, new LineCounter()) !== null }).toEqual({ yaml, taken: false });
    }
  });

  it('is off while tests turn it off', () => {
    expect(simpleDocument('status: todo\n', new LineCounter())).not.toBeNull();
    useSimpleBlocks(false);
    expect(simpleDocument('status: todo\n', new LineCounter())).toBeNull();
  });

  it('leaves the line counter alone when it declines', () => {
    const lines = new LineCounter();
    expect(simpleDocument('status: a\nb: yes\n', lines)).toBeNull();
    expect(lines.lineStarts).toEqual([]);
  });
});

describe('parseStatusBlock: the same module and findings with the fast path on and off', () => {
  it('on thousands of generated READMEs', () => {
    const rnd = mulberry32(42);
    const ids = ['03-transformer-architecture', '10-ethics', 'notes', '007-x'];
    const blocks = randomBlocks(77, 6000);
    let taken = 0;
    for (const yaml of blocks) {
      if (simpleDocument(yaml, new LineCounter()) !== null) taken++;
      // Blank lines above, a BOM and a heading vary where the block starts and what the title falls back to.
      const above = rnd() < 0.1 ? '\n\n' : rnd() < 0.1 ? '\uFEFF' : '';
      const body = rnd() < 0.5 ? '# Heading\n\n- [x] a\n- [ ] b\n' : '';
      expectSameModule(`${above}---\n${yaml}---\n${body}`, ids[Math.floor(rnd() * ids.length)]);
    }
    expect(taken).toBeGreaterThan(blocks.length / 10);
    // Each README goes through the one reader twice: correctness, not speed, is what is asserted.
  }, 180_000);

  it('on the SPEC example, this repository\'s modules and the bench journey', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'odyssey-simple-'));
    try {
      generateJourney(dir, 30);
      expectSameModule(SPEC_EXAMPLE);
      expectSameModule(SPEC_EXAMPLE.replace(/\n/g, '\r\n'));
      for (const root of [ROOT, dir]) {
        for (const id of readdirSync(path.join(root, 'modules'))) expectSameModule(readFileSync(path.join(root, 'modules', id, 'README.md'), 'utf8'), id);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
