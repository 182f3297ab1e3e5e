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

  it('is absent when the only marker text is shown in code, and says where and why', () => {
    const text = `# T\n\n\`\`\`\n${S}\n${E}\n\`\`\`\n\nWrite \`${S}\`.\n`;
    const z = findZone(text, 'README.md', 'progress');
    const fence = 'it is inside a fenced code block, where it is only shown as text';
    expect(z).toEqual({
      kind: 'absent',
      ignored: [
        { line: 4, column: 1, why: fence },
        { line: 5, column: 1, why: fence },
        { line: 8, column: 8, why: 'it is inside inline code (backticks), where it is only shown as text' },
      ],
    });
  });

  it('counts a marker line with trailing spaces or tabs', () => {
    const text = `${S}  \t\nx\n${E} \r\n`;
    const z = found(text);
    expect(text.slice(z.contentStart, z.contentEnd)).toBe('x\n');
  });

  it('still finds the zone when marker text elsewhere does not count', () => {
    const text = `- ${S}\n\n<!-- ODYSSEY:progress:end -->\n\n${S}\nx\n${E}\n`;
    expect(found(text).startLine).toBe(5);
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

  it('a start whose end is only shown in a code block has no end, and the message says why that one does not count', () => {
    const z = error(`${S}\n\n    ${E}\n`);
    expect(z.message.split('\nThe progress zone')[0]).toBe(
      `README.md:1:1: ${S} has no ${E} after it.\n` +
        `README.md:3:5: ${E} does not count: it is indented by 4 or more spaces (or a tab), which makes it a code block, where it is only shown as text.`,
    );
  });

  it('an end before its start names the start shown in code before it', () => {
    const z = error(`\`${S}\`\n\n${E}\n`);
    expect(z.message.split('\nThe progress zone')[0]).toBe(
      `README.md:3:1: ${E} comes before any ${S}.\n` +
        `README.md:1:2: ${S} does not count: it is inside inline code (backticks), where it is only shown as text.`,
    );
  });

  it('notes at most three marker texts that do not count, then how many more', () => {
    const z = error(`${S}\n\n\`\`\`\n${E}\n${E}\n${E}\n${E}\n${E}\n\`\`\`\n`);
    expect(z.message.match(/does not count/g)).toHaveLength(3);
    expect(z.message).toContain('\n…and 2 more that do not count.');
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

  it('the missing-zone message says why each marker text did not count', () => {
    const message = missingZoneMessage('README.md', 'progress', [
      { line: 4, column: 1, why: 'it is inside a fenced code block, where it is only shown as text' },
      { line: 8, column: 8, why: 'it is inside inline code (backticks), where it is only shown as text' },
    ]);
    expect(message.split('\n')[0]).toBe(
      'README.md has no progress zone. The marker text on lines 4, 8 does not count: ' +
        'on line 4, column 1, it is inside a fenced code block, where it is only shown as text; ' +
        'on line 8, column 8, it is inside inline code (backticks), where it is only shown as text.',
    );
    expectHelp(message);
  });

  it('the missing-zone message shows the same help and the markers that did not count', () => {
    const message = missingZoneMessage('README.md', 'progress', [{ line: 7 }, { line: 9 }]);
    expect(message).toMatch(/^README\.md has no progress zone\. The marker text on lines 7, 9 does not count/);
    expectHelp(message);
  });
});

describe('findZone: marker text meant as a marker that does not count', () => {
  /** The message up to the shared help, which every zone message ends with. */
  const head = (text: string, name: 'progress' | 'chart' = 'progress'): string => {
    const z = error(text, name);
    expect(z.message).toContain(`\n\n${name === 'progress' ? S : CS}\n${name === 'progress' ? E : CE}\n\n`);
    return z.message.slice(0, z.message.indexOf(`\nThe ${name} zone is`));
  };

  it('text after the end marker on its line', () => {
    expect(head(`${S}\nx\n${E} trailing\n`)).toBe(
      `README.md:3:1: ${E} does not count as the progress zone's end marker: text follows it on its line ("trailing"). ` +
        `Move that text to a line of its own, and write the marker line as:\n\n${E}\n`,
    );
  });

  it('the start marker inside a paragraph', () => {
    expect(head(`text ${S} more\nx\n\n${E}\n`)).toBe(
      `README.md:1:6: ${S} does not count as the progress zone's start marker: other text comes before it on its line, ` +
        `which makes it part of a paragraph. Start a new line with it, alone on that line:\n\n${S}\n`,
    );
  });

  it('markers inside a list item', () => {
    expect(head(`- ${S}\n- ${E}\n`)).toBe(
      `README.md:1:3: ${S} does not count as the progress zone's start marker: it is inside a list item. ` +
        `Move it out of the list, to a line of its own that is not indented:\n\n${S}\n`,
    );
  });

  it('markers indented under a list item', () => {
    expect(head(`- item\n\n  ${S}\n  ${E}\n`)).toMatch(/^README\.md:3:3: .* it is inside a list item\./);
  });

  it('markers inside a quote', () => {
    expect(head(`> ${S}\n> ${E}\n`)).toBe(
      `README.md:1:3: ${S} does not count as the progress zone's start marker: it is inside a quote. ` +
        `Move it out of the quote, to a line of its own that does not start with >:\n\n${S}\n`,
    );
  });

  it('markers in another letter case', () => {
    expect(head(`<!-- ODYSSEY:progress:start -->\n<!-- ODYSSEY:progress:end -->\n`)).toBe(
      `README.md:1:1: <!-- ODYSSEY:progress:start --> does not count as the progress zone's start marker: ` +
        `it is written in another letter case (markers are lower case). Write this line instead:\n\n${S}\n`,
    );
  });

  it('markers with spaces inside the name', () => {
    expect(head(`<!-- odyssey: progress : start -->\n`)).toBe(
      `README.md:1:1: <!-- odyssey: progress : start --> does not count as the progress zone's start marker: ` +
        `it has spaces inside "odyssey:progress:start". Write this line instead:\n\n${S}\n`,
    );
  });

  it('a marker split over lines, or with a no-break space', () => {
    expect(head(`<!--\nodyssey:progress:start\n-->\n`)).toMatch(/^README\.md:1:1: .*: it is split over several lines\. Write this line instead:/s);
    expect(head(`<!--\u00a0odyssey:progress:start -->\n`)).toContain('it has unusual space characters (like a no-break space) inside the comment');
  });

  it('the wrong case and trailing text together, inside a list', () => {
    expect(head(`<!-- Odyssey:progress:start --> table\n`)).toContain(
      'it is written in another letter case (markers are lower case) and text follows it on its line ("table")',
    );
    expect(head(`* <!-- Odyssey:progress:start -->\n`)).toContain('it is inside a list item, and it is written in another letter case');
  });

  it('a marker inside an HTML block: a blank line ends kinds 6 and 7, the others end at their closing text', () => {
    expect(head(`<div align="center">\n${S}\n</div>\n\n${E}\n`)).toBe(
      `README.md:2:1: ${S} does not count as the progress zone's start marker: it is inside the HTML block that begins on line 1 ` +
        `("<div align=\\"center\\">"). Leave a blank line between that HTML and a line of its own reading:\n\n${S}\n`,
    );
    expect(head(`<pre>\n${S}\n</pre>\n${E}\n`)).toContain('After line 3, where that HTML block ends, write a line of its own reading');
  });

  it('markers in a footnote, a table row or a heading', () => {
    expect(head(`[^1]: ${S}\n`)).toContain(': it is inside a footnote. Move it out of the footnote');
    expect(head(`| a |\n| - |\n| ${S} |\n`)).toContain(': it is inside a table row. Leave a blank line between the table');
    expect(head(`## ${S}\n`)).toContain(': it is inside a heading. Move it out of the heading');
  });

  it('an end marker that does not count after a real start is named instead of "no end"', () => {
    expect(head(`${S}\nx\n> ${E}\n`)).toMatch(/^README\.md:3:3: <!-- odyssey:progress:end --> does not count .* inside a quote/);
  });

  it('a start that does not count before a real end is named instead of "end before start"', () => {
    expect(head(`- ${S}\n\n${E}\n`)).toMatch(/^README\.md:1:3: <!-- odyssey:progress:start --> does not count .* inside a list item/);
  });

  it('points at the first of several, in the order of the file', () => {
    const z = error(`> ${S}\n\n<!-- odyssey:progress:END -->\n`);
    expect([z.line, z.column]).toEqual([1, 3]);
  });

  it('the chart zone, opt-in, is an error too when its marker text is meant but does not count', () => {
    expect(head(`<!-- odyssey:chart:start --> x\n${CE}\n`, 'chart')).toMatch(/^README\.md:1:1: .* as the chart zone's start marker: text follows it/);
    expect(findZone('```\n<!-- odyssey:chart:start -->\n```\n', 'README.md', 'chart').kind).toBe('absent');
  });

  it("another zone's marker text does not make this zone's error", () => {
    expect(findZone(`- ${CS}\n`, 'README.md', 'progress')).toEqual({ kind: 'absent', ignored: [] });
  });
});
