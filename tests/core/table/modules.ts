import type { Module } from '../../../src/core/model.js';

/** A module as the status reader would give it, with only what a test cares about set. */
export function module(id: string, fields: Partial<Module> = {}): Module {
  return {
    id,
    file: `modules/${id}/README.md`,
    title: id,
    status: 'todo',
    resources: [],
    order: Number.parseInt(id, 10) || 0,
    extra: {},
    tasks: [],
    broken: false,
    ...fields,
  };
}
