import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
const para = 'This is **some prose** with a [link](https://example.org/x) and `code` and more words to fill the line. ';
let parts = ['# Title\n\n'];
let size = 0; let i = 0;
while (size < 10_000_000) {
  const chunk = i % 5 === 0 ? '- item one\n- item two with *emph*\n  continued\n\n' :
    i % 7 === 0 ? '```js\nconst x = 1;\n<!-- odyssey:progress:start -->\n```\n\n' :
    i % 11 === 0 ? '| a | b |\n| - | - |\n| 1 | 2 |\n\n' :
    para.repeat(4) + '\n\n';
  parts.push(chunk); size += chunk.length; i++;
  if (i === 5000) parts.push('<!-- odyssey:progress:start -->\n| x |\n|---|\n<!-- odyssey:progress:end -->\n\n');
}
const text = parts.join('');
console.log('bytes', text.length);
for (const [name, opts] of [['commonmark', {}], ['gfm', { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }]]) {
  const t0 = performance.now();
  const tree = fromMarkdown(text, opts);
  const t1 = performance.now();
  console.log(name, ((t1 - t0) / 1000).toFixed(2), 's', tree.children.length);
}
