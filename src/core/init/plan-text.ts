// The init plan for people: one line per file, then what was kept, the findings, and a count.
import { formatFindingLine } from '../render/finding-line.js';
import type { InitChangeKind, InitPlan } from './plan.js';

const VERB: Record<InitChangeKind, [string, string]> = {
  'wrap-table': ['would change', 'changed'],
  'add-chart-zone': ['would change', 'changed'],
  'create-module': ['would create', 'created'],
  'add-status-block': ['would change', 'changed'],
  'create-config': ['would create', 'created'],
  'create-issue-form': ['would create', 'created'],
};

export function renderInitPlan(plan: InitPlan, dryRun: boolean): string {
  const lines: string[] = [];
  for (const c of plan.changes) lines.push(`${VERB[c.kind][dryRun ? 0 : 1]} ${c.path}: ${c.reason}`);
  for (const k of plan.kept) lines.push(`kept ${k.path}: ${k.reason}`);
  for (const f of plan.findings) lines.push(formatFindingLine(f));
  const created = plan.changes.filter((c) => c.kind === 'create-module').length;
  const blocks = plan.changes.filter((c) => c.kind === 'add-status-block').length;
  const summary =
    plan.changes.length === 0
      ? plan.rows === 0
        ? 'nothing to do: the progress zone holds no table rows to make modules from'
        : `nothing to do: ${plan.rows} row(s) read, every module already has its status block`
      : `${plan.rows} row(s) read: ${created} module(s) ${dryRun ? 'to create' : 'created'}, ${blocks} status block(s) ${dryRun ? 'to add' : 'added'}, ${plan.kept.length} file(s) kept${dryRun ? ' (dry run: nothing written)' : ''}`;
  lines.push(summary);
  if (!dryRun && plan.changes.length > 0) lines.push('next: run `odyssey sync` to render the table from the status blocks, then `odyssey check` for the links');
  return lines.join('\n') + '\n';
}
