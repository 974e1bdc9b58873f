/**
 * Delimited text, streamed through csv-parse so memory holds the table, never the file
 * (small quote-free files, at most 4 MiB, are read whole and split: see `directLines`).
 * Records are numbered by the physical line they start on, counted from each record's raw
 * text (csv-parse's own line counter drifts on CRLF inside quoted fields).
 */
import type { CsvError } from "csv-parse";
import { type Diagnostic, DiagnosticBag, InputError } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import type { DecimalEvidence } from "./decimal.js";
import { formatSize, type Limits, rowBytes, stringBytes, tableTooLarge } from "./limits.js";
import type { ReadOptions, Separator, TextEncoding } from "./options.js";
import { type Admission, HeldRows, PeriodJudge, selectRows } from "./select.js";
import { sniffSeparator } from "./sniff.js";
import {
  decodeLatin1,
  fatal,
  NotUtf8Error,
  readWithEncodingFallback,
  type Source,
  sniffEncoding,
  textChunks,
} from "./source.js";
import { isStatBankHeader, toStatBankLong } from "./statbank.js";
import type { Table, TableRow } from "./table.js";

const NEWLINE = /\r\n|\r|\n/g;

function countNewlines(text: string): number {
  let n = 0;
  NEWLINE.lastIndex = 0;
  while (NEWLINE.exec(text) !== null) n++;
  return n;
}

async function drain(records: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of records) {
    // on_record keeps every record; nothing flows downstream
  }
}

function decodeHead(source: Source, encoding: TextEncoding): string {
  return encoding === "utf-8"
    ? new TextDecoder("utf-8").decode(source.head)
    : source.head.toString("latin1");
}

export async function readCsv(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const sniffed = sniffEncoding(source.head, source.size <= source.head.length);
  const separator =
    options.separator ?? sniffSeparator(decodeHead(source, options.encoding ?? sniffed));
  // With a period selection the table is the rows kept, which the head cannot predict: the
  // bound is checked on those rows while reading.
  if (options.select === undefined) {
    checkTableFits(source, decodeHead(source, options.encoding ?? sniffed), separator, limits);
  }
  const table = await readWithEncodingFallback(sniffed, options.encoding, (encoding, lenient) =>
    parseCsvFile(source, { encoding, lenient, separator, limits, options }),
  );
  return table;
}

/**
 * Refuses a file whose table would not fit in `limits.maxTableBytes`, before reading it:
 * the heap a row costs per byte of file, measured on the complete lines of the first
 * 64 KiB (split at the separator, quotes ignored), times the file size. Files no larger
 * than that sample are left to the check while reading, which is exact.
 */
export function checkTableFits(
  source: Source,
  head: string,
  separator: Separator,
  limits: Limits,
): void {
  const estimate = estimateTableBytes(head, separator, source.size, source.head.length);
  if (estimate !== undefined && estimate > limits.maxTableBytes) {
    fatal(tableTooLarge(source.file, limits.maxTableBytes, { estimate }));
  }
}

/** Estimated table heap for a file of `size` bytes whose first `headBytes` bytes read `head`. */
export function estimateTableBytes(
  head: string,
  separator: Separator,
  size: number,
  headBytes: number,
): number | undefined {
  if (size <= headBytes) return undefined;
  const lines = head.split(/\r\n|\n/);
  lines.pop(); // cut at the end of the sample
  if (lines.length < 2) return undefined;
  const sharing = new CellSharing();
  let bytes = 0;
  let chars = lines[0]?.length ?? 0;
  for (const line of lines.slice(1)) {
    chars += line.length + 1;
    const cells = line.split(separator);
    let strings = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? "";
      if (sharing.shared(i, cell) === undefined) strings += stringBytes(cell.length);
    }
    bytes += rowBytes(cells.length, strings);
  }
  // Characters stand in for bytes: exact for ASCII, an overestimate of the rows otherwise.
  return Math.round((bytes / chars) * size);
}

interface CsvSettings {
  encoding: TextEncoding;
  lenient: boolean;
  separator: Separator;
  limits: Limits;
  options: ReadOptions;
}

/** Thrown inside the parser to end a read early: the diagnostics are full (see `CsvCollector`). */
class StopReading extends Error {}

