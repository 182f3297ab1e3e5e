// Workflow-command injection through the CLI under GITHUB_ACTIONS=true: whatever a file name,
// title, URL or message holds (`::`, `%`, CR, LF, `##[`), no line odyssey prints starts a command.
import { describe, expect, it } from 'vitest';
import { moduleReadme, ZONE } from '../../support/tmp-repo.js';
import { attack, expectSafe, hostile, workflowCommandLines } from '../support/harness.js';

const CI = { GITHUB_ACTIONS: 'true', CI: 'true' };
const README = `# Journey\n\n${ZONE}\nThe end.\n`;

/** No workflow command, and no legacy `##[` command, in anything printed. */
function expectNoCommands(out: { stdout: string; stderr: string }): void {
  expect(workflowCommandLines(out.stdout)).toEqual([]);
  expect(workflowCommandLines(out.stderr)).toEqual([]);
  expect(out.stdout + out.stderr).not.toContain('##[');
}

describe.concurrent('workflow commands via the CLI', () => {
  it('a module folder named with LF + ::error:: (sync prints its findings)', async () => {
    const h = await hostile({ 'README.md': README, 'modules/x\n::error::pwned/README.md': moduleReadme({ title: 'X', status: 'done' }, '# X\n') });
    const r = await attack(h, ['sync'], { env: CI });
    expect(r.stdout).toContain('pwned');
    expectNoCommands(r);
    await expectSafe(h, r, { allowChanged: ['README.md'] });
  });

  it('a link target whose %0A decodes to a newline and ::set-output (check, text)', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[a](missing%0A::set-output%20name=x::y.md)\n' });
    const r = await attack(h, ['check'], { env: CI });
    expect(r.code).toBe(1);
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('a link target whose %0D decodes to a carriage return and ::warning::', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[a](gone%0D::warning::x.md)\n' });
    const r = await attack(h, ['check'], { env: CI });
    expect(r.stdout).not.toMatch(/\r/);
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('an HTML link whose href holds an entity-encoded newline and ::add-mask::', async () => {
    const h = await hostile({ 'README.md': '# J\n\n<a href="nope&#10;::add-mask::secret.md">x</a>\n' });
    const r = await attack(h, ['check'], { env: CI });
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('a markdown file name holding CR + ::error:: with a broken link in it', async () => {
    const h = await hostile({ 'README.md': '# J\n', 'modules/a/notes\r::error::cr.md': '# A\n\n[b](nowhere.md)\n' });
    const r = await attack(h, ['check', '--root', '.'], { env: CI });
    expectNoCommands(r);
    expect(r.stdout).not.toMatch(/\r/);
    await expectSafe(h, r);
  });

  it('the legacy ##[command] form in a link target', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[a](x.md##[set-output name=a]b)\n' });
    const r = await attack(h, ['check'], { env: CI });
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('a module title holding a YAML-escaped newline + ::error:: (stale text output)', async () => {
    const h = await hostile(
      {
        'README.md': README,
        'modules/a/README.md': `---\ntitle: "A\\n::error::title"\nstatus: in-progress\nstarted: 2020-01-01\n---\n# A\n`,
      },
      { git: true },
    );
    const r = await attack(h, ['stale'], { env: CI });
    expect(r.stdout).toContain('title');
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('a module title holding ::stop-commands:: in sync --check output (diff lines)', async () => {
    const h = await hostile({ 'README.md': README, 'modules/a/README.md': moduleReadme({ title: '"x\\n::stop-commands::tok"', status: 'todo' }, '# A\n') });
    const r = await attack(h, ['sync', '--check'], { env: CI });
    expect(r.code).toBe(1);
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('JSON output stays valid JSON and carries the text as written', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[a](missing%0A::error::j.md)\n' });
    const r = await attack(h, ['check', '--format', 'json'], { env: CI });
    const parsed = JSON.parse(r.stdout) as { findings: Array<{ message: string }> };
    expect(parsed.findings[0]!.message).toContain('::error::j.md');
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('SARIF output stays valid JSON with no command line', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[a](missing%0A::error::s.md)\n[b](%0A##[error]x.md)\n' });
    const r = await attack(h, ['check', '--format', 'sarif'], { env: CI });
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('percent signs and escapes in a title are printed as text, not decoded into commands', async () => {
    const h = await hostile({ 'README.md': README, 'modules/%0A::error::pct/README.md': moduleReadme({ title: '"%0A::error::%25"', status: 'done' }, '# P\n') });
    const r = await attack(h, ['sync'], { env: CI });
    expectNoCommands(r);
    await expectSafe(h, r, { allowChanged: ['README.md'] });
  });

  it('init --dry-run with a module folder named with LF + ::error::', async () => {
    const h = await hostile({ 'README.md': '# J\n\n| Topic | Status |\n| --- | --- |\n| [A](modules/a) | done |\n', 'modules/a\n::error::init/README.md': '# A\n' });
    const r = await attack(h, ['init', '--dry-run'], { env: CI });
    expectNoCommands(r);
    await expectSafe(h, r);
  });

  it('an unknown command name holding a newline and a command (usage error)', async () => {
    const h = await hostile({ 'README.md': '# J\n' });
    const r = await attack(h, ['x\n::error::usage'], { env: CI });
    expect(r.code).toBe(2);
    expectNoCommands(r);
    await expectSafe(h, r);
  });
});
