// The ids in odyssey's hidden markers (`<!-- odyssey:stale ID -->`) are folder names, which may
// hold spaces, `-->` or anything else a file system allows. Written percent-encoded (every byte
// outside `A-Z a-z 0-9 . _ ~ -`), a marker cannot be cut short or broken by its id; read back, an
// old marker written with the raw id (before encoding) still decodes to the same id.

export function encodeMarkerId(id: string): string {
  return Array.from(new TextEncoder().encode(id), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9._~-]/.test(c) && b < 0x80 ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  })
    .join('')
    .replace(/--/g, '-%2D');
}

/** The id a marker holds: percent-decoded when it decodes, else as written (an old raw marker). */
export function decodeMarkerId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `<!-- odyssey:KIND ID -->` with the id encoded. */
export function markerLine(kind: string, id: string): string {
  return `<!-- odyssey:${kind} ${encodeMarkerId(id)} -->`;
}

/**
 * The id of the first `<!-- odyssey:KIND … -->` marker in `body`, or null. Old markers held the
 * raw id (up to the first `-->`, spaces included), so the whole span is taken and decoded.
 */
export function findMarkerId(kind: string, body: string | null | undefined): string | null {
  if (!body) return null;
  const re = new RegExp(`<!--[ \\t]*odyssey:${kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]+(.+?)[ \\t]*-->`);
  const m = re.exec(body);
  return m ? decodeMarkerId(m[1]!) : null;
}
