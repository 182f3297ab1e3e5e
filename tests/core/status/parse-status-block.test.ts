import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/model.js';
import { parseStatusBlock } from '../../../src/core/status/index.js';
import { SPEC_EXAMPLE } from '../../support/spec-example.js';

const ID = '03-transformer-architecture';
const FILE = `modules/${ID}/README.md`;

function parse(text: string, id = ID) {
  return parseStatusBlock({ id, file: `modules/${id}/README.md`, text });
}

/** `line:col severity message`, the way a user reads a finding. */
function where(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);
}


describe('parseStatusBlock: the SPEC example', () => {
  for (const [eol, text] of [
    ['LF', SPEC_EXAMPLE],
    ['CRLF', SPEC_EXAMPLE.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', '\uFEFF' + SPEC_EXAMPLE.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`reads every field with ${eol} line endings`, () => {
      const { module, findings } = parse(text);
      expect(findings).toEqual([]);
      expect(module).toEqual({
        id: ID,
        file: FILE,
        title: 'Transformer Architecture',
        status: 'in-progress',
        started: '2026-10-02',
        confidence: 3,
        resources: [
          { title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762', line: 8, column: 34 },
          {
            title: 'Illustrated Transformer',
            url: 'https://jalammar.github.io/illustrated-transformer/',
            line: 10,
            column: 10,
          },
        ],
        learnings: 'Multi-head attention details.',
        order: 3,
        extra: {},
        tasks: [
          { text: 'Read the paper', done: true, line: 15 },
          { text: 'Implement attention in NumPy', done: false, line: 16 },
        ],
        broken: false,
      });
    });
  }

  it('keeps positions of errors under CRLF and a BOM at the column the editor shows', () => {
    const text = '\uFEFF---\r\nstatus: wip\r\nconfidence: 9\r\n---\r\n';
    expect(where(parse(text).findings)).toEqual([
      '3:13 error `confidence: 9` is not a whole number from 1 to 5: write one, like `confidence: 3`, or leave it empty',
    ]);
  });

  it('accepts `...` as the closing line', () => {
    const { module, findings } = parse('---\nstatus: todo\n...\n- [ ] a\n');
    expect(findings).toEqual([]);
    expect(module.status).toBe('todo');
    expect(module.tasks).toEqual([{ text: 'a', done: false, line: 4 }]);
  });
});

describe('parseStatusBlock: missing or unusable blocks', () => {
  it('without front matter shows the block to paste, titled from the id', () => {
    const { module, findings } = parse('# Notes\n\n- [x] one\n');
    expect(findings).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        kind: 'status-block',
        severity: 'error',
        message:
          'no status block: paste this at the very top of the file:\n---\ntitle: Transformer Architecture\nstatus: todo\n---',
      },
    ]);
    expect(module.status).toBeNull();
    expect(module.broken).toBe(true);
    expect(module.title).toBe('Notes');
    expect(module.tasks).toEqual([{ text: 'one', done: true, line: 3 }]);
  });

  it('an empty file is a missing block, not a crash', () => {
    const { module, findings } = parse('');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^no status block/);
    expect(module.title).toBe('Transformer Architecture');
  });

  it('a BOM alone is no error of its own', () => {
    const { findings } = parse('\uFEFF---\nstatus: done\ncompleted: 2026-01-02\n---\n');
    expect(findings).toEqual([]);
  });

  it('unclosed front matter says where the closing line belongs', () => {
    const { module, findings } = parse('---\nstatus: todo\n# Title\n- [ ] a\n');
    expect(where(findings)).toEqual([
      '1:1 error the status block opened on line 1 is never closed: add a line `---` before line 3',
    ]);
    expect(module.status).toBeNull();
    expect(module.broken).toBe(true);
  });

  it('unclosed front matter with no heading after it', () => {
    expect(where(parse('---\nstatus: todo\n').findings)).toEqual([
      '1:1 error the status block opened on line 1 is never closed: add a line `---` after its last field',
    ]);
    expect(where(parse('---').findings)).toEqual([
      '1:1 error the status block opened on line 1 is never closed: add a line `---` after its last field',
    ]);
  });

  it('a block below blank lines is read but reported', () => {
    const { module, findings } = parse('\n\n---\nstatus: paused\nconfidence: 0\n---\n');
    expect(where(findings)).toEqual([
      '1:1 error the status block must start on line 1: remove the 2 blank line(s) above its `---`',
      '5:13 error `confidence: 0` is not a whole number from 1 to 5: write one, like `confidence: 3`, or leave it empty',
    ]);
    expect(module.status).toBe('paused');
    expect(module.broken).toBe(true);
  });

  it('YAML that does not parse points at the YAML error', () => {
    const { module, findings } = parse('---\nstatus: done\ntitle: a: b\n---\n');
    expect(where(findings)).toEqual([
      '3:8 error the status block is not valid YAML: Nested mappings are not allowed in compact mappings: fix this line (quote a value that contains `: ` or ` #`, or starts with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote)',
    ]);
    expect(module.status).toBeNull();
    expect(module.broken).toBe(true);
  });

  it('an unquoted markdown link in resources says to quote it, at the item', () => {
    const text = '---\r\nstatus: todo\r\nresources:\r\n  - [Paper](link_to_paper)\r\n---\r\n';
    expect(where(parse(text).findings)).toEqual([
      '4:5 error the status block is not valid YAML: a markdown link in a list must be quoted: write `- "[Paper](link_to_paper)"`',
    ]);
  });

  it('a key written twice is named', () => {
    expect(where(parse('---\nstatus: todo\nstatus: done\n---\n').findings)).toEqual([
      '3:1 error the status block is not valid YAML: `status` is written twice: keep only one',
    ]);
  });

  it('the same field in another spelling is reported and the first kept', () => {
    const { module, findings } = parse('---\nstatus: todo\nStatus: done\n---\n');
    expect(where(findings)).toEqual(['3:1 error `Status` repeats `status` from line 2: keep only one']);
    expect(module.status).toBe('todo');
  });

  it('front matter that is a list or a single value is not a block', () => {
    expect(where(parse('---\n- status: todo\n---\n').findings)).toEqual([
      '2:1 error the status block must be `key: value` lines, like `status: in-progress`, not a list',
    ]);
    expect(where(parse('---\njust text\n---\n').findings)).toEqual([
      '2:1 error the status block must be `key: value` lines, like `status: in-progress`, not a single value',
    ]);
  });

  it('an empty block is missing its status', () => {
    const { module, findings } = parse('---\n---\n# Attention\n');
    expect(where(findings)).toEqual([
      '1:1 error the status block has no `status`: add a line `status: todo`, with one of `todo`, `in-progress`, `paused`, `done`',
    ]);
    expect(module.title).toBe('Attention');
  });

  it('a missing status points at a likely misspelt key', () => {
    const { module, findings } = parse('---\ntitle: T\nstaus: done\n---\n');
    expect(where(findings)).toEqual([
      '1:1 error the status block has no `status`: add a line `status: todo`, with one of `todo`, `in-progress`, `paused`, `done` (is `staus:` on line 3 a misspelling of it?)',
    ]);
    expect(module.extra).toEqual({ staus: 'done' });
  });
});

