// The action: inputs → options → runs → annotations, summary, outputs. This file stays light
// (the inputs and the run's context); the work is loaded after them, so the step starts fast.
import * as core from '@actions/core';
import { VERSION } from '../version.js';
import { readRunContext } from './context.js';
import { readInputs } from './inputs.js';

/** Mistakes in how the action was called or configured: their message is the whole story. */
const USER_ERRORS = new Set(['InputError', 'ConfigError', 'UsageError', 'GitHubTimeoutError']);

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    core.info(`odyssey ${VERSION}`);
    const inputs = readInputs(env);
    if (inputs.token) core.setSecret(inputs.token);
    const ctx = await readRunContext(env);
    const { execute } = await import('./execute.js');
    await execute(env, inputs, ctx);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    if (USER_ERRORS.has(e.name)) {
      core.setFailed(e.message);
    } else {
      core.debug(e.stack ?? e.message);
      core.setFailed(`odyssey failed: ${e.message}`);
    }
  }
}
