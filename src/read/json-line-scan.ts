/**
 * The period of a JSON line found without decoding or parsing the line: for a file read
 * whole with a period selection, most lines belong to periods left out, and decoding the
 * file and running `JSON.parse` on each of its lines was most of reading it (the shipped
 * Y30R21 file holds eight periods; the benchmark keeps one).
 *
 * The scan is sure of itself only on plain lines, and says undefined for anything else,
 * which the reader then parses as before: a line without a backslash (so every `"` starts
 * or ends a string), one `{` and one `}` at its ends, no `[`, exactly the keys of the
 * file's first flat line (each `"key":` once, and no other `":`), and the period key's value
 * a string of ASCII characters.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const BRACKET = 0x5b;

/** The keys of the first flat line, as `"key":` bytes, and which of them is the period. */
export interface LineTemplate {
  keys: Buffer[];
  period: Buffer;
}

const KEY_END = Buffer.from('":');

/**
 * A template from a parsed flat line's keys, their bytes as the file's encoding writes
 * them, or undefined: a key with a quote, a backslash or a control character (JSON would
 * escape it), or in a Latin-1 file one outside Latin-1 (Windows-1252's 0x80–0x9F names
 * do not map back byte for byte).
 */
export function lineTemplate(
  keys: readonly string[],
  isPeriodKey: (key: string) => boolean,
  encoding: "utf-8" | "latin1" = "utf-8",
): LineTemplate | undefined {
  let period: Buffer | undefined;
  const bytes: Buffer[] = [];
  for (const key of keys) {
    if (!plainKey(key, encoding)) return undefined;
    const b = Buffer.from(`"${key}":`, encoding === "utf-8" ? "utf8" : "latin1");
    bytes.push(b);
    if (isPeriodKey(key)) {
      if (period !== undefined) return undefined;
      period = b;
    }
  }
  return period === undefined ? undefined : { keys: bytes, period };
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
  rare: RareBytes = new RareBytes(bytes),
): string | undefined {
  let from = start;
  let to = end;
  while (from < to && isSpace(bytes[from])) from++;
  while (to > from && isSpace(bytes[to - 1])) to--;
  if (bytes[from] !== OPEN || bytes[to - 1] !== CLOSE) return undefined;
  // `{` and `}` are found within the line (the next line starts with one); the bytes most
  // files never hold are looked up once per occurrence, not once per line (`RareBytes`).
  const inside = (byte: number) => {
    const found = bytes.indexOf(byte, from + 1);
    return found >= 0 && found < to - 1;
  };
  if (rare.backslash.next(from) < to || rare.bracket.next(from) < to) return undefined;
  if (inside(OPEN) || inside(CLOSE)) return undefined;
  // Exactly as many `":` as the template has keys, and each of its keys present.
  let count = 0;
  for (
    let at = bytes.indexOf(KEY_END, from);
    at >= 0 && at < to;
    at = bytes.indexOf(KEY_END, at + 2)
  ) {
    count++;
  }
  if (count !== template.keys.length) return undefined;
  let periodAt = -1;
  for (const key of template.keys) {
    const at = bytes.indexOf(key, from);
    if (at < 0 || at >= to || !startsKey(bytes, from, at)) return undefined;
    if (key === template.period) periodAt = at + key.length;
  }
  if (bytes[periodAt] !== QUOTE) return undefined;
  const close = bytes.indexOf(QUOTE, periodAt + 1);
  if (close < 0 || close >= to) return undefined;
  for (let i = periodAt + 1; i < close; i++) if ((bytes[i] as number) >= 0x80) return undefined;
  const after = bytes[close + 1];
  if (after !== 0x2c && after !== CLOSE) return undefined;
  return bytes.toString("latin1", periodAt + 1, close);
}

/**
 * A key's `"` at `at` starts a key: an even number of quotes before it on the line (outside
 * any string, since the line has no backslash) and `{` or `,` just before it.
 */
function startsKey(bytes: Buffer, from: number, at: number): boolean {
  let quotes = 0;
  for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < at; q = bytes.indexOf(QUOTE, q + 1)) {
    quotes++;
  }
  if (quotes % 2 !== 0) return false;
  let before = at - 1;
  while (before > from && isSpace(bytes[before])) before--;
  const b = bytes[before];
  return b === OPEN || b === 0x2c;
}

/** The next position of one byte at or after a position, searched again only when passed. */
class NextByte {
  private at = -1;

  constructor(
    private readonly bytes: Buffer,
    private readonly byte: number,
  ) {}

  /** The first position ≥ `from` holding the byte, or infinity. */
  next(from: number): number {
    if (this.at < from) {
      const found = this.bytes.indexOf(this.byte, from);
      this.at = found < 0 ? Number.POSITIVE_INFINITY : found;
    }
    return this.at;
  }
}

/**
 * Where the next backslash and `[` of a file are: lines are scanned in order, so each is
 * searched for once per occurrence (a search per line would run to the end of the file
 * every time, when the file has none).
 */
export class RareBytes {
  readonly backslash: NextByte;
  readonly bracket: NextByte;

  constructor(bytes: Buffer) {
    this.backslash = new NextByte(bytes, BACKSLASH);
    this.bracket = new NextByte(bytes, BRACKET);
  }
}
