import type { Command } from '../command.js';

// Placeholder until its issue lands: says so instead of pretending to work.
export const staleCommand: Command = {
  name: 'stale',
  summary: '(not built yet)',
  options: {},
  async run(_input, ctx) {
    ctx.stderr('odyssey stale: not built yet in this version\n');
    return 2;
  },
};
