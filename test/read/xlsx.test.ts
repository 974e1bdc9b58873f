/**
 * Excel workbooks (src/read/xlsx.ts): the same Table as the CSV of the same cells, the
 * sheet and cell named in diagnostics, number cells as numbers, text cells under the CSV
 * decimal-mark rules, a missing sheet, and the format told by the zip magic.
 */

import { describe, expect, it } from "vitest";
import writeXlsxFile, { type SheetData } from "write-excel-file/node";
import { readTable } from "../../src/read/index.js";
import { readTableFromBytes } from "../../src/read/stdin.js";
import { readFailure, tempFolder } from "./helpers.js";

const temp = tempFolder();

async function workbook(
  name: string,
  sheets: Array<{ sheet: string; data: SheetData }>,
): Promise<string> {
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return temp.write(name, buffer);
}

const HEADER = ["municipality", "period", "unemployed", "share"];

describe("xlsx: a sheet becomes a Table", () => {
  it("the first sheet: number cells stay numbers, rows keep their sheet row numbers", async () => {
    const path = await workbook("plain.xlsx", [
      {
        sheet: "Ark1",
        data: [HEADER, ["Billund", "2024K1", 512, 3.25], ["101", "2024K1", 12782, 4.5]],
      },
      { sheet: "Andet", data: [["x"], [1]] },
    ]);
    const table = await readTable(path);
    expect(table.format).toBe("xlsx");
    expect(table.file).toBe(`${path}[Ark1]`);
    expect(table.columns).toEqual(HEADER);
    expect(table.rows).toEqual([
      { line: 2, values: ["Billund", "2024K1", 512, 3.25] },
      { line: 3, values: ["101", "2024K1", 12782, 4.5] },
    ]);
    // Numbers only: nothing to decide, and `.` changes no value.
    expect(table.decimalMark).toBe(".");
    // Two sheets, none named: a warning says which was read and which was not.
    expect(table.warnings).toEqual([
      {
        code: "W_FIRST_SHEET",
        message: 'read the first of 2 sheets; "Andet" not read (--sheet NAME reads another)',
        file: `${path}[Ark1]`,
        severity: "warning",
      },
    ]);
  });

  it("--sheet NAME reads that sheet; its name is in the table's file", async () => {
    const path = await workbook("two.xlsx", [
      { sheet: "Forside", data: [["Titel"]] },
      { sheet: "Data", data: [HEADER, ["Vejle", "2024K1", 100, 1]] },
    ]);
    const table = await readTable(path, { sheet: "Data" });
    expect(table.file).toBe(`${path}[Data]`);
    expect(table.warnings).toBeUndefined();
    expect(table.rows).toEqual([{ line: 2, values: ["Vejle", "2024K1", 100, 1] }]);
  });

  it("a sheet that is not there: E_SHEET_NOT_FOUND naming the sheets there are", async () => {
    const path = await workbook("sheets.xlsx", [
      { sheet: "Ark1", data: [HEADER] },
      { sheet: "Ark2", data: [HEADER] },
    ]);
    const [d, ...rest] = await readFailure(path, { sheet: "Data" });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "E_SHEET_NOT_FOUND", file: path });
    expect(d?.message).toBe('no sheet "Data" in the workbook; its sheets: "Ark1", "Ark2"');
  });

  it("title rows above the header and footnotes below are skipped, with one warning", async () => {
    const warnings: string[] = [];
    const path = await workbook("titled.xlsx", [
      {
        sheet: "Ark1",
        data: [
          ["Ledighed pr. kommune, 2024K1"],
          [],
          HEADER,
          ["Billund", "2024K1", 512, 3.25],
          [],
          ["Vejle", "2024K1", 100, 1],
          [],
          ["Kilde: jobindsats.dk"],
        ],
      },
    ]);
    const table = await readTable(path, { onWarning: (w) => warnings.push(w.message) });
    expect(table.columns).toEqual(HEADER);
    expect(table.rows.map((r) => r.line)).toEqual([4, 6]);
    expect(table.warnings?.[0]).toMatchObject({
      code: "W_SKIPPED_LINES",
      file: `${path}[Ark1]`,
      line: 1,
    });
    expect(warnings).toEqual([
      // The empty row 2 above the header counts as a title, as its `;;;` line would in CSV.
      "skipped 5 line(s) that are not data: 2 title line(s) above the header (lines 1–2), 1 footnote line(s) below the data (line 8), 2 empty row(s) (lines 5, 7)",
    ]);
  });

  it("text cells holding numbers follow the CSV rules: decimal commas decided from them", async () => {
    const path = await workbook("danish-text.xlsx", [
      {
        sheet: "Ark1",
        data: [HEADER, ["Billund", "2024K1", 512, "3,25"], ["Vejle", "2024K1", 7, 2]],
      },
    ]);
    const table = await readTable(path);
    expect(table.decimalMark).toBe(",");
    expect(table.rows[0]?.values).toEqual(["Billund", "2024K1", 512, "3,25"]);
  });

  it("text cells with both marks: E_DECIMAL_MARK_MIXED at the later cell, by sheet row and column", async () => {
    const path = await workbook("mixed.xlsx", [
      {
        sheet: "Ark1",
        data: [HEADER, ["Billund", "2024K1", 512, "3,25"], ["Vejle", "2024K1", 7, "2.5"]],
      },
    ]);
    const [d] = await readFailure(path);
    expect(d).toMatchObject({
      code: "E_DECIMAL_MARK_MIXED",
      file: `${path}[Ark1]`,
      line: 3,
      column: 4,
    });
  });

  it("only `1.234`-like text: ambiguous as in CSV, unless the mark is given", async () => {
    const data: SheetData = [HEADER, ["Billund", "2024K1", "1.702", 1]];
    const path = await workbook("ambiguous.xlsx", [{ sheet: "Ark1", data }]);
    const [d] = await readFailure(path);
    expect(d).toMatchObject({ code: "E_DECIMAL_MARK_AMBIGUOUS", line: 2, column: 3 });
    const table = await readTable(path, { decimalMark: "," });
    expect(table.decimalMark).toBe(",");
    // In a count column the reader decides as for CSV: thousands.
    const counted = await readTable(path, { countColumns: () => [2] });
    expect(counted.decimalMark).toBe(",");
  });

  it("date cells become ISO dates, booleans stay booleans, empty cells null", async () => {
    const path = await workbook("dates.xlsx", [
      {
        sheet: "Ark1",
        data: [
          ["citizen", "date", "flag", "note"],
          ["c1", { value: new Date(Date.UTC(2022, 0, 31)), format: "dd-mm-yyyy" }, true, null],
        ],
      },
    ]);
    const table = await readTable(path);
    expect(table.rows[0]?.values).toEqual(["c1", "2022-01-31", true, null]);
  });

  it("a period selection keeps the rows of the latest period; number cells are periods too", async () => {
    const path = await workbook("periods.xlsx", [
      {
        sheet: "Ark1",
        data: [HEADER, ["Billund", 2023, 1, 1], ["Billund", 2024, 2, 2], ["Vejle", 2024, 3, 3]],
      },
    ]);
    const table = await readTable(path, {
      select: { column: (columns) => columns.indexOf("period"), keep: "latest" },
    });
    expect(table.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(table.rows[0]?.values).toEqual(["Billund", 2024, 2, 2]);
    expect(table.periods).toEqual(["2023", "2024"]);
    expect(table.skippedRows).toBe(1);
  });

  it("the zip magic decides, not the name: a workbook named .csv, and from standard input", async () => {
    const path = await workbook("named.csv", [
      { sheet: "Ark1", data: [HEADER, ["Billund", "2024K1", 1, 1]] },
    ]);
    expect((await readTable(path)).format).toBe("xlsx");
    const { readFileSync } = await import("node:fs");
    const fromStdin = await readTableFromBytes(readFileSync(path));
    expect(fromStdin.file).toBe("<stdin>[Ark1]");
    expect(fromStdin.rows[0]?.values).toEqual(["Billund", "2024K1", 1, 1]);
  });

  it("a zip archive that is not a workbook: E_XLSX, one line", async () => {
    const path = temp.write("not-a-workbook.xlsx", Buffer.from("PK\u0003\u0004 not really a zip"));
    const diagnostics = await readFailure(path);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "E_XLSX", file: path });
  });

  it("an Excel 97–2003 workbook (.xls): E_BINARY with a hint to save as .xlsx", async () => {
    const ole2 = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
    const [d] = await readFailure(temp.write("old.xls", ole2));
    expect(d?.code).toBe("E_BINARY");
    expect(d?.message).toMatch(/Excel 97–2003 workbook \(\.xls\): save it as \.xlsx or CSV/);
  });

  it("an empty sheet: E_EMPTY", async () => {
    const path = await workbook("empty.xlsx", [{ sheet: "Ark1", data: [[null]] }]);
    const [d] = await readFailure(path);
    expect(d?.code).toBe("E_EMPTY");
  });

  it("a header without rows: E_NO_ROWS at the header's row", async () => {
    const path = await workbook("header-only.xlsx", [{ sheet: "Ark1", data: [["Titel"], HEADER] }]);
    const [d] = await readFailure(path);
    expect(d).toMatchObject({ code: "E_NO_ROWS", line: 2 });
  });
});
