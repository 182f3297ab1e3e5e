import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __ODYSSEY_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/**/*.test.ts'],
    // A bound against hangs, not a timing: shared 2-core machines run these files 5-10x slower under load.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
