// Certain fixes as GitHub review suggestions (SPEC §8): one comment a line, holding the whole line
// as it should read in a ```suggestion block, so one "Commit suggestion" click applies it. Lines
// outside the pull request's diff cannot carry a comment: those go in the review's body, with
// file and line. Pure: texts and diff lines in, the review (or the summary's markdown) out.
import type { Finding } from '../model.js';
import { applyTextFixes } from './apply-fixes.js';
import type { FixReason } from './certain-fix.js';

/** Marks odyssey's own reviews, so a rerun for the same head commit finds it and posts nothing. */
export const REVIEW_MARKER = '<!-- odyssey:review -->';

export interface Suggestion {
  file: string;
  line: number;
  /** The line as it is, and as it should read. */
  before: string;
  after: string;
  fixes: Array<{ url: string; to: string; reason?: FixReason }>;
}

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  body: string;
}

export interface Review {
  body: string;
  comments: ReviewComment[];
}

const WHY: Record<FixReason, string> = {
  renamed: 'the file was renamed in this pull request',
  'letter-case': 'the path exists only in this letter case (GitHub is case-sensitive)',
  extension: 'the file is there under its full name',
  retitled: 'the heading was retitled in this pull request',
};

/** Each line that certain fixes change, from the file texts now. */
export function suggestionsFrom(findings: readonly Finding[], texts: ReadonlyMap<string, string>, reasons?: ReadonlyMap<Finding, FixReason>): Suggestion[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) if (f.fix && f.url !== undefined && texts.has(f.file)) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: Suggestion[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = texts.get(file)!;
    const before = text.split('\n');
    const r = applyTextFixes(text, list.map((f) => ({ line: f.line, column: f.column, url: f.url!, to: f.fix!.url })));
    const after = r.text.split('\n');
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      const here = list.filter((f) => r.applied.some((a) => a.line === f.line && a.column === f.column) && f.line === i + 1);
      out.push({
        file,
        line: i + 1,
        before: before[i]!.replace(/\r$/, ''),
        after: after[i]!.replace(/\r$/, ''),
        fixes: here.map((f) => ({ url: f.url!, to: f.fix!.url, ...(reasons?.get(f) ? { reason: reasons.get(f)! } : {}) })),
      });
    }
  }
  return out;
}

const fenceFor = (text: string): string => {
  let fence = '```';
  while (text.includes(fence)) fence += '`';
  return fence;
};

const code = (s: string): string => {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${ticks.length > 1 ? ' ' : ''}${s}${ticks.length > 1 ? ' ' : ''}${ticks}`;
};

function explain(s: Suggestion): string {
  return s.fixes.map((f) => `${code(f.url)} → ${code(f.to)}${f.reason ? ` (${WHY[f.reason]})` : ''}`).join('; ');
}

/** The suggestion block GitHub turns into a "Commit suggestion" button. */
export function suggestionBlock(after: string): string {
  const fence = fenceFor(after);
  return `${fence}suggestion\n${after}\n${fence}`;
}

/** One review: comments on the lines the diff shows, the rest listed in the body; null when nothing to suggest. */
export function buildReview(suggestions: readonly Suggestion[], inDiff: (file: string, line: number) => boolean, pathOf: (file: string) => string = (f) => f): Review | null {
  if (suggestions.length === 0) return null;
  const comments: ReviewComment[] = [];
  const outside: string[] = [];
  for (const s of suggestions) {
    if (inDiff(s.file, s.line)) {
      comments.push({ path: pathOf(s.file), line: s.line, side: 'RIGHT', body: `**odyssey**: a broken link with a certain fix: ${explain(s)}.\n\n${suggestionBlock(s.after)}` });
    } else {
      outside.push(`- \`${pathOf(s.file)}:${s.line}\`: ${explain(s)}`);
    }
  }
  const n = suggestions.length;
  const body = [
    REVIEW_MARKER,
    `**odyssey** has ${n} certain fix${n === 1 ? '' : 'es'} for broken links${comments.length ? ': each comment below holds one as a suggestion ("Commit suggestion" applies it)' : ''}.`,
    ...(outside.length
      ? ['', `${outside.length === 1 ? 'This line lies' : 'These lines lie'} outside the pull request's diff, so ${outside.length === 1 ? 'it' : 'they'} cannot carry a suggestion; change ${outside.length === 1 ? 'it' : 'them'} by hand, or run \`odyssey fix --base <base>\`:`, '', ...outside]
      : []),
  ].join('\n');
  return { body, comments };
}

/** The suggestions as markdown for the job summary (a read-only token cannot post a review). */
export function suggestionsMarkdown(suggestions: readonly Suggestion[], pathOf: (file: string) => string = (f) => f): string[] {
  const out: string[] = [];
  for (const s of suggestions) {
    const fence = fenceFor(s.before + s.after);
    out.push(`- \`${pathOf(s.file)}:${s.line}\`: ${explain(s)}`, '', `  ${fence}diff`, `  - ${s.before}`, `  + ${s.after}`, `  ${fence}`, '');
  }
  return out;
}
