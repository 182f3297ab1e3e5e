// The YAML of a status block → its fields, with a finding for every value that breaks a rule.
import { isAlias, isMap, isNode, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { finding, type Module } from '../model.js';
import { BlockReader, KIND, shorten } from './block-reader.js';
import { closest } from './closest.js';
import {
  isEmpty,
  readConfidence,
  readDate,
  readLearnings,
  readOrder,
  readStaleAfter,
  readStatus,
  readText,
} from './fields.js';
import { repeatedKeys } from './repeated-keys.js';
import { readResources } from './resources.js';
import { simpleDocument } from './simple-block.js';
import { ACCEPTED_STATUSES } from './status-labels.js';

/** What a status block says: the Module's own fields, `title` and `order` only when written. */
export type BlockFields = Pick<Module, 'status' | 'started' | 'completed' | 'confidence' | 'resources' | 'learnings' | 'orderPlace' | 'staleAfter' | 'extra'> &
  Partial<Pick<Module, 'title' | 'order'>>;

const KNOWN = ['title', 'status', 'started', 'completed', 'confidence', 'resources', 'learnings', 'order', 'stale-after'];

/** `Status`, `stale_after` and `staleAfter` are the fields users meant. */
function fold(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}
const KNOWN_BY_FOLD = new Map(KNOWN.map((k) => [fold(k), k]));

const UNQUOTED_LINK = /^(\s*-\s*)(\[[^\]]*\]\(.*)$/;

/** What to write instead of a line YAML could not read, and where on the line the trouble starts. */
function yamlFix(line: string): { fix: string; column?: number } {
  const link = UNQUOTED_LINK.exec(line);
  if (link) {
    const item = link[2]!.trim().replace(/"/g, '\\"');
    return { fix: `a markdown link in a list must be quoted: write \`- "${item}"\``, column: link[1]!.length };
  }
  return {
    fix: 'fix this line (quote a value that contains `: ` or ` #`, or starts with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote)',
  };
}

export function readBlock(file: string, yaml: string, openLine: number, exampleTitle: string): { fields: BlockFields; reader: BlockReader } {
  const lines = new LineCounter();
  const doc = simpleDocument(yaml, lines) ?? parseDocument(yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const r = new BlockReader(file, yaml, lines, openLine);
  const fields: BlockFields = { status: null, resources: [], extra: {} };
  // A missing field has no place of its own: point at the opening `---`, where the block starts.
  const atTop = (message: string): void => {
    r.findings.push(finding(file, openLine, 1, KIND, 'error', message));
  };

  if (doc.errors.length > 0) {
    const seenLines = new Set<number>();
    const repeats = repeatedKeys(doc);
    for (const e of doc.errors) {
      let offset = e.pos[0];
      // The error sits where the pair starts, which may be the end of the line before: the key is at or after it.
      const repeat = e.code === 'DUPLICATE_KEY' ? repeats.find((k) => k.offset >= e.pos[0]) : undefined;
      if (repeat !== undefined) {
        repeats.splice(repeats.indexOf(repeat), 1);
        offset = repeat.offset;
      }
      const { line } = r.at(offset);
      if (seenLines.has(line)) continue;
      seenLines.add(line);
      const text = r.lineText(offset);
      let what: string;
      if (e.code === 'DUPLICATE_KEY') {
        what = `\`${shorten(repeat?.name ?? text.split(':')[0]!.trim())}\` is written twice: keep only one`;
      } else {
        const { fix, column } = yamlFix(text);
        if (column !== undefined) offset = r.yaml.lastIndexOf('\n', offset - 1) + 1 + column;
        what = column !== undefined ? fix : `${e.message.replace(/\.$/, '')}: ${fix}`;
      }
      r.report(offset, 'error', `the status block is not valid YAML: ${what}`);
    }
    return { fields, reader: r };
  }

  const contents = doc.contents as Node | null;
  if (contents !== null && !isMap(contents)) {
    r.error(
      contents,
      0,
      `the status block must be \`key: value\` lines, like \`status: in-progress\`, not ${isScalar(contents) ? 'a single value' : 'a list'}`,
    );
    return { fields, reader: r };
  }

  const seen = new Map<string, Pair<unknown, unknown>>();
  const unknownKeys: Array<{ key: string; pair: Pair<unknown, unknown> }> = [];
  for (const pair of contents?.items ?? []) {
    const keyNode = pair.key as Node | null;
    const keyText = isScalar(keyNode) ? String(keyNode.value) : String(isNode(keyNode) ? keyNode.toJSON() : keyNode);
    const written = pair.value as Node | null;
    const value = isAlias(written) ? ((written.resolve(doc) as Node | undefined) ?? null) : written;
    // Where the value is, or right after the key when the value is left empty.
    const at = written?.range?.[0] ?? keyNode?.range?.[1] ?? 0;
    const known = KNOWN_BY_FOLD.get(fold(keyText));
    if (known === undefined) {
      unknownKeys.push({ key: keyText, pair });
      try {
        fields.extra[keyText] = isNode(value) ? value.toJS(doc) : value;
      } catch (e) {
        // yaml refuses alias bombs (and nothing else we know of) by throwing.
        r.error(written, at, `\`${keyText}\` could not be read (${e instanceof Error ? e.message : String(e)}): write its value out without \`*\` aliases`);
      }
      continue;
    }
    const earlier = seen.get(known);
    if (earlier !== undefined) {
      const earlierKey = earlier.key as Node;
      r.error(keyNode, at, `\`${keyText}\` repeats \`${String((earlierKey as { value?: unknown }).value)}\` from line ${r.at(earlierKey.range?.[0] ?? 0).line}: keep only one`);
      continue;
    }
    seen.set(known, pair);
    switch (known) {
      case 'title':
        fields.title = readText(r, 'title', value, at, exampleTitle);
        break;
      case 'status':
        fields.status = readStatus(r, value, at);
        break;
      case 'started':
        fields.started = readDate(r, 'started', value, at);
        break;
      case 'completed':
        fields.completed = readDate(r, 'completed', value, at);
        break;
      case 'confidence':
        fields.confidence = readConfidence(r, value, at);
        break;
      case 'order':
        fields.order = readOrder(r, value, at);
        if (fields.order !== undefined) fields.orderPlace = r.at(at);
        break;
      case 'stale-after':
        fields.staleAfter = readStaleAfter(r, value, at);
        break;
      case 'learnings':
        fields.learnings = readLearnings(r, value, at);
        break;
      case 'resources':
        fields.resources = readResources(r, value, at);
        break;
    }
  }

  const statusPair = seen.get('status');
  if (statusPair === undefined) {
    const typo = closest('status', unknownKeys.map((u) => fold(u.key)), 2);
    const typoKey = unknownKeys.find((u) => fold(u.key) === typo);
    const hint = typoKey
      ? ` (is \`${typoKey.key}:\` on line ${r.at((typoKey.pair.key as Node).range?.[0] ?? 0).line} a misspelling of it?)`
      : '';
    atTop(`the status block has no \`status\`: add a line \`status: todo\`, with one of ${ACCEPTED_STATUSES}${hint}`);
  }

  if (fields.started !== undefined && fields.completed !== undefined && fields.completed < fields.started) {
    const node = seen.get('completed')!.value as Node;
    r.error(
      node,
      0,
      `\`completed: ${fields.completed}\` is before \`started: ${fields.started}\`: fix the date that is wrong (a topic cannot be completed before it is started)`,
    );
  }
  // A `completed` that is written but wrong already has its error; the warning is for a missing one.
  const completedPair = seen.get('completed');
  const completedWritten = completedPair !== undefined && !isEmpty(completedPair.value as Node | null);
  if (fields.status === 'done' && !completedWritten) {
    const node = statusPair!.value as Node;
    r.report(
      node.range?.[0] ?? 0,
      'warning',
      'status is `done` but `completed` has no date: add `completed: YYYY-MM-DD` with the day you finished',
    );
  }
  return { fields, reader: r };
}
