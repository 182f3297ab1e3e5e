// One version of a module README (a blob from git) → its status and task counts, by the same
// parser `sync` uses today, so the past is read exactly as the present is.
import { taskProgress } from '../model.js';
import { parseStatusBlock } from '../status/index.js';
import type { BlobReading } from './types.js';

export function readBlob(id: string, file: string, text: string): BlobReading {
  const { module, findings } = parseStatusBlock({ id, file, text });
  if (module.status === null) {
    const first = findings.find((f) => f.severity === 'error');
    const message = first ? first.message.replace(/\s*\n\s*/g, ' ') : 'the status block has no `status:`';
    return { ok: false, line: first?.line ?? 1, error: message };
  }
  const { done, total } = taskProgress(module);
  const reading: BlobReading = { ok: true, status: module.status, tasksDone: done, tasksTotal: total, title: module.title, order: module.order };
  if (module.started) reading.started = module.started;
  if (module.completed) reading.completed = module.completed;
  return reading;
}
