// A fast path for the status blocks nearly everyone writes: when every line has one of a few plain
// shapes, the document is built here with yaml's own node classes and the very ranges yaml gives,
// so everything downstream reads it exactly as it reads yaml's. Anything else returns null and the
// caller parses with yaml (tests/core/status/simple-block.test.ts compares both on many blocks).
//
// Shapes taken (one per line; LF or CRLF; spaces only, no tabs):
//   key: value            key:                    (key: letters, digits, `_`, `-`, starting with a letter)
//   # comment             (in column 1, or at a list's indent before its next item; not right after an empty `key:`)
//   blank line
//   under an empty top-level `key:`, a list at one indent:   - value     - key: value
//   and below a `- key: value` item, two spaces further in:    key: value / key:
// where a value is `"text"` without `\` or an inner `"`, or a plain value simple-scalar.ts can type.
import { Document, LineCounter, Pair, YAMLMap, YAMLSeq, type Node, type Scalar } from 'yaml';
import { emptyScalar, isSimpleKey, keyScalar, valueScalar } from './simple-scalar.js';

let enabled = true;

/** For tests: turns the fast path off or on; returns the previous setting. */
export function useSimpleBlocks(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Characters whose reading by yaml is not obvious (controls, tabs, odd spaces, lone CR, BOM, lone surrogates). */
const ODD =
  /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff0-\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: |$)/;

function end(node: Node): number {
  return node.range![2];
}

/** The block's yaml as yaml's `parseDocument` would give it, lines counted into `lines`; null when not simple. */
export function simpleDocument(yaml: string, lines: LineCounter): Document.Parsed | null {
  if (!enabled || ODD.test(yaml)) return null;
  const doc = new Document(undefined, { prettyErrors: false, uniqueKeys: true });
  const top = new YAMLMap<Scalar, Node>(doc.schema);
  const starts = [0];
  const topKeys = new Set<string>();
  let pending: Pair<Scalar, Node | null> | null = null; // a `key:` whose value is not decided yet
  let pendingTop = false;
  let pendingAt = 0;
  let seq: YAMLSeq<Node> | null = null;
  let seqIndent = -1;
  let item: YAMLMap<Scalar, Node> | null = null; // the `- key: value` item open for more keys
  let itemKeys = new Set<string>();
  let listComment = false; // a comment at the list's indent, which must be followed by another item

  /** `key:` or `key: value` at `at`; null when the line is not that. */
  const pair = (text: string, at: number, contentEnd: number, nodeEnd: number, keys: Set<string>): Pair<Scalar, Node | null> | null => {
    const m = KEY_LINE.exec(text.slice(at, contentEnd));
    if (m === null || !isSimpleKey(m[1]!) || keys.has(m[1]!)) return null;
    keys.add(m[1]!);
    let v = at + m[0].length;
    while (v < contentEnd && text.charCodeAt(v) === 0x20) v++;
    if (v === contentEnd) return new Pair(keyScalar(m[1]!, at), null);
    const value = valueScalar(text, v, contentEnd, nodeEnd);
    return value === null ? null : new Pair(keyScalar(m[1]!, at), value);
  };
  /** An empty `key:` followed by no list is null, placed at the end of its line. */
  const settle = (): void => {
    if (pending !== null) pending.value = emptyScalar(pendingAt);
    pending = null;
  };
  const closeItem = (): void => {
    if (item !== null) {
      const last = end(item.items[item.items.length - 1]!.value!);
      item.range = [item.range![0], last, last];
    }
    item = null;
  };
  const closeSeq = (): void => {
    closeItem();
    if (seq !== null) {
      const last = end(seq.items[seq.items.length - 1]!);
      seq.range = [seq.range![0], last, last];
    }
    seq = null;
  };

  let ls = 0;
  while (ls < yaml.length) {
    const nl = yaml.indexOf('\n', ls);
    const le = nl === -1 ? yaml.length : nl;
    const next = nl === -1 ? yaml.length : nl + 1;
    const ce = le > ls && yaml.charCodeAt(le - 1) === 0x0d ? le - 1 : le;
    if (nl !== -1) starts.push(next);
    let at = ls;
    while (at < ce && yaml.charCodeAt(at) === 0x20) at++;
    const indent = at - ls;
    ls = next;
    if (at === ce) continue;
    const c = yaml.charCodeAt(at);
    if (c === 0x23) {
      // A comment after an empty `key:` becomes part of its null in yaml, with another range.
      if ((indent !== 0 && (seq === null || indent !== seqIndent)) || pending !== null) return null;
      // yaml counts a comment at the list's indent into the list when no item follows it.
      if (indent !== 0) listComment = true;
      continue;
    }
    if (c === 0x2d && yaml.charCodeAt(at + 1) === 0x20) {
      // `- ` starts a list item: the first one under an empty top-level `key:`, the next ones at its indent.
      const opensList = pendingTop && pending !== null;
      if (!opensList && (seq === null || indent !== seqIndent)) return null;
      const v = at + 2;
      const vc = yaml.charCodeAt(v);
      if (v >= ce || vc === 0x20) return null;
      if (opensList) {
        seq = new YAMLSeq<Node>(doc.schema);
        seq.range = [at, at, at];
        seqIndent = indent;
        pending!.value = seq;
        pending = null;
      }
      settle();
      closeItem();
      listComment = false;
      const inner = new Set<string>();
      const p = pair(yaml, v, ce, next, inner);
      if (p !== null) {
        item = new YAMLMap<Scalar, Node>(doc.schema);
        item.range = [v, v, v];
        item.items.push(p as Pair<Scalar, Node>);
        itemKeys = inner;
        if (p.value === null) {
          pending = p;
          pendingTop = false;
          pendingAt = ce;
        }
        seq!.items.push(item);
        continue;
      }
      if (KEY_LINE.test(yaml.slice(v, ce))) return null;
      const s = valueScalar(yaml, v, ce, next);
      if (s === null) return null;
      seq!.items.push(s);
      continue;
    }
    if (indent === 0) {
      settle();
      if (listComment) return null;
      closeSeq();
      const p = pair(yaml, at, ce, next, topKeys);
      if (p === null) return null;
      top.items.push(p as Pair<Scalar, Node>);
      if (p.value === null) {
        pending = p;
        pendingTop = true;
        pendingAt = ce;
      }
      continue;
    }
    if (item !== null && indent === seqIndent + 2 && !listComment) {
      settle();
      const p = pair(yaml, at, ce, next, itemKeys);
      if (p === null) return null;
      item.items.push(p as Pair<Scalar, Node>);
      if (p.value === null) {
        pending = p;
        pendingTop = false;
        pendingAt = ce;
      }
      continue;
    }
    return null;
  }
  settle();
  if (listComment) return null;
  closeSeq();

  if (top.items.length > 0) {
    const last = end(top.items[top.items.length - 1]!.value!);
    top.range = [top.items[0]!.key.range![0], last, last];
    doc.contents = top;
  }
  for (const s of starts) lines.addNewLine(s);
  // `Document.Parsed` adds only the document's own range and directives, which no reader looks at.
  return doc as unknown as Document.Parsed;
}
