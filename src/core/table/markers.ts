// The zone markers and the help that names the fix, shared by every zone message.

export type ZoneName = 'progress' | 'chart';

export function startMarker(name: ZoneName): string {
  return `<!-- odyssey:${name}:start -->`;
}

export function endMarker(name: ZoneName): string {
  return `<!-- odyssey:${name}:end -->`;
}


/** What to paste, and where: ends every zone message. */
export function zoneHelp(name: ZoneName): string {
  return (
    `The ${name} zone is these two lines, each at the start of a line of its own (not indented, and not ` +
    `inside a list, a quote or a code block), with the generated ${name === 'progress' ? 'table' : 'charts'} between them:\n\n` +
    `${startMarker(name)}\n${endMarker(name)}\n\n` +
    '`odyssey init` adds them for you.'
  );
}

/**
 * The message for a README without the zone (the caller exits 2 with it for `progress`).
 * `ignored` is findZone's marker text that does not count; each `why` is said when given.
 */
export function missingZoneMessage(
  file: string,
  name: ZoneName,
  ignored: ReadonlyArray<{ line: number; column?: number; why?: string }> = [],
): string {
  let text = `${file} has no ${name} zone.`;
  if (ignored.length > 0) {
    const shown = ignored.slice(0, 3);
    const lines = shown.map((i) => i.line);
    const more = ignored.length > 3 ? ` and ${ignored.length - 3} more` : '';
    const whys = shown.every((i) => i.why)
      ? shown.map((i) => `on line ${i.line}${i.column ? `, column ${i.column}` : ''}, ${i.why}`).join('; ')
      : 'it is inside a code block, inline code, a list, a quote or other HTML, where it is only text';
    text += ` The marker text on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${more} does not count: ${whys}.`;
  }
  return `${text}\n${zoneHelp(name)}`;
}
