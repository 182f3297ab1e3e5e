import { describe, expect, it } from 'vitest';
import { describeTableChange } from '../../src/action/table-diff.js';

const zone = (...rows: string[]) =>
  `# Journey\n\n<!-- odyssey:progress:start -->\n| Module/Topic | Status | Notes |\n| --- | --- | --- |\n${rows.join('\n')}\n<!-- odyssey:progress:end -->\n`;
const row = (id: string, status: string, notes = '') => `| [${id}](modules/${id}/README.md) | ${status} | ${notes} |`;

describe('describeTableChange', () => {
  it('says each status change in words', () => {
    const before = zone(row('01-basics', '✅ Done'), row('03-transformers', '⏳ To Do'));
    const after = zone(row('01-basics', '✅ Done'), row('03-transformers', '🚧 In Progress (1/3)'));
    expect(describeTableChange(before, after, 'modules')).toEqual(['03-transformers: todo → in-progress (1/3 tasks)']);
  });

  it('names added, removed, task progress and other changes', () => {
    const before = zone(row('01-a', '🚧 In Progress (1/4)'), row('02-b', '✅ Done', 'x'), row('09-gone', '⏳ To Do'));
    const after = zone(row('01-a', '🚧 In Progress (2/4)'), row('02-b', '✅ Done', 'y'), row('04-new', '⏳ To Do'));
    expect(describeTableChange(before, after, 'modules')).toEqual(['01-a: 1/4 → 2/4 tasks', '02-b: details changed', '04-new: added (todo)', '09-gone: removed']);
  });

  it('reads every row as added when the zone was empty (the first run)', () => {
    const before = '<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
    expect(describeTableChange(before, zone(row('01-a', '❓')), 'modules')).toEqual(['01-a: added (broken)']);
  });

  it('does not call a row changed when only its padding moved (a wider column elsewhere)', () => {
    const before = zone('| [01-a](modules/01-a/README.md) | ⏳ To Do | x |', '| [02-b](modules/02-b/README.md) | ⏳ To Do | y |');
    const after = zone('| [01-a](modules/01-a/README.md) | 🚧 In Progress (1/3) | x |', '| [02-b](modules/02-b/README.md) | ⏳ To Do              | y |');
    expect(describeTableChange(before, after, 'modules')).toEqual(['01-a: todo → in-progress (1/3 tasks)']);
  });

  it('reads the zone sync writes, not marker text shown in a code block above it', () => {
    const shown = '```\n<!-- odyssey:progress:start -->\n| [01-a](modules/01-a/README.md) | ✅ Done |\n<!-- odyssey:progress:end -->\n```\n';
    const before = shown + zone(row('01-a', '⏳ To Do'));
    const after = shown + zone(row('01-a', '🚧 In Progress'));
    expect(describeTableChange(before, after, 'modules')).toEqual(['01-a: todo → in-progress']);
  });
});