/** Cells up to this length are shared between equal cells of a column (codes, periods, counts). */
const SHARE_MAX_CHARS = 24;
/** Distinct values remembered per column; a column with more is left unshared from then on. */
const SHARE_MAX_DISTINCT = 4096;

/**
 * Equal short cells of a column held once: csv-parse makes a new string for every cell, and
 * an index extract repeats its municipality codes, periods and many counts on every row.
 */
class CellSharing {
  private readonly seen = new Map<number, Map<string, string> | null>();

  /** The held copy of `cell` in column `i`, or `undefined` when `cell` is new (then held). */
  shared(i: number, cell: string): string | undefined {
    if (cell.length > SHARE_MAX_CHARS) return undefined;
    let values = this.seen.get(i);
    if (values === null) return undefined;
    if (values === undefined) {
      values = new Map();
      this.seen.set(i, values);
    }
    const known = values.get(cell);
    if (known !== undefined) return known;
    if (values.size >= SHARE_MAX_DISTINCT) this.seen.set(i, null);
    else values.set(cell, cell);
    return undefined;
  }
}

const LINE_BREAK = /[\r\n]/;

/**
 * Everything gathered while records stream past. Rows hold one exact-length array of
 * strings each (equal short cells shared); nothing else of a record is kept. The estimated
 * heap of the rows is tracked, and reading stops with `E_FILE_TOO_LARGE` once it crosses
 * `limits.maxTableBytes`, or silently (`full`) once the diagnostics are full.
 */
class CsvCollector {
  header: string[] | undefined;
  headerLine = 1;
  /** The line the next record starts on. */
  line = 1;
  private held = new HeldRows<TableRow>(undefined);
  /** With a period selection whose column the header has: the judge and that column. */
  judge: PeriodJudge | undefined;
  private periodColumn = -1;
  private readonly sharing = new CellSharing();

  constructor(
    readonly file: string,
    readonly bag: DiagnosticBag,
    readonly limits: Limits,
    private readonly options: ReadOptions,
  ) {}

  get rows(): TableRow[] {
    return this.held.rows();
  }

  get evidence(): DecimalEvidence {
    return this.held.evidence();
  }

  /**
   * Takes one line of a quote-free file (the direct path). A row the selection leaves out
   * is judged by its period field and counted, not split: only its field count is checked.
   */
  addLine(text: string, separator: string): void {
    const { header, judge } = this;
    if (header !== undefined && judge !== undefined && text.trim() !== "") {
      const period = nthField(text, separator, this.periodColumn);
      if (period !== undefined && fieldCount(text, separator) === header.length) {
        const admission = this.held.admit(period);
        if (admission === undefined) {
          this.line++;
          return;
        }
        const start = this.line++;
        this.hold(text.split(separator), start, admission);
        if (this.full) throw new StopReading();
        return;
      }
    }
    this.add(text.split(separator));
  }

  /** True once the bag holds as many problems as it lists: reading on would find no more. */
  get full(): boolean {
    return this.bag.items.length > this.bag.limit;
  }

  /**
   * Takes one record. Its physical lines are its line end plus the line breaks inside its
   * fields (quoted), the same count as in csv-parse's raw text of the record.
   * @throws StopReading when the diagnostics are full; InputError when the table is too large.
   */
  add(record: string[]): void {
    const start = this.line;
    let lines = 1;
    for (const cell of record) if (LINE_BREAK.test(cell)) lines += countNewlines(cell);
    this.line += lines;
    if (record.length === 1 && record[0]?.trim() === "") return; // blank line
    this.checkFieldSizes(record, start);
    if (!this.header) {
      this.header = record;
      this.headerLine = start;
      const column = this.options.select?.column(record);
      if (this.options.select !== undefined && column !== undefined) {
        this.judge = new PeriodJudge(this.options.select.keep);
        this.periodColumn = column;
        this.held = new HeldRows(this.judge);
      }
      return;
    }
    if (record.length !== this.header.length) {
      this.reportRagged(record.length, start);
    } else {
      this.hold(record, start);
    }
    if (this.full) throw new StopReading();
  }

