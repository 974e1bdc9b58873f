/**
 * JSON inputs: an array of flat objects, a jobindsats API v2 response, or JSON lines.
 *
 * jobindsats API v2 responses (`{ "Variables": [...], "Data": [[...], ...] }`, or an array of
 * such objects, which are concatenated) map to a table like this: one column per entry of
 * `Variables`, named by its `Label` (or `label`, `Name`, `name`; a plain string is its own
 * label), and one row per array in `Data`, cells in `Variables` order. The labels are the
 * keys the API's JSON-lines form uses (`Area`, `Periode`, `Ydelsesgrupper`,
 * `Forventet og faktisk antal ...: Forventet antal`, ...), so both forms give the same
 * columns. Row lines are where each record (object, or `Data` row) starts.
 */
import { readFileSync } from "node:fs";
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import type { Period } from "../period.js";
import { ReadCode } from "./codes.js";
import type { DecimalEvidence } from "./decimal.js";
import {
  type JsonObject,
  JsonParseError,
  type JsonParseLimits,
  type JsonValue,
  parseJson,
} from "./json-parse.js";
import {
  formatSize,
  type Limits,
  MAX_JSON_DEPTH,
  rowBytes,
  stringBytes,
  tableTooLarge,
} from "./limits.js";
import type { PeriodSelection, PeriodsKept, ReadOptions, TextEncoding } from "./options.js";
import { HeldRows, PeriodJudge } from "./select.js";
import {
  decodeLatin1,
  fatal,
  readWithEncodingFallback,
  type Source,
  sniffEncoding,
  textChunks,
} from "./source.js";
import type { Cell, Table, TableFormat, TableRow } from "./table.js";

/** A record on its way into a table: named values and the line it starts on. */
/** The line a parsed object or array starts on; primitives have none, so `fallback`. */
type LineOf = (value: JsonValue | undefined, fallback?: number) => number;

interface JsonRecord {
  line: number;
  entries: Array<[string, JsonValue]>;
}

function parseLimits(limits: Limits): JsonParseLimits {
  return { maxStringChars: limits.maxFieldChars, maxDepth: MAX_JSON_DEPTH };
}

function parseErrorDiagnostic(error: JsonParseError, file: string): Diagnostic {
  return {
    code: error.kind === "field" ? ReadCode.FieldTooLarge : ReadCode.Json,
    message: error.kind === "field" ? error.message : `invalid JSON: ${error.message}`,
    file,
    line: error.line,
    column: error.column,
  };
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value instanceof Map;
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isObject(value)) return "an object";
  return `a ${typeof value}`;
}

function isApiResponse(value: JsonValue): value is JsonObject {
  return isObject(value) && value.has("Variables") && value.has("Data");
}

// --- JSON documents --------------------------------------------------------------------

export async function readJsonDocument(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const { file } = source;
  if (source.size > limits.maxJsonDocumentBytes) {
    fatal({
      code: ReadCode.FileTooLarge,
      message: `expected a JSON document of at most ${formatSize(limits.maxJsonDocumentBytes)}, found ${source.size} bytes; write large extracts as JSON lines`,
      file,
    });
  }
  const bytes = source.bytes ?? readFileSync(file);
  const encoding = options.encoding ?? sniffEncoding(bytes, true);
  const text = encoding === "utf-8" ? new TextDecoder("utf-8").decode(bytes) : decodeLatin1(bytes);
  let parsed: ReturnType<typeof parseJson>;
  try {
    parsed = parseJson(text, parseLimits(limits));
  } catch (error) {
    if (error instanceof JsonParseError) fatal(parseErrorDiagnostic(error, file));
    throw error;
  }
  const bag = new DiagnosticBag();
  const { value, lines } = parsed;
  const lineOf: LineOf = (v, fallback = 1) =>
    (typeof v === "object" && v !== null ? lines.get(v) : undefined) ?? fallback;
  let records: JsonRecord[];
  if (isApiResponse(value)) {
    records = apiTable([value], lineOf, file, bag);
  } else if (Array.isArray(value) && value.length > 0 && value.every(isApiResponse)) {
    records = apiTable(value as JsonObject[], lineOf, file, bag);
  } else if (Array.isArray(value)) {
    records = arrayRecords(value, lineOf, file, bag);
  } else {
    const found = isObject(value)
      ? `an object with keys ${[...value.keys()].slice(0, 8).join(", ")}`
      : describe(value);
    fatal({
      code: ReadCode.JsonShape,
      message: `expected an array of objects or a jobindsats API response (Variables, Data), found ${found}`,
      file,
      line: lineOf(value),
    });
  }
  const table = recordsTable(records, file, bag, options.select);
  return finish({ file, format: "json", encoding, ...table }, bag);
}

