// One scalar of a simple status block, typed as yaml's core schema (1.2) would type it, or null
// when its type is not certain without the full parser: the caller then falls back to yaml.
import { Scalar } from 'yaml';

/**
 * Plain words the core schema reads as null or booleans, and the YAML 1.1 booleans some readers
 * expect: never taken, so a block holding one goes through yaml itself.
 */
const WORDS = new Set([
  'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

/** Letters, digits, `_` and `-`, starting with a letter: a key that is a string in every schema. */
export const SIMPLE_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function isSimpleKey(key: string): boolean {
  return SIMPLE_KEY.test(key) && !WORDS.has(key);
}

function scalar(value: unknown, source: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number): Scalar {
  const s = new Scalar(value);
  s.range = [start, valueEnd, nodeEnd];
  s.source = source;
  s.type = type;
  return s;
}

export function keyScalar(key: string, start: number): Scalar {
  return scalar(key, key, 'PLAIN', start, start + key.length, start + key.length);
}

/** `key:` with nothing after it: yaml places the null right after the line's last space. */
export function emptyScalar(at: number): Scalar {
  return scalar(null, '', 'PLAIN', at, at, at);
}

/** The digits-first plain values whose type is certain: integers, `YYYY-MM-DD` (a string in 1.2), and texts with a space. */
function digitsFirst(v: string): unknown {
  if (/^[0-9]+$/.test(v)) return parseInt(v, 10);
  // No number or null pattern of the core schema allows a space, nor the shape of a date.
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) || v.includes(' ')) return v;
  return undefined;
}

/**
 * `text[start, end)` is a value written on one line, without its leading spaces; trailing spaces
 * are allowed. `nodeEnd` is where the next line starts.
 */
export function valueScalar(text: string, start: number, end: number, nodeEnd: number): Scalar | null {
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  const v = text.slice(start, end);
  const first = v.charCodeAt(0);
  if (first === 0x22) {
    // `"…"` with no escape and no inner quote: its value is its inner text, as written.
    if (v.length < 2 || v.charCodeAt(v.length - 1) !== 0x22) return null;
    const inner = v.slice(1, -1);
    if (inner.includes('"') || inner.includes('\\')) return null;
    return scalar(inner, inner, 'QUOTE_DOUBLE', start, end, nodeEnd);
  }
  // A plain value: no `: ` (a nested mapping), no ` #` (a comment), no `:` at its end.
  if (v.includes(': ') || v.includes(' #') || v.endsWith(':')) return null;
  let value: unknown;
  if (first >= 0x30 && first <= 0x39) value = digitsFirst(v);
  else if ((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a) || first >= 0x80) {
    // Letters start no number; non-ASCII starts no indicator and no number.
    value = WORDS.has(v) ? undefined : v;
  }
  if (value === undefined) return null;
  return scalar(value, v, 'PLAIN', start, end, nodeEnd);
}
