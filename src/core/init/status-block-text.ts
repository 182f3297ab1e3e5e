// A status block as text: YAML between `---` fences, written by the yaml package so that titles
// with `: `, links starting with `[`, and numbers-as-text come out quoted and read back as written.
import { stringify } from 'yaml';

/** `fields` in the order they should appear; null values are written as an empty `key:` to fill in later. */
export function statusBlockText(fields: Record<string, unknown>, eol: '\n' | '\r\n' = '\n'): string {
  const yaml = stringify(fields, { nullStr: '', lineWidth: 0, defaultKeyType: 'PLAIN' });
  const text = `---\n${yaml}---\n`;
  return eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}