function arrayRecords(
  items: JsonValue[],
  lineOf: LineOf,
  file: string,
  bag: DiagnosticBag,
): JsonRecord[] {
  const records: JsonRecord[] = [];
  items.forEach((item, index) => {
    if (!isObject(item)) {
      bag.add({
        code: ReadCode.JsonShape,
        message: `expected an object as element ${index + 1} of the array, found ${describe(item)}`,
        file,
        line: lineOf(item, lineOf(items)),
      });
      return;
    }
    records.push({ line: lineOf(item), entries: [...item.entries()] });
  });
  return records;
}

function variableName(variable: JsonValue | undefined): string | undefined {
  if (typeof variable === "string") return variable;
  if (!isObject(variable)) return undefined;
  for (const key of ["Label", "label", "Name", "name"]) {
    const name = variable.get(key);
    if (typeof name === "string" && name !== "") return name;
  }
  return undefined;
}

/** jobindsats API v2 responses: columns from `Variables` labels, rows from `Data`. */
function apiTable(
  responses: JsonObject[],
  lineOf: LineOf,
  file: string,
  bag: DiagnosticBag,
): JsonRecord[] {
  let columns: string[] | undefined;
  const records: JsonRecord[] = [];
  for (const response of responses) {
    const variables = response.get("Variables");
    const data = response.get("Data");
    const line = lineOf(response);
    if (!Array.isArray(variables) || !Array.isArray(data)) {
      fatal({
        code: ReadCode.JsonShape,
        message: "expected Variables and Data to be arrays",
        file,
        line,
      });
    }
    const names = variables.map(variableName);
    const bad = names.indexOf(undefined);
    if (bad >= 0) {
      fatal({
        code: ReadCode.JsonShape,
        message: `expected variable ${bad + 1} to have a Label or Name, found ${describe(variables[bad])}`,
        file,
        line: lineOf(variables),
      });
    }
    const these = names as string[];
    if (columns && columns.join("\u0000") !== these.join("\u0000")) {
      fatal({
        code: ReadCode.JsonShape,
        message: `expected every response to have the same Variables (${columns.join(", ")}), found ${these.join(", ")}`,
        file,
        line: lineOf(variables),
      });
    }
    columns = these;
    for (const item of data) {
      const rowLine = lineOf(item, lineOf(data));
      if (!Array.isArray(item)) {
        bag.add({
          code: ReadCode.JsonShape,
          message: `expected each Data row to be an array, found ${describe(item)}`,
          file,
          line: rowLine,
        });
        continue;
      }
      if (item.length !== these.length) {
        bag.add({
          code: ReadCode.RaggedRow,
          message: `expected ${these.length} values as in Variables, found ${item.length}`,
          file,
          line: rowLine,
        });
        continue;
      }
      records.push({ line: rowLine, entries: these.map((name, i) => [name, item[i] ?? null]) });
    }
  }
  return records;
}

function toCell(
  value: JsonValue,
  key: string,
  line: number,
  index: number,
  file: string,
  bag: DiagnosticBag,
): Cell {
  if (Array.isArray(value) || isObject(value)) {
    bag.add({
      code: ReadCode.JsonNested,
      message: `expected a number, string, true, false or null for "${key}", found ${describe(value)}`,
      file,
      line,
      column: index + 1,
    });
    return null;
  }
  return value;
}

/**
 * Records → table; columns in order of first appearance, absent keys are null; with a
 * selection, only the rows of the selected periods (as the JSON-lines reader keeps them).
 */
function recordsTable(
  records: JsonRecord[],
  file: string,
  bag: DiagnosticBag,
  select: PeriodSelection | undefined,
): Omit<Table, "file" | "format"> {
  const judge = select === undefined ? undefined : new PeriodJudge(select.keep);
  const isPeriodKey = select === undefined ? undefined : periodKeys(select.column);
  const rows = new RecordRows(file, bag, new HeldRows<PendingRow>(judge), isPeriodKey);
  for (const record of records) rows.add(record);
  return { ...rows.table(), ...rows.selected(judge) };
}

/**
 * A held record before it is a row: the object JSON.parse made (kept as is), or its cells
 * and their columns. Rows are built at the end, for the records still held then: a file
 * in period order has every record "the latest so far" while it streams.
 */
interface PendingRow {
  line: number;
  object?: FlatObject;
  cells?: Cell[];
  columns?: number[];
}

class RecordRows {
  private readonly index = new Map<string, number>();
  /** True once a record had the period key (so the selection applied). */
  sawPeriod = false;

  constructor(
    private readonly file: string,
    private readonly bag: DiagnosticBag,
    readonly held: HeldRows<PendingRow>,
    private readonly isPeriodKey?: (key: string) => boolean,
  ) {}

