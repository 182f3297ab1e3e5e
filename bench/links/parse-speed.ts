// Parse throughput on a generated journey: plain markdown-it vs our extractor (run: npx tsx bench/links/parse-speed.ts DIR).
import { readFileSync, readdirSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { extractLinks } from '../../src/core/links/extract.js';
const root = process.argv[2]!;
const texts: string[] = [];
for (const d of readdirSync(root + '/modules')) for (const f of readdirSync(`${root}/modules/${d}`)) texts.push(readFileSync(`${root}/modules/${d}/${f}`, 'utf8'));
const bytes = texts.reduce((a, t) => a + t.length, 0);
const md = new MarkdownIt({ html: true });
for (let rep = 0; rep < 2; rep++) {
let t = performance.now(); for (const x of texts) md.parse(x, {}); let s = (performance.now() - t) / 1000;
console.log('plain markdown-it', (bytes / 1e6).toFixed(1), 'MB', s.toFixed(2), 's', (bytes / 1e6 / s).toFixed(1), 'MB/s');
t = performance.now(); let n = 0; for (const x of texts) n += extractLinks('f.md', x).links.length; s = (performance.now() - t) / 1000;
console.log('extractLinks', s.toFixed(2), 's', (bytes / 1e6 / s).toFixed(1), 'MB/s', n);
}
