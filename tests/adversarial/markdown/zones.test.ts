// Zone injection: markers where they are not markers (code, HTML, lists), duplicated or
// unbalanced markers, and user text holding markers or comment syntax. odyssey writes only
// inside its one real zone, or nothing with a finding; never the user's bytes around it.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { moduleReadme, ZONE } from '../../support/tmp-repo.js';
import { attack, expectSafe, hostile } from '../support/harness.js';

const START = '<!-- odyssey:progress:start -->';
const END = '<!-- odyssey:progress:end -->';
const MOD = { 'modules/01-a/README.md': moduleReadme({ title: 'Alpha', status: 'done', started: '2020-01-01', completed: '2020-01-02' }, '# A\n') };
const readme = (root: string) => readFile(path.join(root, 'README.md'), 'utf8');

/** Syncs, checks the safety guarantees, and returns the README after. */
async function syncOn(files: Record<string, string>, codes?: number[]) {
  const h = await hostile({ ...MOD, ...files });
  const r = await attack(h, ['sync']);
  await expectSafe(h, r, codes ? { codes } : {});
  return { h, r, after: await readme(h.root) };
}

describe.concurrent('zone injection', () => {
  it('markers inside a fenced code block are text: only the real zone is filled', async () => {
    const fence = `\`\`\`md\n${START}\nexample\n${END}\n\`\`\`\n`;
    const { after } = await syncOn({ 'README.md': `# J\n\n${fence}\n${ZONE}` });
    expect(after).toContain(fence);
    expect(after.slice(after.indexOf(fence) + fence.length)).toContain('Alpha');
  });

  it('markers inside an HTML block are left alone', async () => {
    const html = `<div>\n${START}\n${END}\n</div>\n`;
    const { after } = await syncOn({ 'README.md': `# J\n\n${html}\n${ZONE}` });
    expect(after).toContain(html);
    expect(after.split('Alpha').length).toBe(2);
  });

  it('markers indented in a nested list item are not the zone', async () => {
    const list = `- a\n  - b\n    ${START}\n    ${END}\n`;
    const { after } = await syncOn({ 'README.md': `# J\n\n${list}\n${ZONE}` });
    expect(after).toContain(list);
  });

  it('two start markers: a finding, the README untouched', async () => {
    const text = `# J\n\n${START}\n${START}\n${END}\n`;
    const { r, after } = await syncOn({ 'README.md': text }, [1, 2]);
    expect(after).toBe(text);
    expect(r.stdout + r.stderr).toMatch(/README\.md/);
  });

  it('a start marker with no end: a finding, the README untouched', async () => {
    const text = `# J\n\n${START}\nuser text after\n`;
    const { after } = await syncOn({ 'README.md': text }, [1, 2]);
    expect(after).toBe(text);
  });

  it('an end marker before the start: a finding, the README untouched', async () => {
    const text = `# J\n\n${END}\nmine\n${START}\n`;
    const { after } = await syncOn({ 'README.md': text }, [1, 2]);
    expect(after).toBe(text);
  });

  it('two complete zones: a finding, the README untouched', async () => {
    const text = `# J\n\n${ZONE}\nmiddle\n\n${ZONE}`;
    const { after } = await syncOn({ 'README.md': text }, [0, 1, 2]);
    // Either refused or only the first filled; never the text between them.
    expect(after).toContain('\nmiddle\n');
  });

  it('a module title holding an end marker cannot close the zone early', async () => {
    const h = await hostile({ 'README.md': `# J\n\n${ZONE}\nmine\n`, 'modules/01-a/README.md': moduleReadme({ title: `"x ${END} y"`, status: 'todo' }, '# A\n') });
    const r1 = await attack(h, ['sync']);
    await expectSafe(h, r1);
    const once = await readme(h.root);
    const r2 = await attack(h, ['sync']);
    await expectSafe(h, r2);
    expect(await readme(h.root)).toBe(once);
    // The title's copy sits escaped inside a row; the only marker line is odyssey's own.
    expect(once.split('\n').filter((l) => l.trim() === END)).toHaveLength(1);
    expect(once).toMatch(/\\<!-- odyssey:progress:end -->/);
  });

  it('a title holding an unclosed HTML comment does not swallow the rest of the README', async () => {
    const h = await hostile({ 'README.md': `# J\n\n${ZONE}\n## After\n`, 'modules/01-a/README.md': moduleReadme({ title: '"<!-- open"', learnings: '"<script>alert(1)</script>"', status: 'todo' }, '# A\n') });
    const r = await attack(h, ['sync']);
    await expectSafe(h, r);
    const after = await readme(h.root);
    const zone = after.slice(after.indexOf(START), after.indexOf(END));
    // Escaped (`\<`): GitHub shows the characters, opens no comment and runs no tag.
    expect(zone).not.toMatch(/(^|[^\\])<!-- open/);
    expect(zone).not.toMatch(/(^|[^\\])<script>/);
    expect(after).toContain('## After');
  });

  it('a resource URL holding ) and | cannot break the table row', async () => {
    const h = await hostile({ 'README.md': `# J\n\n${ZONE}`, 'modules/01-a/README.md': moduleReadme({ status: 'todo', resources: '[{title: "a|b", url: "https://x.test/a)b|c"}]' }, '# A\n') });
    const r = await attack(h, ['sync']);
    await expectSafe(h, r);
    const rows = (await readme(h.root)).split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(new Set(rows.map(cells)).size).toBe(1);
  });

  it('a README with CRLF line endings keeps them outside the zone', async () => {
    const text = `# J\r\n\r\nmine\r\n\r\n${START}\r\n${END}\r\n\r\ntail\r\n`;
    const { after } = await syncOn({ 'README.md': text });
    expect(after.startsWith('# J\r\n\r\nmine\r\n')).toBe(true);
    expect(after.endsWith('tail\r\n')).toBe(true);
  });

  it('a chart zone forged with a mermaid fence holding markers stays as written', async () => {
    const forged = '```mermaid\n<!-- odyssey:chart:end -->\n```\n';
    const { after } = await syncOn({ 'README.md': `# J\n\n${forged}\n${ZONE}` });
    expect(after).toContain(forged);
  });
});
