/**
 * The readers' one entry point. Every input the project accepts (CSV in any Danish or
 * English convention, StatBank bulk exports, JSON, jobindsats API responses, JSON lines)
 * becomes a `Table`; every problem becomes a `Diagnostic`, thrown together as one
 * `InputError`. Codes: src/read/README.md. Limits: src/read/limits.ts.
 */
import { reportWarning } from "../diagnostics.js";
import { readCsv } from "./csv.js";
import { readJsonDocument } from "./json-document.js";
import { readJsonLines } from "./json-lines.js";
import { limitsFrom } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { sniffFormat } from "./sniff.js";
import { openSource } from "./source.js";
import type { Table } from "./table.js";

/**
 * Reads a data file into a Table. The format comes from the content (the extension only
 * separates JSON from JSON lines); `options` can force format, separator, decimal mark and
 * encoding, and change the size limits.
 *
 * @throws InputError with every diagnostic found (missing file, binary, ragged rows, ...).
 */
export async function readTable(path: string, options: ReadOptions = {}): Promise<Table> {
  const table = await readAny(path, options);
  const report = options.onWarning ?? reportWarning;
  for (const warning of table.warnings ?? []) report(warning);
  return table;
}

async function readAny(path: string, options: ReadOptions): Promise<Table> {
  const limits = limitsFrom(options);
  const source = await openSource(path, limits);
  const format =
    options.format ?? sniffFormat(new TextDecoder("utf-8").decode(source.head), source.extension);
  switch (format) {
    case "json":
      return readJsonDocument(source, options, limits);
    case "jsonl":
      return readJsonLines(source, options, limits);
    default:
      return readCsv(source, options, limits);
  }
}

export { ReadCode } from "./codes.js";
export {
  type ColumnAlias,
  type ColumnSpec,
  type ColumnType,
  closestName,
  loadColumnAliases,
  type ResolvedColumns,
  type ResolveOptions,
  resolveColumns,
} from "./columns.js";
export { isMissingCell } from "./decimal.js";
export {
  MAX_FIELD_CHARS,
  MAX_FILE_BYTES,
  MAX_JSON_DEPTH,
  MAX_JSON_DOCUMENT_BYTES,
  MAX_RECORD_CHARS,
} from "./limits.js";
export { normalizeColumnName } from "./names.js";
export { parseJobindsatsNumber, parseNumber } from "./number.js";
export type {
  DecimalMark,
  PeriodSelection,
  PeriodsKept,
  ReadOptions,
  Separator,
  TextEncoding,
} from "./options.js";
export type { Cell, Table, TableFormat, TableRow } from "./table.js";
export { validateRows } from "./validate.js";
