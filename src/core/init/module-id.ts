// A module's folder name, from the row's notes link when it names one, else from the topic text.

/** `Python & NumPy: Basics!` → `python-numpy-basics`; accents dropped, emoji and punctuation gone. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

// "Module 4: LLM Pretraining", "Week 2 - Tokens", "3. Attention", "#5 Agents" → number + rest.
const NUMBERED = /^(?:(?:module|topic|part|chapter|unit|week|lesson|step|section|day)\s*)?#?(\d{1,4})(?=$|[\s:.)\-–—_/])[\s:.)\-–—_/]*(.*)$/iu;
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;

/** "Module 4: LLM Pretraining" → `04-llm-pretraining`; null when nothing usable is left. */
export function idFromTopic(topic: string): string | null {
  const text = topic.replace(PICTOGRAPH, ' ').replace(/\s+/g, ' ').trim();
  const m = NUMBERED.exec(text);
  if (m) {
    const n = m[1]!.replace(/^0+(?=\d)/, '').padStart(2, '0');
    const rest = slugify(m[2]!);
    return rest ? `${n}-${rest}` : n;
  }
  const slug = slugify(text);
  return slug === '' ? null : slug;
}

/**
 * `modules/03-transformers/README.md` (also `./…`, the folder alone, or with a trailing `/`) → `03-transformers`;
 * null when the link points anywhere else.
 */
export function idFromNotesLink(url: string, modulesDir: string): string | null {
  let u: string;
  try {
    u = decodeURI(url.split('#')[0]!.split('?')[0]!);
  } catch {
    return null;
  }
  u = u.replace(/^\.\//, '').replace(/^\//, '');
  const dir = modulesDir.replace(/^\.\//, '').replace(/\/+$/, '');
  if (!u.startsWith(`${dir}/`)) return null;
  const rest = u.slice(dir.length + 1).replace(/\/+$/, '');
  const parts = rest.split('/');
  if (parts.length === 1 || (parts.length === 2 && /^readme\.md$/i.test(parts[1]!))) {
    const id = parts[0]!;
    return id === '' || id === '.' || id === '..' ? null : id;
  }
  return null;
}
