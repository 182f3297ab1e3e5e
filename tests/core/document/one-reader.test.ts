// One reader: markdown is parsed only in src/core/document/. Writing markdown (mdast-util-to-markdown,
// mdast-util-gfm-table) and mdast's types are fine anywhere; parsing is not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.join(import.meta.dirname, '../../../src');
const PARSERS = /^(?:markdown-it(?:-[\w-]+)?|remark(?:-[\w-]+)?|micromark(?:-[\w-]+)?|mdast-util-from-markdown|unified|commonmark|marked)(?:\/|$)/;
const IMPORT = /\b(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.[cm]?[jt]s$/.test(e.name) ? [p] : [];
  });
}

it('no module outside src/core/document/ imports a markdown parser', () => {
  const offenders: string[] = [];
  let scanned = 0;
  for (const file of sources(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (rel.startsWith('core/document/')) continue;
    scanned++;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (PARSERS.test(spec)) offenders.push(`src/${rel} imports ${spec}: read the DocumentModel (src/core/document) instead`);
    }
  }
  expect(scanned).toBeGreaterThan(50);
  expect(offenders).toEqual([]);
});

it('the check itself catches an import of a parser', () => {
  const sample = "import MarkdownIt from 'markdown-it';\nimport { unified } from \"unified\";\nimport type { Root } from 'mdast';\nconst x = await import('remark-parse');";
  const found = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!).filter((s) => PARSERS.test(s));
  expect(found).toEqual(['markdown-it', 'unified', 'remark-parse']);
});
