import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../src/action/summary.js';
import { journeyMarkdown, journeyStats, type JourneyHistory } from '../../../src/core/history/index.js';

const h: JourneyHistory = {
  topics: [
    { id: 'a', title: 'A <b>|', events: [{ date: '2026-01-05', status: 'in-progress', tasksDone: 0, tasksTotal: 2, commit: 'x' }, { date: '2026-01-12', status: 'done', tasksDone: 2, tasksTotal: 2, commit: 'y' }] },
    { id: 'b', title: 'B', events: [{ date: '2026-01-12', status: 'in-progress', tasksDone: 1, tasksTotal: 3, commit: 'y' }] },
  ],
  skipped: [],
};

describe('the journey in the job summary', () => {
  it('shows the burn-up, the streak, durations and forecasts, user text escaped', () => {
    const md = journeyMarkdown(journeyStats(h, '2026-01-14'), ['this is a shallow clone']).join('\n');
    expect(md).toContain('> this is a shallow clone');
    expect(md).toContain('xychart-beta');
    expect(md).toContain('**Streak:** 2 active weeks now · longest 2 weeks · last active the week of 2026-01-12');
    expect(md).toContain('| A &lt;b&gt;\\| | 2026-01-05 | 2026-01-12 | 7 |');
    expect(md).toContain('- B: 1/3 tasks; not enough data (1 point; a forecast needs 3)');
    const summary = renderSummary({ modules: [], tableChanges: [], written: [], findings: [], stale: null, issues: [], notes: [], journey: md.split('\n') });
    expect(summary).toContain('### The journey over time');
    expect(summary.indexOf('### The journey over time')).toBeLessThan(summary.indexOf('### Findings'));
  });
});
