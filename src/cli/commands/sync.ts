import type { Command } from '../command.js';

export const syncCommand: Command = {
  name: 'sync',
  summary: '(not built yet)',
  options: {},
  async run(_input, ctx) {
    ctx.stderr('odyssey sync: not built yet in this version\n');
    return 2;
  },
};
