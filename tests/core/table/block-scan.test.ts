import { describe, expect, it } from 'vitest';
import { scanTopLevelHtml } from '../../../src/core/table/block-scan.js';
import { randomDoc, rng } from './block-docs.js';
import { topLevelHtmlLines } from './remark-oracle.js';

const scanned = (text: string): string =>
  scanTopLevelHtml(text)
    .map((h) => `${h.startLine}-${h.endLine}`)
    .join(' ');

const M = '<!-- odyssey:progress:start -->';

describe('scanTopLevelHtml agrees with remark', () => {
  // Each case pins a rule (or a micromark quirk) the scanner has to follow; remark decides.
  const cases: Record<string, string> = {
    'a marker on its own line': `# T\n\n${M}\n`,
    'a marker indented by three spaces': `   ${M}\n`,
    'four spaces make indented code': `    ${M}\n`,
    'a tab makes indented code': `\t${M}\n`,
    'inside a fenced code block': `\`\`\`md\n${M}\n\`\`\`\n${M}\n`,
    'inside a tilde fence with a longer closer': `~~~\n${M}\n~~~~\n${M}\n`,
    'a backtick fence cannot close with tildes': `\`\`\`\n~~~\n${M}\n`,
    'in inline code': `Use \`${M}\` here.\n`,
    'in a block quote': `> ${M}\n`,
    'lazy line after a quote starts a block': `> quote\n${M}\n`,
    'in a list item': `- ${M}\n`,
    'indented under a list item': `- item\n\n  ${M}\n`,
    'not indented enough for the item': `1. item\n  ${M}\n`,
    'after an empty item and a blank line': `-\n\n  ${M}\n`,
    'inside a footnote definition': `[^1]: note\n\n    ${M}\n`,
    'inside an HTML block (kind 6) until a blank line': `<div>\n${M}\n\n${M}\n`,
    'after a comment that spans lines': `<!-- open\n${M}\n`,
    'after a comment closed earlier': `<!-- a -->\n${M}\n`,
    'a lazy complete tag stays in the quote': `> para\n<span>\n> x\n${M}\n`,
    'a table ends at the marker': `| a |\n| - |\n| b |\n${M}\n`,
    'a kind-7 table head is an HTML block': `text\n<span>\n| - |\n${M}\n\n${M}\n`,
    'indented code then an ordered list (micromark)': `    code\n\n2. x\n${M}\n`,
    'a paragraph of definitions only is not setext': `[a]: /u\n-\n<span>\n${M}\n\n${M}\n`,
    'CRLF line endings': `> q\r\n${M}\r\n- i\r\n  ${M}\r\n`,
    'CR line endings': `\`\`\`\r${M}\r\`\`\`\r${M}\r`,
    'no trailing newline': `x\n\n${M}`,
    'a byte order mark before the first line': `\uFEFF${M}\n`,
    'an unclosed fence hides everything after it': `${M}\n\`\`\`\n${M}\n`,
  };
  for (const [name, doc] of Object.entries(cases)) {
    it(name, () => {
      expect(scanned(doc)).toBe(topLevelHtmlLines(doc));
    });
  }

  it('on 600 generated documents dense in block constructs', () => {
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 600; seed++) {
      const doc = randomDoc(rng(seed));
      const want = topLevelHtmlLines(doc);
      const got = scanned(doc);
      if (want !== got) mismatches.push(`seed ${seed}: ${JSON.stringify(doc)} remark=${want} scanner=${got}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('reports offsets of the first line of each top-level block', () => {
    const doc = `a\r\n\r\n  ${M}\r\nb`;
    const [h] = scanTopLevelHtml(doc);
    expect(h).toBeDefined();
    expect(doc.slice(h!.lineStart, h!.lineEnd)).toBe(`  ${M}`);
    expect(doc.slice(h!.lineEnd, h!.nextLineStart)).toBe('\r\n');
    expect(h!.kind).toBe(2);
  });
});
