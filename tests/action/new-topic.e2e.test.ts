// From an issue to a topic (issue 13), end to end: the built action, run as GitHub runs it on an
// `issues` `opened` event, against the fake GitHub API. A collaborator's new-topic form becomes one
// commit (the module README and the table's row) and the topic's issue; anyone else's changes nothing.
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { topicMarkerId } from '../../src/core/topics/issue-text.js';
import { FORM_LABELS } from '../../src/core/topics/new-topic-form.js';
import { identity } from '../support/fake-github-identity.js';
import { buildActionBundle } from './support/build-bundle.js';
import { act, pull, startWorld, writesOf, type TopicWorld } from './support/topic-world.js';

let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

async function world(ctx: TestContext): Promise<TopicWorld> {
  const w = await startWorld(bundle.file);
  ctx.onTestFinished(() => w.gh.close());
  // The first push: table committed, the active topic's issue opened; then the checkout follows.
  const first = await act(w, 'push');
  expect(first.code, first.stdout + first.stderr).toBe(0);
  await pull(w);
  return w;
}

const issues = (w: TopicWorld) => w.gh.repo('learner', 'journey').issues;
const ok = (run: { code: number; stdout: string; stderr: string }) => expect(run.code, run.stdout + run.stderr).toBe(0);
const NEW = 'modules/04-tokenizers-bpe/README.md';

function form(title: string, resources: string, tasks: string): string {
  const v = (s: string) => (s === '' ? '_No response_' : s);
  return `### ${FORM_LABELS.title}\n\n${v(title)}\n\n### ${FORM_LABELS.resources}\n\n${v(resources)}\n\n### ${FORM_LABELS.tasks}\n\n${v(tasks)}`;
}

/** A person opens a new-topic issue from the form; returns the `issues` `opened` event GitHub sends. */
function open(w: TopicWorld, author: string, body: string): { number: number; payload: Record<string, unknown> } {
  const i = w.gh.addIssue('learner', 'journey', { title: 'Topic: Tokenizers & BPE', body, labels: ['new-topic'], author });
  return {
    number: i.number,
    payload: {
      action: 'opened',
      issue: { number: i.number, title: i.title, body, user: { login: author }, labels: [{ name: 'new-topic' }], state: 'open' },
      sender: { login: author },
      repository: { default_branch: 'main' },
    },
  };
}

const GOOD = form('Tokenizers & BPE', '[BPE paper](https://arxiv.org/abs/1508.07909)\nhttps://example.com/tokenizers', 'Read the paper\nCode a tokenizer');

