// The syntax tree `odyssey init` reads a hand-kept table's cells from (once per `init`, on one
// README): the cells' text, emphasis and links with their offsets, as mdast gives them. It lives in
// the one reader's folder so that no other module parses markdown; every other feature reads the
// DocumentModel (parse-document.ts).
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export function parseMdast(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}
