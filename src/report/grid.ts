/**
 * The box-drawn grid of the terminal table. Its layout is cli-table3's compact style
 * (header rule, no rules between rows, one space of padding, each column left or right
 * aligned), drawn directly: cli-table3 lays out every cell against every other for row and
 * column spans (cli-table3 issue #68), which made the table most of a report's run time
 * and garbage (docs/performance.md). These cells never span or hold wide characters; a
 * cell with line breaks (a wrapped header) takes several lines. test/report/grid.test.ts renders the same cells with cli-table3 and expects
 * the same text.
 */

export type Align = "left" | "right";

export interface GridStyle {
  /** Applied to each header cell's text (bold, in colour). */
  head: (text: string) => string;
  /** Applied to each run of border characters (grey, in colour). */
  border: (text: string) => string;
}

const PLAIN: GridStyle = { head: (t) => t, border: (t) => t };

// Colour codes (SGR), which take no width on a terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts them
const SGR = /\u001b\[[0-9;]*m/g;

/** Terminal columns a cell takes: code points, colour codes not counted. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const _ of text.includes("\u001b") ? text.replace(SGR, "") : text) width++;
  return width;
}

export function renderGrid(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  style: GridStyle = PLAIN,
): string {
  // A cell may hold several lines (a wrapped header or text): the row is as tall as its tallest.
  const split = (cells: readonly string[]) => head.map((_, i) => (cells[i] ?? "").split("\n"));
  const headLines = split(head);
  const rowLines = rows.map(split);
  const widths = head.map((_, i) =>
    [headLines, ...rowLines].reduce(
      (widest, cells) => Math.max(widest, ...(cells[i] ?? [""]).map(visibleWidth)),
      0,
    ),
  );
  const rule = (left: string, middle: string, right: string) =>
    style.border(`${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}`);
  const line = (cells: readonly string[], paint: (text: string) => string) => {
    const bar = style.border("│");
    const padded = widths.map((w, i) => {
      const cell = cells[i] ?? "";
      const fill = " ".repeat(w - visibleWidth(cell));
      const text = paint(cell);
      return ` ${align[i] === "right" ? fill + text : text + fill} `;
    });
    return `${bar}${padded.join(bar)}${bar}`;
  };
  const lines = (cells: readonly string[][], paint: (text: string) => string) => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      line(
        cells.map((c) => c[k] ?? ""),
        paint,
      ),
    );
  };
  const out = [rule("┌", "┬", "┐"), ...lines(headLines, style.head)];
  if (rows.length > 0) out.push(rule("├", "┼", "┤"));
  for (const row of rowLines) out.push(...lines(row, (t) => t));
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
