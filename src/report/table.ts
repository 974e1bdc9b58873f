/**
 * The terminal table: a box-drawn grid (./grid.ts, cli-table3's layout), chalk for colour. Optional columns are
 * dropped from the right until the table fits the width (100 columns when piped).
 * Colour marks better (green) or worse (red) than expected in columns that declare
 * `better`, by the value's sign; no colour under NO_COLOR or when piped.
 */
import { Chalk } from "chalk";
import { displayColumns, displayRowCell } from "./format.js";
import { renderGrid as drawGrid } from "./grid.js";
import type { ReportColumn, ReportDocument, ReportRow } from "./types.js";

export interface TableContext {
  color: boolean;
  width: number;
}

function tableWidth(columns: ReportColumn[], cells: string[][]): number {
  let total = 1;
  columns.forEach((c, i) => {
    const widest = Math.max(c.header.length, ...cells.map((row) => (row[i] ?? "").length));
    total += widest + 3;
  });
  return total;
}

function fitColumns(columns: ReportColumn[], rows: ReportRow[], width: number): ReportColumn[] {
  let kept = [...columns];
  const cellsOf = (cols: ReportColumn[]) =>
    rows.map((row) => cols.map((c) => displayRowCell(c, row)));
  while (tableWidth(kept, cellsOf(kept)) > width) {
    const dropAt = kept.map((c) => c.optional === true).lastIndexOf(true);
    if (dropAt < 0) break;
    kept = kept.filter((_, i) => i !== dropAt);
  }
  return kept;
}

function renderGrid(
  columns: ReportColumn[],
  rows: ReportRow[],
  ctx: TableContext,
  paint: InstanceType<typeof Chalk>,
): string {
  const kept = fitColumns(displayColumns(columns), rows, ctx.width);
  return drawGrid(
    kept.map((c) => c.header),
    rows.map((row) => kept.map((c) => colour(c, row, paint))),
    kept.map((c) => (c.kind === "text" ? "left" : "right")),
    { head: (text) => paint.bold(text), border: (text) => paint.gray(text) },
  );
}

function colour(column: ReportColumn, row: ReportRow, paint: InstanceType<typeof Chalk>): string {
  const value = row[column.key];
  const text = displayRowCell(column, row);
  if (column.better === undefined || typeof value !== "number" || value === 0) return text;
  const good = column.better === "lower" ? value < 0 : value > 0;
  return good ? paint.green(text) : paint.red(text);
}

export function renderTable(doc: ReportDocument, ctx: TableContext): string {
  const paint = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [paint.bold(doc.title), doc.subtitle];
  if (doc.synthetic) out.push(paint.yellow("SYNTHETIC DEMO DATA: generated figures, not real."));
  out.push(renderGrid(doc.columns, doc.rows, ctx, paint));
  for (const section of doc.sections) {
    out.push("", paint.bold(section.title), renderGrid(section.columns, section.rows, ctx, paint));
  }
  if (doc.notes.length > 0) out.push("", ...doc.notes.map((n) => paint.dim(`· ${n}`)));
  return `${out.join("\n")}\n`;
}
