/**
 * The fast path for JSON lines: a line that is one flat object, parsed by `JSON.parse`.
 */

const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * A line that is one flat object (strings, numbers, true, false, null), parsed by
 * `JSON.parse`; undefined for anything else, which the located parser then reads
 * to say what is wrong and where. The two agree on such lines, except that a plain object
 * moves integer-like keys first, so a line with one goes to the located parser too
 * (test/fuzz/reader.fuzz.test.ts compares both on random lines).
 */
export function flatObject(text: string, maxStringChars: number): FlatObject | undefined {
  // A string over the field limit is the located parser's to report, even one a repeated
  // key overwrites (JSON.parse would never show it): only lines that cannot hold one here.
  if (text.length > maxStringChars) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && INDEX_KEY.test(key)) return undefined;
    const cell = object[key];
    if (typeof cell === "object" && cell !== null) return undefined;
  }
  return object as FlatObject;
}

/** One JSON line's object whose values are all strings, numbers, true, false or null. */
export type FlatObject = Record<string, string | number | boolean | null>;
