// The progress table's rows → the modules they describe: id, title and status-block fields, with a
// finding for every cell that could not be carried over as it is.
import { finding, type Finding, type Status } from '../model.js';
import { normalizeStatus } from '../status/index.js';
import { UNKNOWN_LABEL } from '../table/labels.js';
import { columnRole, type ColumnRole } from './columns.js';
import { idFromNotesLink, idFromTopic, slugify } from './module-id.js';
import type { ProgressTable, TableCellText, TableRow } from './progress-table.js';
import { rebaseLink } from '../table/cell-text.js';

export interface ModuleDraft {
  id: string;
  /** Root-relative path of the module README. */
  file: string;
  title: string;
  /** Status-block fields in the order they are written. */
  fields: Record<string, unknown>;
  /** 1-based body row of the table this module comes from. */
  row: number;
  line: number;
  /** What could not be carried over from this row as it is: worth saying only when init writes the block. */
  findings: Finding[];
}

const KIND = 'init';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_FIELDS = new Set(['title', 'status', 'started', 'completed', 'confidence', 'resources', 'learnings', 'order', 'stale-after']);

/** The status-block key an extra column is kept under: its header as a slug. */
export function extraFieldKey(header: string, index: number): string {
  const slug = slugify(header) || `column-${index + 1}`;
  return KNOWN_FIELDS.has(slug) || columnRole(header) !== null ? `${slug}-column` : slug;
}

function readConfidence(raw: string): number | string | null {
  const t = raw.trim();
  if (t === '') return null;
  const n = /^([1-5])(?:\s*\/\s*5)?$/.exec(t);
  if (n) return Number(n[1]);
  const stars = [...t.matchAll(/⭐|★/g)].length;
  if (stars >= 1 && stars <= 5 && t.replace(/⭐|★|\s/g, '') === '') return stars;
  return t;
}

/** The status a Status cell names; `unknown` for the label sync gives a module it could not read. */
function readStatus(raw: string): Status | 'unknown' | null {
  const status = normalizeStatus(raw);
  if (status !== null) return status;
  // sync adds the module's task count, `🚧 In Progress (2/5)`: not part of the status.
  const bare = raw.replace(/\s*\(\s*\d+\s*\/\s*\d+\s*\)\s*$/, '');
  if (bare !== raw) return readStatus(bare);
  const word = raw.replace(UNKNOWN_LABEL.emoji, '').trim().toLowerCase();
  return raw.includes(UNKNOWN_LABEL.emoji) && (word === '' || word === UNKNOWN_LABEL.label.toLowerCase()) ? 'unknown' : null;
}

function cellOf(row: TableRow, table: ProgressTable, role: ColumnRole): TableCellText | undefined {
  const col = table.columns.find((c) => c.role === role);
  return col === undefined ? undefined : row.cells[col.index];
}

/** `[label](old "title")` → `[label](new "title")`. */
function withDestination(markdown: string, oldUrl: string, newUrl: string): string {
  const at = markdown.lastIndexOf('](');
  if (at === -1) return markdown;
  const dest = markdown.slice(at + 2);
  const i = dest.indexOf(oldUrl);
  return `${markdown.slice(0, at + 2)}${i === -1 ? `${newUrl})` : dest.slice(0, i) + newUrl + dest.slice(i + oldUrl.length)}`;
}

