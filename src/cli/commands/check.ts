import type { Command } from '../command.js';

// Placeholder until its issue lands: says so instead of pretending to work.
export const checkCommand: Command = {
  name: 'check',
  summary: '(not built yet)',
  options: {},
  async run(_input, ctx) {
    ctx.stderr('odyssey check: not built yet in this version\n');
    return 2;
  },
};
