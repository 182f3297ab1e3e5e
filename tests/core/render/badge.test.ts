import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { badgeColor, badgeMessage, renderBadge, textWidth } from '../../../src/core/render/badge.js';
import type { Module, Status } from '../../../src/core/model.js';

interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (t: { name: string; attributes: Record<string, string> }) => void;
  ontext: (t: string) => void;
  write(s: string): SaxParser;
  close(): void;
}
// sax (a linkinator dependency) in strict mode: a real XML parser, so malformed SVG fails the test.
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): SaxParser };

function readSvg(svg: string): { tags: Array<{ name: string; attributes: Record<string, string> }>; texts: string[] } {
  const p = sax.parser(true);
  const tags: Array<{ name: string; attributes: Record<string, string> }> = [];
  const texts: string[] = [];
  p.onerror = (e) => {
    throw e;
  };
  p.onopentag = (t) => tags.push(t);
  p.ontext = (t) => {
    if (t.trim()) texts.push(t);
  };
  p.write(svg).close();
  return { tags, texts };
}

function mods(...statuses: Array<Status | null>): Module[] {
  return statuses.map((status, i) => ({
    id: `0${i}-m`,
    file: `modules/0${i}-m/README.md`,
    title: `M${i}`,
    status,
    resources: [],
    order: i,
    extra: {},
    tasks: [],
    broken: status === null,
  }));
}

describe('renderBadge', () => {
  it('is well-formed SVG whose text and accessible name give done/total and the percentage', () => {
    const svg = renderBadge(mods('done', 'done', 'todo', 'in-progress', null, 'paused', 'todo', 'todo'));
    const { tags, texts } = readSvg(svg);
    expect(tags[0]!.name).toBe('svg');
    expect(tags[0]!.attributes['aria-label']).toBe('progress: 2/8 done · 25%');
    expect(texts).toContain('2/8 done · 25%');
    expect(texts).toContain('progress');
    const rects = tags.filter((t) => t.name === 'rect');
    expect(rects.map((r) => r.attributes.fill)).toContain('#dfb317');
  });

  it('gives the same bytes for the same journey and different bytes when a topic is done', () => {
    const a = renderBadge(mods('done', 'todo', 'todo'));
    expect(renderBadge(mods('done', 'todo', 'todo'))).toBe(a);
    expect(renderBadge(mods('done', 'done', 'todo'))).not.toBe(a);
  });

  it('widens the badge with its text so the message never overflows', () => {
    const width = (svg: string) => Number(readSvg(svg).tags[0]!.attributes.width);
    const small = width(renderBadge(mods('done')));
    const big = width(renderBadge(mods(...Array<Status>(110).fill('done'), ...Array<Status>(10).fill('todo'))));
    expect(big).toBeGreaterThan(small);
    expect(width(renderBadge(mods('done')))).toBe(textWidth('progress') + textWidth('1/1 done · 100%') + 20);
  });

  it('escapes a custom label', () => {
    const { texts, tags } = readSvg(renderBadge(mods('todo'), 'a<b & "c"'));
    expect(texts).toContain('a<b & "c"');
    expect(tags[0]!.attributes['aria-label']).toBe('a<b & "c": 0/1 done · 0%');
  });
});

describe('badgeMessage and badgeColor', () => {
  it('counts only done topics, rounds down, and says when there are none', () => {
    expect(badgeMessage(mods('done', 'done', 'todo'))).toEqual({ text: '2/3 done · 66%', percent: 66 });
    expect(badgeMessage([])).toEqual({ text: 'no topics', percent: 0 });
  });

  it.each([
    [0, '#e05d44'],
    [10, '#fe7d37'],
    [49, '#dfb317'],
    [50, '#a4a61d'],
    [99, '#97ca00'],
    [100, '#4c1'],
  ])('%i%% → %s', (p, c) => {
    expect(badgeColor(p)).toBe(c);
  });
});
