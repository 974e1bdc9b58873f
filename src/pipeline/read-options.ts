/**
 * The reading options every command that reads tables takes, `--decimal-mark` and
 * `--sheet`: checked once here (a golden file's recorded options are read as well as the
 * flags, which commander has checked already), and recorded in the JSON `options` only when
 * given, so the outputs of runs without them stay as they were.
 */
import { UsageError } from "../diagnostics.js";
import type { DecimalMark } from "../read/index.js";

export interface TableReadOptions {
  /** The decimal mark of the inputs' text cells; absent = decided from each file. */
  decimalMark?: DecimalMark;
  /** The sheet of .xlsx inputs; absent = the first. */
  sheet?: string;
}

/** The two options checked, absent ones left out. */
export function readOptionsOf(options: {
  decimalMark?: unknown;
  sheet?: unknown;
}): TableReadOptions {
  const { decimalMark, sheet } = options;
  if (decimalMark !== undefined && decimalMark !== "," && decimalMark !== ".") {
    throw new UsageError(`--decimal-mark expects , or ., got ${JSON.stringify(decimalMark)}`);
  }
  if (sheet !== undefined && (typeof sheet !== "string" || sheet.trim() === "")) {
    throw new UsageError(`--sheet expects a sheet name, got ${JSON.stringify(sheet)}`);
  }
  return {
    ...(decimalMark !== undefined ? { decimalMark } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
}
