// The escape works only if every printed line passes it: the CLI writes through main()'s sinks,
// the action's plain log lines through src/action/log.ts. This keeps new code on those paths.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('output sinks', () => {
  it('no source file writes to the log around the safe sinks', () => {
    const offenders: string[] = [];
    for (const f of files(SRC)) {
      const rel = path.relative(SRC, f).split(path.sep).join('/');
      const text = readFileSync(f, 'utf8');
      const raw = [/\bcore\.info\(/, /process\.(stdout|stderr)\.write\(/, /\bconsole\.(log|info|warn|error)\(/].filter((re) => re.test(text));
      // cli.ts hands process.stdout to main(), which wraps it; log.ts is the action's sink itself.
      const allowed = (rel === 'cli.ts' && raw.every((re) => /process/.test(re.source))) || (rel === 'action/log.ts' && raw.every((re) => /core/.test(re.source)));
      if (raw.length > 0 && !allowed) offenders.push(`${rel}: ${raw.map(String).join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });
});