describe('parseStatusBlock: status', () => {
  it.each([
    ['⏳ To Do', 'todo'],
    ['to do', 'todo'],
    ['to-do', 'todo'],
    ['TODO', 'todo'],
    ['🚧 In Progress', 'in-progress'],
    ['wip', 'in-progress'],
    ['"⏸️ Paused"', 'paused'],
    ['✅ Done', 'done'],
    ['complete', 'done'],
    ['Completed', 'done'],
  ])('`status: %s` is %s', (raw, status) => {
    const { module, findings } = parse(`---\nstatus: ${raw}\ncompleted: 2026-01-01\n---\n`);
    expect(module.status).toBe(status);
    expect(findings).toEqual([]);
  });

  it('an unknown status lists the accepted ones and the closest', () => {
    const { module, findings } = parse('---\ntitle: X\nstatus: in-progres\n---\n');
    expect(where(findings)).toEqual([
      '3:9 error unknown status `in-progres`: write one of `todo`, `in-progress`, `paused`, `done` (did you mean `in-progress`?)',
    ]);
    expect(module.status).toBeNull();
    expect(module.broken).toBe(true);
  });

  it('no guess for a status nothing like any', () => {
    expect(where(parse('---\nstatus: banana split\n---\n').findings)).toEqual([
      '2:9 error unknown status `banana split`: write one of `todo`, `in-progress`, `paused`, `done`',
    ]);
  });

  it('an empty or non-text status says what to write', () => {
    expect(where(parse('---\nstatus:\n---\n').findings)).toEqual([
      '2:8 error `status` is empty: write one of `todo`, `in-progress`, `paused`, `done`, like `status: in-progress`',
    ]);
    expect(where(parse('---\nstatus: [done]\n---\n').findings)).toEqual([
      '2:9 error `status` must be a single value: write one of `todo`, `in-progress`, `paused`, `done`, like `status: in-progress`',
    ]);
  });

  it('keeps a valid status when another field is broken', () => {
    const { module } = parse('---\nstatus: wip\nstarted: yesterday\n---\n');
    expect(module.status).toBe('in-progress');
    expect(module.broken).toBe(true);
    expect(module.started).toBeUndefined();
  });
});

