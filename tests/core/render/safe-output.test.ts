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

  it('writes without a line that starts with a colon (the fast way) exactly as line by line', () => {
    // The line-by-line sink as it was before the fast way, for reference.
    const reference = (write: (t: string) => void, o: { tty?: boolean }) => {
      let head: string | null = '';
      return (text: string) => {
        const clean = escapeControls(text, o).replaceAll('##[', `##${WORD_JOINER}[`);
        let out = '';
        for (const part of clean.split(o.tty ? /(\r|\n)/ : /(\n)/)) {
          if (part === '\n' || part === '\r') {
            out += part;
            head = '';
            continue;
          }
          if (head === null || part === '') {
            out += part;
            continue;
          }
          const line = head + part;
          const m = /^[ \t]*::/.exec(line);
          let piece = part;
          if (m) {
            const at = m[0].length - 1 - head.length;
            piece = part.slice(0, at) + WORD_JOINER + part.slice(at);
          }
          head = /^[ \t]*:?$/.test(line) ? line : null;
          out += piece;
        }
        if (out !== '') write(out);
      };
    };
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = [' ', '\t', ':', '::', '\n', '\r', '\r\n', 'a', 'x y', '#', '##[', '[', '\x1b[2K', '\x1b[1m', '\x07', '{"k": 1}'];
    for (let k = 0; k < 3000; k++) {
      const tty = rnd() < 0.5;
      let a = '';
      let b = '';
      const sink = createSafeSink((t) => (a += t), { tty });
      const ref = reference((t) => (b += t), { tty });
      for (let w = 0; w < 1 + rnd() * 5; w++) {
        let text = '';
        for (let c = 0; c < rnd() * 12; c++) text += alphabet[Math.floor(rnd() * alphabet.length)];
        sink(text);
        ref(text);
      }
      expect(a).toBe(b);
    }
  });
});
