// Stale topics as findings, for the formats that annotate files (github, markdown, sarif):
// one warning per topic at its module README, saying what to do.
import { finding, type Finding } from '../model.js';
import type { StaleTopic } from './types.js';

export function staleFindings(stale: readonly StaleTopic[]): Finding[] {
  return stale.map((t) =>
    finding(
      t.file,
      1,
      1,
      'stale-topic',
      'warning',
      `${t.title} is in progress but idle for ${t.daysIdle} days (last activity ${t.lastActivity}; stale after ${t.threshold}): pick it up, or set its status to done or paused`,
    ),
  );
}
