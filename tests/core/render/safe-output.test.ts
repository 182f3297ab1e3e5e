import { describe, expect, it } from 'vitest';
import { createSafeSink, escapeControls, safeOutput, WORD_JOINER } from '../../../src/core/render/safe-output.js';

/** Lines a GitHub runner would parse as workflow commands (it splits at CR, LF and CRLF). */
const commandLines = (text: string) => text.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));

describe('safeOutput', () => {
  it('leaves ordinary text, tabs, colons mid-line and JSON alone', () => {
    const text = 'README.md:3:5: error: `x` does not exist\tsee a::b\n{\n  "url": "::x"\n}\n';
    expect(safeOutput(text)).toBe(text);
  });

  it('breaks a line starting with :: (after blanks) with a word joiner between the colons', () => {
    expect(safeOutput('::error::pwned\n')).toBe(`:${WORD_JOINER}:error::pwned\n`);
    expect(safeOutput('ok\n   ::set-output name=x::y\n')).toBe(`ok\n   :${WORD_JOINER}:set-output name=x::y\n`);
    expect(commandLines(safeOutput('a\n::add-mask::x\n\t::stop-commands::t\n'))).toEqual([]);
  });

  it('writes a lone CR visibly so it cannot start a line; CRLF becomes LF', () => {
    expect(safeOutput('file\r::error::x\n')).toBe('file\\r::error::x\n');
    expect(safeOutput('a\r\n::warning::x\r\n')).toBe(`a\n:${WORD_JOINER}:warning::x\n`);
    expect(commandLines(safeOutput('x\r::error::a\r\n::error::b'))).toEqual([]);
  });

  it('breaks the old ##[command] form anywhere in a line', () => {
    expect(safeOutput('see ##[set-output name=a]b')).toBe(`see ##${WORD_JOINER}[set-output name=a]b`);
  });

  it('makes other control characters visible but keeps colour', () => {
    expect(escapeControls('a\x07b\x1b]0;title\x07c\x9bd')).toBe('a\\x07b\\x1b]0;title\\x07c\\x9bd');
    expect(escapeControls('\x1b[31mred\x1b[0m')).toBe('\x1b[31mred\x1b[0m');
    expect(escapeControls('\r\x1b[2Kprogress')).toBe('\\r\\x1b[2Kprogress');
    expect(escapeControls('\r\x1b[2Kprogress', { tty: true })).toBe('\r\x1b[2Kprogress');
  });

  it('catches a command split over two writes', () => {
    let out = '';
    const sink = createSafeSink((t) => (out += t));
    sink('line\n  :');
    sink(':error::split\n');
    sink('::');
    sink('warning::two\nmid ');
    sink('::not-at-start\n');
    expect(commandLines(out)).toEqual([]);
    expect(out).toBe(`line\n  :${WORD_JOINER}:error::split\n:${WORD_JOINER}:warning::two\nmid ::not-at-start\n`);
  });

  it('on a terminal, a CR starts a line too (progress redraws)', () => {
    expect(safeOutput('\r::x', { tty: true })).toBe(`\r:${WORD_JOINER}:x`);
  });
});