describe('parseStatusBlock: dates', () => {
  it('reads unquoted and quoted dates', () => {
    const { module } = parse(`---\nstatus: done\nstarted: '2026-01-05'\ncompleted: 2026-02-01\n---\n`);
    expect(module.started).toBe('2026-01-05');
    expect(module.completed).toBe('2026-02-01');
  });

  it('February 29 exists in leap years only', () => {
    expect(parse('---\nstatus: wip\nstarted: 2028-02-29\n---\n').findings).toEqual([]);
    expect(parse('---\nstatus: wip\nstarted: 2000-02-29\n---\n').findings).toEqual([]);
    expect(where(parse('---\nstatus: wip\nstarted: 2027-02-29\n---\n').findings)).toEqual([
      '3:10 error `started: 2027-02-29` is not a real date (February 2027 has 28 days): write it as YYYY-MM-DD, like `started: 2026-10-02`, or leave it empty',
    ]);
    expect(where(parse('---\nstatus: wip\nstarted: 2100-02-29\n---\n').findings)).toHaveLength(1);
  });

  it('rejects impossible days, months and other spellings', () => {
    const text = '---\nstatus: wip\nstarted: 2026-02-30\ncompleted: 2026-13-01\n---\n';
    expect(where(parse(text).findings)).toEqual([
      '3:10 error `started: 2026-02-30` is not a real date (February 2026 has 28 days): write it as YYYY-MM-DD, like `started: 2026-10-02`, or leave it empty',
      '4:12 error `completed: 2026-13-01` is not a real date (there is no month 13): write it as YYYY-MM-DD, like `completed: 2026-10-02`, or leave it empty',
    ]);
    expect(where(parse('---\nstatus: wip\nstarted: 02/10/2026\n---\n').findings)).toEqual([
      '3:10 error `started: 02/10/2026` is not a real date (it is not written YYYY-MM-DD): write it as YYYY-MM-DD, like `started: 2026-10-02`, or leave it empty',
    ]);
  });

  it('an empty date is absent', () => {
    const { module, findings } = parse('---\nstatus: wip\nstarted:\ncompleted: ""\n---\n');
    expect(findings).toEqual([]);
    expect('started' in module).toBe(false);
    expect('completed' in module).toBe(false);
  });

  it('completed before started is an error at `completed`', () => {
    const { module, findings } = parse('---\nstatus: done\nstarted: 2026-03-01\ncompleted: 2026-02-28\n---\n');
    expect(where(findings)).toEqual([
      '4:12 error `completed: 2026-02-28` is before `started: 2026-03-01`: fix the date that is wrong (a topic cannot be completed before it is started)',
    ]);
    expect(module.broken).toBe(true);
    expect(module.status).toBe('done');
  });

  it('done on the same day it started is fine', () => {
    expect(parse('---\nstatus: done\nstarted: 2026-03-01\ncompleted: 2026-03-01\n---\n').findings).toEqual([]);
  });

  it('done without completed is a warning that does not break the module', () => {
    const { module, findings } = parse('---\nstatus: ✅ Done\ncompleted:\n---\n');
    expect(where(findings)).toEqual([
      '2:9 warning status is `done` but `completed` has no date: add `completed: YYYY-MM-DD` with the day you finished',
    ]);
    expect(module.broken).toBe(false);
    expect(module.status).toBe('done');
  });

  it('done with a broken completed date gets the error only', () => {
    const { findings } = parse('---\nstatus: done\ncompleted: soon\n---\n');
    expect(findings.map((f) => f.severity)).toEqual(['error']);
  });
});

