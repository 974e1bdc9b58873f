/**
 * Excel workbooks (`.xlsx`): one sheet (the first, or `ReadOptions.sheet`) becomes the same
 * `Table` as a CSV export of it. The sheet is read whole by read-excel-file, loaded only
 * here (a dynamic import), so runs on CSV never load it. Rows then pass through the CSV
 * path's collector (csv-collector.ts): title rows above the header, footnotes below and
 * empty rows are skipped alike (`W_SKIPPED_LINES`), and a period selection keeps the same
 * rows. Number cells stay numbers (no decimal-mark question); text cells are the file's
 * text and go through the same decimal-mark decision as CSV cells (decimal.ts).
 *
 * Diagnostics name the sheet with the file, `file.xlsx[Ark1]`, and the cell by its row
 * (the sheet's row number, as Excel shows it) and column (A = 1): `file.xlsx[Ark1]:7:3` is
 * cell C7.
 */
import { readFileSync } from "node:fs";
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { skippedWarning } from "./csv.js";
import { CsvCollector, StopReading } from "./csv-collector.js";
import { DecimalEvidence } from "./decimal.js";
import { formatSize, type Limits } from "./limits.js";
import type { DecimalMark, ReadOptions } from "./options.js";
import { selectRows } from "./select.js";
import { fatal, type Source } from "./source.js";
import { isStatBankHeader, toStatBankLong } from "./statbank.js";
import type { Cell, Table } from "./table.js";

/** Codes of the workbook reader (beside those of ReadCode, which it also uses). */
export const XlsxCode = {
  /** `--sheet NAME` names no sheet of the workbook; the message lists those it has. */
  SheetNotFound: "E_SHEET_NOT_FOUND",
  /** A zip archive that is not a readable xlsx workbook (or a damaged one). */
  NotAWorkbook: "E_XLSX",
  /** A warning: a workbook of several sheets read without `--sheet`; names the others. */
  FirstSheet: "W_FIRST_SHEET",
} as const;

/** A sheet's cells as the library gives them: text, number, boolean, date or empty. */
export type SheetCell = string | number | boolean | Date | null;

/** One sheet, its rows from row 1 (index 0 = row 1) and column A. */
export interface SheetRows {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  /** `file[sheet]`: how diagnostics name the sheet. */
  name: string;
  rows: SheetCell[][];
  /** Every sheet of the workbook, in order. */
  sheets: string[];
}

/** A workbook is read whole: beyond this it should be saved as CSV, which streams. */
function maxWorkbookBytes(limits: Limits): number {
  return limits.maxJsonDocumentBytes;
}

/**
 * The rows of one sheet: `sheet` by name, or the first. Every sheet is parsed (the library
 * names sheets only with their data); workbooks as exports come have one or two.
 */
export async function readSheetRows(
  source: Pick<Source, "file" | "size" | "bytes">,
  sheet: string | undefined,
  limits: Limits,
): Promise<SheetRows> {
  const { file } = source;
  if (source.size > maxWorkbookBytes(limits)) {
    fatal({
      code: ReadCode.FileTooLarge,
      message: `workbook is ${source.size} bytes; a workbook is read whole, up to ${formatSize(maxWorkbookBytes(limits))}: save the sheet as CSV, which is read streaming`,
      file,
    });
  }
  let bytes: Buffer;
  try {
    bytes = source.bytes ?? readFileSync(file);
  } catch (error) {
    fatal({
      code: ReadCode.FileUnreadable,
      message: `cannot read file (${(error as NodeJS.ErrnoException).code})`,
      file,
    });
  }
  const { default: readXlsxFile } = await import("read-excel-file/node");
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    sheets = (await readXlsxFile(bytes)) as unknown as typeof sheets;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fatal({
      code: XlsxCode.NotAWorkbook,
      message: `expected an Excel workbook (.xlsx), found a zip archive that is not one or is damaged (${reason})`,
      file,
    });
  }
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (chosen === undefined) {
    const names = sheets.map((s) => s.sheet);
    fatal({
      code: XlsxCode.SheetNotFound,
      message:
        sheet === undefined
          ? "the workbook has no sheets"
          : `no sheet "${sheet}" in the workbook; its sheets: ${names.map((n) => `"${n}"`).join(", ")}`,
      file,
    });
  }
  return {
    sheet: chosen.sheet,
    name: `${file}[${chosen.sheet}]`,
    rows: chosen.data as SheetCell[][],
    sheets: sheets.map((s) => s.sheet),
  };
}