describe.concurrent('a new topic from an issue, end to end', () => {
  it('a collaborator\'s form: one commit adding the module README and its row; the issue becomes its topic issue; the push of that commit writes nothing', async (ctx) => {
    const w = await world(ctx);
    const before = w.sha;
    const { number, payload } = open(w, 'learner', GOOD);
    const run = await act(w, 'issues', { payload });
    ok(run);
    expect(writesOf(run.requests).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql', `PATCH /repos/learner/journey/issues/${number}`]);
    const head = w.repo.head('main')!;
    expect(w.repo.commit(head)!.parents).toEqual([before]);
    const files = w.repo.files(head);
    expect(files[NEW]).toBe(
      [
        '---',
        'title: Tokenizers & BPE',
        'status: todo',
        'resources:',
        '  - "[BPE paper](https://arxiv.org/abs/1508.07909)"',
        '  - https://example.com/tokenizers',
        `issue: ${number}`,
        '---',
        '# Tokenizers & BPE',
        '',
        '- [ ] Read the paper',
        '- [ ] Code a tokenizer',
        '',
      ].join('\n'),
    );
    // Only the new README and the table's new row changed.
    const old = w.repo.files(before);
    const changed = Object.keys(files).filter((p) => files[p] !== old[p]).sort();
    expect(changed).toEqual(['README.md', NEW]);
    expect(files['README.md']).toContain('Tokenizers & BPE');

    const issue = issues(w).find((i) => i.number === number)!;
    expect(topicMarkerId(issue.body)).toBe('04-tokenizers-bpe');
    expect(issue.labels).toEqual(['new-topic', 'topic']);
    expect(issue.title).toBe('Tokenizers & BPE');
    expect(issue.body).toContain(`- [ ] Read the paper · [line 11](${w.serverUrl}/learner/journey/blob/${head}/${NEW}#L11)`);

    // The push of that commit: the issue already says what the planner would write.
    await pull(w);
    const push = await act(w, 'push');
    ok(push);
    expect(writesOf(push.requests)).toEqual([]);
    expect(push.stdout).toContain(`topic issue #${number} for 04-tokenizers-bpe already says what it should`);
  }, 120_000);

  it('a stranger\'s new-topic issue changes nothing; a form with no title gets one comment and no commit', async (ctx) => {
    const w = await world(ctx);
    const head = w.repo.head('main');
    const stranger = open(w, 'mallory', GOOD);
    const s = await act(w, 'issues', { payload: stranger.payload });
    ok(s);
    expect(writesOf(s.requests)).toEqual([]);
    expect(s.stdout).toContain('mallory, who cannot write');
    expect(w.repo.head('main')).toBe(head);
    expect(issues(w).find((i) => i.number === stranger.number)).toMatchObject({ body: GOOD, labels: ['new-topic'], comments: [] });

    identity(w.gh).permissions.set('helper', 'write');
    const bad = open(w, 'helper', form('', 'https://example.com', 'a task'));
    const b = await act(w, 'issues', { payload: bad.payload });
    ok(b);
    expect(writesOf(b.requests).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/learner/journey/issues/${bad.number}/comments`]);
    const comments = issues(w).find((i) => i.number === bad.number)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(FORM_LABELS.title);
    expect(w.repo.head('main')).toBe(head);

    // A title whose folder exists already: one comment, nothing committed.
    const dup = open(w, 'learner', form('Attention', '', ''));
    const d = await act(w, 'issues', { payload: dup.payload });
    ok(d);
    expect(writesOf(d.requests).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/learner/journey/issues/${dup.number}/comments`]);
    expect(issues(w).find((i) => i.number === dup.number)!.comments[0]!.body).toContain('modules/02-attention');
    expect(w.repo.head('main')).toBe(head);
  }, 120_000);

  it('a branch that moves while committing: read again, and the topic lands once on top of the new head', async (ctx) => {
    const w = await world(ctx);
    const before = w.sha;
    let moved: string | null = null;
    // Someone pushes between odyssey's read of the head and its commit: the first mutation is refused.
    w.gh.route('POST', '/graphql', (req) => {
      const q = String((req.body as { query?: string })?.query ?? '');
      if (moved === null && /createCommitOnBranch/.test(q)) {
        const files = { ...w.repo.files(before), 'notes.md': 'pushed meanwhile\n' };
        moved = 'f'.repeat(40);
        w.repo.seed(moved, files, [before]);
        w.repo.setBranch('main', moved);
      }
      return undefined;
    });
    const { number, payload } = open(w, 'learner', GOOD);
    const run = await act(w, 'issues', { payload });
    ok(run);
    expect(run.stdout).toContain('main moved on from');
    const head = w.repo.head('main')!;
    expect(w.repo.commit(head)!.parents).toEqual([moved]);
    expect(w.repo.files(head)['notes.md']).toBe('pushed meanwhile\n');
    expect(w.repo.files(head)[NEW]).toContain(`issue: ${number}`);
    expect(writesOf(run.requests).filter((r) => r.method !== 'POST' || !r.path.endsWith('/graphql')).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/learner/journey/issues/${number}`]);
    expect(topicMarkerId(issues(w).find((i) => i.number === number)!.body)).toBe('04-tokenizers-bpe');
  }, 120_000);

  it('with topic issues off nothing happens; a dry run prints the plan and writes nothing', async (ctx) => {
    const w = await world(ctx);
    const head = w.repo.head('main');
    const a = open(w, 'learner', GOOD);
    const off = await act(w, 'issues', { payload: a.payload, inputs: { 'topic-issues': 'off' } });
    ok(off);
    expect(writesOf(off.requests)).toEqual([]);
    const dry = await act(w, 'issues', { payload: a.payload, inputs: { 'dry-run': 'true' } });
    ok(dry);
    expect(writesOf(dry.requests)).toEqual([]);
    expect(dry.stdout).toContain(`dry run: would commit ${NEW} to main and turn #${a.number} into the topic issue of 04-tokenizers-bpe`);
    expect(dry.stdout).toContain('- [ ] Code a tokenizer');
    expect(w.repo.head('main')).toBe(head);
    expect(issues(w).find((i) => i.number === a.number)).toMatchObject({ body: GOOD, labels: ['new-topic'] });
  }, 120_000);
});