  // Scratch of the record being added: its cells and their columns (reused, not allocated).
  private readonly cells: Cell[] = [];
  private readonly columnsOf: number[] = [];
  private period: Cell = null;

  /** Adds a record parsed by the located parser; returns its row's estimated heap, or 0. */
  add(record: JsonRecord): number {
    let n = 0;
    for (const [key, value] of record.entries) {
      const i = this.column(key);
      this.note(n++, i, toCell(value, key, record.line, i, this.file, this.bag), key);
    }
    const cells = this.cells.slice(0, n);
    return this.hold({ line: record.line, cells, columns: this.columnsOf.slice(0, n) }, cells);
  }

  /** Adds a flat object (see `flatObject`); returns its row's estimated heap, or 0. */
  addFlat(line: number, object: FlatObject): number {
    let n = 0;
    for (const key in object) {
      this.note(n++, this.column(key), object[key] ?? null, key);
    }
    return this.hold({ line, object }, this.cells, n);
  }

  private column(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(key, i);
    }
    return i;
  }

  /** The n-th cell of the record. */
  private note(n: number, column: number, cell: Cell, key: string): void {
    this.cells[n] = cell;
    this.columnsOf[n] = column;
    if (this.isPeriodKey?.(key) === true) {
      this.period = cell;
      this.sawPeriod = true;
    }
  }

  /** Holds the record if the selection wants it; its estimated heap as a row, or 0. */
  private hold(row: PendingRow, cells: readonly Cell[], n = cells.length): number {
    const period = this.period;
    this.period = null;
    const admission = this.held.admit(period);
    if (admission === undefined) return 0;
    // The cells of rows held are the evidence of the decimal mark.
    const evidence = this.held.evidenceOf(admission);
    let strings = 0;
    for (let k = 0; k < n; k++) {
      const cell = cells[k] ?? null;
      evidence.observe(cell, row.line, this.columnsOf[k] ?? 0);
      if (typeof cell === "string") strings += stringBytes(cell.length);
    }
    const bytes = rowBytes(this.index.size, strings);
    this.held.push(row, bytes, admission);
    return bytes;
  }

  /** What a selection saw: every period, and the rows left out (when the key was there). */
  selected(judge: PeriodJudge | undefined): Pick<Table, "periods" | "skippedRows"> {
    return judge !== undefined && this.sawPeriod
      ? { periods: judge.periods(), skippedRows: judge.skipped }
      : {};
  }

  table(): Omit<Table, "file" | "format"> {
    const columns = [...this.index.keys()];
    const rows = this.held.rows().map((pending): TableRow => {
      const values: Cell[] = new Array(columns.length).fill(null);
      if (pending.object !== undefined) {
        for (const key in pending.object)
          values[this.index.get(key) ?? 0] = pending.object[key] ?? null;
      } else {
        pending.cells?.forEach((cell, k) => {
          values[pending.columns?.[k] ?? 0] = cell;
        });
      }
      return { line: pending.line, values };
    });
    return { columns, rows, ...decimalMarkOf(this.held.evidence(), this.file, this.bag) };
  }
}

/** JSON numbers are numbers; the mark matters for numbers written as strings (`"9,08"`). */
function decimalMarkOf(
  evidence: DecimalEvidence,
  file: string,
  bag: DiagnosticBag,
): { decimalMark?: "," | "." } {
  const decided = evidence.decide(undefined, file);
  if (typeof decided === "string") return { decimalMark: decided };
  bag.add(decided);
  return {};
}

function finish(table: Table, bag: DiagnosticBag): Table {
  // A selection that left every row out is not an empty file: the caller names the periods.
  if (table.rows.length === 0 && (table.skippedRows ?? 0) === 0 && !bag.hasErrors) {
    bag.add({
      code: ReadCode.NoRows,
      message: "expected at least one record, found none",
      file: table.file,
      line: 1,
    });
  }
  bag.throwIfErrors();
  return table;
}

// --- JSON lines ------------------------------------------------------------------------

export async function readJsonLines(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const sniffed = sniffEncoding(source.head, source.size <= source.head.length);
  return readWithEncodingFallback(sniffed, options.encoding, (encoding, lenient) =>
    parseJsonLinesFile(source, encoding, lenient, limits, options.select),
  );
}

/** One line of a JSON-lines file, parsed: a row's record, or what is wrong with it. */
type ParsedLine =
  | { line: number; flat: FlatObject }
  | { line: number; record: JsonRecord }
  | { line: number; problem: Diagnostic };

function parseLine(
  text: string,
  line: number,
  limits: JsonParseLimits,
  file: string,
): ParsedLine | undefined {
  if (text.trim() === "") return undefined;
  const flat = flatObject(text, limits.maxStringChars);
  if (flat !== undefined) return { line, flat };
  try {
    const { value } = parseJson(text, limits, line);
    if (isObject(value)) return { line, record: { line, entries: [...value.entries()] } };
    const message = `expected one object per line, found ${describe(value)}`;
    return { line, problem: { code: ReadCode.JsonShape, message, file, line } };
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    return { line, problem: parseErrorDiagnostic(error, file) };
  }
}

