/**
 * The readers' one entry point. Every input the project accepts (CSV in any Danish or
 * English convention, StatBank bulk exports, JSON, jobindsats API responses, JSON lines)
 * becomes a `Table`; every problem becomes a `Diagnostic`, thrown together as one
 * `InputError`. Codes: src/read/README.md. Limits: src/read/limits.ts.
 */
import { limitsFrom } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { readSource } from "./read-source.js";
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
  const limits = limitsFrom(options);
  return readSource(await openSource(path, limits), options, limits);
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
  RowRead,
  Separator,
  TextEncoding,
} from "./options.js";
export type { Cell, Table, TableFormat, TableRow } from "./table.js";
export { validateRows } from "./validate.js";
