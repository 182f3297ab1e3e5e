// The init plan: which files init creates or changes, and what it leaves alone and why. Pure data:
// `--dry-run` prints it, the run step writes it. Two steps so the run reads only the modules the table names.
import { stringify } from 'yaml';
import type { Column } from '../config.js';
import { finding, type Finding } from '../model.js';
import { orderFromId } from '../status/index.js';
import { splitFrontMatter } from '../document/front-matter.js';
import { addChartZone } from './chart-zone.js';
import { DEFAULT_HEADERS } from '../table/index.js';
import { defaultHeader } from '../table/columns.js';
import { SCHEMA_COMMENT } from '../config/schema.js';
import { draftModules, extraFieldKey, type ModuleDraft } from './module-drafts.js';
import { findProgressTable, type ProgressTable } from './progress-table.js';
import { statusBlockText } from './status-block-text.js';
import { NEW_TOPIC_TEMPLATE, newTopicTemplate } from '../topics/new-topic-form.js';

export type InitChangeKind = 'wrap-table' | 'add-chart-zone' | 'create-module' | 'add-status-block' | 'create-config' | 'create-issue-form';

export interface InitChange {
  kind: InitChangeKind;
  /** Root-relative, `/`-separated. */
  path: string;
  /** Current content, or null when the file does not exist yet. */
  before: string | null;
  after: string;
  /** One line for people: what and why. */
  reason: string;
}

export interface InitPlan {
  changes: InitChange[];
  /** Files init looked at and leaves as they are, with why: counted, never silent. */
  kept: Array<{ path: string; reason: string }>;
  findings: Finding[];
  /** Rows read from the table. */
  rows: number;
}

export type InitPrepared =
  | { kind: 'problem'; finding: Finding }
  | { kind: 'ready'; readme: { path: string; text: string }; table: ProgressTable | null; drafts: ModuleDraft[]; findings: Finding[] };

export const MARKER_START = '<!-- odyssey:progress:start -->';
export const MARKER_END = '<!-- odyssey:progress:end -->';

/** Step 1: read the README's table into module drafts. The run then reads `drafts[].file`. */
export function prepareInit(readme: { path: string; text: string }, modulesDir: string): InitPrepared {
  const search = findProgressTable(readme.text);
  if (search.kind === 'problem') {
    return { kind: 'problem', finding: finding(readme.path, search.line, search.column, 'init', 'error', search.message) };
  }
  if (search.kind === 'zone-without-table') return { kind: 'ready', readme, table: null, drafts: [], findings: [] };
  const { drafts, findings } = draftModules(search.table, readme.path, modulesDir);
  return { kind: 'ready', readme, table: search.table, drafts, findings };
}

export interface InitPlanInput {
  prepared: Extract<InitPrepared, { kind: 'ready' }>;
  /** Current text of each draft's README (by root-relative path); null or missing when absent. */
  existing: Record<string, string | null>;
  /** The table columns the configuration asks for now. */
  configColumns: readonly Column[];
  /** Root-relative path of the configuration file when one exists, else null. */
  configPath: string | null;
  /** Also add an empty chart zone after the progress zone (`init --charts`). */
  charts?: boolean;
  /** The new-topic issue form as it is now (null: absent, so init writes it); omitted: not planned. */
  issueForm?: { existing: string | null };
}

function eolOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

function wrapTable(text: string, table: ProgressTable): string {
  const eol = eolOf(text.slice(table.start));
  const afterLast = text.startsWith('\r\n', table.end) ? table.end + 2 : text.startsWith('\n', table.end) ? table.end + 1 : table.end;
  // A blank line before the end marker: GitHub's parser would otherwise read a line right under a
  // table as one more row. The start marker needs none: a comment line ends its own HTML block.
  const closing = afterLast === table.end ? `${eol}${eol}${MARKER_END}` : `${eol}${MARKER_END}${eol}`;
  return text.slice(0, table.start) + MARKER_START + eol + text.slice(table.start, afterLast) + closing + text.slice(afterLast);
}

/** The columns that render the user's table as it is: null when the configured ones already do. */
function columnsForTable(table: ProgressTable, current: readonly Column[]): Column[] | null {
  const wanted: Column[] = table.columns.map((c) => {
    if (c.role === null) return { key: extraFieldKey(c.header, c.index), header: c.header };
    return c.header === DEFAULT_HEADERS[c.role] ? { key: c.role } : { key: c.role, header: c.header };
  });
  const same =
    wanted.length === current.length &&
    wanted.every((w, i) => {
      const c = current[i]!;
      return w.key === c.key && (w.header ?? defaultHeader(w.key)) === (c.header ?? defaultHeader(c.key));
    });
  return same ? null : wanted;
}

function columnsYaml(columns: Column[]): string {
  const list = columns.map((c) => (c.header === undefined ? c.key : { key: c.key, header: c.header }));
  // The user's table lists resources by their whole titles: keep them so (the default shortens them).
  const resources = columns.some((c) => c.key === 'resources') ? { resources: 'full' } : {};
  return stringify({ table: { columns: list, ...resources } }, { lineWidth: 0 });
}

