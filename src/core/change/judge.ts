// Findings now and at the base commit → which ones the change brought (SPEC §8). A finding is the
// same one when its file (followed through renames), kind and URL are: never by line number, so
// a line added above a broken link does not make it new. Pure.
import type { Finding } from '../model.js';

export interface Judged {
  /** Every finding now, each marked `change: 'new' | 'existing'`. */
  findings: Finding[];
  /** Findings at the base that are gone now (at their base file and line). */
  fixed: Finding[];
}

const keyOf = (file: string, f: Finding): string => `${file}\0${f.kind}\0${f.url ?? f.message}`;

/** `renamed`: base path → path now, from git's rename detection. */
export function judgeChanges(now: readonly Finding[], before: readonly Finding[], renamed: ReadonlyMap<string, string>): Judged {
  const waiting = new Map<string, Finding[]>();
  for (const f of before) {
    const k = keyOf(renamed.get(f.file) ?? f.file, f);
    const list = waiting.get(k);
    if (list) list.push(f);
    else waiting.set(k, [f]);
  }
  const findings = now.map((f): Finding => {
    const list = waiting.get(keyOf(f.file, f));
    // The same link written twice counts twice: each one at the base matches one now.
    const match = list?.shift();
    return { ...f, change: match ? 'existing' : 'new' };
  });
  const fixed: Finding[] = [];
  for (const list of waiting.values()) for (const f of list) fixed.push({ ...f });
  return { findings, fixed };
}

/** The findings that decide the exit code with a base: new ones only, or all (`pr-fail-on: all`). */
export function failingScope(findings: readonly Finding[], scope: 'new' | 'all'): Finding[] {
  return scope === 'all' ? [...findings] : findings.filter((f) => f.change !== 'existing');
}
