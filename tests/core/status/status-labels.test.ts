import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../../src/core/model.js';
import { normalizeStatus, STATUS_LABELS, suggestStatus } from '../../../src/core/status/index.js';

describe('STATUS_LABELS', () => {
  it('has the template emoji and label for every status', () => {
    expect(STATUS_LABELS).toEqual({
      todo: { emoji: '⏳', label: 'To Do' },
      'in-progress': { emoji: '🚧', label: 'In Progress' },
      paused: { emoji: '⏸️', label: 'Paused' },
      done: { emoji: '✅', label: 'Done' },
    });
  });

  it('every label, with or without its emoji, reads back as its status', () => {
    for (const s of STATUSES) {
      const { emoji, label } = STATUS_LABELS[s];
      expect(normalizeStatus(`${emoji} ${label}`)).toBe(s);
      expect(normalizeStatus(label)).toBe(s);
      expect(normalizeStatus(emoji)).toBe(s);
      expect(normalizeStatus(s)).toBe(s);
    }
  });
});

describe('normalizeStatus', () => {
  it.each([
    ['⏳ To Do', 'todo'],
    ['to do', 'todo'],
    ['To-Do', 'todo'],
    ['TODO', 'todo'],
    ['not started', 'todo'],
    ['🚧 In Progress', 'in-progress'],
    ['in progress', 'in-progress'],
    ['In_Progress', 'in-progress'],
    ['WIP', 'in-progress'],
    ['doing', 'in-progress'],
    ['⏸️ Paused', 'paused'],
    ['⏸ paused', 'paused'],
    ['on hold', 'paused'],
    ['✅ Done', 'done'],
    ['✅', 'done'],
    ['Done!', 'done'],
    ['complete', 'done'],
    ['COMPLETED', 'done'],
    ['finished', 'done'],
    ['  done  ', 'done'],
    [':white_check_mark: Done', 'done'],
    [':construction:', 'in-progress'],
    [':pause_button: Paused', 'paused'],
    [':rocket: wip', 'in-progress'],
  ] as const)('%s → %s', (raw, status) => {
    expect(normalizeStatus(raw)).toBe(status);
  });

  it.each(['', 'banana', '✅ In Progress', '⏳ 🚧', 'done done', ':white_check_mark: to do', 'x'.repeat(100) + 'done'])('%s is no status', (raw) => {
    expect(normalizeStatus(raw)).toBeNull();
  });
});

describe('suggestStatus', () => {
  it('finds the status a typo meant, and nothing for unrelated words', () => {
    expect(suggestStatus('in-progres')).toBe('in-progress');
    expect(suggestStatus('dnoe')).toBe('done');
    expect(suggestStatus('paused.')).toBe('paused');
    expect(suggestStatus('complet')).toBe('done');
    expect(suggestStatus('tood')).toBe('todo');
    expect(suggestStatus('banana split')).toBeNull();
    expect(suggestStatus('')).toBeNull();
  });
});