/** `2024-03-01` for a date at midnight (UTC, as the library gives it), else `2024-03-01T08:30:00`. */
export function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A cell as the text a CSV export would hold: what the collector sees. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return dateText(cell);
  return String(cell);
}

/** A cell as the table holds it: numbers and booleans as they are, dates as ISO text. */
function tableCell(cell: SheetCell | undefined): Cell {
  if (cell === undefined || cell === null) return null;
  if (cell instanceof Date) return dateText(cell);
  if (typeof cell === "string") return cell;
  return cell;
}

export async function readXlsx(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const sheet = await readSheetRows(source, options.sheet, limits);
  const file = sheet.name;
  const bag = new DiagnosticBag();
  const collector = new CsvCollector(file, bag, limits, options);
  try {
    for (let i = 0; i < sheet.rows.length; i++) {
      const row = sheet.rows[i] ?? [];
      collector.line = i + 1;
      // Every row as wide as the sheet, as Excel's CSV export writes it (`;;;;` for an
      // empty row): the collector then skips and reports exactly what it would in that CSV.
      collector.add(row.length === 0 ? [""] : row.map(cellText));
    }
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  collector.finish();
  const header = collector.header;
  if (header === undefined) {
    fatal({
      code: ReadCode.Empty,
      message: "expected a header and rows, found an empty sheet",
      file,
    });
  }
  // The collector held the cells as text; the table holds the sheet's own cells.
  const rows = collector.rows.map((r) => {
    const original = sheet.rows[r.line - 1] ?? [];
    return { line: r.line, values: header.map((_, c) => tableCell(original[c])) };
  });
  const { judge } = collector;
  if (rows.length === 0 && (judge?.skipped ?? 0) === 0 && !bag.hasErrors) {
    bag.add({
      code: ReadCode.NoRows,
      message: `expected rows after the header, found none (header: ${header.join(", ")})`,
      file,
      line: collector.headerLine,
    });
  }
  const decimalMark = options.decimalMark ?? decideMark(rows, header, options, bag, file);
  const warnings = [firstSheetWarning(sheet, options), skippedWarning(file, collector.skipped)];
  let table: Table = {
    file,
    format: "xlsx",
    columns: header,
    rows,
    ...(decimalMark !== undefined ? { decimalMark } : {}),
    ...(judge ? { periods: judge.periods(), skippedRows: judge.skipped } : {}),
    ...(warnings.some((w) => w !== undefined)
      ? { warnings: warnings.filter((w): w is Diagnostic => w !== undefined) }
      : {}),
  };
  const wantStatBank =
    options.format === "statbank" || (options.format === undefined && isStatBankHeader(header));
  if (wantStatBank) table = selectRows(toStatBankLong(table, bag), options.select);
  bag.throwIfErrors();
  return table;
}

/** A workbook of several sheets read without `--sheet`: which one was read, and the others. */
function firstSheetWarning(sheet: SheetRows, options: ReadOptions): Diagnostic | undefined {
  if (options.sheet !== undefined || sheet.sheets.length < 2) return undefined;
  const others = sheet.sheets.slice(1).map((n) => `"${n}"`);
  return {
    code: XlsxCode.FirstSheet,
    message: `read the first of ${sheet.sheets.length} sheets; ${others.join(", ")} not read (--sheet NAME reads another)`,
    file: sheet.name,
    severity: "warning",
  };
}

/**
 * The mark of the text cells, decided as for a CSV file; number cells are no evidence.
 * Nothing to decide on (numbers only): `.`, which changes no value.
 */
function decideMark(
  rows: Table["rows"],
  header: readonly string[],
  options: ReadOptions,
  bag: DiagnosticBag,
  file: string,
): DecimalMark | undefined {
  const evidence = new DecimalEvidence();
  for (const row of rows) {
    for (let i = 0; i < row.values.length; i++)
      evidence.observe(row.values[i] ?? null, row.line, i);
  }
  const counts = new Set(options.countColumns?.(header) ?? []);
  const decided = evidence.decide(undefined, file, counts);
  if (typeof decided === "string") return decided;
  bag.add(decided);
  return undefined;
}
