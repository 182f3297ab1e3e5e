// The job summary's pull request part (SPEC §8): three lists — what this pull request brings (new),
// what was broken before it (existing, folded), what it fixes — and the suggested fixes when they
// could not be posted as a review. Pure.
import type { Finding } from '../core/model.js';
import { cell } from './summary.js';

const MAX_LISTED = 200;

function list(findings: readonly Finding[], prefix: string): string[] {
  const rows = findings.slice(0, MAX_LISTED).map((f) => `- ${f.severity === 'error' ? '❌' : '⚠️'} \`${cell(`${prefix}${f.file}:${f.line}:${f.column}`)}\` ${f.kind}: ${cell(f.message)}${f.fix ? ` — fix: \`${cell(f.fix.url)}\`` : ''}`);
  if (findings.length > MAX_LISTED) rows.push(`- … and ${findings.length - MAX_LISTED} more (see the JSON report)`);
  return rows;
}

export function renderPullRequestSection(input: { findings: readonly Finding[]; fixed: readonly Finding[] | null; suggestions: string[]; prefix: string }): string[] {
  const out: string[] = ['### This pull request', ''];
  if (input.fixed === null) {
    out.push('Not compared with the base commit: every finding below counts.', '');
  } else {
    const fresh = input.findings.filter((f) => f.change === 'new');
    const old = input.findings.filter((f) => f.change === 'existing');
    out.push(`**New** (${fresh.length}): broken by this pull request${fresh.length ? '' : ' — none'}`, '', ...list(fresh, input.prefix), '');
    if (old.length > 0) {
      out.push('<details>', `<summary><b>Existing</b> (${old.length}): already broken on the base, not failing this pull request</summary>`, '', ...list(old, input.prefix), '', '</details>', '');
    } else out.push('**Existing** (0): nothing was broken on the base', '');
    out.push(`**Fixed by this pull request** (${input.fixed.length})${input.fixed.length ? '' : ' — none'}`, '', ...list(input.fixed, input.prefix), '');
  }
  if (input.suggestions.length > 0) out.push('#### Suggested fixes', '', ...input.suggestions);
  return out;
}
