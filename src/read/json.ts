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
import { readFile } from "node:fs/promises";
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { DecimalEvidence } from "./decimal.js";
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
  type ReadOptions,
  rowBytes,
  stringBytes,
  type TextEncoding,
  tableTooLarge,
} from "./limits.js";
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
  const bytes = await readFile(file);
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
  let table: Omit<Table, "file" | "format">;
  if (isApiResponse(value)) {
    table = apiTable([value], lineOf, file, bag);
  } else if (Array.isArray(value) && value.length > 0 && value.every(isApiResponse)) {
    table = apiTable(value as JsonObject[], lineOf, file, bag);
  } else if (Array.isArray(value)) {
    table = recordsTable(arrayRecords(value, lineOf, file, bag), file, bag);
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
): Omit<Table, "file" | "format"> {
  let columns: string[] | undefined;
  const evidence = new DecimalEvidence();
  const rows: TableRow[] = [];
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
      const values = item.map((v, i) => toCell(v, these[i] ?? "", rowLine, i, file, bag));
      for (const [i, cell] of values.entries()) evidence.observe(cell, rowLine, i);
      rows.push({ line: rowLine, values });
    }
  }
  return { columns: columns ?? [], rows, ...decimalMarkOf(evidence, file, bag) };
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

/** Flat objects → table; columns in order of first appearance, absent keys are null. */
function recordsTable(
  records: JsonRecord[],
  file: string,
  bag: DiagnosticBag,
): Omit<Table, "file" | "format"> {
  const index = new Map<string, number>();
  for (const record of records) {
    for (const [key] of record.entries) if (!index.has(key)) index.set(key, index.size);
  }
  const columns = [...index.keys()];
  const evidence = new DecimalEvidence();
  const rows = records.map((record): TableRow => {
    const values: Cell[] = new Array(columns.length).fill(null);
    for (const [key, value] of record.entries) {
      const i = index.get(key) ?? 0;
      const cell = toCell(value, key, record.line, i, file, bag);
      values[i] = cell;
      evidence.observe(cell, record.line, i);
    }
    return { line: record.line, values };
  });
  return { columns, rows, ...decimalMarkOf(evidence, file, bag) };
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
  if (table.rows.length === 0 && !bag.hasErrors) {
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
    parseJsonLinesFile(source.file, encoding, lenient, limits),
  );
}

async function parseJsonLinesFile(
  file: string,
  encoding: TextEncoding,
  lenient: boolean,
  limits: Limits,
): Promise<Table> {
  const bag = new DiagnosticBag();
  const records: JsonRecord[] = [];
  const jsonLimits = parseLimits(limits);
  // Estimated heap of the records held: as a CSV row of twice the cells (each entry is a
  // [key, value] pair) with the whole line as strings; an overestimate of the final table.
  let held = 0;
  const handleLine = (text: string, line: number) => {
    if (text.trim() === "") return;
    try {
      const { value } = parseJson(text, jsonLimits, line);
      if (isObject(value)) {
        records.push({ line, entries: [...value.entries()] });
        held += rowBytes(2 * value.size, stringBytes(text.length));
        if (held > limits.maxTableBytes) {
          fatal(tableTooLarge(file, limits.maxTableBytes, { line }));
        }
      } else {
        bag.add({
          code: ReadCode.JsonShape,
          message: `expected one object per line, found ${describe(value)}`,
          file,
          line,
        });
      }
    } catch (error) {
      if (!(error instanceof JsonParseError)) throw error;
      bag.add(parseErrorDiagnostic(error, file));
    }
  };
  await forEachLine(
    textChunks(file, encoding, lenient),
    limits.maxRecordChars,
    handleLine,
    (line) =>
      bag.add({
        code: ReadCode.RecordTooLarge,
        message: `expected a line of at most ${formatSize(limits.maxRecordChars)} characters, found more`,
        file,
        line,
      }),
  );
  const format: TableFormat = "jsonl";
  return finish({ file, format, encoding, ...recordsTable(records, file, bag) }, bag);
}

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
