// Why the one reader is markdown-it: parse throughput of the document model (markdown-it plus our
// rules), plain markdown-it, and micromark (remark-parse + remark-gfm, i.e. mdast-util-from-markdown
// with GFM) on link-dense notes and on prose notes. Run alone: `npx tsx bench/document/index.ts`.
import MarkdownIt from 'markdown-it';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from '../../src/core/document/index.js';
import { mulberry32 } from '../../tests/support/prng.js';

const WORDS = 'attention transformer layer gradient descent embedding token residual norm softmax query key value head'.split(' ');

function note(seed: number, linkDense: boolean): string {
  const r = mulberry32(seed);
  const w = () => WORDS[Math.floor(r() * WORDS.length)]!;
  const out: string[] = ['---', 'title: Note', 'status: in-progress', '---', '', `# ${w()} ${w()}`, ''];
  for (let s = 0; s < 40; s++) {
    out.push(`## ${w()} ${w()} ![badge](https://img.shields.io/badge/${w()}-ok-green)`, '');
    for (let p = 0; p < 4; p++) {
      const words: string[] = [];
      for (let i = 0; i < 60; i++) {
        const x = r();
        if (linkDense && x < 0.12) words.push(`[${w()}](https://example.org/${w()}/${i}#${w()})`);
        else if (linkDense && x < 0.16) words.push(`see https://docs.example.com/${w()}?q=${i}`);
        else if (linkDense && x < 0.19) words.push(`[${w()}](../${w()}/README.md#${w()}-${w()})`);
        else if (!linkDense && x < 0.01) words.push(`[${w()}](https://example.org/${w()})`);
        else if (x > 0.97) words.push(`\`${w()}()\``);
        else if (x > 0.95) words.push(`**${w()}**`);
        else words.push(w());
      }
      out.push(words.join(' '), '');
    }
    out.push(`- [${r() < 0.5 ? 'x' : ' '}] ${w()} ${w()}`, `  - [ ] ${w()}`, '', '```python', `${w()} = ${w()}()`, '```', '');
  }
  return out.join('\n');
}

function rate(label: string, texts: string[], fn: (t: string) => unknown): Record<string, string> {
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  fn(texts[0]!);
  const t0 = performance.now();
  for (const t of texts) fn(t);
  const s = (performance.now() - t0) / 1000;
  return { parser: label, MB: (bytes / 1e6).toFixed(2), seconds: s.toFixed(2), 'MB/s': (bytes / 1e6 / s).toFixed(2) };
}

export async function runDocumentBench(): Promise<void> {
  const md = new MarkdownIt({ html: true });
  const remark = unified().use(remarkParse).use(remarkGfm);
  for (const [kind, dense] of [['link-dense', true], ['prose', false]] as const) {
    const texts = Array.from({ length: 20 }, (_, i) => note(i + 1, dense));
    const rows = [
      rate('parseDocument (markdown-it + model)', texts, (t) => parseDocument(t)),
      rate('markdown-it alone', texts, (t) => md.parse(t, {})),
      // micromark is slow enough that a quarter of the notes says enough.
      rate('micromark (remark-parse + remark-gfm)', texts.slice(0, 5), (t) => remark.runSync(remark.parse(t))),
    ];
    console.log(`\n${kind} notes (${texts.length} × ${(Buffer.byteLength(texts[0]!) / 1024).toFixed(0)} KB)`);
    console.table(rows);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runDocumentBench();