describe('parseStatusBlock: numbers', () => {
  it('confidence is a whole number from 1 to 5', () => {
    expect(parse('---\nstatus: wip\nconfidence: 5\n---\n').module.confidence).toBe(5);
    expect(parse('---\nstatus: wip\nconfidence: "2"\n---\n').module.confidence).toBe(2);
    expect('confidence' in parse('---\nstatus: wip\nconfidence:\n---\n').module).toBe(false);
    for (const bad of ['0', '6', '2.5', 'high', '-1']) {
      const { module, findings } = parse(`---\nstatus: wip\nconfidence: ${bad}\n---\n`);
      expect(where(findings)).toEqual([
        `3:13 error \`confidence: ${bad}\` is not a whole number from 1 to 5: write one, like \`confidence: 3\`, or leave it empty`,
      ]);
      expect(module.confidence).toBeUndefined();
    }
  });

  it('order defaults to the id prefix, else sorts last', () => {
    expect(parse('---\nstatus: wip\n---\n', '12-rlhf').module.order).toBe(12);
    expect(parse('---\nstatus: wip\n---\n', 'ethics').module.order).toBe(Number.MAX_SAFE_INTEGER);
    expect(parse('---\nstatus: wip\norder: 2.5\n---\n', '12-rlhf').module.order).toBe(2.5);
    expect(parse('---\nstatus: wip\norder: -1\n---\n', 'ethics').module.order).toBe(-1);
  });

  it('a bad order is reported and the derived one kept', () => {
    const { module, findings } = parse('---\nstatus: wip\norder: first\n---\n', '07-models');
    expect(where(findings)).toEqual([
      '3:8 error `order: first` is not a number: write one, like `order: 3` (modules are listed by `order`, then by folder name)',
    ]);
    expect(module.order).toBe(7);
  });

  it('stale-after is a positive whole number of days', () => {
    expect(parse('---\nstatus: wip\nstale-after: 60\n---\n').module.staleAfter).toBe(60);
    expect(parse('---\nstatus: wip\nstale-after: 14 days\n---\n').module.staleAfter).toBe(14);
    expect(parse('---\nstatus: wip\nstale_after: 7d\n---\n').module.staleAfter).toBe(7);
    for (const bad of ['0', '-3', '1.5', 'soon']) {
      expect(where(parse(`---\nstatus: wip\nstale-after: ${bad}\n---\n`).findings)).toEqual([
        `3:14 error \`stale-after: ${bad}\` is not a number of days: write a whole number of days above 0, like \`stale-after: 60\``,
      ]);
    }
  });
});

describe('parseStatusBlock: text fields', () => {
  it('title defaults to the first level-1 heading, as plain text', () => {
    const text = '---\nstatus: wip\n---\n```\n# Not this\n```\n## Nor this\n# **Module 3**: [Attention](a.md) `QKV`\n# Later\n';
    expect(parse(text).module.title).toBe('Module 3: Attention QKV');
  });

  it('title defaults to the readable id without a heading', () => {
    expect(parse('---\nstatus: wip\n---\nnotes\n', '05-llama-3-models').module.title).toBe('Llama 3 Models');
  });

  it('an explicit title wins; a non-text title is an error', () => {
    expect(parse('---\nstatus: wip\ntitle: "  Attention  "\n---\n# Other\n').module.title).toBe('Attention');
    expect(where(parse('---\nstatus: wip\ntitle: [a, b]\n---\n').findings)).toEqual([
      '3:8 error `title` must be text: write it like `title: Transformer Architecture` (a longer text can follow `title: |` on indented lines)',
    ]);
  });

  it('learnings take text, block text, or a short list', () => {
    expect(parse('---\nstatus: wip\nlearnings: |\n  line one\n  line two\n---\n').module.learnings).toBe('line one\nline two');
    expect(parse('---\nstatus: wip\nlearnings:\n  - a\n  - b\n---\n').module.learnings).toBe('a; b');
    expect(where(parse('---\nstatus: wip\nlearnings: {a: 1}\n---\n').findings)).toEqual([
      '3:12 error `learnings` must be text: write it like `learnings: Multi-head attention details.` (a longer text can follow `learnings: |` on indented lines)',
    ]);
  });

  it('keeps unknown fields as YAML gave them', () => {
    const text = '---\nstatus: wip\ndifficulty: hard\nhours: 12\ntags: [nlp, attention]\nmeta:\n  source: book\nempty:\n---\n';
    const { module, findings } = parse(text);
    expect(findings).toEqual([]);
    expect(module.extra).toEqual({
      difficulty: 'hard',
      hours: 12,
      tags: ['nlp', 'attention'],
      meta: { source: 'book' },
      empty: null,
    });
  });

  it('known fields are matched whatever their case', () => {
    const { module } = parse('---\nStatus: Done\nCompleted: 2026-01-01\n---\n');
    expect(module.status).toBe('done');
    expect(module.completed).toBe('2026-01-01');
    expect(module.extra).toEqual({});
  });
});
