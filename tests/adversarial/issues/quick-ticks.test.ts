// Two boxes ticked in quick succession start two runs that race for the branch: the loser's
// commit is refused (the branch moved), it reads the README again and commits its own box on top.
import { describe, expect, it } from 'vitest';
import { topicBody } from '../../../src/core/topics/issue-text.js';
import { topicTasks } from '../../../src/core/topics/from-module.js';
import { runTick } from '../../../src/run/tick.js';
import { FakeGitRepo, installGitRoutes } from '../../support/fake-github-git.js';
import { identity } from '../../support/fake-github-identity.js';
import { moduleReadme } from '../../support/tmp-repo.js';
import { client, config, REF, SERVER, useFake } from './support.js';

const { gh } = useFake();

describe('two quick ticks', () => {
  it('both land, one commit each, whichever run commits first', async () => {
    const repo = new FakeGitRepo('me', 'journey');
    installGitRoutes(gh(), repo);
    identity(gh()).permissions.set('learner', 'write');
    const file = 'modules/01-a/README.md';
    const readme = moduleReadme({ title: 'A', status: 'in-progress' }, '# A\n\n- [ ] alpha\n- [ ] beta\n');
    const head = 'a'.repeat(40);
    repo.seed(head, { 'README.md': '# J\n', [file]: readme });
    repo.setBranch('main', head);
    const b0 = topicBody({ id: '01-a', file, title: 'A', status: 'in-progress', resources: [], tasks: topicTasks(readme) }, { repoUrl: `${SERVER}/me/journey`, sha: head, prefix: '' });
    const b1 = b0.replace('- [ ] alpha', '- [x] alpha');
    const b2 = b1.replace('- [ ] beta', '- [x] beta');
    const issue = gh().addIssue('me', 'journey', { title: 'A', body: b2, labels: ['topic'], author: 'odyssey-bot' });
    const base = { root: '/nonexistent', config: config(), ...REF, branch: 'main', checkoutSha: 'c'.repeat(40), prefix: '', self: 'odyssey-bot', dryRun: false };
    const [r1, r2] = await Promise.all([
      runTick({ ...base, octokit: client(gh()), event: { number: issue.number, bodyBefore: b0, body: b1, author: 'odyssey-bot', sender: 'learner' } }),
      runTick({ ...base, octokit: client(gh()), event: { number: issue.number, bodyBefore: b1, body: b2, author: 'odyssey-bot', sender: 'learner' } }),
    ]);
    expect(repo.made).toHaveLength(2);
    expect(repo.files(repo.head('main')!)[file]).toBe(readme.replace('- [ ] alpha', '- [x] alpha').replace('- [ ] beta', '- [x] beta'));
    expect([r1.commitSha, r2.commitSha].sort()).toEqual([...repo.made].sort());
  });
});
