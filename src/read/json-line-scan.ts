/**
 * The period of a JSON line found without decoding or parsing the line: for a file read
 * whole with a period selection, most lines belong to periods left out, and decoding the
 * file and running `JSON.parse` on each of its lines was most of reading it (the shipped
 * Y30R21 file holds eight periods; the benchmark keeps one).
 *
 * The scan is sure of itself only on plain lines, and says undefined for anything else,
 * which the reader then parses as before: one object, no backslash anywhere (so every `"`
 * starts or ends a string), the keys of the file's first flat line in the same order and
 * no other, every value a string, number, true, false or null (no object or array), and
 * the period key's value a string of ASCII characters. One pass over the line's bytes.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const BRACKET = 0x5b;
const COLON = 0x3a;
const COMMA = 0x2c;

/** The keys of the first flat line, as the file's bytes write them, and the period's index. */
export interface LineTemplate {
  keys: Buffer[];
  period: number;
}

/**
 * A template from a parsed flat line's keys, their bytes as the file's encoding writes
 * them, or undefined: a key with a quote, a backslash or a control character (JSON would
 * escape it), or in a Latin-1 file one outside Latin-1 (Windows-1252's 0x80–0x9F names
 * do not map back byte for byte); or not exactly one period key.
 */
export function lineTemplate(
  keys: readonly string[],
  isPeriodKey: (key: string) => boolean,
  encoding: "utf-8" | "latin1" = "utf-8",
): LineTemplate | undefined {
  let period = -1;
  const bytes: Buffer[] = [];
  for (const [i, key] of keys.entries()) {
    if (!plainKey(key, encoding)) return undefined;
    bytes.push(Buffer.from(key, encoding === "utf-8" ? "utf8" : "latin1"));
    if (isPeriodKey(key)) {
      if (period >= 0) return undefined;
      period = i;
    }
  }
  return period < 0 ? undefined : { keys: bytes, period };
}

/** No quote, backslash or control character (JSON would escape them); Latin-1 if so read. */
function plainKey(key: string, encoding: "utf-8" | "latin1"): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH) return false;
    if (encoding === "latin1" && ((c >= 0x7f && c < 0xa0) || c > 0xff)) return false;
  }
  return true;
}

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d;
}

/**
 * The period text of the line `bytes[start, end)` if it is a plain line of the template's
 * shape (above), else undefined.
 */
export function scanPeriod(
  bytes: Buffer,
  start: number,
  end: number,
  template: LineTemplate,
): string | undefined {
  const { keys } = template;
  let i = start;
  while (i < end && isSpace(bytes[i])) i++;
  if (bytes[i] !== OPEN) return undefined;
  i++;
  let period: string | undefined;
  for (let k = 0; ; k++) {
    while (i < end && isSpace(bytes[i])) i++;
    // The key: the template's k-th, byte for byte.
    const key = keys[k];
    if (key === undefined || bytes[i] !== QUOTE) return undefined;
    const from = i + 1;
    if (from + key.length >= end || bytes[from + key.length] !== QUOTE) return undefined;
    for (let b = 0; b < key.length; b++) if (bytes[from + b] !== key[b]) return undefined;
    i = from + key.length + 1;
    while (i < end && isSpace(bytes[i])) i++;
    if (bytes[i] !== COLON) return undefined;
    i++;
    while (i < end && isSpace(bytes[i])) i++;
    if (bytes[i] === QUOTE) {
      const open = i;
      let ascii = true;
      for (i++; i < end; i++) {
        const b = bytes[i] as number;
        if (b === QUOTE) break;
        if (b === BACKSLASH) return undefined;
        if (b >= 0x80) ascii = false;
      }
      if (i >= end) return undefined;
      if (k === template.period) {
        if (!ascii) return undefined;
        period = bytes.toString("latin1", open + 1, i);
      }
      i++;
    } else {
      // A number, true, false or null: up to the next separator; never the period.
      if (k === template.period) return undefined;
      const from = i;
      for (; i < end; i++) {
        const b = bytes[i] as number;
        if (b === COMMA || b === CLOSE || isSpace(b)) break;
        if (b === OPEN || b === BRACKET || b === QUOTE || b === BACKSLASH) return undefined;
      }
      if (i === from) return undefined;
    }
    while (i < end && isSpace(bytes[i])) i++;
    if (bytes[i] === COMMA) {
      i++;
      continue;
    }
    if (bytes[i] !== CLOSE || k !== keys.length - 1) return undefined;
    i++;
    break;
  }
  while (i < end && isSpace(bytes[i])) i++;
  return i === end ? period : undefined;
}
