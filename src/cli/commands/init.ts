import type { Command } from '../command.js';

// Placeholder until its issue lands: says so instead of pretending to work.
export const initCommand: Command = {
  name: 'init',
  summary: '(not built yet)',
  options: {},
  async run(_input, ctx) {
    ctx.stderr('odyssey init: not built yet in this version\n');
    return 2;
  },
};
