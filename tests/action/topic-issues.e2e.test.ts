// Topic issues end to end (issue 13): the built action, run as GitHub runs it, against the fake
// GitHub API — one issue per active topic, ticks from either side, no loops, no noise.
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { buildActionBundle } from './support/build-bundle.js';
import { act, ATTENTION, BOT, editedPayload, pull, push, SERVER, startWorld, tickInIssue, writesOf, type TopicWorld } from './support/topic-world.js';

let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

async function world(ctx: TestContext, o: Parameters<typeof startWorld>[1] = {}): Promise<TopicWorld> {
  const w = await startWorld(bundle.file, o);
  ctx.onTestFinished(() => w.gh.close());
  return w;
}

const issues = (w: TopicWorld) => w.gh.repo('learner', 'journey').issues;
const ok = (run: { code: number; stdout: string; stderr: string }) => expect(run.code, run.stdout + run.stderr).toBe(0);

/** The whole journey of issue 13's "done when", step by step; returns the request log. */
async function sequence(w: TopicWorld): Promise<void> {
  // 1. First push: the table is committed and one issue opens per active topic.
  ok(await act(w, 'push'));
  expect(issues(w)).toHaveLength(1);
  const issue = issues(w)[0]!;
  expect(issue).toMatchObject({ title: 'Attention @\u200dteam', state: 'open', labels: ['topic'], author: BOT });
  const body = issue.body!;
  const sha = w.sha;
  expect(body).toContain(
    [
      '<!-- odyssey:tasks -->',
      `- [x] read the paper · [line 9](${SERVER}/learner/journey/blob/${sha}/${ATTENTION}#L9)`,
      `- [ ] code it, see #\u200d12 · [line 10](${SERVER}/learner/journey/blob/${sha}/${ATTENTION}#L10)`,
      `  - [ ] nested: softmax · [line 11](${SERVER}/learner/journey/blob/${sha}/${ATTENTION}#L11)`,
      `- [ ] test it · [line 12](${SERVER}/learner/journey/blob/${sha}/${ATTENTION}#L12)`,
      '<!-- odyssey:tasks:end -->',
    ].join('\n'),
  );
  expect(body).toContain('- Status: `in-progress`');
  expect(body).toContain('- Confidence: 3/5');

  // 2. The same push again writes nothing.
  const again = await act(w, 'push');
  ok(again);
  expect(writesOf(again.requests)).toEqual([]);

  // 3. The push of odyssey's table commit writes nothing either.
  await pull(w);
  const tablePush = await act(w, 'push');
  ok(tablePush);
  expect(writesOf(tablePush.requests)).toEqual([]);

  // 4. Ticking a box in the issue commits exactly that tick.
  const before = w.repo.files(w.sha)[ATTENTION]!;
  const tick = await act(w, 'issues', { payload: tickInIssue(w, issue.number, 'code it, see #\u200d12') });
  ok(tick);
  const head = w.repo.head('main')!;
  expect(head).not.toBe(w.sha);
  expect(w.repo.commit(head)!.parents).toEqual([w.sha]);
  const after = w.repo.files(head)[ATTENTION]!;
  expect(after).toBe(before.replace('- [ ] code it', '- [x] code it'));
  expect([...after].filter((c, i) => c !== before[i])).toHaveLength(1);
  expect(w.repo.files(head)['README.md']).toContain('(2/4)');
  expect(writesOf(tick.requests).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql']);

  // 5. The push of that commit writes nothing; nor does the `issues` event of odyssey's own edit.
  await pull(w);
  const tickPush = await act(w, 'push');
  ok(tickPush);
  expect(writesOf(tickPush.requests)).toEqual([]);
  const own = await act(w, 'issues', { payload: editedPayload(w, issue.number, issue.body!, issue.body!.replace('- [ ] test it', '- [x] test it'), BOT) });
  ok(own);
  expect(writesOf(own.requests)).toEqual([]);

  // 6. A tick in the notes reaches the issue on the next push.
  await push(w, { [ATTENTION]: w.repo.files(w.sha)[ATTENTION]!.replace('- [ ] test it', '- [x] test it') });
  const notesPush = await act(w, 'push');
  ok(notesPush);
  expect(issues(w)[0]!.body).toContain('- [x] test it · [line 12]');

  // 7. Two ticks in a row, the second run's checkout behind the first one's commit: both land.
  const first = tickInIssue(w, issue.number, 'nested: softmax');
  const second = tickInIssue(w, issue.number, 'read the paper', false);
  ok(await act(w, 'issues', { payload: first }));
  ok(await act(w, 'issues', { payload: second }));
  const both = w.repo.files(w.repo.head('main')!)[ATTENTION]!;
  expect(both).toContain('  - [x] nested: softmax');
  expect(both).toContain('- [ ] read the paper');

  // 8. A stranger's issue with a copied marker changes nothing.
  await pull(w);
  const forged = w.gh.addIssue('learner', 'journey', { title: 'Attention', body: issue.body!, labels: ['topic'], author: 'mallory' });
  const forgedHead = w.repo.head('main');
  const stranger = await act(w, 'issues', { payload: tickInIssue(w, forged.number, 'code it, see #\u200d12', false, 'mallory') });
  ok(stranger);
  expect(writesOf(stranger.requests)).toEqual([]);
  expect(w.repo.head('main')).toBe(forgedHead);

  // 9. A topic marked done closes its issue, with one comment.
  await push(w, { [ATTENTION]: w.repo.files(w.sha)[ATTENTION]!.replace('status: in-progress', 'status: done\ncompleted: 2026-01-17') });
  const done = await act(w, 'push');
  ok(done);
  expect(issues(w)[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
  expect(issues(w)[0]!.comments.map((c) => c.body)).toEqual(['Marked `done` in the notes: well done! Closing.']);
  // …and the push leaves the stranger's issue alone too.
  expect(done.requests.filter((r) => r.path.endsWith(`/issues/${forged.number}`) || r.path.includes(`/issues/${forged.number}/`))).toEqual([]);
  expect(issues(w)[1]).toMatchObject({ state: 'open', author: 'mallory' });
}

describe.concurrent('topic issues, end to end', () => {
  it('opens, mirrors, ticks from either side, closes; writes nothing when nothing changed; the same sequence twice makes the same requests', async (ctx) => {
    const [a, b] = await Promise.all([world(ctx), world(ctx)]);
    await Promise.all([sequence(a), sequence(b)]);
    expect(b.log.length).toBeGreaterThan(50);
    expect(b.log).toEqual(a.log);
  }, 300_000);
});
