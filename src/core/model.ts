// The vocabulary shared by every part of odyssey. Pure data: no I/O here.
import { hideCredentials } from './links/hide-credentials.js';

export const STATUSES = ['todo', 'in-progress', 'paused', 'done'] as const;
export type Status = (typeof STATUSES)[number];

export type Severity = 'error' | 'warning';

/** Every problem odyssey reports. Positions are 1-based; `file` is root-relative with `/`. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  kind: string;
  severity: Severity;
  message: string;
  url?: string;
  endLine?: number;
  endColumn?: number;
}

export interface Resource {
  title: string;
  url: string;
  /** Where the resource is written inside the status block (file positions). */
  line: number;
  column: number;
}

export interface Task {
  text: string;
  done: boolean;
  line: number;
}

/** One topic: a folder under `modules/` and what its README's status block says. */
export interface Module {
  /** Folder name, e.g. `03-transformer-architecture`. */
  id: string;
  /** Root-relative path of the module README, e.g. `modules/03-transformer-architecture/README.md`. */
  file: string;
  title: string;
  /** `null` when the status block is missing or broken: the row shows `❓`. */
  status: Status | null;
  started?: string;
  completed?: string;
  confidence?: number;
  resources: Resource[];
  learnings?: string;
  order: number;
  /** Where `order:` is written, when it is (a duplicate-order warning points there). */
  orderPlace?: { line: number; column: number };
  staleAfter?: number;
  /** Fields odyssey does not know, kept as written (usable as extra table columns). */
  extra: Record<string, unknown>;
  tasks: Task[];
  /** True when the status block has at least one error. */
  broken: boolean;
}

export function taskProgress(m: Pick<Module, 'tasks'>): { done: number; total: number } {
  let done = 0;
  for (const t of m.tasks) if (t.done) done++;
  return { done, total: m.tasks.length };
}

export function finding(
  file: string,
  line: number,
  column: number,
  kind: string,
  severity: Severity,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  // Credentials in a URL never reach a printer: every output is made from findings.
  const f: Finding = { file, line, column, kind, severity, message: hideCredentials(message), ...extra };
  if (f.url !== undefined) f.url = hideCredentials(f.url);
  return f;
}

/** Orders findings by file, then position, so output is stable whatever order work finished in. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

/** How a link was written; decides nothing by itself but helps messages and SARIF. */
export type LinkForm = 'inline' | 'image' | 'reference' | 'definition' | 'autolink' | 'bare' | 'html' | 'resource';

/** One occurrence of a URL or path in a scanned file, at the position it is written. */
export interface Link {
  file: string;
  line: number;
  column: number;
  /** As written, before any decoding. */
  url: string;
  form: LinkForm;
  /** The link text, when it has one (used in messages). */
  text?: string;
}

export function isDone(m: Pick<Module, 'status'>): boolean {
  return m.status === 'done';
}
