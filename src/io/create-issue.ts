// Opening an issue is the one write that must never be sent twice: a create whose reply was lost
// (a 5xx, a dropped connection, a timeout) may have landed, and a blind retry files a duplicate.
// So the POST goes out with Octokit's retry off; after such a failure the issue is looked up by
// its marker, and only when it is not there is it created again (once).
import type { GitHubClient } from './github.js';

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

export interface CreatedIssue {
  number: number;
  url?: string;
  /** True when the first reply was lost and the issue was found by its marker instead. */
  found: boolean;
}

/** Failures after which the issue may or may not exist. A 4xx (other than 408) means it does not. */
export function mayHaveLanded(err: unknown): boolean {
  const s = (err as { status?: unknown })?.status;
  if (typeof s !== 'number') return true;
  return s >= 500 || s === 408;
}

export async function createIssueOnce(
  octokit: GitHubClient,
  ref: { owner: string; repo: string },
  issue: NewIssue,
  /** Looks the issue up by its marker (and author); null when it is not there. */
  find: () => Promise<{ number: number; url?: string } | null>,
  onWrite: () => void = () => {},
): Promise<CreatedIssue> {
  const post = async (): Promise<CreatedIssue> => {
    onWrite();
    const { data } = await octokit.rest.issues.create({ ...ref, title: issue.title, body: issue.body, labels: issue.labels, request: { retries: 0 } });
    return { number: data.number, url: data.html_url, found: false };
  };
  try {
    return await post();
  } catch (err) {
    if (!mayHaveLanded(err)) throw err;
    let existing: { number: number; url?: string } | null;
    try {
      existing = await find();
    } catch {
      throw err;
    }
    if (existing) return { ...existing, found: true };
    // A stalled API is not asked again this run: the next run looks the issue up first too.
    if ((err as Error)?.name === 'GitHubTimeoutError') throw err;
    return post();
  }
}
