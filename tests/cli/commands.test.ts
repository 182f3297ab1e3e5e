import { describe, expect, it } from 'vitest';
import { WHAT_INIT_LOOKS_FOR } from '../../src/core/init/index.js';
import { initCommand } from '../../src/cli/commands/init.js';

describe('command objects', () => {
  it('init --help says what init looks for, in the words of the init core', () => {
    expect(initCommand.details).toContain(`${WHAT_INIT_LOOKS_FOR}.`);
  });
});
