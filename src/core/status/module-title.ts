// A module's title when its block has none: its first heading as plain text, else its id made readable.

// Each pattern stops at the next bracket of its kind, so a long line costs linear time.
const IMAGE = /!\[([^[\]]*)\]\([^()]*\)/g;
const LINK = /\[([^[\]]*)\]\([^()]*\)/g;
const REFERENCE = /\[([^[\]]*)\]\[[^[\]]*\]/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/g;
const CODE = /(`+)([^`]+)\1/g;
const STAR_EMPHASIS = /(\*{1,3}|~~)(?=\S)([^*~]+?)(?<=\S)\1/g;
// `snake_case` is not emphasis: underscores only count at word edges.
const UNDERSCORE_EMPHASIS = /(?<![\p{L}\p{N}])(_{1,3})(?=\S)([^_]+?)(?<=\S)\1(?![\p{L}\p{N}])/gu;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
// Escaped characters are parked in the private-use area so no markup pattern sees them.
const PARKED = /[\uE000-\uE07F]/g;
const park = (_: string, c: string): string => String.fromCharCode(0xe000 + c.charCodeAt(0));
const unpark = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xe000);

/** `**Module 3**: [Transformers](x.md)` → `Module 3: Transformers`. */
export function plainHeading(markdown: string): string {
  return markdown
    .replace(ESCAPE, park)
    .replace(IMAGE, '$1')
    .replace(LINK, '$1')
    .replace(REFERENCE, '$1')
    .replace(HTML_TAG, '')
    .replace(CODE, '$2')
    .replace(STAR_EMPHASIS, '$2')
    .replace(UNDERSCORE_EMPHASIS, '$2')
    .replace(PARKED, unpark)
    .replace(/\s+/g, ' ')
    .trim();
}

/** `03-transformer-architecture` → `Transformer Architecture`; digits past the prefix stay (`llama-3`). */
export function readableId(id: string): string {
  const words = id
    .replace(/^\d+(?=[-_. ]|$)[-_. ]*/, '')
    .split(/[-_ ]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return id;
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}
