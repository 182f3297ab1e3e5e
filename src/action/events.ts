// What a run does, decided from the event and the inputs. Pure: the inputs win over the
// event's defaults (`stale: on` handles stale topics on any event, `commit: off` never commits).
import type { ActionInputs, LinkMode } from './inputs.js';

export interface EventContext {
  /** GITHUB_EVENT_NAME: push, pull_request, schedule, workflow_dispatch, … */
  name: string;
  /** GITHUB_REF, e.g. refs/heads/main. */
  ref: string;
  /** The repository's default branch, when known. */
  defaultBranch?: string;
}

export interface ActionPlan {
  /** `commit`: rebuild and save through the API; `check`: rebuild in memory and report; `off`. */
  sync: 'commit' | 'check' | 'off';
  /** How the rebuilt table is saved when `sync` is `commit`. */
  commitVia: 'push' | 'pull-request' | null;
  /** The branch the commit goes to (or the pull request's base). */
  branch: string | null;
  links: LinkMode;
  stale: boolean;
  /** A pull request run: never writes to the repository, says what merging will change. */
  pullRequest: boolean;
  /** Why something the inputs asked for does not happen on this event. */
  notes: string[];
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const STALE_EVENTS = new Set(['schedule', 'workflow_dispatch']);

export function branchOf(ref: string): string | null {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}

export function planRun(event: EventContext, inputs: ActionInputs, links: LinkMode): ActionPlan {
  const notes: string[] = [];
  const pullRequest = PULL_REQUEST_EVENTS.has(event.name);
  const branch = branchOf(event.ref);
  const onDefault = branch !== null && event.defaultBranch !== undefined && branch === event.defaultBranch;

  let commitVia: ActionPlan['commitVia'] = null;
  if (inputs.sync && inputs.commit !== 'off') {
    if (pullRequest) {
      if (inputs.commit !== 'auto') notes.push(`commit: ${inputs.commit} is ignored on ${event.name}: a pull request run never writes to the repository`);
    } else if (branch === null) {
      if (inputs.commit !== 'auto') notes.push(`commit: ${inputs.commit} needs a branch, and ${event.ref || 'this run'} is not one`);
    } else if (inputs.commit === 'auto') {
      if (event.name === 'push' && onDefault) commitVia = 'push';
    } else {
      commitVia = inputs.commit;
    }
  }

  return {
    sync: !inputs.sync ? 'off' : commitVia ? 'commit' : 'check',
    commitVia,
    branch: commitVia ? branch : null,
    links,
    stale: inputs.stale === 'on' || (inputs.stale === 'auto' && STALE_EVENTS.has(event.name)),
    pullRequest,
    notes,
  };
}
