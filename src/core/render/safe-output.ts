// The last step before any text reaches a terminal or a GitHub runner's log. The runner reads a
// line whose first non-blank characters are `::` as a workflow command (`::error::`,
// `::add-mask::`, `::stop-commands::`…), and the older `##[name]` form anywhere in a line; it
// splits lines at LF, CR and CRLF. A file name, title, URL or message can hold any of these, so
// every line odyssey writes passes through here:
//   - a line starting (after blanks) with `::` gets a word joiner (U+2060) between the colons;
//   - `##[` gets one between `##` and `[`;
//   - a lone CR (not before LF) is written `\r`; CRLF becomes LF; other control characters
//     (C0 except tab and LF, DEL, C1) are written `\xNN`; colour (SGR: ESC [ … m) is kept, and on
//     a terminal the progress line's own CR and erase-line sequence too.
// Pure; the sink keeps the state of the line being written across calls, so a command split
// over two writes is caught as well. JSON output is unchanged by it (its strings hold no control
// characters and no line of it starts with `::`), except `##[`, which stays valid JSON.
export const WORD_JOINER = '\u2060';

export interface SafeSinkOptions {
  /** A terminal: CR and ESC [ 2 K (the live progress line) pass through. */
  tty?: boolean;
}

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

// SGR colour, and on a terminal the erase-line used by progress.
const SGR = /^\x1b\[[0-9;]*m/;
const ERASE = /^\x1b\[[0-2]?K/;

/** Control characters made visible (see the file comment); newlines stay LF. */
export function escapeControls(text: string, o: SafeSinkOptions = {}): string {
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (c === '\n' || c === '\t' || (code >= 0x20 && code < 0x7f) || code > 0x9f) {
      out += c;
      continue;
    }
    if (c === '\r') {
      if (text[i + 1] === '\n') continue;
      out += o.tty ? '\r' : '\\r';
      continue;
    }
    if (c === '\x1b') {
      const rest = text.slice(i, i + 32);
      const m = SGR.exec(rest) ?? (o.tty ? ERASE.exec(rest) : null);
      if (m) {
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
    }
    out += hex(c);
  }
  return out;
}

const LINE_COLON = /(?:^|\n)[ \t]*:/;

/** A writer that neutralises workflow commands and control characters in what it is given. */
export function createSafeSink(write: (text: string) => void, o: SafeSinkOptions = {}): (text: string) => void {
  // The current line so far, while it is only blanks and at most one colon (a command could still
  // start); null once anything else was written on it.
  let head: string | null = '';
  return (text: string) => {
    const clean = escapeControls(text, o).replaceAll('##[', `##${WORD_JOINER}[`);
    // Most writes (a long JSON document, say) have no line that starts, after blanks, with a
    // colon: none can be a command, so only the state of the last line is kept (the same as below).
    if (!LINE_COLON.test(clean) && !(o.tty && clean.includes('\r'))) {
      const nl = clean.lastIndexOf('\n');
      const line = nl === -1 ? (head === null ? null : head + clean) : clean.slice(nl + 1);
      head = line !== null && /^[ \t]*:?$/.test(line) ? line : null;
      if (clean !== '') write(clean);
      return;
    }
    let out = '';
    // Lines of this write; on a terminal CR also starts a line (progress redraws).
    const parts = clean.split(o.tty ? /(\r|\n)/ : /(\n)/);
    for (const part of parts) {
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
        // Between the two colons; the first may have been written by an earlier call.
        const at = m[0].length - 1 - head.length;
        piece = part.slice(0, at) + WORD_JOINER + part.slice(at);
      }
      head = /^[ \t]*:?$/.test(line) ? line : null;
      out += piece;
    }
    if (out !== '') write(out);
  };
}

/** One whole text made safe (a fresh line state): for a single message or log line. */
export function safeOutput(text: string, o: SafeSinkOptions = {}): string {
  let out = '';
  createSafeSink((t) => (out += t), o)(text);
  return out;
}
