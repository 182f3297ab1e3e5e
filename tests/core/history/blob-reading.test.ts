import { describe, expect, it } from 'vitest';
import { makeBlobReader, readBlob } from '../../../src/core/history/index.js';

const texts = [
  '---\ntitle: Attention\nstatus: wip\n---\n# Heading\n- [x] a\n- [ ] b\n',
  '---\nstatus: done\n---\n# Heading *with* `code`\n- [x] a\n',
  '---\nstatus: done\n---\nno heading\n- [X] a\n```\n- [ ] in code\n```\n',
  '---\ntitle: 01 basics\nstatus: todo\n---\n# Other\n',
  '\uFEFF---\r\nstatus: paused\r\n---\r\n# CRLF\r\n- [ ] a\r\n',
  '---\nstatus: nonsense\n---\n# Bad\n',
  '---\nstatus: todo\n# never closed\n',
  '# no block\n- [x] a\n',
  '---\n---\n# empty block\n',
  '---\nstatus: [unclosed\n---\n',
];

describe('makeBlobReader', () => {
  it('reads every version as readBlob (the status-block parser) does, block parsed once per distinct text', () => {
    const read = makeBlobReader();
    for (const id of ['01-basics', 'x']) {
      for (const t of texts) {
        expect(read(id, `modules/${id}/README.md`, t)).toEqual(readBlob(id, `modules/${id}/README.md`, t));
        // A second time from the memo.
        expect(read(id, `modules/${id}/README.md`, t)).toEqual(readBlob(id, `modules/${id}/README.md`, t));
      }
    }
  });
});
