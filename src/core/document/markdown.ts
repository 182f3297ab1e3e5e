// One markdown-it instance set up for link extraction: every link, image, autolink, raw HTML and
// code span it makes carries the content offsets it was parsed from (`meta.start`/`meta.end`), and
// reference definitions are recorded with their line. markdown-it has no positions of its own;
// these offsets plus the block line maps give exact line and column (see source-map.ts).
import MarkdownItCtor from 'markdown-it';
import footnote from 'markdown-it-footnote';

type MarkdownIt = InstanceType<typeof MarkdownItCtor>;

export interface Span {
  start: number;
  end: number;
}

export interface DefinitionRecord {
  /** 0-based line where the definition starts. */
  line: number;
  /** Offset in the parsed text of the definition's `[`. */
  offset: number;
  label: string;
  href: string;
}

export interface ExtractEnv {
  references?: Record<string, { href: string; title: string }>;
  definitions: DefinitionRecord[];
  /** Inline content is parsed for headings only (a status-block read). */
  headingsOnly?: boolean;
  /** The line right after the last link reference definition × 64 + its nesting level. */
  afterDefinition?: number;
}

type InlineRule = (state: any, silent: boolean) => boolean;
type BlockRule = (state: any, startLine: number, endLine: number, silent: boolean) => boolean;

const TRACKED: Record<string, string> = {
  link: 'link_open',
  image: 'image',
  autolink: 'link_open',
  html_inline: 'html_inline',
  backticks: 'code_inline',
};

// Inline parsing is most of markdown-it's cost; a block with none of these characters has no
// link, code span or HTML to find (bare URLs are found on the raw text), so it is not parsed.
const NEEDS_INLINE = /[[<`]/;

function ruleFn(ruler: any, name: string): any {
  const r = ruler.__rules__.find((x: { name: string }) => x.name === name);
  if (!r) throw new Error(`markdown-it has no rule ${name}`);
  return r.fn;
}

/** `ruler.at` forgets which rules a rule may interrupt unless told again. */
function altOf(ruler: any, name: string): string[] {
  return [...(ruler.__rules__.find((x: { name: string }) => x.name === name)?.alt ?? [])];
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItCtor({ html: true, linkify: false, typographer: false });
  // Keep URLs exactly as written (after CommonMark unescaping), like remark: no percent-encoding,
  // no punycode, and no dropping of `javascript:` links (they are findings too).
  md.validateLink = () => true;
  md.normalizeLink = (s: string) => s;
  md.normalizeLinkText = (s: string) => s;
  md.core.ruler.disable(['replacements', 'smartquotes', 'text_join']);
  // GFM footnotes (`[^1]: …` is a container, not a link definition). Their tokens stay where they
  // were written (no moving to the end), and `^[inline]` footnotes are not GFM.
  md.use(footnote as unknown as Parameters<MarkdownIt["use"]>[0]);
  md.core.ruler.disable(['footnote_tail']);
  md.inline.ruler.disable(['footnote_inline']);
  // As in micromark, a footnote definition ends a quote's lazy paragraph line.
  md.block.ruler.at('footnote_def', ruleFn(md.block.ruler, 'footnote_def'), { alt: [...altOf(md.block.ruler, 'footnote_def'), 'blockquote'] });

  for (const [name, type] of Object.entries(TRACKED)) {
    const orig = ruleFn(md.inline.ruler, name) as InlineRule;
    md.inline.ruler.at(name, (state: any, silent: boolean) => {
      const start = state.pos;
      const n = state.tokens.length;
      const ok = orig(state, silent);
      if (ok && !silent) {
        for (let i = n; i < state.tokens.length; i++) {
          const t = state.tokens[i];
          if (t.type === type) {
            t.meta = { start, end: state.pos } satisfies Span;
            break;
          }
        }
      }
      return ok;
    });
  }

  const reference = ruleFn(md.block.ruler, 'reference') as BlockRule;
  const referenceAlt = altOf(md.block.ruler, 'reference');
  md.block.ruler.at(
    'reference',
    (state: any, startLine: number, endLine: number, silent: boolean) => {
      if (silent) return reference(state, startLine, endLine, silent);
      const env = state.env as ExtractEnv;
      const shared = env.references;
      env.references = {};
      let ok = false;
      try {
        ok = reference(state, startLine, endLine, silent);
      } finally {
        const mine = env.references;
        env.references = shared ?? {};
        if (ok) env.afterDefinition = state.line * 64 + Math.min(state.level, 63);
        for (const [label, def] of Object.entries(mine ?? {})) {
          if (!(label in env.references)) env.references[label] = def;
          if (ok) env.definitions.push({ line: startLine, offset: state.bMarks[startLine] + state.tShift[startLine], label, href: def.href });
        }
      }
      return ok;
    },
    { alt: referenceAlt },
  );

  // A definition is taken from the start of a paragraph (CommonMark §4.7): an indented line right
  // after it continues that paragraph; it does not start indented code (markdown-it reads it so).
  const code = ruleFn(md.block.ruler, 'code') as BlockRule;
  md.block.ruler.at('code', (state: any, startLine: number, endLine: number, silent: boolean) => {
    if ((state.env as ExtractEnv).afterDefinition === startLine * 64 + Math.min(state.level, 63)) return false;
    return code(state, startLine, endLine, silent);
  });
  // Likewise a list item or an HTML block right after it starts only where it could interrupt a paragraph.
  for (const name of ['list', 'html_block']) {
    const rule = ruleFn(md.block.ruler, name) as BlockRule;
    md.block.ruler.at(name, (state: any, startLine: number, endLine: number, silent: boolean) => {
      if (!silent && (state.env as ExtractEnv).afterDefinition === startLine * 64 + Math.min(state.level, 63)) {
        const parentType = state.parentType;
        state.parentType = 'paragraph';
        const may = rule(state, startLine, endLine, true);
        state.parentType = parentType;
        if (!may) return false;
      }
      return rule(state, startLine, endLine, silent);
    }, { alt: altOf(md.block.ruler, name) });
  }

  md.core.ruler.at('inline', (state: any) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.type !== 'inline') continue;
      if (tokens[i - 1]?.type === 'heading_open' || (!state.env.headingsOnly && NEEDS_INLINE.test(tok.content))) {
        state.md.inline.parse(tok.content, state.md, state.env, tok.children);
      }
    }
  });
  return md;
}
