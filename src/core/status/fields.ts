// Readers for the scalar fields of a status block. Each returns the typed value, or undefined
// after reporting what to write instead.
import { isScalar, isSeq, type Node } from 'yaml';
import type { Status } from '../model.js';
import type { BlockReader } from './block-reader.js';
import { readCalendarDate } from './calendar-date.js';
import { ACCEPTED_STATUSES, normalizeStatus, suggestStatus } from './status-labels.js';

type Value = Node | null | undefined;

/** `key:`, `key: ""` and `key: ~` all mean the field is not set. */
export function isEmpty(node: Value): boolean {
  if (node === null || node === undefined) return true;
  if (!isScalar(node)) return false;
  return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
}

function scalarValue(node: Value): unknown {
  return isScalar(node) ? node.value : undefined;
}

export function readText(r: BlockReader, key: string, node: Value, at: number, example: string): string | undefined {
  if (isEmpty(node)) return undefined;
  const v = scalarValue(node);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  r.error(node, at, `\`${key}\` must be text: write it like \`${key}: ${example}\` (a longer text can follow \`${key}: |\` on indented lines)`);
  return undefined;
}

export function readStatus(r: BlockReader, node: Value, at: number): Status | null {
  if (isEmpty(node)) {
    r.error(node, at, `\`status\` is empty: write one of ${ACCEPTED_STATUSES}, like \`status: in-progress\``);
    return null;
  }
  const v = scalarValue(node);
  if (v === undefined || v instanceof Date) {
    r.error(node, at, `\`status\` must be a single value: write one of ${ACCEPTED_STATUSES}, like \`status: in-progress\``);
    return null;
  }
  const raw = String(v);
  const status = normalizeStatus(raw);
  if (status !== null) return status;
  const guess = suggestStatus(raw);
  const hint = guess === null ? '' : ` (did you mean \`${guess}\`?)`;
  r.error(node, at, `unknown status \`${r.source(node)}\`: write one of ${ACCEPTED_STATUSES}${hint}`);
  return null;
}

export function readDate(r: BlockReader, key: string, node: Value, at: number): string | undefined {
  if (isEmpty(node)) return undefined;
  const reading = readCalendarDate(scalarValue(node));
  if ('date' in reading) return reading.date;
  r.error(
    node,
    at,
    `\`${key}: ${r.source(node)}\` is not a real date (${reading.problem}): write it as YYYY-MM-DD, like \`${key}: 2026-10-02\`, or leave it empty`,
  );
  return undefined;
}

function wholeNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

export function readConfidence(r: BlockReader, node: Value, at: number): number | undefined {
  if (isEmpty(node)) return undefined;
  const n = wholeNumber(scalarValue(node));
  if (n !== undefined && n >= 1 && n <= 5) return n;
  r.error(node, at, `\`confidence: ${r.source(node)}\` is not a whole number from 1 to 5: write one, like \`confidence: 3\`, or leave it empty`);
  return undefined;
}

export function readOrder(r: BlockReader, node: Value, at: number): number | undefined {
  if (isEmpty(node)) return undefined;
  const v = scalarValue(node);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isFinite(n)) return n;
  r.error(node, at, `\`order: ${r.source(node)}\` is not a number: write one, like \`order: 3\` (modules are listed by \`order\`, then by folder name)`);
  return undefined;
}

export function readStaleAfter(r: BlockReader, node: Value, at: number): number | undefined {
  if (isEmpty(node)) return undefined;
  const v = scalarValue(node);
  // `14 days` and `14d` are what people write for a number of days; accept them.
  const n = typeof v === 'string' ? wholeNumber(v.replace(/\s*(d|days?)\s*$/i, '')) : wholeNumber(v);
  if (n !== undefined && n >= 1) return n;
  r.error(node, at, `\`stale-after: ${r.source(node)}\` is not a number of days: write a whole number of days above 0, like \`stale-after: 60\``);
  return undefined;
}

/** Text, or a list of short texts (joined with `; `, as one table cell shows them). */
export function readLearnings(r: BlockReader, node: Value, at: number): string | undefined {
  if (isSeq(node) && node.items.every((i) => isScalar(i) && i.value !== null && typeof i.value !== 'object')) {
    const parts = node.items.map((i) => String((i as { value: unknown }).value).trim()).filter((s) => s !== '');
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return readText(r, 'learnings', node, at, 'Multi-head attention details.');
}
