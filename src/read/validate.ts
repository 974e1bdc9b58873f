/**
 * Cell-level checks of a read table against what each column should hold. The checks that
 * need the registry (unknown municipality, duplicate municipality × period) belong to the
 * validation layer above; this file knows only cells.
 */
import type { DiagnosticBag } from "../diagnostics.js";
import { parsePeriod } from "../period.js";
import { ReadCode } from "./codes.js";
import type { ColumnSpec, ResolvedColumns } from "./columns.js";
import { isMissingCell } from "./decimal.js";
import { parseNumber } from "./number.js";
import type { Cell, Table } from "./table.js";

/**
 * Reports, for every row and every typed column found in `columns`:
 * - `count` / `number`: a cell that is not a number in the file's decimal mark
 *   (E_NOT_A_NUMBER); a negative count (E_NEGATIVE_COUNT). Empty cells, null, `..` and `-`
 *   are missing values, not errors: what to do about missing data is the method's choice.
 * - `period`: a cell that is not a period (E_BAD_PERIOD), including an empty one.
 * - `text`: an empty cell in a required column (E_MISSING_VALUE).
 */
export function validateRows(
  table: Pick<Table, "file" | "rows" | "decimalMark">,
  specs: ColumnSpec[],
  columns: ResolvedColumns,
  bag: DiagnosticBag,
): void {
  const decimalMark = table.decimalMark ?? ".";
  const checks = specs.flatMap((spec) => {
    const index = columns[spec.name];
    return index === undefined || spec.type === undefined ? [] : [{ spec, index }];
  });
  for (const row of table.rows) {
    for (const { spec, index } of checks) {
      const cell = row.values[index] ?? null;
      const problem = checkCell(cell, spec, decimalMark);
      if (problem) {
        bag.add({ ...problem, file: table.file, line: row.line, column: index + 1 });
      }
    }
  }
}

function show(cell: Cell): string {
  return typeof cell === "string" ? `"${cell}"` : String(cell);
}

function checkCell(
  cell: Cell,
  spec: ColumnSpec,
  decimalMark: "," | ".",
): { code: string; message: string } | undefined {
  switch (spec.type) {
    case "count":
    case "number": {
      if (isMissingCell(cell)) return undefined;
      const value = parseNumber(cell, decimalMark);
      if (value === undefined) {
        return {
          code: ReadCode.NotANumber,
          message: `expected a number (decimal mark "${decimalMark}") in ${spec.name}, found ${show(cell)}`,
        };
      }
      if (spec.type === "count" && value < 0) {
        return {
          code: ReadCode.NegativeCount,
          message: `expected a count of zero or more in ${spec.name}, found ${show(cell)}`,
        };
      }
      return undefined;
    }
    case "period":
      if (typeof cell === "string" && parsePeriod(cell)) return undefined;
      if (typeof cell === "number" && parsePeriod(String(cell))) return undefined;
      return {
        code: ReadCode.BadPeriod,
        message: `expected a period such as 2019K4, 2019Q4, 2021QMAT04, 2024M06 or 2022 in ${spec.name}, found ${show(cell)}`,
      };
    case "text":
      if (spec.required && (cell === null || String(cell).trim() === "")) {
        return {
          code: ReadCode.MissingValue,
          message: `expected a value in ${spec.name}, found an empty cell`,
        };
      }
      return undefined;
    default:
      return undefined;
  }
}
