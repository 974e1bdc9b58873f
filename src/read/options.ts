/**
 * What a caller can ask of the readers (`ReadOptions`) and the small types it is made of.
 * Types only, importing nothing: every reader module can use them without an import cycle.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Period } from "../period.js";

export type DecimalMark = "," | ".";
export type Separator = ";" | "," | "\t";
export type TextEncoding = "utf-8" | "latin1";

/** Which periods a reader holds the rows of (src/read/select.ts). */
export type PeriodsKept = "latest" | { exactly: Period } | { upTo: Period };

export interface PeriodSelection {
  /** The 0-based index of the period column in a header, or undefined: keep every row. */
  column: (columns: readonly string[]) => number | undefined;
  keep: PeriodsKept;
}

export interface ReadOptions {
  /** Skip format detection. */
  format?: "csv" | "json" | "jsonl" | "statbank" | "xlsx";
  /** Skip separator sniffing (CSV). */
  separator?: Separator;
  /** Skip decimal-mark detection; use when a file is ambiguous (e.g. only `1.234`). */
  decimalMark?: DecimalMark;
  /**
   * The 0-based indexes of the header's columns that hold whole counts, if the caller
   * knows them: cells like `1.702` there are thousands (src/read/decimal.ts).
   */
  countColumns?: (columns: readonly string[]) => readonly number[];
  /** Excel workbooks: the sheet to read by name (default the first); other formats ignore it. */
  sheet?: string;
  /**
   * Where warnings go (lines skipped as not data, W_ codes); default: `reportWarning` (the CLI: standard
   * error, one line each). They are also on `Table.warnings`.
   */
  onWarning?: (warning: Diagnostic) => void;
  /** Skip encoding detection. */
  encoding?: TextEncoding;
  maxFieldChars?: number;
  maxRecordChars?: number;
  maxFileBytes?: number;
  maxJsonDocumentBytes?: number;
  /** Heap the table may take; default from the environment or the heap limit. */
  maxTableBytes?: number;
  /**
   * Hold only the rows of these periods (src/read/select.ts): memory then follows the rows
   * kept, not the file, and `maxTableBytes` bounds those rows.
   */
  select?: PeriodSelection;
}
