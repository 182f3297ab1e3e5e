// The one output formatter for findings: every command that reports hands its findings here and
// prints the string it gets back. Formats return strings; printing is the caller's.
import type { Finding } from '../model.js';
import { renderFindingsGithub } from './findings-github.js';
import { renderFindingsJson } from './findings-json.js';
import { renderFindingsMarkdown } from './findings-markdown.js';
import { findingLines, renderFindingsText } from './findings-text.js';
import { renderSarif } from './sarif.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportInput {
  findings: readonly Finding[];
  /** Counts for the JSON object and check's summary line. */
  counts: Record<string, number>;
  /** `check` ends its text report with a counts line; other commands print their own status. */
  countsLine?: boolean;
  /** With a base commit (SPEC §8): the findings at the base that are gone now (JSON only). */
  fixed?: readonly Finding[];
  /** Heading of the markdown report. */
  title?: string;
}

export interface ReportOptions {
  color: boolean;
  version: string;
}

export function renderReport(format: ReportFormat, r: ReportInput, o: ReportOptions): string {
  switch (format) {
    case 'json':
      return renderFindingsJson(r.findings, r.counts, r.fixed);
    case 'sarif':
      return renderSarif(r.findings, { version: o.version });
    case 'github':
      return renderFindingsGithub(r.findings);
    case 'markdown':
      return renderFindingsMarkdown(r.findings, r.title);
    case 'text':
      return r.countsLine ? renderFindingsText(r.findings, r.counts, { color: o.color }) : findingLines(r.findings, { color: o.color });
  }
}
