import { describe, expect, it } from 'vitest';
import DOMPurify from 'dompurify';
import { ganttTaskName, renderCharts } from '../../../src/core/render/chart.js';
import type { Module, Status } from '../../../src/core/model.js';

// Mermaid sanitises titles with DOMPurify, which has no `addHook`/`sanitize` without a DOM. Node has
// none, so text passes through unsanitised; the grammar and the diagram databases are Mermaid's own.
const purify = DOMPurify as unknown as Record<string, unknown>;
purify.addHook ??= () => {};
purify.sanitize ??= (s: string) => s;
const { default: mermaid } = await import('mermaid');

function mod(id: string, status: Status | null, extra: Partial<Module> = {}): Module {
  return {
    id,
    file: `modules/${id}/README.md`,
    title: id,
    status,
    resources: [],
    order: 0,
    extra: {},
    tasks: [],
    broken: status === null,
    ...extra,
  };
}

function blocks(body: string): string[] {
  return [...body.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

interface GanttTask {
  task: string;
  startTime: Date;
  endTime: Date;
}

/** Parses with Mermaid and returns the diagram's database (Mermaid's reading of the text). */
async function readDiagram(text: string): Promise<{ type: string; db: Record<string, () => unknown> }> {
  await mermaid.parse(text);
  const d = (await mermaid.mermaidAPI.getDiagramFromText(text)) as unknown as { type: string; db: Record<string, () => unknown> };
  return d;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

const journey: Module[] = [
  mod('01-foundations', 'done', { title: 'Module 1: Foundations', started: '2026-01-05', completed: '2026-02-01' }),
  mod('03-transformers', 'in-progress', { title: 'Module 3: Transformer Architecture', started: '2026-02-10' }),
  mod('04-pretraining', 'todo', { title: 'Module 4: LLM Pretraining' }),
  mod('05-fine-tuning', 'paused', { title: 'Fine-tuning; #PEFT & LoRA 🚀', started: '2026-03-01' }),
  mod('06-broken', null, { title: 'Section 6 inference' }),
  mod('10-ethics', 'todo', { title: 'Module 10: Ethics' }),
];

describe('renderCharts', () => {
  it('draws a pie that Mermaid reads back as the count of each status', async () => {
    const body = renderCharts(journey, { now: '2026-03-15', pie: true, gantt: false });
    const [pie, ...rest] = blocks(body);
    expect(rest).toHaveLength(0);
    const d = await readDiagram(pie!);
    expect(d.type).toBe('pie');
    // The colours ride in an init directive that Mermaid itself reads as the diagram's config.
    const parsed = await mermaid.parse(pie!);
    expect(parsed && parsed.config).toEqual({
      themeVariables: { pie1: '#afb8c1', pie2: '#54aeff', pie3: '#d4a72c', pie4: '#2da44e', pie5: '#cf222e' },
    });
    const sections = d.db.getSections!() as Map<string, number>;
    expect([...sections]).toEqual([
      ['⏳ To Do', 2],
      ['🚧 In Progress', 1],
      ['⏸️ Paused', 1],
      ['✅ Done', 1],
      ['❓ Unknown', 1],
    ]);
  });

  it('keeps done green when other statuses are absent (colours follow the slices present)', async () => {
    const [pie] = blocks(renderCharts([mod('01-a', 'done'), mod('02-b', 'in-progress')], { now: '2026-01-01', pie: true, gantt: false }));
    const parsed = await mermaid.parse(pie!);
    expect(parsed && parsed.config).toEqual({ themeVariables: { pie1: '#54aeff', pie2: '#2da44e' } });
  });

  it('draws a gantt whose bars Mermaid reads as started → completed, or → today when unfinished', async () => {
    const body = renderCharts(journey, { now: '2026-03-15', pie: false, gantt: true });
    const [gantt] = blocks(body);
    const d = await readDiagram(gantt!);
    expect(d.type).toBe('gantt');
    const tasks = (d.db.getTasks!() as GanttTask[]).map((t) => [t.task.trim(), day(t.startTime), day(t.endTime)]);
    // inclusiveEndDates: Mermaid's end is the day after the completion day.
    expect(tasks).toEqual([
      ['Module 1 - Foundations', '2026-01-05', '2026-02-02'],
      ['Module 3 - Transformer Architecture', '2026-02-10', '2026-03-16'],
      ['Fine-tuning PEFT & LoRA 🚀', '2026-03-01', '2026-03-16'],
    ]);
    expect(gantt).toContain('%% 3 topic(s) without a start date are not drawn');
  });

  it('keeps a topic named like a gantt keyword as a bar instead of letting it open a section', async () => {
    const mods = [mod('05-s', 'in-progress', { title: 'Section 5: Agents', started: '2026-01-01' })];
    const [gantt] = blocks(renderCharts(mods, { now: '2026-01-03', pie: false, gantt: true }));
    const d = await readDiagram(gantt!);
    const tasks = d.db.getTasks!() as GanttTask[];
    expect(tasks.map((t) => t.task.trim())).toEqual(['▪ Section 5 - Agents']);
    expect(d.db.getSections!()).toEqual(['Topics']);
  });

  it('ends a done topic without a completion date at its start, so the chart does not change daily', async () => {
    const mods = [mod('01-a', 'done', { title: 'A', started: '2026-01-01' })];
    const body1 = renderCharts(mods, { now: '2026-01-03', pie: false, gantt: true });
    const body2 = renderCharts(mods, { now: '2026-06-30', pie: false, gantt: true });
    expect(body1).toBe(body2);
    const d = await readDiagram(blocks(body1)[0]!);
    const [t] = d.db.getTasks!() as GanttTask[];
    expect([day(t!.startTime), day(t!.endTime)]).toEqual(['2026-01-01', '2026-01-02']);
  });

  it('clamps an end before the start and skips dates that are not YYYY-MM-DD, saying how many', async () => {
    const mods = [
      mod('01-a', 'done', { title: 'A', started: '2026-02-01', completed: '2026-01-01' }),
      mod('02-b', 'in-progress', { title: 'B', started: '2026-2-1' }),
    ];
    const [gantt] = blocks(renderCharts(mods, { now: '2026-03-01', pie: false, gantt: true }));
    expect(gantt).toContain('%% 1 topic(s) with a date that is not YYYY-MM-DD are not drawn');
    const d = await readDiagram(gantt!);
    const tasks = (d.db.getTasks!() as GanttTask[]).map((t) => [t.task.trim(), day(t.startTime), day(t.endTime)]);
    expect(tasks).toEqual([['A', '2026-02-01', '2026-02-02']]);
  });

  it('is deterministic and honours the pie/gantt switches', () => {
    const a = renderCharts(journey, { now: '2026-03-15', pie: true, gantt: true });
    expect(renderCharts([...journey], { now: '2026-03-15', pie: true, gantt: true })).toBe(a);
    expect(blocks(a)).toHaveLength(2);
    expect(a.startsWith('```mermaid\n%%{init: ')).toBe(true);
    expect(renderCharts(journey, { now: '2026-03-15', pie: false, gantt: false })).toBe('');
  });

  it('writes a sentence instead of an empty chart when there is nothing to draw', () => {
    expect(renderCharts([], { now: '2026-03-15', pie: true, gantt: true })).toBe('_No topics yet: nothing to chart._\n');
    const body = renderCharts([mod('01-a', 'todo')], { now: '2026-03-15', pie: true, gantt: true });
    expect(blocks(body)).toHaveLength(1);
    expect(body).toContain('the timeline appears with the first `started:`');
  });

  it('refuses a `now` that is not a date rather than drawing bars to nowhere', () => {
    expect(() => renderCharts(journey, { now: '15/03/2026', pie: true, gantt: true })).toThrow(/YYYY-MM-DD/);
  });
});

describe('ganttTaskName', () => {
  it.each([
    ['Module 4: LLM Pretraining', 'Module 4 - LLM Pretraining'],
    ['a#b;c', 'a b c'],
    ['two\nlines', 'two lines'],
    ['title IX', '▪ title IX'],
    ['2026-01-01 kickoff', '▪ 2026-01-01 kickoff'],
    ['%weird', '▪ %weird'],
    ['   ', '(untitled)'],
  ])('%j → %j', (raw, want) => {
    expect(ganttTaskName(raw)).toBe(want);
  });
});
