import type { Status } from '../model.js';

// Interim copy: src/core/status/ will export STATUS_LABELS with this shape; the lead unifies them.
export const STATUS_LABELS: Record<Status, { emoji: string; label: string }> = {
  todo: { emoji: '⏳', label: 'To Do' },
  'in-progress': { emoji: '🚧', label: 'In Progress' },
  paused: { emoji: '⏸️', label: 'Paused' },
  done: { emoji: '✅', label: 'Done' },
};

/** The row label of a module whose status block is missing or broken. */
export const UNKNOWN_LABEL = { emoji: '❓', label: 'Unknown' } as const;
