/**
 * Matching keys for names as real sources spell them: `Århus`, `AARHUS`, `aarhus`,
 * `Høje Taastrup`, `hoeje-taastrup` and `Høje-Taastrup` all give the same key.
 */

/** Danish letters become the digraphs Danish itself uses without them (the monthly file's `aeroe`). */
const DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/æ/g, "ae"],
  [/ø/g, "oe"],
  [/å/g, "aa"],
  // German-style umlauts turn up in foreign-made files for the same letters.
  [/ä/g, "ae"],
  [/ö/g, "oe"],
];

/**
 * Lower case, æ/ø/å as digraphs, other accents stripped (NFD), hyphens, dots and runs of
 * space as one space.
 * @example nameKey("Høje-Taastrup") === nameKey("hoeje taastrup") // "hoeje taastrup"
 */
export function nameKey(text: string): string {
  let s = text.normalize("NFC").toLowerCase();
  for (const [re, digraph] of DIGRAPHS) s = s.replace(re, digraph);
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[-‐‑–—_.,/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export { editDistance } from "../text.js";