/** Rows come out of sync sorted by order, then id: when the table's own order differs, pin it with `order:`. */
function needsOrder(drafts: readonly ModuleDraft[]): boolean {
  const key = (d: ModuleDraft): [number, string] => [orderFromId(d.id), d.id];
  for (let i = 1; i < drafts.length; i++) {
    const [ao, ai] = key(drafts[i - 1]!);
    const [bo, bi] = key(drafts[i]!);
    if (ao > bo || (ao === bo && ai > bi)) return true;
  }
  return false;
}

/** Step 2: the plan, from the drafts and what is on disk. Running it twice plans nothing the second time. */
export function planInit(input: InitPlanInput): InitPlan {
  const { prepared, existing } = input;
  const { readme, table, drafts } = prepared;
  const changes: InitChange[] = [];
  const kept: InitPlan['kept'] = [];
  const findings: Finding[] = [];
  // The README's findings in table order: those of rows init writes, and of rows it skipped.
  const rowFindings: Finding[] = [...prepared.findings];

  let text = readme.text;
  const why: string[] = [];
  if (table !== null && !table.inZone) {
    text = wrapTable(text, table);
    why.push(`wrap the progress table (line ${table.line}, ${table.rows.length} row(s)) in the odyssey zone markers`);
  }
  const withCharts = input.charts ? addChartZone(text) : null;
  if (withCharts !== null) {
    text = withCharts;
    why.push('add an empty chart zone after the progress zone, for sync to fill with a pie and a timeline');
  }
  if (text !== readme.text) {
    const kind = table !== null && !table.inZone ? 'wrap-table' : 'add-chart-zone';
    changes.push({ kind, path: readme.path, before: readme.text, after: text, reason: `${why.join('; ')}; nothing else in the file changes` });
  } else if (table === null) kept.push({ path: readme.path, reason: 'already has a progress zone, with no table in it to read rows from' });
  else kept.push({ path: readme.path, reason: 'its progress table is already inside the odyssey zone' });

  const pinOrder = needsOrder(drafts);
  // New files follow the README's line endings: a CRLF repository stays CRLF.
  const eol = eolOf(readme.text);
  for (const d of drafts) {
    const fields = pinOrder ? { ...d.fields, order: d.row } : d.fields;
    const before = existing[d.file] ?? null;
    if (before === null) {
      const text = `${statusBlockText(fields, eol)}# ${d.title}${eol}`;
      changes.push({ kind: 'create-module', path: d.file, before: null, after: text, reason: `create it with a status block from row ${d.row} ("${d.title}")` });
      rowFindings.push(...d.findings);
      continue;
    }
    const bom = before.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const body = before.slice(bom.length);
    const fm = splitFrontMatter(body);
    if (fm.kind === 'block') {
      kept.push({ path: d.file, reason: 'already has a status block' });
    } else if (fm.kind === 'unclosed') {
      kept.push({ path: d.file, reason: 'has a status block that is never closed' });
      findings.push(
        finding(d.file, fm.openLine, 1, 'init', 'warning', `the status block opened on line ${fm.openLine} is never closed, so init left this file alone: add a line \`---\` where the block ends`),
      );
    } else {
      changes.push({
        kind: 'add-status-block',
        path: d.file,
        before,
        after: bom + statusBlockText(fields, eolOf(body)) + body,
        reason: `add a status block from row ${d.row} at the top; the rest of the file is kept as it is`,
      });
      rowFindings.push(...d.findings);
    }
  }

  // A table already in the zone is sync's output, drawn from the configured columns: nothing to learn.
  if (table !== null && !table.inZone) {
    const columns = columnsForTable(table, input.configColumns);
    if (columns !== null) {
      const yaml = columnsYaml(columns);
      if (input.configPath === null) {
        // In the README's line endings, like every file init writes.
        const text = `${SCHEMA_COMMENT}\n${yaml}`;
        const after = eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
        changes.push({ kind: 'create-config', path: '.odyssey.yml', before: null, after, reason: 'list your table\'s columns so sync renders the same columns you had' });
      } else {
        findings.push(
          finding(input.configPath, 1, 1, 'init', 'warning', `your table's columns differ from this file's table.columns: to have sync render the columns you had, set\n${yaml.trimEnd()}`),
        );
      }
    }
  }
  if (input.issueForm) {
    if (input.issueForm.existing === null) {
      const form = newTopicTemplate();
      changes.push({
        kind: 'create-issue-form',
        path: NEW_TOPIC_TEMPLATE,
        before: null,
        after: eol === '\r\n' ? form.replace(/\n/g, '\r\n') : form,
        reason: 'add the "New topic" issue form: a collaborator\'s new-topic issue becomes a module and its topic issue (with `topic-issues` on)',
      });
    } else kept.push({ path: NEW_TOPIC_TEMPLATE, reason: 'already exists: your issue form is kept as it is' });
  }
  rowFindings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { changes, kept, findings: [...rowFindings, ...findings], rows: table?.rows.length ?? 0 };
}
