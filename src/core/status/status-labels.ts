// Status names as users write them: canonical ids, their emoji + label, and the aliases people mean.
import { STATUSES, type Status } from '../model.js';
import { closest } from './closest.js';

export const STATUS_LABELS: Record<Status, { emoji: string; label: string }> = {
  todo: { emoji: '⏳', label: 'To Do' },
  'in-progress': { emoji: '🚧', label: 'In Progress' },
  paused: { emoji: '⏸️', label: 'Paused' },
  done: { emoji: '✅', label: 'Done' },
};

// Keyed by the folded form (lower case, letters and digits only) so `To-Do`, `to do` and `TODO` meet.
const ALIASES: Record<string, Status> = {
  todo: 'todo',
  notstarted: 'todo',
  planned: 'todo',
  inprogress: 'in-progress',
  wip: 'in-progress',
  workinprogress: 'in-progress',
  doing: 'in-progress',
  ongoing: 'in-progress',
  started: 'in-progress',
  paused: 'paused',
  pause: 'paused',
  onhold: 'paused',
  done: 'done',
  complete: 'done',
  completed: 'done',
  finished: 'done',
};

// Emoji alone are enough (`status: ✅`); the variation selector U+FE0F is optional in what users paste.
const EMOJI: Array<[string, Status]> = [
  ['⏳', 'todo'],
  ['⌛', 'todo'],
  ['🚧', 'in-progress'],
  ['⏸', 'paused'],
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
];

// GitHub renders `:white_check_mark:` as ✅, so people write status emoji that way too.
const SHORTCODES: Record<string, string> = {
  hourglass: '⏳',
  hourglass_flowing_sand: '⏳',
  construction: '🚧',
  pause_button: '⏸',
  white_check_mark: '✅',
  heavy_check_mark: '✔',
  ballot_box_with_check: '☑',
};
const SHORTCODE = /:([a-z0-9_+-]{1,40}):/g;

const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]/gu;

function fold(raw: string): string {
  return raw.replace(PICTOGRAPH, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `⏳ To Do`, `to-do`, `WIP`, `✅` … → the canonical status; null when it is none of them (or mixes two). */
export function normalizeStatus(written: string): Status | null {
  if (written.length > 64) return null;
  // Unknown shortcodes are decoration, like any other emoji.
  const raw = written.replace(SHORTCODE, (_, name: string) => SHORTCODES[name] ?? '');
  const fromEmoji = new Set<Status>();
  for (const [e, s] of EMOJI) if (raw.includes(e)) fromEmoji.add(s);
  if (fromEmoji.size > 1) return null;
  const [emojiStatus] = fromEmoji;
  const word = fold(raw);
  if (word === '') return emojiStatus ?? null;
  const wordStatus = ALIASES[word];
  if (wordStatus === undefined) return null;
  if (emojiStatus !== undefined && emojiStatus !== wordStatus) return null;
  return wordStatus;
}

/** The canonical status whose spelling is nearest to `raw`, when it is near enough to be a typo. */
export function suggestStatus(raw: string): Status | null {
  const word = fold(raw);
  if (word === '' || word.length > 64) return null;
  const names = [...Object.keys(ALIASES)];
  const best = closest(word, names, Math.max(2, Math.floor(word.length / 2)));
  return best === null ? null : (ALIASES[best] ?? null);
}

export const ACCEPTED_STATUSES: string = STATUSES.map((s) => `\`${s}\``).join(', ');
