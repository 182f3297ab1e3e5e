// A module README → its Module and the findings about its status block. Pure; never throws.
import { finding, type Finding, type Module } from '../model.js';
import { KIND } from './block-reader.js';
import { firstTitleHeading, parseDocument, type DocumentModel } from '../document/index.js';
import { orderFromId } from './module-order.js';
import { plainHeading, readableId } from './module-title.js';
import { readBlock } from './read-block.js';

export interface StatusBlockInput {
  /** Folder name, e.g. `03-transformer-architecture`. */
  id: string;
  /** Root-relative path of the README, `/`-separated. */
  file: string;
  /** The whole README. */
  text: string;
  /** The README already parsed (the run's one reading of it); parsed here when absent. */
  model?: Pick<DocumentModel, 'frontMatter' | 'tasks' | 'headings'>;
}

export function parseStatusBlock(input: StatusBlockInput): { module: Module; findings: Finding[] } {
  const { id, file } = input;
  const idTitle = readableId(id);
  const module: Module = {
    id,
    file,
    title: idTitle,
    status: null,
    resources: [],
    order: orderFromId(id),
    extra: {},
    tasks: [],
    broken: false,
  };
  const findings: Finding[] = [];
  const error = (line: number, message: string): void => {
    findings.push(finding(file, line, 1, KIND, 'error', message));
  };

  const doc = input.model ?? parseDocument(input.text, file, { scope: 'status' });
  const fm = doc.frontMatter;
  let title: string | undefined;
  let read: ReturnType<typeof readBlock> | undefined;
  if (fm.kind === 'none') {
    error(1, `no status block: paste this at the very top of the file:\n---\ntitle: ${idTitle}\nstatus: todo\n---`);
  } else if (fm.kind === 'unclosed') {
    const where = fm.headingLine !== null ? `before line ${fm.headingLine}` : 'after its last field';
    error(fm.openLine, `the status block opened on line ${fm.openLine} is never closed: add a line \`---\` ${where}`);
  } else {
    if (fm.openLine > 1) {
      error(1, `the status block must start on line 1: remove the ${fm.openLine - 1} blank line(s) above its \`---\``);
    }
    try {
      read = readBlock(file, fm.yaml, fm.openLine, idTitle);
    } catch (e) {
      // Bad input must never stop the run: whatever slipped past the readers becomes a finding.
      error(fm.openLine, `the status block could not be read (${e instanceof Error ? e.message : String(e)}): simplify its YAML to plain \`key: value\` lines`);
    }
  }
  if (read !== undefined) {
    const { fields, reader } = read;
    findings.push(...reader.findings);
    title = fields.title;
    module.status = fields.status;
    module.resources = fields.resources;
    module.extra = fields.extra;
    if (fields.started !== undefined) module.started = fields.started;
    if (fields.completed !== undefined) module.completed = fields.completed;
    if (fields.confidence !== undefined) module.confidence = fields.confidence;
    if (fields.learnings !== undefined) module.learnings = fields.learnings;
    if (fields.staleAfter !== undefined) module.staleAfter = fields.staleAfter;
    if (fields.order !== undefined) module.order = fields.order;
    if (fields.orderPlace !== undefined) module.orderPlace = fields.orderPlace;
  }

  module.tasks = doc.tasks.map((t) => ({ text: t.text, done: t.done, line: t.line }));
  const heading = firstTitleHeading(doc);
  const headingTitle = heading === null ? '' : plainHeading(heading);
  module.title = title || headingTitle || idTitle;
  module.broken = findings.some((f) => f.severity === 'error');
  return { module, findings };
}