async function parseJsonLinesFile(
  source: Source,
  encoding: TextEncoding,
  lenient: boolean,
  limits: Limits,
  select: PeriodSelection | undefined,
): Promise<Table> {
  const { file } = source;
  const bag = new DiagnosticBag();
  const jsonLimits = parseLimits(limits);
  const isPeriodKey = select === undefined ? undefined : periodKeys(select.column);
  const parsed: ParsedLine[] = [];
  // A file read whole is parsed first, so "the latest period" can be found before any row is
  // built: files list periods in ascending order, and streaming would build every row as
  // the latest so far. A large file streams, line by line.
  const whole = source.bytes !== undefined && select?.keep === "latest";
  let rows: RecordRows | undefined;
  let judge: PeriodJudge | undefined;
  const start = (keep: PeriodsKept | undefined) => {
    judge = keep === undefined ? undefined : new PeriodJudge(keep);
    rows = new RecordRows(file, bag, new HeldRows<PendingRow>(judge), isPeriodKey);
    return rows;
  };
  const take = (into: RecordRows, p: ParsedLine) => {
    if ("problem" in p) {
      bag.add(p.problem);
      return;
    }
    if ("flat" in p) into.addFlat(p.line, p.flat);
    else into.add(p.record);
    if (into.held.bytes > limits.maxTableBytes) {
      fatal(tableTooLarge(file, limits.maxTableBytes, { line: p.line }));
    }
  };
  if (!whole) start(select?.keep);
  await forEachLine(
    textChunks(source, encoding, lenient),
    limits.maxRecordChars,
    (text, line) => {
      const p = parseLine(text, line, jsonLimits, file);
      if (p === undefined) return;
      if (whole) parsed.push(p);
      else if (rows !== undefined) take(rows, p);
    },
    (line) => {
      const problem: Diagnostic = {
        code: ReadCode.RecordTooLarge,
        message: `expected a line of at most ${formatSize(limits.maxRecordChars)} characters, found more`,
        file,
        line,
      };
      if (whole) parsed.push({ line, problem });
      else bag.add(problem);
    },
  );
  if (whole) {
    const latest = latestPeriodOf(parsed, isPeriodKey);
    const into = start(latest === undefined ? "latest" : { exactly: latest });
    for (const p of parsed) take(into, p);
  }
  const format: TableFormat = "jsonl";
  const done = rows as RecordRows;
  return finish({ file, format, encoding, ...done.table(), ...done.selected(judge) }, bag);
}

/** Whether a key names the period column, asked once per key. */
function periodKeys(column: PeriodSelection["column"]): (key: string) => boolean {
  const known = new Map<string, boolean>();
  return (key) => {
    let is = known.get(key);
    if (is === undefined) {
      is = column([key]) === 0;
      known.set(key, is);
    }
    return is;
  };
}

/** The latest period the parsed lines name. */
function latestPeriodOf(
  parsed: readonly ParsedLine[],
  isPeriodKey: ((key: string) => boolean) | undefined,
): Period | undefined {
  if (isPeriodKey === undefined) return undefined;
  const judge = new PeriodJudge("latest");
  for (const p of parsed) {
    if ("flat" in p) {
      for (const key in p.flat) if (isPeriodKey(key)) judge.judge(p.flat[key] ?? null);
    } else if ("record" in p) {
      for (const [key, value] of p.record.entries) {
        if (isPeriodKey(key) && (typeof value !== "object" || value === null)) judge.judge(value);
      }
    }
  }
  return judge.latestPeriod();
}

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

/**
 * Splits decoded chunks into lines without ever holding more than `maxLine` characters of
 * one line: an over-long line is reported once and skipped up to its end.
 */
export async function forEachLine(
  chunks: AsyncIterable<string>,
  maxLine: number,
  onLine: (text: string, line: number) => void,
  onTooLong: (line: number) => void,
): Promise<void> {
  let pending = "";
  let line = 1;
  let skipping = false;
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf("\n", from);
      if (newline < 0) break;
      if (skipping) {
        // the rest of an over-long line, already reported
      } else if (pending.length + newline - from > maxLine) onTooLong(line);
      else onLine(pending + chunk.slice(from, newline), line);
      pending = "";
      skipping = false;
      line++;
      from = newline + 1;
    }
    if (skipping) continue;
    pending += chunk.slice(from);
    if (pending.length > maxLine) {
      onTooLong(line);
      pending = "";
      skipping = true;
    }
  }
  if (!skipping && pending !== "") onLine(pending, line);
}
