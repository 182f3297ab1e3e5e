// A hand-kept table's header → what each column means, by the words people use for it.

export type ColumnRole = 'topic' | 'status' | 'notes' | 'resources' | 'started' | 'completed' | 'confidence' | 'learnings';

export interface TableColumn {
  /** 0-based position in the table. */
  index: number;
  header: string;
  /** A built-in role, or null for a column odyssey does not know (kept as an extra field). */
  role: ColumnRole | null;
}

// Tried in this order, first match wins: "Completion Date" must not be read as a start date,
// and "My Notes/Code" is notes even though a module's code might also be a resource.
const ROLE_WORDS: Array<[ColumnRole, RegExp]> = [
  ['status', /\b(status|state)\b/i],
  ['topic', /\b(modules?|topics?|subjects?|areas?|chapters?|units?)\b/i],
  ['notes', /\b(notes?|code)\b/i],
  ['resources', /\b(resources?|materials?|links?|references?|sources?|readings?)\b/i],
  ['completed', /\b(complet\w*|finish\w*|end(ed)?|done)\b/i],
  ['started', /\b(start\w*|began|begun|begin)\b/i],
  ['confidence', /\b(confidence|confident|mastery)\b/i],
  ['learnings', /\b(learnings?|challenges?|takeaways?|insights?|lessons?)\b/i],
];

export function columnRole(header: string): ColumnRole | null {
  for (const [role, re] of ROLE_WORDS) if (re.test(header)) return role;
  return null;
}

/** Roles for a whole header row: a role already taken by an earlier column makes the later one an extra. */
export function readColumns(headers: readonly string[]): TableColumn[] {
  const taken = new Set<ColumnRole>();
  return headers.map((header, index) => {
    let role = columnRole(header);
    if (role !== null && taken.has(role)) role = null;
    if (role !== null) taken.add(role);
    return { index, header, role };
  });
}
