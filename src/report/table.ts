/**
 * The terminal table: a box-drawn grid (./grid.ts, cli-table3's layout), chalk for colour.
 * A table wider than the terminal (100 columns when piped) keeps every column: headers
 * wrap at their spaces first, then the columns continue in a further block under the
 * first, each block repeating the columns that name the row (rank, code, name), and a
 * long text cell wraps. Colour marks better (green, ▲) or worse (red, ▼) than expected in
 * columns that declare `better`, by the value's sign; no colour under NO_COLOR or when piped.
 */
import { Chalk } from "chalk";
import { translate } from "../i18n/index.js";
import { displayColumns, displayRowCell } from "./format.js";
import { renderGrid as drawGrid, visibleWidth } from "./grid.js";
import { documentRows } from "./rows.js";
import type { ReportColumn, ReportDocument, ReportRow } from "./types.js";

export interface TableContext {
  color: boolean;
  width: number;
}

type Paint = InstanceType<typeof Chalk>;

/** Width of a grid with columns this wide: their cells, padding and borders. */
function gridWidth(widths: readonly number[]): number {
  return widths.reduce((total, w) => total + w + 3, 1);
}

/** A header broken at its spaces into lines no wider than its longest word. */
function wrapHeader(header: string): string {
  const words = header.split(" ");
  const limit = Math.max(...words.map((w) => w.length));
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= limit) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines.join("\n");
}

/** Text broken at spaces (or hard, for a long word) into lines of at most `limit`. */
function wrapText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    let rest = word;
    while (rest.length > limit) {
      if (current !== "") lines.push(current);
      current = "";
      lines.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    if (current === "") current = rest;
    else if (current.length + 1 + rest.length <= limit) current = `${current} ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  if (current !== "") lines.push(current);
  return lines.join("\n");
}

const widest = (text: string) => Math.max(...text.split("\n").map(visibleWidth));

/** The columns that name a row, repeated in every block: up to the name (or the first). */
function identityCount(columns: readonly ReportColumn[]): number {
  const name = columns.findIndex((c) => c.key === "name");
  return name >= 0 && name < 4 ? name + 1 : 1;
}

/** Column indexes of each block: every column exactly once, the identity ones in each. */
function blocks(widths: readonly number[], identity: number, width: number): number[][] {
  const fixed = widths.slice(0, identity).map((_, i) => i);
  const out: number[][] = [];
  let current = [...fixed];
  for (let i = identity; i < widths.length; i++) {
    const next = [...current, i];
    if (current.length > fixed.length && gridWidth(next.map((k) => widths[k] ?? 0)) > width) {
      out.push(current);
      current = [...fixed, i];
    } else current = next;
  }
  out.push(current);
  return out;
}

function renderGrid(
  all: ReportColumn[],
  rows: Iterable<ReportRow>,
  ctx: TableContext,
  doc: ReportDocument,
  paint: Paint,
): string {
  const lang = doc.lang ?? "en";
  const columns = displayColumns(all);
  // One pass over the rows: each cell's text and whether it is better or worse (its
  // colour), so the rows need not be held while the blocks are drawn.
  const texts: string[][] = [];
  const directions: number[][] = [];
  for (const row of rows) {
    texts.push(columns.map((c) => `${displayRowCell(c, row, lang)}${arrow(c, row, paint)}`));
    directions.push(columns.map((c) => direction(c, row)));
  }
  let headers = columns.map((c) => c.header);
  const widthsOf = () =>
    columns.map((_, i) =>
      texts.reduce((w, row) => Math.max(w, widest(row[i] ?? "")), widest(headers[i] ?? "")),
    );
  let widths = widthsOf();
  if (gridWidth(widths) > ctx.width) {
    headers = headers.map(wrapHeader);
    widths = widthsOf();
  }
  const identity = Math.min(identityCount(columns), columns.length);
  const parts =
    gridWidth(widths) > ctx.width
      ? blocks(widths, identity, ctx.width)
      : [columns.map((_, i) => i)];
  const drawn = parts.map((kept) => {
    // What is left for the block's text columns after the others: long text wraps into it.
    const others = gridWidth(kept.map((i) => widths[i] ?? 0));
    const cells = texts.map((row, r) =>
      kept.map((i) => {
        const column = columns[i] as ReportColumn;
        let text = row[i] ?? "";
        if (others > ctx.width && column.kind === "text") {
          const room = Math.max(12, (widths[i] ?? 0) - (others - ctx.width));
          text = wrapText(text, room);
        }
        return text.includes("\n") ? text : colour(directions[r]?.[i] ?? 0, text, paint);
      }),
    );
    return drawGrid(
      kept.map((i) => headers[i] ?? ""),
      cells,
      kept.map((i) => ((columns[i] as ReportColumn).kind === "text" ? "left" : "right")),
      { head: (text) => paint.bold(text), border: (text) => paint.gray(text) },
    );
  });
  return drawn.join("\n");
}

/** Is the cell better (1) or worse (−1) than expected, or neither (0)? */
function direction(column: ReportColumn, row: ReportRow): number {
  const value = row[column.key];
  if (column.better === undefined || typeof value !== "number" || value === 0) return 0;
  return (column.better === "lower" ? value < 0 : value > 0) ? 1 : -1;
}

/** ▲ better, ▼ worse than expected: on a terminal in colour only, as the colour's twin. */
function arrow(column: ReportColumn, row: ReportRow, paint: Paint): string {
  if (paint.level === 0) return "";
  const d = direction(column, row);
  return d === 0 ? "" : d > 0 ? "▲" : "▼";
}

/** Green for better than expected (`direction` 1), red for worse (−1). */
function colour(d: number, text: string, paint: Paint): string {
  return d === 0 ? text : d > 0 ? paint.green(text) : paint.red(text);
}

export function renderTable(doc: ReportDocument, ctx: TableContext): string {
  const paint = new Chalk({ level: ctx.color ? 1 : 0 });
  const lang = doc.lang ?? "en";
  const out: string[] = [paint.bold(doc.title), doc.subtitle];
  if (doc.synthetic) out.push(paint.yellow(translate(lang, "report.synthetic_banner")));
  out.push(renderGrid(doc.columns, documentRows(doc), ctx, doc, paint));
  for (const section of doc.sections) {
    out.push(
      "",
      paint.bold(section.title),
      renderGrid(section.columns, section.rows, ctx, doc, paint),
    );
  }
  if (doc.notes.length > 0) out.push("", ...doc.notes.map((n) => paint.dim(`· ${n}`)));
  return `${out.join("\n")}\n`;
}
