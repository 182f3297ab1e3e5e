// The table change in words ("03-transformers: todo → in-progress"), read from the rows of the
// progress zone before and after. Pure; it only describes, so a row it cannot read is "changed".
import { normalizeStatus } from '../core/status/status-labels.js';
import { findZone } from '../core/table/find-zone.js';

interface Row {
  status: string;
  tasks?: string;
  text: string;
}

/** The progress zone's lines, found as sync finds it (a marker shown in a code block is not one). */
function zoneLines(readme: string): string[] {
  const z = findZone(readme, 'README.md', 'progress');
  return z.kind === 'found' ? readme.slice(z.contentStart, z.contentEnd).split(/\r?\n/) : [];
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Module id → its row, for every table row linking to `<modulesDir>/<id>/`. */
export function readRows(readme: string, modulesDir: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  const dir = modulesDir.replace(/^\.\//, '').replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`\\]\\((?:\\./)?${dir}/([^/)\\s]+)`);
  for (const line of zoneLines(readme)) {
    if (!line.trim().startsWith('|')) continue;
    const id = link.exec(line)?.[1];
    if (!id || rows.has(id)) continue;
    let status = '?';
    let tasks: string | undefined;
    for (const cell of cells(line)) {
      const progress = /\((\d+\/\d+)\)\s*$/.exec(cell);
      const bare = cell.replace(/\(\d+\/\d+\)\s*$/, '').trim();
      if (bare.includes('❓')) {
        status = 'broken';
        break;
      }
      const s = bare ? normalizeStatus(bare) : null;
      if (s) {
        status = s;
        tasks = progress?.[1];
        break;
      }
    }
    // Cells without their padding: a wider column elsewhere re-pads every row without changing it.
    rows.set(id, { status, ...(tasks ? { tasks } : {}), text: cells(line).join('|') });
  }
  return rows;
}

/** One line per module whose row differs, in the order of the new table (removed ones last). */
export function describeTableChange(before: string, after: string, modulesDir: string): string[] {
  const a = readRows(before, modulesDir);
  const b = readRows(after, modulesDir);
  const out: string[] = [];
  for (const [id, row] of b) {
    const old = a.get(id);
    if (!old) {
      out.push(`${id}: added (${row.status}${row.tasks ? `, ${row.tasks} tasks` : ''})`);
    } else if (old.status !== row.status) {
      out.push(`${id}: ${old.status} → ${row.status}${row.tasks ? ` (${row.tasks} tasks)` : ''}`);
    } else if (old.tasks !== row.tasks && row.tasks) {
      out.push(`${id}: ${old.tasks ?? '0/0'} → ${row.tasks} tasks`);
    } else if (old.text !== row.text) {
      out.push(`${id}: details changed`);
    }
  }
  for (const id of a.keys()) if (!b.has(id)) out.push(`${id}: removed`);
  return out;
}