export function draftModules(
  table: ProgressTable,
  readmePath: string,
  modulesDir: string,
): { drafts: ModuleDraft[]; findings: Finding[] } {
  const drafts: ModuleDraft[] = [];
  const findings: Finding[] = [];
  const used = new Map<string, number>();
  // A row's findings go with its draft once it names a module (plan shows them only if init writes
  // that module); before that, e.g. a row with no topic, they are the table's.
  let rowFindings: Finding[] = findings;
  const warn = (cell: { line: number; column: number }, message: string): void => {
    rowFindings.push(finding(readmePath, cell.line, cell.column, KIND, 'warning', message));
  };

  for (const row of table.rows) {
    rowFindings = findings;
    const topic = cellOf(row, table, 'topic');
    // sync writes the topic as `[Title](modules/<id>/README.md)`: that link names both.
    const topicLink = topic?.links.find((l) => idFromNotesLink(l.url, modulesDir) !== null);
    const title = (topicLink?.text || topic?.plain) ?? '';
    if (title === '') {
      warn(topic ?? { line: row.line, column: 1 }, `row ${row.index} has no Module/Topic text: skipped; write the topic's name in its first cell to have init create its folder`);
      continue;
    }
    rowFindings = [];

    const notes = cellOf(row, table, 'notes');
    const linked = [...(topicLink ? [topicLink] : []), ...(notes?.links ?? [])]
      .map((l) => idFromNotesLink(l.url, modulesDir))
      .find((id): id is string => id !== null);
    let id = linked ?? idFromTopic(title) ?? `topic-${row.index}`;
    const seen = used.get(id) ?? 0;
    used.set(id, seen + 1);
    if (seen > 0) {
      const renamed = `${id}-${seen + 1}`;
      warn(topic!, `row ${row.index} names the same folder as an earlier row (${modulesDir}/${id}): this one becomes ${modulesDir}/${renamed}; rename it if that is not what you meant`);
      id = renamed;
    }
    const file = `${modulesDir}/${id}/README.md`;

    const fields: Record<string, unknown> = { title };

    const statusCell = cellOf(row, table, 'status');
    const rawStatus = statusCell?.plain ?? '';
    const status = readStatus(rawStatus);
    if (status === 'unknown') {
      fields.status = 'todo';
      warn(statusCell!, `row ${row.index}: "${rawStatus}" is what sync shows for a module whose status block is missing or broken, so ${file} starts as \`todo\`; set its \`status:\` to what it really is`);
    } else if (status !== null) fields.status = status;
    else if (rawStatus === '') {
      fields.status = 'todo';
      if (statusCell) warn(statusCell, `row ${row.index} has an empty Status: ${file} starts as \`todo\``);
    } else {
      fields.status = rawStatus;
      warn(statusCell!, `row ${row.index}: status "${rawStatus}" is not one of todo, in-progress, paused, done: it is copied as written; change it in ${file}`);
    }

    for (const role of ['started', 'completed'] as const) {
      const cell = cellOf(row, table, role);
      const raw = cell?.plain ?? '';
      fields[role] = raw === '' ? null : raw;
      if (raw !== '' && !DATE.test(raw)) {
        warn(cell!, `row ${row.index}: "${raw}" is not a YYYY-MM-DD date: it is copied as written; write it as e.g. 2026-10-02 in ${file}`);
      }
    }

    const confCell = cellOf(row, table, 'confidence');
    const confidence = readConfidence(confCell?.plain ?? '');
    if (confidence !== null) {
      fields.confidence = confidence;
      if (typeof confidence === 'string') warn(confCell!, `row ${row.index}: confidence "${confidence}" is not a whole number from 1 to 5: it is copied as written; change it in ${file}`);
    }

    const resCell = cellOf(row, table, 'resources');
    if (resCell && resCell.source !== '') {
      // `[text](url)` is kept as written (less the table's escaping); an autolinked URL becomes `{title, url}`.
      // Links in the README's table are relative to the README: in the module README they must be
      // relative to it (the table's renderer does the opposite rewrite).
      fields.resources = resCell.links.map((l) => {
        const url = rebaseLink(l.url, readmePath, file);
        if (!l.markdown) return { title: l.text || l.url, url };
        return url === l.url ? l.markdown : withDestination(l.markdown, l.url, url);
      });
      const rest = resCell.rest.replace(/[\s,;·•|]+/g, ' ').trim();
      if (rest !== '') {
        fields['resources-text'] = rest;
        warn(resCell, `row ${row.index}: resource text without a link ("${rest}") is kept as \`resources-text\` in ${file}; make it a link such as [Title](https://…) under \`resources\` to have it checked`);
      }
    }

    const learn = cellOf(row, table, 'learnings');
    if (learn && learn.text !== '') fields.learnings = learn.text;

    // A notes link that points somewhere other than the module folder is kept rather than lost.
    if (notes && notes.text !== '' && linked === undefined) fields['notes-link'] = notes.text;

    for (const col of table.columns) {
      if (col.role !== null) continue;
      const cell = row.cells[col.index];
      if (cell && cell.text !== '') fields[extraFieldKey(col.header, col.index)] = cell.text;
    }

    drafts.push({ id, file, title, fields, row: row.index, line: row.line, findings: rowFindings });
  }
  return { drafts, findings };
}
