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
  // Printable ASCII has no Danish letters and no accents: Unicode normalisation (slow,
  // and run for every name read) changes nothing there.
  if (PRINTABLE_ASCII.test(text)) return spaced(text.toLowerCase());
  let s = text.normalize("NFC").toLowerCase();
  for (const [re, digraph] of DIGRAPHS) s = s.replace(re, digraph);
  return spaced(s.normalize("NFD").replace(/\p{M}/gu, ""));
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Hyphens, dots and runs of space as one space, trimmed. */
function spaced(s: string): string {
  return s
    .replace(/[-‐‑–—_.,/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export { editDistance } from "../text.js";

/** Code-unit order (not the locale's): codes and ids sort the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
