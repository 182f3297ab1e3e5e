// Install way 2: the npm package. The packed tarball holds only what runs, installs in an empty
// folder with no network, and `npx odyssey` works in a journey repository.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tmpRepo } from '../support/tmp-repo.js';
import { JOURNEY, offlineNpm, REPO, run, tarball } from './support/pack.js';

const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
let tgz: string;
beforeAll(async () => {
  tgz = await tarball();
}, 180_000);

describe('package.json', () => {
  it('is a public package with the odyssey bin, no runtime dependencies and an MIT LICENSE', async () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe('odyssey-journey');
    expect(pkg.bin).toEqual({ odyssey: 'dist/cli.js' });
    // dist/cli.js is a bundle: what it uses is inside it, so an install fetches nothing.
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect((await readFile(path.join(REPO, 'LICENSE'), 'utf8')).split('\n')[0]).toBe('MIT License');
    expect((pkg.engines as Record<string, string>).node).toBe('>=20');
  });

  it('the bundle starts with a node shebang and imports nothing outside node: itself', async () => {
    const cli = await readFile(path.join(REPO, 'dist/cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const imports = [...cli.matchAll(/^import\s.*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    expect(imports.filter((s) => !s.startsWith('node:'))).toEqual([]);
  });
});

describe('the packed tarball', () => {
  it('holds only what runs: the CLI, the schema, README, LICENSE and package.json', async () => {
    const r = await run('tar', ['-tzf', tgz], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual(
      ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/odyssey.schema.json', 'package/package.json'].sort(),
    );
  });

  it(`installs in an empty folder offline, and npx odyssey check and sync --check work there (Node ${process.version})`, async () => {
    const journey = await tmpRepo({ ...JOURNEY, 'package.json': '{"private": true}\n' });
    const npm = offlineNpm(path.join(journey, '.npm-cache'));
    const install = await run('npm', ['install', '--no-save', tgz], journey, npm);
    expect(install.code, install.stderr).toBe(0);

    const check = await run('npx', ['--offline', 'odyssey', 'check'], journey, { ...npm, NO_COLOR: '1' });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/modules\/01-basics\/README\.md/);
    expect(check.stdout).toMatch(/missing-file/);

    const stale = await run('npx', ['--offline', 'odyssey', 'sync', '--check'], journey, npm);
    expect(stale.code).toBe(1);
    expect(stale.stdout + stale.stderr).toMatch(/README\.md is out of date/);

    expect((await run('npx', ['--offline', 'odyssey', 'sync'], journey, npm)).code).toBe(0);
    expect((await run('npx', ['--offline', 'odyssey', 'sync', '--check'], journey, npm)).code).toBe(0);
    await writeFile(path.join(journey, 'modules/01-basics/notes.md'), '# Notes\n');
    const clean = await run('npx', ['--offline', 'odyssey', 'check'], journey, npm);
    expect(clean.code, clean.stdout).toBe(0);

    const version = await run('npx', ['--offline', 'odyssey', '--version'], journey, npm);
    expect(version.stdout.trim()).toBe(pkg.version);
  }, 180_000);

  it('runs straight from the tarball with npx --package, as `npx odyssey-journey` does from the registry', async () => {
    const journey = await tmpRepo(JOURNEY);
    const npm = offlineNpm(path.join(journey, '..', `${path.basename(journey)}-npm-cache`));
    const r = await run('npx', ['--offline', '--yes', '--package', tgz, 'odyssey', 'check', '--format', 'json'], journey, npm);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ file: string; kind: string }> };
    expect(report.findings.map((f) => [f.file, f.kind])).toEqual([['modules/01-basics/README.md', 'missing-file']]);
  }, 180_000);

  it('ships the schema the configuration is checked against', async () => {
    const journey = await tmpRepo({ 'package.json': '{"private": true}\n' });
    const npm = offlineNpm(path.join(journey, '.npm-cache'));
    expect((await run('npm', ['install', '--no-save', tgz], journey, npm)).code).toBe(0);
    const shipped = await readFile(path.join(journey, 'node_modules/odyssey-journey/odyssey.schema.json'), 'utf8');
    expect(shipped).toBe(await readFile(path.join(REPO, 'odyssey.schema.json'), 'utf8'));
  }, 180_000);
});

describe('.github/workflows/release.yml', () => {
  it('publishes with provenance on a version tag and then moves the major tag', async () => {
    const wf = parse(await readFile(path.join(REPO, '.github/workflows/release.yml'), 'utf8')) as {
      on: { push: { tags: string[] } };
      jobs: Record<string, { needs?: string; permissions: Record<string, string>; steps: Array<{ run?: string }> }>;
    };
    expect(wf.on.push.tags).toEqual(['v*.*.*']);
    const publish = wf.jobs.publish!;
    expect(publish.permissions['id-token']).toBe('write');
    const runs = publish.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm publish --provenance --access public');
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm publish'));
    const major = wf.jobs['major-tag']!;
    expect(major.needs).toBe('publish');
    expect(major.permissions.contents).toBe('write');
    expect(major.steps.map((s) => s.run ?? '').join('\n')).toMatch(/git tag --force "\$major" "\$GITHUB_SHA"[\s\S]*git push --force origin "refs\/tags\/\$major"/);
  });

  it('the major tag is the part before the first dot', async () => {
    const r = await run('bash', ['-c', 'GITHUB_REF_NAME=v12.3.4; echo "${GITHUB_REF_NAME%%.*}"'], REPO);
    expect(r.stdout.trim()).toBe('v12');
  });
});
