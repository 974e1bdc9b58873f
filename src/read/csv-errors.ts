/**
 * csv-parse's errors as diagnostics (what was expected, where), and the two pieces of its
 * parser state the CSV reader reads or sets.
 */
import type { CsvError } from "csv-parse";
import type { Diagnostic } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { formatSize, type Limits } from "./limits.js";

export function fieldTooLarge(
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

/** Sets the field count csv-parse compares records with (its `state.expectedRecordLength`). */
export function expectLength(parser: unknown, length: number): void {
  const state = (parser as { state?: { expectedRecordLength?: number } }).state;
  if (state) state.expectedRecordLength = length;
}

/** csv-parse keeps the field being read in `state.field`; its size says field or record. */
function pendingFieldSize(parser: unknown): number | undefined {
  const state = (parser as { state?: { field?: { length?: unknown } } }).state;
  const size = state?.field?.length;
  return typeof size === "number" ? size : undefined;
}

export function csvErrorDiagnostic(
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
