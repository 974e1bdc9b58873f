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

/** A row as read (`TableRow`, src/read/table.ts): its line and one cell per column. */
export interface RowRead {
  line: number;
  values: Array<string | number | boolean | null>;
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
  /**
   * Each row, in the table's order, handed here instead of held: the table comes back
   * with no rows, and the caller keeps what it needs of them (`index --history` keeps
   * counts, not cells). CSV hands each row over as it is read; the other formats once the
   * table is read. Not with `select.keep: "latest"`, which may let rows go after they are
   * read. The size bound (`maxTableBytes`) counts the rows as if they were held.
   */
  onRow?: (row: RowRead) => void;
  /**
   * With `onRow`: the table's columns and its name (`Table.file`, which diagnostics give),
   * given before its first row goes to `onRow` (CSV when its header is read, the other
   * formats once the table is read). A CSV read again from its start as Latin-1
   * (src/read/source.ts) gives them again, and its rows again.
   */
  onColumns?: (columns: readonly string[], file: string) => void;
}
