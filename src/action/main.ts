import * as core from '@actions/core';

// Placeholder until the action issue lands.
export async function run(): Promise<void> {
  core.setFailed('odyssey: the action is not built yet in this version');
}
