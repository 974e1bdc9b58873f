/**
 * Statistics Denmark (StatBank) bulk exports: `;`-separated, one column per dimension
 * (codes like `OMRÅDE`, `BOPKOM`, `KØN`, `TID`) and the figure in `INDHOLD`.
 *
 * Mapping to the long table every other part reads:
 *
 * | StatBank column                                  | Table column           |
 * |--------------------------------------------------|------------------------|
 * | the area dimension (`OMRÅDE`, `BOPKOM`, ...)     | `area` (first)         |
 * | every other dimension (`YDELSESTYPE`, `KØN`, ...)| kept as written, in file order |
 * | `TID` (or `TIME`)                                | `period` (text as written, e.g. `2007Q1`) |
 * | `INDHOLD` (or `CONTENT`)                         | `value` (text; `..` = not available → null) |
 */
import type { DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { normalizeColumnName } from "./names.js";
import type { Cell, Table } from "./table.js";

/** Area dimensions of the StatBank tables the project uses, normalised. */
const AREA_DIMENSIONS = [
  "omraade",
  "bopkom",
  "arbkom",
  "bopomr",
  "komk",
  "kommune",
  "kom",
  "region",
  "area",
].map(normalizeColumnName);
const PERIOD_DIMENSIONS = ["tid", "time"];
const VALUE_COLUMNS = ["indhold", "content"];
const NOT_AVAILABLE = new Set(["..", "...", ""]);

export function isStatBankHeader(columns: string[]): boolean {
  const names = columns.map(normalizeColumnName);
  const last = names[names.length - 1];
  return (
    last !== undefined &&
    VALUE_COLUMNS.includes(last) &&
    names.some((n) => PERIOD_DIMENSIONS.includes(n))
  );
}

/** Reorders a StatBank CSV table into `area, <other dims...>, period, value`. */
export function toStatBankLong(table: Table, bag: DiagnosticBag): Table {
  const names = table.columns.map(normalizeColumnName);
  const area = names.findIndex((n) => AREA_DIMENSIONS.includes(n));
  const period = names.findIndex((n) => PERIOD_DIMENSIONS.includes(n));
  const value = names.length - 1;
  if (area < 0 || period < 0 || !isStatBankHeader(table.columns)) {
    bag.add({
      code: ReadCode.StatBankShape,
      message: `expected StatBank columns (an area dimension such as OMRÅDE or BOPKOM, TID, and INDHOLD last), found ${table.columns.join(", ")}`,
      file: table.file,
      line: 1,
    });
    return { ...table, format: "statbank" };
  }
  const others = table.columns
    .map((_, i) => i)
    .filter((i) => i !== area && i !== period && i !== value);
  const order = [area, ...others, period, value];
  const columns = ["area", ...others.map((i) => table.columns[i] ?? ""), "period", "value"];
  const rows = table.rows.map((row) => ({
    line: row.line,
    values: order.map((i, k): Cell => {
      const cell = row.values[i] ?? null;
      if (k === order.length - 1 && typeof cell === "string" && NOT_AVAILABLE.has(cell.trim())) {
        return null;
      }
      return cell;
    }),
  }));
  return { ...table, format: "statbank", columns, rows };
}
