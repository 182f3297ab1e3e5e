// The zone markers and the help that names the fix, shared by every zone message.

export type ZoneName = 'progress' | 'chart';

export function startMarker(name: ZoneName): string {
  return `<!-- odyssey:${name}:start -->`;
}

export function endMarker(name: ZoneName): string {
  return `<!-- odyssey:${name}:end -->`;
}

/** Matches the text of a marker line, trimmed; whitespace inside the comment is free. */
export const MARKER_LINE = /^<!--[ \t]*odyssey:(progress|chart):(start|end)[ \t]*-->$/;

/** Finds marker text anywhere, to point at markers that do not count. */
export const MARKER_TEXT = /<!--[ \t]*odyssey:(progress|chart):(start|end)[ \t]*-->/g;

/** What to paste, and where: ends every zone message. */
export function zoneHelp(name: ZoneName): string {
  return (
    `The ${name} zone is these two lines, each at the start of a line of its own (not indented, and not ` +
    `inside a list, a quote or a code block), with the generated ${name === 'progress' ? 'table' : 'charts'} between them:\n\n` +
    `${startMarker(name)}\n${endMarker(name)}\n\n` +
    '`odyssey init` adds them for you.'
  );
}

/** The message for a README without the zone (the caller exits 2 with it for `progress`). */
export function missingZoneMessage(file: string, name: ZoneName, ignored: ReadonlyArray<{ line: number }> = []): string {
  let text = `${file} has no ${name} zone.`;
  if (ignored.length > 0) {
    const lines = ignored.slice(0, 3).map((i) => i.line);
    const more = ignored.length > 3 ? ` and ${ignored.length - 3} more` : '';
    text +=
      ` The marker text on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more} does not count: ` +
      'it is inside a code block, inline code, a list, a quote or other HTML, where it is only text.';
  }
  return `${text}\n${zoneHelp(name)}`;
}