  private hold(record: string[], line: number, admitted?: Admission): void {
    const period = this.judge === undefined ? null : (record[this.periodColumn] ?? null);
    const admission = admitted ?? this.held.admit(period);
    if (admission === undefined) return;
    const evidence = this.held.evidenceOf(admission);
    for (let i = 0; i < record.length; i++) evidence.observe(record[i] ?? "", line, i);
    const values = new Array<string>(record.length);
    let strings = 0;
    for (let i = 0; i < record.length; i++) {
      const cell = record[i] ?? "";
      const shared = this.sharing.shared(i, cell);
      if (shared === undefined) strings += stringBytes(cell.length);
      values[i] = shared ?? cell;
    }
    this.held.push({ line, values }, rowBytes(record.length, strings), admission);
    if (this.held.bytes > this.limits.maxTableBytes) {
      throw new InputError([
        ...this.bag.items,
        tableTooLarge(this.file, this.limits.maxTableBytes, { line }),
      ]);
    }
  }

  private checkFieldSizes(record: string[], line: number): void {
    for (let i = 0; i < record.length; i++) {
      const size = record[i]?.length ?? 0;
      if (size > this.limits.maxFieldChars) {
        this.bag.add(fieldTooLarge(this.file, line, i + 1, size, this.limits.maxFieldChars));
      }
    }
  }

  private reportRagged(found: number, line: number): void {
    const expected = this.header?.length ?? 0;
    this.bag.add({
      code: ReadCode.RaggedRow,
      message: `expected ${expected} fields as in the header, found ${found}`,
      file: this.file,
      line,
      column: found > expected ? expected + 1 : Math.max(found, 1),
    });
  }
}

