// The action: inputs → options → runs → annotations, summary, outputs. This file stays light
// (the inputs and the run's context); the work is loaded after them, so the step starts fast.
import * as core from '@actions/core';
import { hideCredentials } from '../core/links/hide-credentials.js';
import { info } from './log.js';
import { VERSION } from '../version.js';
import { readRunContext } from './context.js';
import { readInputs } from './inputs.js';

/** Mistakes in how the action was called or configured: their message is the whole story. */
const USER_ERRORS = new Set(['InputError', 'ConfigError', 'UsageError', 'GitHubTimeoutError']);

/** A failed GitHub request (Octokit's HttpError / GraphqlResponseError): the API's fault or answer, not a bug. */
function apiStatus(e: Error): number | 'graphql' | null {
  const status = (e as { status?: unknown }).status;
  if (typeof status === 'number') return status;
  if (e.name === 'GraphqlResponseError') return 'graphql';
  return null;
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let token = '';
  // The token never appears in what is printed, even when an API echoes it back.
  const scrub = (text: string): string => hideCredentials(token ? text.split(token).join('***') : text);
  try {
    info(`odyssey ${VERSION}`);
    const inputs = readInputs(env);
    token = inputs.token ?? '';
    if (inputs.token) core.setSecret(inputs.token);
    const ctx = await readRunContext(env);
    const { execute } = await import('./execute.js');
    await execute(env, inputs, ctx);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const status = apiStatus(e);
    if (USER_ERRORS.has(e.name)) {
      core.setFailed(scrub(e.message));
    } else if (status !== null) {
      // GitHub failed or refused after the client's retries: say which and what to do, no stack.
      const what = status === 'graphql' ? 'a GraphQL request' : `a request (HTTP ${status})`;
      const hint = status === 'graphql' || (typeof status === 'number' && status >= 500) ? 'GitHub may be having trouble: rerun the job later' : status === 403 || status === 429 ? 'GitHub is rate limiting this token: rerun the job later, or run less often' : 'check the token and its permissions';
      core.setFailed(`odyssey: GitHub refused ${what}: ${scrub(e.message)}; ${hint}`);
    } else {
      core.debug(scrub(e.stack ?? e.message));
      core.setFailed(`odyssey failed: ${scrub(e.message)}`);
    }
  }
}
