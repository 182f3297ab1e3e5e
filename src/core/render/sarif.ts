// SARIF 2.1.0 as GitHub code scanning accepts it: one rule per finding kind, results located by
// root-relative URI (against %SRCROOT%) and a region.
import type { Finding } from '../model.js';

const RULES: Record<string, { name: string; text: string; level: 'error' | 'warning' }> = {
  placeholder: { name: 'PlaceholderLink', text: 'A link that is not a link yet (link, TODO, #, an example domain).', level: 'warning' },
  'missing-file': { name: 'MissingFile', text: 'A relative or root-relative link to a file that does not exist (letter case counts).', level: 'error' },
  'missing-anchor': { name: 'MissingAnchor', text: 'A #fragment with no such heading or anchor in the target file.', level: 'error' },
  'outside-repo': { name: 'OutsideRepository', text: 'A relative link that leaves the repository.', level: 'error' },
  'unsafe-url': { name: 'UnsafeUrl', text: 'A javascript:, vbscript:, file: or data: (not an image) link: it runs script or reads the reader\'s disk; never fetched.', level: 'error' },
  'http-error': { name: 'HttpError', text: 'A web link answered with an error status.', level: 'error' },
  'http-timeout': { name: 'HttpTimeout', text: 'A web link did not answer in time.', level: 'error' },
  'http-unreachable': { name: 'HttpUnreachable', text: 'A web link could not be reached.', level: 'error' },
  'http-rate-limited': { name: 'HttpRateLimited', text: 'A web link was still rate limited after waiting.', level: 'warning' },
  'blocked-address': { name: 'BlockedAddress', text: 'A web link resolves to a private, loopback or link-local address.', level: 'warning' },
  unreadable: { name: 'UnreadableFile', text: 'A file that could not be checked (binary, too large, not UTF-8, a symlink loop).', level: 'warning' },
};

const camel = (kind: string): string => kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

export interface SarifOptions {
  version: string;
  informationUri?: string;
}

export function renderSarif(findings: readonly Finding[], opts: SarifOptions): string {
  const kinds = [...new Set([...Object.keys(RULES), ...findings.map((f) => f.kind)])];
  const ruleIndex = new Map(kinds.map((k, i) => [k, i]));
  const rules = kinds.map((id) => {
    const r = RULES[id];
    return {
      id,
      name: r?.name ?? camel(id),
      shortDescription: { text: r?.text ?? id },
      defaultConfiguration: { level: r?.level ?? 'error' },
    };
  });
  const results = findings.map((f) => ({
    ruleId: f.kind,
    ruleIndex: ruleIndex.get(f.kind)!,
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: Math.max(1, f.line),
            startColumn: Math.max(1, f.column),
            ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
          },
        },
      },
    ],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'odyssey',
            version: opts.version,
            informationUri: opts.informationUri ?? 'https://github.com/features/actions',
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
