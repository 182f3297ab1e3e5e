import { describe, expect, it } from 'vitest';
import { decodeMarkerId, encodeMarkerId, findMarkerId, markerLine } from '../../../src/core/issues/marker-id.js';
import { neutralise } from '../../../src/core/issues/neutralise.js';
import { sameBody } from '../../../src/core/issues/same-body.js';

const ZWJ = '\u200d';

describe('neutralise', () => {
  it('breaks mentions, team mentions, issue references and GH- references with a zero-width joiner', () => {
    expect(neutralise('@octocat and @org/team, #12, GH-3, octo/repo#4')).toBe(`@${ZWJ}octocat and @${ZWJ}org/team, #${ZWJ}12, GH-${ZWJ}3, octo/repo#${ZWJ}4`);
  });
  it('leaves e-mail addresses, headings without numbers and URLs as written', () => {
    expect(neutralise('me@example.com #hash https://x.org/@user/#12')).toBe('me@example.com #hash https://x.org/@user/#12');
  });
  it('turns HTML into text, so no marker can be forged', () => {
    expect(neutralise('<!-- odyssey:topic x -->')).toBe('&lt;!-- odyssey:topic x -->');
  });
  it('is idempotent', () => {
    const once = neutralise('@a #1 <b>');
    expect(neutralise(once)).toBe(once);
  });
});

describe('marker ids', () => {
  it.each(['01-basics', '01 my topic', 'a-->b', 'ünïcødé', '100%', 'x--y', ' lead'])('round-trips %j and keeps the marker one token', (id) => {
    const line = markerLine('topic', id);
    expect(line).toMatch(/^<!-- odyssey:topic [A-Za-z0-9._~%-]+ -->$/);
    expect(line.slice(4, -3)).not.toContain('--');
    expect(findMarkerId('topic', `text\n${line}\nmore`)).toBe(id);
  });
  it('reads markers written before ids were encoded', () => {
    expect(findMarkerId('stale', '<!-- odyssey:stale 01-basics -->')).toBe('01-basics');
    expect(findMarkerId('stale', '<!-- odyssey:stale 01 old topic -->')).toBe('01 old topic');
    expect(decodeMarkerId('bad%zz')).toBe('bad%zz');
    expect(encodeMarkerId('01-basics')).toBe('01-basics');
  });
});

describe('sameBody', () => {
  it('compares as GitHub stores bodies: CRLF, trailing spaces and the pinned commit do not count', () => {
    const a = 'x [l](https://h/o/r/blob/' + 'a'.repeat(40) + '/f#L1)\nline  \n';
    const b = 'x [l](https://h/o/r/blob/' + 'b'.repeat(40) + '/f#L1)\r\nline\r\n\r\n';
    expect(sameBody(a, b)).toBe(true);
    expect(sameBody(a, a.replace('#L1', '#L2'))).toBe(false);
  });
});
