// GitHub's anchors, held to GitHub's own parser: every heading of a corpus of real-world heading
// shapes is rendered by cmark-gfm, its shown text slugged (github-slugger, duplicates numbered), and
// compared with the anchors the document model makes; and fragments on links to folders and files
// are judged against the anchors cmark-gfm gives the README GitHub shows there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeHTMLStrict } from 'entities';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { anchorsOf, linksOf, parseDocument } from '../../../src/core/document/index.js';
import { classifyLinks } from '../../../src/core/links/classify.js';
import type { FileView } from '../../../src/core/links/file-view.js';
import { cmarkHtml, requireCmarkGfm } from '../../support/cmark-gfm.js';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/anchors');

/** GitHub's anchors of a markdown text: cmark-gfm's headings' text slugged in order, and every id/name. */
function githubAnchors(text: string): { headings: string[]; all: Set<string> } {
  const html = cmarkHtml(text);
  const slugger = new GithubSlugger();
  const headings: string[] = [];
  for (const m of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const shown = decodeHTMLStrict(m[2]!.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ''));
    headings.push(slugger.slug(shown));
  }
  const all = new Set(headings);
  for (const m of html.matchAll(/<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) all.add(decodeHTMLStrict(m[1] ?? m[2]!));
  return { headings, all };
}

const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));

describe('heading anchors equal those GitHub (cmark-gfm) makes', () => {
  requireCmarkGfm();
  let headings = 0;
  for (const file of corpus) {
    it(file, () => {
      const text = readFileSync(path.join(FIXTURES, file), 'utf8');
      const want = githubAnchors(text);
      const model = parseDocument(text, file);
      headings += want.headings.length;
      // File by file, every difference: the ordered heading anchors, then the whole anchor set.
      expect(model.headings.map((h) => h.anchor)).toEqual(want.headings);
      expect([...anchorsOf(model)].sort()).toEqual([...want.all].sort());
    });
  }
  it('the corpus holds at least 150 headings', () => {
    expect(headings).toBeGreaterThanOrEqual(150);
  });
});

/** Every path under `dir`, root-relative, with its kind. */
function walk(dir: string, rel = '', out = new Map<string, 'file' | 'dir'>()): Map<string, 'file' | 'dir'> {
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    const kind = statSync(path.join(dir, r)).isDirectory() ? 'dir' : 'file';
    out.set(r, kind);
    if (kind === 'dir') walk(dir, r, out);
  }
  return out;
}

describe('fragments on links to folders and files are judged against the README GitHub shows', () => {
  requireCmarkGfm();
  const root = path.join(FIXTURES, 'folders');
  const kinds = walk(root);
  const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
  const view: FileView = {
    kind: (p) => (p === '' ? 'dir' : (kinds.get(p) ?? null)),
    caseVariant: () => null,
    anchors: (p) => (kinds.get(p) === 'file' && /\.(md|markdown)$/.test(p) ? anchorsOf(parseDocument(read(p), p)) : undefined),
  };

  /** The oracle: where the link lands and whether cmark-gfm gives that README or file the anchor. */
  function expected(url: string): 'ok' | 'missing-anchor' | 'unchecked' {
    const [p, frag] = url.split('#') as [string, string];
    let target = path.posix.normalize(p === '' ? 'README.md' : p.replace(/^\//, '')).replace(/\/$/, '');
    if (target === '.') target = '';
    if (view.kind(target) === 'dir') {
      const readme = [...kinds.keys()].find((k) => path.posix.dirname(k) === (target || '.') && /^readme(\.(md|markdown))?$/i.test(path.posix.basename(k)));
      if (!readme || !/\.(md|markdown)$/.test(readme)) return 'unchecked';
      target = readme;
    }
    const bare = frag.replace(/^user-content-/, '');
    const all = githubAnchors(read(target)).all;
    return all.has(bare) || all.has(bare.toLowerCase()) ? 'ok' : 'missing-anchor';
  }

  it('README.md: at least 40 fragments, zero differences', () => {
    const links = linksOf(parseDocument(read('README.md'), 'README.md'), 'README.md');
    expect(links.length).toBeGreaterThanOrEqual(40);
    const differences: string[] = [];
    const seen = new Set<string>();
    for (const l of links) {
      const c = classifyLinks([l], view, { placeholders: [], ignore: [] });
      const got = c.findings.some((f) => f.kind === 'missing-anchor') ? 'missing-anchor' : c.counts['unchecked-anchor'] ? 'unchecked' : c.findings.length ? c.findings[0]!.kind : 'ok';
      const want = expected(l.url);
      seen.add(want);
      if (got !== want) differences.push(`README.md:${l.line}:${l.column} ${l.url}: GitHub ${want}, odyssey ${got}`);
    }
    expect(differences).toEqual([]);
    // The corpus has all three outcomes, so a checker that says one thing everywhere fails.
    expect([...seen].sort()).toEqual(['missing-anchor', 'ok', 'unchecked']);
  });
});
