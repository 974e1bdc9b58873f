/**
 * The one shape every reader produces: a rectangular table with the physical line
 * of each row, so later validation can point at file:line:column.
 */
import type { Diagnostic } from "../diagnostics.js";

export type Cell = string | number | boolean | null;

export interface TableRow {
  /** 1-based physical line in the source file (JSON: the line where the record starts). */
  line: number;
  /** One cell per column, in `Table.columns` order. */
  values: Cell[];
}

export type TableFormat = "csv" | "json" | "jsonl" | "statbank" | "xlsx";

export interface Table {
  /** The path as the user gave it (used in diagnostics); a workbook's with its sheet, `file.xlsx[Ark1]`. */
  file: string;
  format: TableFormat;
  /** Headers as written in the file. */
  columns: string[];
  rows: TableRow[];
  /** CSV only: what the sniffer found. */
  separator?: string;
  decimalMark?: "," | ".";
  encoding?: "utf-8" | "latin1";
  /**
   * Read with a period selection (`ReadOptions.select`) that found its column: every period
   * the file's rows name, kept or not (canonical, chronological), and how many rows were
   * left out.
   */
  periods?: string[];
  skippedRows?: number;
  /** Warnings of the read (W_ codes, e.g. lines skipped as not data). */
  warnings?: Diagnostic[];
}
