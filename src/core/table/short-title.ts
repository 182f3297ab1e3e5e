// A resource title cut to a few words for the table: a trailing parenthetical (authors, year, a nickname)
// and a subtitle after a colon go first, then words past the limit. The full title stays on the
// link as its tooltip.
import { oneLine } from './cell-text.js';

export const SHORT_TITLE_WORDS = 6;

const words = (s: string): string[] => s.split(' ').filter((w) => w !== '');

export function shortTitle(title: string, max = SHORT_TITLE_WORDS): string {
  const full = oneLine(title);
  if (words(full).length <= max) return full;
  // Only a trailing parenthetical goes: one inside the title is part of what it says.
  const bare = oneLine(full.replace(/\s*(\([^()]*\)|\[[^[\]]*\])$/, '')) || full;
  if (words(bare).length <= max) return bare;
  const colon = /^(.+?)\s*[:–—]\s+\S/.exec(bare);
  if (colon && words(colon[1]!).length <= max) return colon[1]!.replace(/[,;]$/, '');
  return `${words(bare).slice(0, max).join(' ').replace(/[,;:.]$/, '')}…`;
}
