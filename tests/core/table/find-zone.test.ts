import { describe, expect, it } from 'vitest';
import { findZone, missingZoneMessage } from '../../../src/core/table/index.js';

const S = '<!-- odyssey:progress:start -->';
const E = '<!-- odyssey:progress:end -->';
const CS = '<!-- odyssey:chart:start -->';
const CE = '<!-- odyssey:chart:end -->';

function found(text: string, name: 'progress' | 'chart' = 'progress') {
  const z = findZone(text, 'README.md', name);
  if (z.kind !== 'found') throw new Error(`expected a zone, got ${JSON.stringify(z)}`);
  return z;
}

function error(text: string, name: 'progress' | 'chart' = 'progress') {
  const z = findZone(text, 'README.md', name);
  if (z.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(z)}`);
  return z;
}

describe('findZone', () => {
  it('finds the bytes between the two marker lines', () => {
    const text = `# Title\n\n${S}\nold table\n${E}\nafter\n`;
    const z = found(text);
    expect(text.slice(z.contentStart, z.contentEnd)).toBe('old table\n');
    expect([z.startLine, z.endLine, z.eol]).toEqual([3, 5, '\n']);
  });

  it('takes the line ending of the start marker line (CRLF, CR)', () => {
    const crlf = found(`${S}\r\nx\r\n${E}`);
    expect(crlf.eol).toBe('\r\n');
    expect(found(`${S}\rx\r${E}\r`).eol).toBe('\r');
  });

  it('finds an empty zone whose markers are adjacent', () => {
    const text = `${S}\n${E}\n`;
    const z = found(text);
    expect(z.contentStart).toBe(z.contentEnd);
    expect(z.contentStart).toBe(S.length + 1);
  });

  it('accepts up to three spaces of indentation and free spacing inside the comment', () => {
    const text = `   <!--odyssey:progress:start-->\nx\n <!--   odyssey:progress:end   -->\n`;
    const z = found(text);
    expect(text.slice(z.contentStart, z.contentEnd)).toBe('x\n');
  });

  it('ignores markers shown in fences, indented code, inline code, quotes and lists', () => {
    const text = [
      '```markdown', S, E, '```',
      '',
      `    ${S}`,
      '',
      `Write \`${S}\` then \`${E}\`.`,
      '',
      `> ${S}`,
      `> ${E}`,
      '',
      `- ${S}`,
      `- ${E}`,
      '',
      `1. item`,
      `   ${S}`,
      '',
      S,
      'the real one',
      E,
      '',
    ].join('\n');
    const z = found(text);
    expect(text.slice(z.contentStart, z.contentEnd)).toBe('the real one\n');
    expect(z.startLine).toBe(19);
  });

  it('is absent when no marker counts, and lists the ones that do not', () => {
    const text = `# T\n\n\`\`\`\n${S}\n${E}\n\`\`\`\n\n- ${S}\n`;
    const z = findZone(text, 'README.md', 'progress');
    expect(z).toEqual({
      kind: 'absent',
      ignored: [
        { line: 4, column: 1 },
        { line: 5, column: 1 },
        { line: 8, column: 3 },
      ],
    });
  });

  it('is absent without reading further when the text never says odyssey:', () => {
    expect(findZone('# Just a README\n\n| a |\n| - |\n', 'README.md', 'progress')).toEqual({ kind: 'absent', ignored: [] });
  });

  it('finds each zone by its own name', () => {
    const text = `${S}\np\n${E}\n\n${CS}\nc\n${CE}\n`;
    expect(text.slice(found(text).contentStart, found(text).contentEnd)).toBe('p\n');
    const chart = found(text, 'chart');
    expect(text.slice(chart.contentStart, chart.contentEnd)).toBe('c\n');
  });
});

describe('findZone errors', () => {
  const expectHelp = (message: string, start = S, end = E) => {
    // The two lines to paste, each on a line of its own, and the command that adds them.
    expect(message).toContain(`\n\n${start}\n${end}\n\n`);
    expect(message).toContain('odyssey init');
  };

  it('two start markers: points at the second, names the first', () => {
    const z = error(`${S}\na\n${S}\nb\n${E}\n`);
    expect([z.line, z.column]).toEqual([3, 1]);
    expect(z.message).toMatch(/^README\.md:3:1: a second <!-- odyssey:progress:start --> \(the first is on line 1\)/);
    expectHelp(z.message);
  });

  it('two end markers: points at the second', () => {
    const z = error(`${S}\na\n${E}\nb\n  ${E}\n`);
    expect([z.line, z.column]).toEqual([5, 3]);
    expect(z.message).toMatch(/^README\.md:5:3: a second <!-- odyssey:progress:end --> \(the first is on line 3\)/);
    expectHelp(z.message);
  });

  it('an end before its start', () => {
    const z = error(`intro\n\n${E}\n${S}\n`);
    expect([z.line, z.column]).toEqual([3, 1]);
    expect(z.message).toContain(`${E} comes before any ${S}`);
    expectHelp(z.message);
  });

  it('a start without an end', () => {
    const z = error(`intro\n\n${S}\ntable\n`);
    expect([z.line, z.column]).toEqual([3, 1]);
    expect(z.message).toContain(`${S} has no ${E} after it`);
    expectHelp(z.message);
  });

  it('a start whose end is only shown in a code block has no end', () => {
    const z = error(`${S}\n\n    ${E}\n`);
    expect(z.message).toContain('has no');
  });

  it("another zone's marker inside the zone", () => {
    const z = error(`${S}\n${CS}\n${CE}\n${E}\n`);
    expect([z.line, z.column]).toEqual([2, 1]);
    expect(z.message).toContain('is inside the progress zone (lines 1–4)');
    expectHelp(z.message);
  });

  it('errors for the chart zone show the chart markers', () => {
    const z = error(`${CS}\n`, 'chart');
    expectHelp(z.message, CS, CE);
  });

  it('the missing-zone message shows the same help and the markers that did not count', () => {
    const message = missingZoneMessage('README.md', 'progress', [{ line: 7 }, { line: 9 }]);
    expect(message).toMatch(/^README\.md has no progress zone\. The marker text on lines 7, 9 does not count/);
    expectHelp(message);
  });
});