function fieldTooLarge(
  file: string,
  line: number,
  column: number,
  size: number | undefined,
  limit: number,
): Diagnostic {
  const found = size === undefined ? "more" : String(size);
  return {
    code: ReadCode.FieldTooLarge,
    message: `expected a field of at most ${formatSize(limit)} characters, found ${found} (an unclosed quote?)`,
    file,
    line,
    column,
  };
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
function directLines(source: Source, settings: CsvSettings): string[] | undefined {
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

async function parseCsvFile(source: Source, settings: CsvSettings): Promise<Table> {
  const { file } = source;
  const bag = new DiagnosticBag();
  const lines = directLines(source, settings);
  const collector = new CsvCollector(
    file,
    bag,
    settings.limits,
    lines === undefined ? settings.options : withLatestKnown(settings.options, lines, settings),
  );
  if (lines !== undefined) {
    try {
      for (const line of lines) collector.addLine(line, settings.separator);
    } catch (error) {
      if (!(error instanceof StopReading)) throw error;
    }
    return finishTable(collector, settings);
  }
  // csv-parse and node's streams load only for files that need them (quoted, or large):
  // the shipped data and most small extracts take the direct path above.
  const [{ CsvError, parse }, { pipeline }] = await Promise.all([
    import("csv-parse"),
    import("node:stream/promises"),
  ]);
  const parser = parse({
    delimiter: settings.separator,
    // Field counts are the collector's to check (E_RAGGED_ROW). csv-parse still compares
    // each record with the first one and builds an Error (with a stack trace) for every
    // mismatch, so `on_record` keeps that first length at the header's (a blank first line
    // would otherwise make every record a mismatch), and the read stops once the
    // diagnostics are full: at most ~200 of those Errors per file.
    relax_column_count: true,
    // Both endings, so a file that mixes them (edited on two systems) still reads.
    record_delimiter: ["\r\n", "\n"],
    max_record_size: settings.limits.maxRecordChars,
    // Records are collected synchronously inside the parser, not downstream, so the line
    // count is exact when csv-parse stops with an error (downstream would lag behind).
    // Records are arrays of strings (typed loosely as unknown); a throw here ends the read.
    on_record: (record: unknown) => {
      collector.add(record as string[]);
      if (collector.header) expectLength(parser, collector.header.length);
      return null;
    },
  });
  try {
    await pipeline(textChunks(source, settings.encoding, settings.lenient), parser, drain);
  } catch (error) {
    if (error instanceof StopReading) return finishTable(collector, settings);
    if (!(error instanceof CsvError)) throw error;
    bag.add(csvErrorDiagnostic(error, file, collector.line, parser, settings.limits));
    bag.throwIfErrors();
  }
  return finishTable(collector, settings);
}

/**
 * For a file read whole, "the latest period" becomes that period, found by a first look at
 * the period column alone: files list periods in ascending order, so while streaming every
 * row would be the latest so far and be built, only to be let go at the next period.
 */
function withLatestKnown(
  options: ReadOptions,
  lines: readonly string[],
  settings: CsvSettings,
): ReadOptions {
  const select = options.select;
  if (select?.keep !== "latest") return options;
  const headerAt = lines.findIndex((line) => line.trim() !== "");
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
function nthField(line: string, separator: string, n: number): string | undefined {
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
function fieldCount(line: string, separator: string): number {
  let count = 1;
  for (let at = line.indexOf(separator); at >= 0; at = line.indexOf(separator, at + 1)) count++;
  return count;
}

/** Sets the field count csv-parse compares records with (its `state.expectedRecordLength`). */
function expectLength(parser: unknown, length: number): void {
  const state = (parser as { state?: { expectedRecordLength?: number } }).state;
  if (state) state.expectedRecordLength = length;
}

/** csv-parse keeps the field being read in `state.field`; its size says field or record. */
function pendingFieldSize(parser: unknown): number | undefined {
  const state = (parser as { state?: { field?: { length?: unknown } } }).state;
  const size = state?.field?.length;
  return typeof size === "number" ? size : undefined;
}

function csvErrorDiagnostic(
  error: CsvError,
  file: string,
  line: number,
  parser: unknown,
  limits: Limits,
): Diagnostic {
  const column = typeof error.column === "number" ? error.column + 1 : undefined;
  const where = { file, line, ...(column !== undefined ? { column } : {}) };
  switch (error.code) {
    case "CSV_MAX_RECORD_SIZE": {
      const pending = pendingFieldSize(parser);
      if (pending === undefined || pending > limits.maxFieldChars) {
        return {
          ...fieldTooLarge(file, line, column ?? 1, undefined, limits.maxFieldChars),
          ...where,
        };
      }
      return {
        code: ReadCode.RecordTooLarge,
        message: `expected a record of at most ${formatSize(limits.maxRecordChars)} characters, found more`,
        ...where,
      };
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return {
        code: ReadCode.CsvUnclosedQuote,
        message: "expected a closing quote for the field opened here, found the end of the file",
        ...where,
      };
    case "CSV_INVALID_CLOSING_QUOTE":
      return {
        code: ReadCode.CsvSyntax,
        message:
          'expected a separator or line end after a closing quote (write a quote inside a quoted field as "")',
        ...where,
      };
    case "INVALID_OPENING_QUOTE":
      return {
        code: ReadCode.CsvSyntax,
        message:
          "expected a quote only at the start of a field; quote the whole field and double the inner quote",
        ...where,
      };
    default:
      return {
        code: ReadCode.CsvSyntax,
        message: error.message.replace(/ at line \d+.*$/, ""),
        ...where,
      };
  }
}

function finishTable(collector: CsvCollector, settings: CsvSettings): Table {
  const { bag, file } = collector;
  const header = collector.header;
  if (!header) {
    fatal({
      code: ReadCode.Empty,
      message: "expected a header and rows, found only blank lines",
      file,
    });
  }
  const rows = collector.rows;
  const { judge } = collector;
  // A selection that left every row out is not an empty file: the caller says which
  // periods there are.
  if (rows.length === 0 && (judge?.skipped ?? 0) === 0 && !bag.hasErrors) {
    bag.add({
      code: ReadCode.NoRows,
      message: `expected rows after the header, found none (header: ${header.join(settings.separator)})`,
      file,
      line: collector.headerLine,
    });
  }
  let decimalMark = settings.options.decimalMark;
  if (!decimalMark) {
    const decided = collector.evidence.decide(settings.separator, file);
    if (typeof decided === "string") decimalMark = decided;
    else bag.add(decided);
  }
  let table: Table = {
    file,
    format: "csv",
    columns: header,
    rows,
    separator: settings.separator,
    encoding: settings.encoding,
    ...(decimalMark ? { decimalMark } : {}),
    ...(judge ? { periods: judge.periods(), skippedRows: judge.skipped } : {}),
  };
  const wantStatBank =
    settings.options.format === "statbank" ||
    (settings.options.format === undefined && isStatBankHeader(header));
  if (wantStatBank) table = selectRows(toStatBankLong(table, bag), settings.options.select);
  bag.throwIfErrors();
  return table;
}
