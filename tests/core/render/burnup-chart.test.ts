import { describe, expect, it } from 'vitest';
import DOMPurify from 'dompurify';
import { existingBurnup, renderBurnup, sampleWeeks, BURNUP_MARK } from '../../../src/core/render/burnup-chart.js';
import { renderCharts } from '../../../src/core/render/chart.js';
import { weeklySeries, type WeekPoint } from '../../../src/core/history/index.js';

// As in chart.test.ts: Mermaid's own grammar and diagram database, without a DOM.
const purify = DOMPurify as unknown as Record<string, unknown>;
purify.addHook ??= () => {};
purify.sanitize ??= (s: string) => s;
const { default: mermaid } = await import('mermaid');

const point = (week: string, topicsDone: number, topicsTotal: number, tasksDone: number, tasksTotal: number): WeekPoint => ({ week, topicsDone, topicsTotal, tasksDone, tasksTotal });
const strip = (block: string[]): string => block.slice(1, -1).join('\n');

/** Mermaid's own reading: the parser accepts the text and makes an xychart of it. */
async function diagramType(text: string): Promise<string> {
  expect(await mermaid.parse(text)).toBeTruthy();
  const d = (await mermaid.mermaidAPI.getDiagramFromText(text)) as unknown as { type: string };
  return d.type;
}

describe('renderBurnup', () => {
  const series = [point('2026-01-05', 0, 2, 1, 6), point('2026-01-12', 1, 3, 4, 9), point('2026-01-19', 2, 3, 9, 9)];

  it('draws topics and tasks per week as two-line xycharts that Mermaid parses', async () => {
    const blocks = renderBurnup(series);
    expect(blocks).toHaveLength(2);
    expect(strip(blocks[0]!)).toBe(
      [
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#8c959f, #2da44e"}}}}%%',
        'xychart-beta',
        BURNUP_MARK,
        '  title "Topics done (green) of all topics (grey), by week, 2026"',
        '  x-axis ["01-05", "01-12", "01-19"]',
        '  y-axis "Topics" 0 --> 3',
        '  line [2, 3, 3]',
        '  line [0, 1, 2]',
      ].join('\n'),
    );
    expect(blocks[1]!.join('\n')).toContain('  line [6, 9, 9]\n  line [1, 4, 9]');
    for (const b of blocks) expect(await diagramType(strip(b))).toBe('xychart');
  });

  it('leaves out the tasks chart when no topic has tasks, and says so when there is no history', () => {
    expect(renderBurnup([point('2026-01-05', 0, 1, 0, 0)])).toHaveLength(1);
    expect(renderBurnup([])).toEqual([['_No history yet: the burn-up chart appears once a module README with a status block is committed._']]);
  });

  it('draws at most 52 points over a long journey, the last week always among them, with years in the labels', async () => {
    const long = weeklySeries({
      topics: [{ id: 'a', title: 'A', events: [
        { date: '2024-01-01', status: 'todo', tasksDone: 0, tasksTotal: 3, commit: 'x' },
        { date: '2026-01-07', status: 'in-progress', tasksDone: 1, tasksTotal: 3, commit: 'y' },
      ] }],
      skipped: [],
    });
    expect(long.length).toBe(106);
    const sampled = sampleWeeks(long);
    expect(sampled.length).toBeLessThanOrEqual(52);
    expect(sampled.at(-1)!.week).toBe('2026-01-05');
    const [topics] = renderBurnup(long);
    expect(topics!.join('\n')).toContain('every 3 weeks, 2024–2026');
    expect(topics!.join('\n')).toContain('"2026-01-05"]');
    expect(await diagramType(strip(topics!))).toBe('xychart');
  });

  it('sits after the pie and gantt in the chart zone, and can be found again there as written', () => {
    const blocks = renderBurnup(series);
    const zone = renderCharts([], { now: '2026-01-20', pie: true, gantt: true, burnup: blocks });
    expect(zone.endsWith(blocks[1]!.join('\n') + '\n')).toBe(true);
    expect(existingBurnup(zone)).toEqual(blocks);
    expect(existingBurnup(zone.replace(/\n/g, '\r\n'))).toEqual(blocks);
  });
});
