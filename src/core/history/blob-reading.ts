// One version of a module README (a blob from git) → its status and task counts, by the same
// parser `sync` uses today, so the past is read exactly as the present is.
import { taskProgress } from '../model.js';
import { splitFrontMatter } from '../status/front-matter.js';
import { parseStatusBlock, plainHeading, readableId, scanBody } from '../status/index.js';
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

type Head = { reading: BlobReading; blockTitle: boolean };

/**
 * `readBlob` for thousands of versions of the same files. A topic's status block changes far less
 * often than its task list, so the block (the text up to the body) is parsed once per distinct
 * text and id, and only the body is scanned for each version. Same answers as `readBlob`.
 */
export function makeBlobReader(): (id: string, file: string, text: string) => BlobReading {
  const heads = new Map<string, Head>();
  return (id, file, raw) => {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const fm = splitFrontMatter(text);
    if (fm.kind !== 'block' || !text.endsWith(fm.body)) return readBlob(id, file, text);
    const headText = text.slice(0, text.length - fm.body.length);
    const key = `${id}\0${file}\0${headText}`;
    let head = heads.get(key);
    if (head === undefined) {
      const reading = readBlob(id, file, headText);
      // With a heading after the block, the title is the block's own only when it has one.
      const probe = parseStatusBlock({ id, file, text: `${headText}# odysseyprobe7f3\n` }).module.title;
      head = { reading, blockTitle: probe !== 'odysseyprobe7f3' };
      heads.set(key, head);
    }
    if (!head.reading.ok) return head.reading;
    const body = scanBody(fm.body, fm.bodyLine);
    const { done, total } = taskProgress(body);
    const title = head.blockTitle ? head.reading.title : (body.heading !== null && plainHeading(body.heading)) || readableId(id);
    return { ...head.reading, tasksDone: done, tasksTotal: total, title };
  };
}
