// One version of a module README (a blob from git) → its status and task counts, by the same
// parser `sync` uses today, so the past is read exactly as the present is.
import { taskProgress } from '../model.js';
import { firstTitleHeading, parseDocument } from '../document/index.js';
import { parseStatusBlock, plainHeading, readableId } from '../status/index.js';
import type { BlobReading } from './types.js';

export function readBlob(id: string, file: string, text: string): BlobReading {
  return toReading(parseStatusBlock({ id, file, text }));
}

function toReading({ module, findings }: ReturnType<typeof parseStatusBlock>): BlobReading {
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
type Model = NonNullable<Parameters<typeof parseStatusBlock>[0]['model']>;

/**
 * `readBlob` for thousands of versions of the same files. A topic's status block changes far less
 * often than its task list, so the block is read once per distinct block text and id; each
 * version's own document model gives its tasks and heading. Same answers as `readBlob`.
 */
export function makeBlobReader(): (id: string, file: string, text: string) => BlobReading {
  const heads = new Map<string, Head>();
  return (id, file, text) => {
    // Every version is read by the one parser (no guessing from the version before it).
    const doc: Model = parseDocument(text, file, { scope: 'status' });
    const fm = doc.frontMatter;
    if (fm.kind !== 'block') return toReading(parseStatusBlock({ id, file, text, model: doc }));
    const key = `${id}\0${file}\0${fm.openLine}\0${fm.yaml}`;
    let head = heads.get(key);
    if (head === undefined) {
      // Read with a heading after it: the title is the block's own only when the block has one
      // (without the heading, it would be the id's); nothing else of the block depends on headings.
      const probed = parseStatusBlock({ id, file, text, model: { frontMatter: fm, tasks: [], headings: [{ ...PROBE_HEADING }] } });
      const blockTitle = probed.module.title !== PROBE;
      const reading = toReading(probed);
      if (reading.ok && !blockTitle) reading.title = readableId(id);
      head = { reading, blockTitle };
      heads.set(key, head);
    }
    const r = head.reading;
    if (!r.ok) return r;
    let tasksDone = 0;
    for (const t of doc.tasks) if (t.done) tasksDone++;
    const heading = head.blockTitle ? null : firstTitleHeading(doc);
    const title = head.blockTitle ? r.title : (heading !== null && plainHeading(heading)) || readableId(id);
    const out: BlobReading = { ok: true, status: r.status, tasksDone, tasksTotal: doc.tasks.length, title, order: r.order };
    if (r.started) out.started = r.started;
    if (r.completed) out.completed = r.completed;
    return out;
  };
}

const PROBE = 'odysseyprobe7f3';
const PROBE_HEADING = { level: 1, style: 'atx', source: PROBE } as unknown as Model['headings'][number];
