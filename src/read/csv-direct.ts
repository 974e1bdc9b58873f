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
  let last: string | undefined;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const cell = nthField(lines[i] ?? "", settings.separator, column);
    // Files list a period's rows together: the same text again judges the same.
    if (cell !== undefined && cell !== last) {
      judge.judge(cell);
      last = cell;
    }
  }
  const latest = judge.latestPeriod();
  return latest === undefined
    ? options
    : { ...options, select: { ...select, keep: { exactly: latest } } };
}

/** A separator as it is written inside a regular expression's character class and outside. */
function escapeSeparator(separator: string): string {
  return separator.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * An expression that tests whether a quote-free line has exactly `fields` fields: one native
 * test per line, no match object made (test/read/csv-line-fields.test.ts).
 */
export function widthPattern(separator: string, fields: number): RegExp {
  const sep = escapeSeparator(separator);
  return new RegExp(`^(?:[^${sep}]*${sep}){${fields - 1}}[^${sep}]*$`);
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

/**
 * Quote-free lines of a streamed file, split as its decoded chunks arrive: the direct path
 * at any size. `push` gives each complete line to `onLine` until a line the direct path
 * cannot take (a quote in it, or longer than the field or record limit could allow), and
 * then returns the text from that line's start on, which csv-parse reads from there (with
 * the rest of the stream); undefined while every line was taken.
 */
export class LineSplitter {
  private pending = "";
  private readonly longest: number;

  constructor(limits: Limits) {
    this.longest = Math.min(limits.maxFieldChars, limits.maxRecordChars);
  }

  push(chunk: string, onLine: (line: string) => void): string | undefined {
    const quote = chunk.indexOf('"');
    let text = chunk;
    let from = 0;
    if (this.pending !== "") {
      const first = chunk.indexOf("\n");
      if (first < 0 || (quote >= 0 && quote < first)) return this.wait(chunk, quote);
      const line = this.pending + chunk.slice(0, first);
      this.pending = "";
      if (!this.fits(line)) return line + chunk.slice(first);
      onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
      from = first + 1;
    }
    // Lines before the first quote are the direct path's; the quote's line and all after
    // it are csv-parse's.
    const stop = quote < 0 ? text.length : text.lastIndexOf("\n", quote - 1) + 1;
    while (from < stop) {
      const newline = text.indexOf("\n", from);
      if (newline < 0 || newline >= stop) break;
      const end = newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      const line = text.slice(from, end);
      if (line.length * 3 > this.longest && !this.fits(line)) return text.slice(from);
      onLine(line);
      from = newline + 1;
    }
    if (quote >= 0) return text.slice(from);
    text = text.slice(from);
    return this.wait(text, -1);
  }

  /** At the end of the stream: the last line, if it had no line end. */
  end(onLine: (line: string) => void): string | undefined {
    const line = this.pending;
    this.pending = "";
    if (line === "") return undefined;
    if (!this.fits(line)) return line;
    onLine(line);
    return undefined;
  }

  /** Holds the start of a line still arriving; hands it to csv-parse once it cannot fit. */
  private wait(text: string, quote: number): string | undefined {
    if (quote >= 0) {
      const rest = this.pending + text;
      this.pending = "";
      return rest;
    }
    this.pending += text;
    if (this.pending.length > this.longest) {
      const rest = this.pending;
      this.pending = "";
      return rest;
    }
    return undefined;
  }

  private fits(line: string): boolean {
    return line.length * 3 <= this.longest || Buffer.byteLength(line, "utf8") <= this.longest;
  }
}

/**
 * `withLatestKnown` for a streamed file: a first pass over the period column alone finds
 * the latest period, so the read proper builds only that period's rows (streaming, every
 * row of a file in period order is the latest so far when it arrives, and is built, only
 * to be let go at the next period). Undefined (the read keeps "the latest so far") when
 * the file has a quote (its lines are csv-parse's to split) or no period column.
 */
export async function latestStreamed(
  chunks: AsyncIterable<string>,
  options: ReadOptions,
  settings: DirectSettings,
): Promise<ReadOptions | undefined> {
  const select = options.select;
  if (select?.keep !== "latest") return undefined;
  const { separator } = settings;
  const splitter = new LineSplitter(settings.limits);
  let column: number | undefined;
  let headerSeen = false;
  let last: string | undefined;
  let titles = 0;
  const judge = new PeriodJudge("latest");
  const onLine = (line: string) => {
    if (!headerSeen) {
      // The header is the first line with two cells or more (title lines have one).
      if (line.split(separator).filter((cell) => cell.trim() !== "").length <= 1) {
        if (++titles > 10) throw new NoLatest();
        return;
      }
      headerSeen = true;
      column = select.column(line.split(separator));
      if (column === undefined) throw new NoLatest();
      return;
    }
    const cell = nthField(line, separator, column as number);
    // Files list a period's rows together: the same text again judges the same.
    if (cell !== undefined && cell !== last) {
      judge.judge(cell);
      last = cell;
    }
  };
  try {
    for await (const chunk of chunks) {
      if (splitter.push(chunk, onLine) !== undefined) return undefined;
    }
    if (splitter.end(onLine) !== undefined) return undefined;
  } catch (error) {
    if (error instanceof NoLatest) return undefined;
    throw error;
  }
  const latest = judge.latestPeriod();
  return latest === undefined
    ? undefined
    : { ...options, select: { ...select, keep: { exactly: latest } } };
}

/** The first pass cannot say which period is the latest. */
class NoLatest extends Error {}
