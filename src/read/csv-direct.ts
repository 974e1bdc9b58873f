/**
 * The direct path for small quote-free CSV files (read whole when opened): split into lines
 * and at the separator instead of running csv-parse, with the same records
 * (test/fuzz/csv-paths.fuzz.test.ts), and "the latest period" found before any row is built.
 */
import type { Limits } from "./limits.js";
import type { ReadOptions, Separator, TextEncoding } from "./options.js";
import { PeriodJudge } from "./select.js";
import { decodeLatin1, NotUtf8Error, type Source } from "./source.js";

/** What the direct path needs of a read's settings. */
export interface DirectSettings {
  encoding: TextEncoding;
  lenient: boolean;
  separator: Separator;
  limits: Limits;
}

const QUOTE = 0x22;

/**
 * The lines of a small file (one read whole when opened) without a single quote character,
 * or undefined. Such a file has
 * no quoted fields, so a line is a record and a separator ends a field; when every line is
 * also within the field and record limits, csv-parse could raise no error on it, and
 * splitting gives the same records, faster: csv-parse's state machine runs cold at start-up,
 * where the shipped data is read (docs/performance.md).
 */
export function directLines(source: Source, settings: DirectSettings): string[] | undefined {
  const { bytes } = source;
  if (bytes === undefined) return undefined;
  if (bytes.includes(QUOTE)) return undefined;
  let text: string;
  if (settings.encoding === "latin1") text = decodeLatin1(bytes);
  else {
    try {
      // Decoded as textChunks does: BOM dropped, invalid bytes fatal unless lenient.
      text = new TextDecoder("utf-8", { fatal: !settings.lenient }).decode(bytes);
    } catch {
      throw new NotUtf8Error();
    }
  }
  const lines = text.split(/\r\n|\n/);
  if (lines.at(-1) === "") lines.pop();
  // csv-parse measures fields and records in UTF-8 bytes: a line that could reach either
  // limit by that measure goes to csv-parse, which reports it as it would any file.
  const longest = Math.min(settings.limits.maxFieldChars, settings.limits.maxRecordChars);
  const fits = (line: string) =>
    line.length * 3 <= longest || Buffer.byteLength(line, "utf8") <= longest;
  return lines.every(fits) ? lines : undefined;
}

/**
 * For a file read whole, "the latest period" becomes that period, found by a first look at
 * the period column alone: files list periods in ascending order, so while streaming every
 * row would be the latest so far and be built, only to be let go at the next period.
 */
export function withLatestKnown(
  options: ReadOptions,
  lines: readonly string[],
  settings: DirectSettings,
): ReadOptions {
  const select = options.select;
  if (select?.keep !== "latest") return options;
  // The header is the first line with two cells or more (title lines have one).
  const headerAt = lines.findIndex(
    (line) => line.split(settings.separator).filter((cell) => cell.trim() !== "").length > 1,
  );
  const column = select.column(lines[headerAt]?.split(settings.separator) ?? []);
  if (column === undefined) return options;
  const judge = new PeriodJudge("latest");
  for (let i = headerAt + 1; i < lines.length; i++) {
    const cell = nthField(lines[i] ?? "", settings.separator, column);
    if (cell !== undefined) judge.judge(cell);
  }
  const latest = judge.latestPeriod();
  return latest === undefined
    ? options
    : { ...options, select: { ...select, keep: { exactly: latest } } };
}

/** The `n`-th field of a quote-free line, without splitting the rest; undefined if short. */
export function nthField(line: string, separator: string, n: number): string | undefined {
  let start = 0;
  for (let i = 0; i < n; i++) {
    const next = line.indexOf(separator, start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = line.indexOf(separator, start);
  return line.slice(start, end < 0 ? undefined : end);
}

/** The number of fields of a quote-free line. */
export function fieldCount(line: string, separator: string): number {
  let count = 1;
  for (let at = line.indexOf(separator); at >= 0; at = line.indexOf(separator, at + 1)) count++;
  return count;
}
