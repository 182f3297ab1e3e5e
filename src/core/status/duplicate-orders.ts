// Two modules with the same order are listed by id, which is rarely what their author meant.
import { finding, type Finding, type Module } from '../model.js';
import { KIND } from './block-reader.js';
import { NO_ORDER, sortModules } from './module-order.js';

const NAMED = 3;

/** One warning on each module that shares its order with another, naming the others. */
export function checkDuplicateOrders(modules: readonly Module[]): Finding[] {
  const byOrder = new Map<number, Module[]>();
  for (const m of sortModules(modules)) {
    if (m.order === NO_ORDER) continue;
    const group = byOrder.get(m.order);
    if (group) group.push(m);
    else byOrder.set(m.order, [m]);
  }
  const used = new Set(modules.map((m) => m.order));
  const findings: Finding[] = [];
  for (const [order, group] of byOrder) {
    if (group.length < 2) continue;
    let free = Math.floor(order) + 1;
    while (used.has(free)) free++;
    for (const m of group) {
      // A few names are enough to find the clash; a long list would only repeat itself in every warning.
      const rest = group.filter((o) => o !== m);
      const named = rest.slice(0, NAMED).map((o) => `\`${o.id}\` (${o.file})`);
      const others = rest.length > NAMED ? `${named.join(', ')} and ${rest.length - NAMED} more` : named.join(', ');
      const { line, column } = m.orderPlace ?? { line: 1, column: 1 };
      findings.push(
        finding(
          m.file,
          line,
          column,
          KIND,
          'warning',
          `order ${order} is also the order of ${others}; such modules are listed by folder name: to choose, give one of them its own \`order:\` in its status block (\`order: ${free}\` is free)`,
        ),
      );
    }
  }
  return findings;
}
