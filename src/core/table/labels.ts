// One source for the status labels (core/status); the table adds the label of a broken row.
export { STATUS_LABELS } from '../status/status-labels.js';

/** The row label of a module whose status block is missing or broken. */
export const UNKNOWN_LABEL = { emoji: '❓', label: 'Unknown' } as const;
