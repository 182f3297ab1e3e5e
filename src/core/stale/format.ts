// What `odyssey stale` prints: text for people, JSON for machines. Strings only.
import type { ApplyResult, IssueAction, IssuePlan, StaleTopic, TopicVerdict } from './types.js';

export interface StaleReport {
  stale: StaleTopic[];
  topics: TopicVerdict[];
  plan?: IssuePlan;
  applied?: ApplyResult;
  notes: string[];
}

export interface ReportContext {
  today: string;
  days: number;
  /** `owner/name`, when issues were handled. */
  repo?: string;
  dryRun?: boolean;
}

export function staleJson(r: StaleReport): string {
  const out: Record<string, unknown> = {
    stale: r.stale.map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      lastActivity: t.lastActivity,
      daysIdle: t.daysIdle,
      threshold: t.threshold,
      source: t.source,
      file: t.file,
      openTasks: t.openTasks.length,
    })),
    notes: r.notes,
  };
  if (r.plan) {
    out.issues = {
      label: r.plan.label,
      actions: r.plan.actions.map(actionJson),
      deferred: r.plan.deferred.map(actionJson),
      unchanged: r.plan.unchanged,
      left: r.plan.left,
      writes: r.plan.writes,
      ...(r.applied
        ? {
            applied: {
              writes: r.applied.writes,
              readOnly: r.applied.readOnly,
              labelCreated: r.applied.labelCreated,
              outcomes: r.applied.outcomes.map((o) => (o.ok ? { ...actionJson(o.action), ok: true, number: o.number } : { ...actionJson(o.action), ok: false, error: o.error })),
              skipped: r.applied.skipped.map(actionJson),
            },
          }
        : {}),
    };
  }
  return JSON.stringify(out, null, 2) + '\n';
}

function actionJson(a: IssueAction): Record<string, unknown> {
  const base: Record<string, unknown> = { kind: a.kind, id: a.id };
  if ('number' in a) base.number = a.number;
  if (a.kind === 'close') base.reason = a.reason;
  if (a.kind !== 'close') base.title = a.title;
  return base;
}

export function staleText(r: StaleReport, ctx: ReportContext): string {
  const lines: string[] = [];
  const inProgress = r.topics.filter((t) => t.status === 'in-progress').length;
  if (r.stale.length === 0) {
    lines.push(`No stale topics (${inProgress} in progress; stale after ${ctx.days} days; as of ${ctx.today}).`);
  } else {
    lines.push(`${r.stale.length} stale topic${r.stale.length === 1 ? '' : 's'} of ${inProgress} in progress (stale after ${ctx.days} days unless \`stale-after\` says otherwise; as of ${ctx.today}):`);
    const idWidth = Math.min(40, Math.max(...r.stale.map((t) => t.id.length)));
    for (const t of r.stale) {
      const tasks = t.openTasks.length > 0 ? `; ${t.openTasks.length} open task${t.openTasks.length === 1 ? '' : 's'}` : '';
      const from = t.source === 'status-block' ? ' (from its status block)' : '';
      const own = t.threshold !== ctx.days ? ` (its stale-after: ${t.threshold})` : '';
      lines.push(`  ${t.id.padEnd(idWidth)}  ${t.title}: ${t.daysIdle} days idle${own}, last activity ${t.lastActivity}${from}${tasks}`);
    }
  }
  if (r.plan) {
    const p = r.plan;
    const count = (k: IssueAction['kind']): number => p.actions.filter((a) => a.kind === k).length;
    lines.push(
      '',
      `Issues${ctx.repo ? ` in ${ctx.repo}` : ''} (label ${p.label})${ctx.dryRun ? ', dry run: nothing written' : ''}: ` +
        `${count('create')} to create, ${count('update')} to update, ${count('close')} to close, ${count('reopen')} to reopen; ` +
        `${p.unchanged.length} up to date, ${p.left.length} left alone, ${p.deferred.length} left for the next run`,
    );
    for (const a of p.actions) lines.push(`  ${describeAction(a)}`);
    for (const a of p.deferred) lines.push(`  later: ${describeAction(a)}`);
    if (r.applied) {
      const ok = r.applied.outcomes.filter((o) => o.ok).length;
      lines.push(`Applied: ${ok} of ${p.actions.length} operation(s) in ${r.applied.writes} write(s)${r.applied.labelCreated ? `, label '${p.label}' created` : ''}.`);
      for (const o of r.applied.outcomes) if (!o.ok) lines.push(`  failed: ${describeAction(o.action)}: ${o.error}`);
    }
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n') + '\n';
}

function describeAction(a: IssueAction): string {
  switch (a.kind) {
    case 'create':
      return `create  "${a.title}"${a.renamedFrom ? ` (was ${a.renamedFrom.id}, #${a.renamedFrom.number})` : ''}`;
    case 'update':
      return `update  #${a.number} ${a.id} (${a.changed.join(' and ')} changed)`;
    case 'reopen':
      return `reopen  #${a.number} ${a.id} (stale again)`;
    case 'close':
      return `close   #${a.number} ${a.id} (${a.reason})`;
  }
}
