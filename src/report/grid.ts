/**
 * The box-drawn grid of the terminal table. Its layout is cli-table3's compact style
 * (header rule, no rules between rows, one space of padding, each column left or right
 * aligned), drawn directly: cli-table3 lays out every cell against every other for row and
 * column spans (cli-table3 issue #68), which made the table most of a report's run time
 * and garbage (docs/performance.md). These cells never span, wrap or hold wide
 * characters. test/report/grid.test.ts renders the same cells with cli-table3 and expects
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
  const widths = head.map((h, i) =>
    rows.reduce((widest, row) => Math.max(widest, visibleWidth(row[i] ?? "")), visibleWidth(h)),
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
  const out = [rule("┌", "┬", "┐"), line(head, style.head)];
  if (rows.length > 0) out.push(rule("├", "┼", "┤"));
  for (const row of rows) out.push(line(row, (t) => t));
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
