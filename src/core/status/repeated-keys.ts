// yaml places a DUPLICATE_KEY error where the repeated pair's token starts, which is the end of
// the previous line when the previous value is empty: the repeated key itself is found in the
// parsed maps instead, with the equality yaml's `uniqueKeys: true` uses.
import { isScalar, visit, type Document } from 'yaml';

export interface RepeatedKey {
  /** How the key is written, for messages. */
  name: string;
  /** Offset of the repeated key in the YAML. */
  offset: number;
}

/** Every key written again in the same map (not its first writing), in the order of the YAML. */
export function repeatedKeys(doc: Document): RepeatedKey[] {
  const out: RepeatedKey[] = [];
  visit(doc, {
    Map(_, map) {
      // Only scalars can repeat: other keys are equal to nothing but themselves.
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        const offset = key.range?.[0];
        if (seen.has(key.value) && offset !== undefined) out.push({ name: String(key.value), offset });
        seen.add(key.value);
      }
    },
  });
  return out.sort((a, b) => a.offset - b.offset);
}
