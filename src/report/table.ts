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

/** Width of the table with these columns: their widest cells, padding and borders. */
function tableWidth(widths: readonly number[], kept: readonly number[]): number {
  return kept.reduce((total, i) => total + (widths[i] ?? 0) + 3, 1);
}

/** The columns kept: optional ones dropped from the right until the table fits `width`. */
function fitColumns(columns: ReportColumn[], texts: string[][], width: number): number[] {
  const widths = columns.map((c, i) =>
    texts.reduce((widest, row) => Math.max(widest, (row[i] ?? "").length), c.header.length),
  );
  let kept = columns.map((_, i) => i);
  while (tableWidth(widths, kept) > width) {
    const dropAt = kept.map((i) => columns[i]?.optional === true).lastIndexOf(true);
    if (dropAt < 0) break;
    kept = kept.filter((_, k) => k !== dropAt);
  }
  return kept;
}

function renderGrid(
  all: ReportColumn[],
  rows: ReportRow[],
  ctx: TableContext,
  paint: InstanceType<typeof Chalk>,
): string {
  const columns = displayColumns(all);
  // Each cell's text once: for the widths, and then for the grid.
  const texts = rows.map((row) => columns.map((c) => displayRowCell(c, row)));
  const kept = fitColumns(columns, texts, ctx.width);
  const shown = kept.map((i) => columns[i] as ReportColumn);
  return drawGrid(
    shown.map((c) => c.header),
    rows.map((row, r) =>
      kept.map((i) => colour(columns[i] as ReportColumn, row, texts[r]?.[i] ?? "", paint)),
    ),
    shown.map((c) => (c.kind === "text" ? "left" : "right")),
    { head: (text) => paint.bold(text), border: (text) => paint.gray(text) },
  );
}

function colour(
  column: ReportColumn,
  row: ReportRow,
  text: string,
  paint: InstanceType<typeof Chalk>,
): string {
  const value = row[column.key];
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
