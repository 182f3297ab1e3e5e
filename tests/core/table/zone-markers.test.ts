import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/index.js';
import { randomDoc, rng } from './block-docs.js';
import { parseMarkdown } from './remark-oracle.js';
import { cmarkMarkerLines, requireCmarkGfm } from '../../support/cmark-gfm.js';

const MARKER_LINE = /^<!--[ \t]*odyssey:(progress|chart):(start|end)[ \t]*-->$/;

/** The lines of the counted markers: top-level HTML comments alone on their line. */
const scanned = (text: string): string =>
  parseDocument(text)
    .markers.filter((m) => m.place === 'marker')
    .map((m) => `${m.line}`)
    .join(' ');

/** remark's answer: top-level one-line HTML nodes that read as a marker. */
function topLevelHtmlLines(text: string): string {
  return parseMarkdown(text)
    .children.filter((n) => n.type === 'html' && n.position!.start.line === n.position!.end.line && MARKER_LINE.test(n.value.trim()))
    .map((n) => `${n.position!.start.line}`)
    .join(' ');
}

const M = '<!-- odyssey:progress:start -->';

/** The model's answer, or a description of how it differs from both remark and cmark-gfm. */
function differs(doc: string): string | null {
  const got = scanned(doc);
  const remark = topLevelHtmlLines(doc);
  if (got === remark) return null;
  // Where remark and GitHub's own parser disagree, GitHub decides.
  const cmark = cmarkMarkerLines(doc);
  return got === cmark ? null : `remark=${remark} cmark-gfm=${cmark} model=${got}`;
}

describe('the document model\'s zone markers agree with remark (or, where they differ, with cmark-gfm)', () => {
  requireCmarkGfm();
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
      expect(differs(doc)).toBeNull();
    });
  }

  it('on 600 generated documents dense in block constructs', () => {
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 600; seed++) {
      const doc = randomDoc(rng(seed));
      const d = differs(doc);
      if (d) mismatches.push(`seed ${seed}: ${JSON.stringify(doc)} ${d}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('reports offsets of the marker line in the text as given', () => {
    const doc = `a\r\n\r\n  ${M}\r\nb`;
    const [h] = parseDocument(doc).markers;
    expect(h?.place).toBe('marker');
    expect(doc.slice(h!.lineStart, h!.lineEnd)).toBe(`  ${M}`);
    expect(doc.slice(h!.lineEnd, h!.nextLineStart)).toBe('\r\n');
  });
});
