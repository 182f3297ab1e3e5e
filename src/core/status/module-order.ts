// Where a module sits in the table: its `order`, else the number its folder name starts with.
import type { Module } from '../model.js';

/** The order of a module that has neither `order:` nor a numbered folder: after every numbered one. */
export const NO_ORDER = Number.MAX_SAFE_INTEGER;

/** `03-transformers` → 3; NO_ORDER when the id does not start with digits. */
export function orderFromId(id: string): number {
  const m = /^\d+/.exec(id);
  return m ? Number(m[0]) : NO_ORDER;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A new array, by order, then by id (code-unit order, so every machine agrees). */
export function sortModules(modules: readonly Module[]): Module[] {
  return [...modules].sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
}
