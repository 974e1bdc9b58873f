/**
 * The terminal grid (src/report/grid.ts) draws what cli-table3 draws for the same cells in
 * the compact style the table used it with: cli-table3 is the reference here, on random
 * cells (property test) and on the rows of real reports.
 */
import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Align, renderGrid, visibleWidth } from "../../src/report/grid.js";

function withCliTable3(head: string[], rows: string[][], align: Align[]): string {
  const table = new Table({
    head,
    colAligns: align,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

/** Cell text as reports write it: names with Danish letters, numbers, signs, symbols. */
const cell = fc.string({
  unit: fc.constantFrom(..."abcæøåÆØÅ 0123456789.,-+−–·%≠▲▼()/"),
  maxLength: 14,
});

describe("renderGrid", () => {
  it("draws what cli-table3 draws (compact style, no colour)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((columns) =>
          fc.tuple(
            fc.array(cell, { minLength: columns, maxLength: columns }),
            fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
              maxLength: 8,
            }),
            fc.array(fc.constantFrom<Align>("left", "right"), {
              minLength: columns,
              maxLength: columns,
            }),
          ),
        ),
        ([head, rows, align]) => {
          expect(renderGrid(head, rows, align)).toBe(withCliTable3(head, rows, align));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("draws a report's rows as cli-table3 does", () => {
    const head = ["Rank", "Jobcentre", "Score", "Δ rank"];
    const rows = [
      ["1", "Fredensborg", "1.382", "▲ 2"],
      ["2 =", "Høje-Taastrup", "−0.004", "–"],
      ["95", "Lyngby-Taarbæk", "-1.210", "▼ 11"],
    ];
    const align: Align[] = ["right", "left", "right", "right"];
    expect(renderGrid(head, rows, align)).toBe(withCliTable3(head, rows, align));
  });

  it("measures width without colour codes", () => {
    expect(visibleWidth("\u001b[32m12.5\u001b[39m")).toBe(4);
    expect(visibleWidth("Ærø")).toBe(3);
  });
});
