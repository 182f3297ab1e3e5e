// One markdown-it instance set up for link extraction: every link, image, autolink, raw HTML and
// code span it makes carries the content offsets it was parsed from (`meta.start`/`meta.end`), and
// reference definitions are recorded with their line. markdown-it has no positions of its own;
// these offsets plus the block line maps give exact line and column (see source-map.ts).
import MarkdownItCtor from 'markdown-it';

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

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItCtor({ html: true, linkify: false, typographer: false });
  // Keep URLs exactly as written (after CommonMark unescaping), like remark: no percent-encoding,
  // no punycode, and no dropping of `javascript:` links (they are findings too).
  md.validateLink = () => true;
  md.normalizeLink = (s: string) => s;
  md.normalizeLinkText = (s: string) => s;
  md.core.ruler.disable(['replacements', 'smartquotes', 'text_join']);

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
        for (const [label, def] of Object.entries(mine ?? {})) {
          if (!(label in env.references)) env.references[label] = def;
          if (ok) env.definitions.push({ line: startLine, offset: state.bMarks[startLine] + state.tShift[startLine], label, href: def.href });
        }
      }
      return ok;
    },
  );

  md.core.ruler.at('inline', (state: any) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (tok.type !== 'inline') continue;
      if (tokens[i - 1]?.type === 'heading_open' || NEEDS_INLINE.test(tok.content)) {
        state.md.inline.parse(tok.content, state.md, state.env, tok.children);
      }
    }
  });
  return md;
}
