// Status-block resources are links too, checked like any other (SPEC §1).
import type { Link, Module } from '../model.js';

export function resourceLinks(modules: readonly Pick<Module, 'file' | 'resources'>[]): Link[] {
  const out: Link[] = [];
  for (const m of modules) {
    for (const r of m.resources) {
      const link: Link = { file: m.file, line: r.line, column: r.column, url: r.url, form: 'resource' };
      if (r.title) link.text = r.title;
      out.push(link);
    }
  }
  return out;
}
