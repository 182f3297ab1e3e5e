import { describe, expect, it } from 'vitest';
import { findZone, spliceZone } from '../../../src/core/table/index.js';
import { rng } from './block-docs.js';

const S = '<!-- odyssey:progress:start -->';
const E = '<!-- odyssey:progress:end -->';

function zoneOf(text: string) {
  const z = findZone(text, 'README.md', 'progress');
  if (z.kind !== 'found') throw new Error(`no zone in ${JSON.stringify(text)}: ${JSON.stringify(z)}`);
  return z;
}

/** A README around a zone: random prose, line endings, BOM, trailing newline or not. */
function variant(seed: number): { text: string; eol: string; before: string; after: string } {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const eol = pick(['\n', '\r\n']);
  const words = ['# Title', 'Some *prose* here.', '', '| a | b |', '- item', '```', '```', '> quote', '  ', 'ünïcödé 中文 🚀', '\t tabbed'];
  const lines = (n: number) => Array.from({ length: n }, () => pick(words));
  // Fences are balanced so the markers stay top-level.
  const fenceSafe = (ls: string[]) => (ls.filter((l) => l === '```').length % 2 ? [...ls, '```'] : ls);
  const bom = next() < 0.2 ? '\uFEFF' : '';
  const head = fenceSafe(lines(Math.floor(next() * 6)));
  const before = bom + head.map((l) => l + eol).join('') + (head.length ? eol : '');
  // An unclosed fence inside would hide the end marker (rightly an error): keep fences out.
  const inside = lines(Math.floor(next() * 4)).filter((l) => l !== '```').map((l) => l + eol).join('');
  const tail = lines(Math.floor(next() * 5));
  // Sometimes the file ends right after the end marker, with or without a newline.
  const after = tail.length === 0 ? (next() < 0.5 ? '' : eol) : eol + eol + tail.join(eol) + (next() < 0.5 ? eol : '');
  return { text: `${before}${S}${eol}${inside}${E}${after}`, eol, before: `${before}${S}${eol}`, after: `${E}${after}` };
}

const BODIES = ['', '\nnew body\n', 'one line without newline', '\n| x |\n| - |\n| y |\n\n', 'a\r\nb\rc\n'];

describe('spliceZone', () => {
  it('keeps every byte outside the zone, over 300 generated READMEs and 5 bodies', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const v = variant(seed);
      const z = zoneOf(v.text);
      for (const body of BODIES) {
        const out = spliceZone(v.text, z, body);
        expect(out.startsWith(v.before), `seed ${seed}`).toBe(true);
        expect(out.endsWith(v.after), `seed ${seed}`).toBe(true);
      }
    }
  });

  it('writes the body with the file’s own line ending and ends it with one', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const v = variant(seed);
      const out = spliceZone(v.text, zoneOf(v.text), 'a\r\nb\rc\nd');
      const content = out.slice(v.before.length, out.length - v.after.length);
      expect(content).toBe(['a', 'b', 'c', 'd', ''].join(v.eol));
    }
  });

  it('is idempotent: splicing the same body twice gives identical bytes', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const v = variant(seed);
      for (const body of BODIES) {
        const once = spliceZone(v.text, zoneOf(v.text), body);
        const twice = spliceZone(once, zoneOf(once), body);
        expect(twice).toBe(once);
      }
    }
  });

  it('gives back the very same string when the body is unchanged', () => {
    const text = `x\r\n${S}\r\n\r\nbody\r\n\r\n${E}\r\n`;
    expect(spliceZone(text, zoneOf(text), '\nbody\n\n')).toBe(text);
  });

  it('keeps the zone findable at the same lines after a splice', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const v = variant(seed);
      const before = zoneOf(v.text);
      const after = zoneOf(spliceZone(v.text, before, '\nt\n'));
      expect(after.startLine).toBe(before.startLine);
      expect(after.endLine).toBe(before.startLine + 3);
    }
  });

  it('an empty body puts the markers on adjacent lines', () => {
    const text = `${S}\nold\n${E}`;
    expect(spliceZone(text, zoneOf(text), '')).toBe(`${S}\n${E}`);
  });
});
