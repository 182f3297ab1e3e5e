import type { Command } from '../command.js';
import { syncCommand } from './sync.js';
import { checkCommand } from './check.js';
import { staleCommand } from './stale.js';
import { initCommand } from './init.js';
import { historyCommand } from './history.js';
import { siteCommand } from './site.js';

export const commands: Command[] = [syncCommand, checkCommand, staleCommand, initCommand, historyCommand, siteCommand];
