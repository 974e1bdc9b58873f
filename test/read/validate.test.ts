import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import { type ColumnSpec, resolveColumns, type Table, validateRows } from "../../src/read/index.js";

const specs: ColumnSpec[] = [
  { name: "municipality", aliases: ["kommune"], type: "text", required: true },
  { name: "period", aliases: ["periode"], type: "period", required: true },
  { name: "activation_fte", aliases: ["aktiverede_fuldtid"], type: "count" },
  { name: "change", type: "number" },
];

function check(table: Table) {
  const bag = new DiagnosticBag();
  validateRows(table, specs, resolveColumns(table, specs, bag), bag);
  return bag.items.map((d) => [d.code, d.line, d.column]);
}

const csv = (rows: string[][], decimalMark: "," | "." = ","): Table => ({
  file: "in.csv",
  format: "csv",
  decimalMark,
  columns: ["kommune", "periode", "aktiverede_fuldtid", "change"],
  rows: rows.map((values, i) => ({ line: i + 2, values })),
});

describe("validateRows", () => {
  it("accepts good rows and treats empty, `..` and `-` as missing, not wrong", () => {
    expect(
      check(
        csv([
          ["101", "2019K4", "1.200,5", "-3,5"],
          ["147", "2019Q4", "", ".."],
          ["751", "2019-Q4", "-", "0"],
        ]),
      ),
    ).toEqual([]);
  });

  it("reports every problem with line and column", () => {
    const table = csv([
      ["101", "2019K4", "mange", "1,5"],
      ["", "2019K5", "-12", "abc"],
      ["147", "", "1.5", "2"],
    ]);
    expect(check(table)).toEqual([
      ["E_NOT_A_NUMBER", 2, 3],
      ["E_MISSING_VALUE", 3, 1],
      ["E_BAD_PERIOD", 3, 2],
      ["E_NEGATIVE_COUNT", 3, 3],
      ["E_NOT_A_NUMBER", 3, 4],
      ["E_BAD_PERIOD", 4, 2],
      ["E_NOT_A_NUMBER", 4, 3],
    ]);
  });

  it("JSON numbers and years as numbers are fine; negative JSON counts are not", () => {
    const table: Table = {
      file: "in.json",
      format: "json",
      columns: ["kommune", "periode", "aktiverede_fuldtid"],
      rows: [
        { line: 2, values: ["101", 2022, 10.5] },
        { line: 3, values: ["147", "2024M06", -1] },
      ],
    };
    expect(check(table)).toEqual([["E_NEGATIVE_COUNT", 3, 3]]);
  });
});
