import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import {
  loadColumnAliases,
  readTable,
  resolveColumns,
  validateRows,
} from "../../src/read/index.js";
import { bad, readFailure, tempFolder } from "./helpers.js";

const temp = tempFolder();

/** Code, line (and column when given) of each diagnostic, for exact comparison. */
function where(diagnostics: { code: string; line?: number; column?: number }[]) {
  return diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
}

async function validate(name: string) {
  const table = await readTable(bad(name));
  const specs = loadColumnAliases().map((s) => ({
    ...s,
    required: ["municipality", "period"].includes(s.name),
  }));
  const bag = new DiagnosticBag();
  const columns = resolveColumns(table, specs, bag);
  validateRows(table, specs, columns, bag);
  return bag.items;
}

describe("bad inputs give one exact diagnostic each", () => {
  it("empty file → E_EMPTY", async () => {
    const [d, ...rest] = await readFailure(bad("empty.csv"));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "E_EMPTY", file: bad("empty.csv") });
  });

  it("whitespace-only file → E_EMPTY", async () => {
    const path = temp.write("blank.csv", "\uFEFF \r\n\n  \n");
    expect(where(await readFailure(path))).toEqual([
      { code: "E_EMPTY", line: undefined, column: undefined },
    ]);
  });

  it("header only → E_NO_ROWS at the header line", async () => {
    expect(where(await readFailure(bad("header-only.csv")))).toEqual([
      { code: "E_NO_ROWS", line: 1, column: undefined },
    ]);
  });

  it("ragged rows → E_RAGGED_ROW for every one, with expected and found counts", async () => {
    const diagnostics = await readFailure(bad("ragged.csv"));
    expect(where(diagnostics)).toEqual([
      { code: "E_RAGGED_ROW", line: 3, column: 12 },
      { code: "E_RAGGED_ROW", line: 5, column: 14 },
    ]);
    expect(diagnostics[0]?.message).toBe("expected 13 fields as in the header, found 12");
    expect(diagnostics[1]?.message).toBe("expected 13 fields as in the header, found 14");
  });

  it("more than 200 ragged rows: the bag stops listing", async () => {
    const lines = ["a;b", ...Array.from({ length: 300 }, (_, i) => `${i};${i};x`)];
    const diagnostics = await readFailure(temp.write("many-ragged.csv", lines.join("\n")));
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics[199]).toMatchObject({ code: "E_RAGGED_ROW", line: 201 });
    expect(diagnostics[200]?.code).toBe("E_TOO_MANY");
  });

  it("a zip archive (binary.csv starts `PK`) is read as a workbook: not one → E_XLSX", async () => {
    const [d] = await readFailure(bad("binary.csv"));
    expect(d?.code).toBe("E_XLSX");
    expect(d?.message).toMatch(/expected an Excel workbook \(\.xlsx\), found a zip archive/);
  });

  it("binary content that is no zip archive → E_BINARY", async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    const [d] = await readFailure(temp.write("binary.bin", bytes));
    expect(d?.code).toBe("E_BINARY");
    expect(d?.message).toMatch(/found binary content/);
  });

  it("UTF-16 → E_BINARY with a hint", async () => {
    const path = temp.write("utf16.csv", Buffer.from("\uFEFFa;b\n1;2\n", "utf16le"));
    const [d] = await readFailure(path);
    expect(d?.code).toBe("E_BINARY");
    expect(d?.message).toMatch(/UTF-16/);
  });

  it("missing file → E_FILE_NOT_FOUND, clean (no stack in the message)", async () => {
    const diagnostics = await readFailure(bad("does-not-exist.csv"));
    expect(diagnostics).toEqual([
      { code: "E_FILE_NOT_FOUND", message: "file not found", file: bad("does-not-exist.csv") },
    ]);
  });

  it("a directory → E_NOT_A_FILE", async () => {
    const dir = temp.path("a-folder.csv");
    mkdirSync(dir);
    expect(where(await readFailure(dir))).toEqual([
      { code: "E_NOT_A_FILE", line: undefined, column: undefined },
    ]);
  });

  it("file over the size limit → E_FILE_TOO_LARGE", async () => {
    const [d] = await readFailure(bad("header-only.csv"), { maxFileBytes: 100 });
    expect(d?.code).toBe("E_FILE_TOO_LARGE");
  });

  it("a 20 MB CSV field → E_FIELD_TOO_LARGE with its line, in bounded time", async () => {
    const path = temp.path("huge-field.csv");
    writeFileSync(
      path,
      `kommune;periode;note\n101;2019K4;ok\n147;2019K4;"${"x".repeat(20_000_000)}"\n`,
    );
    const started = performance.now();
    const diagnostics = await readFailure(path);
    expect(where(diagnostics)).toEqual([{ code: "E_FIELD_TOO_LARGE", line: 3, column: 3 }]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("a field over the field limit but within the record limit → E_FIELD_TOO_LARGE", async () => {
    const path = temp.write("big-field.csv", `a;b\n1;${"y".repeat(2000)}\n`);
    const diagnostics = await readFailure(path, { maxFieldChars: 1000 });
    expect(where(diagnostics)).toEqual([{ code: "E_FIELD_TOO_LARGE", line: 2, column: 2 }]);
  });

  it("a record over the record limit made of small fields → E_RECORD_TOO_LARGE", async () => {
    const fields = Array.from({ length: 50 }, () => "z".repeat(50)).join(";");
    const header = Array.from({ length: 50 }, (_, i) => `c${i}`).join(";");
    const path = temp.write("wide.csv", `${header}\n${fields}\n`);
    const diagnostics = await readFailure(path, { maxRecordChars: 1000 });
    expect(where(diagnostics).map((d) => [d.code, d.line])).toEqual([["E_RECORD_TOO_LARGE", 2]]);
  });

  it("a 20 MB JSON string → E_FIELD_TOO_LARGE with its line", async () => {
    const path = temp.path("huge-field.json");
    writeFileSync(path, `[\n{"kommune": "101"},\n{"kommune": "${"x".repeat(20_000_000)}"}\n]\n`);
    const diagnostics = await readFailure(path);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["E_FIELD_TOO_LARGE", 3]]);
  });

  it("a 20 MB JSON line → E_RECORD_TOO_LARGE with its line; other lines still read", async () => {
    const path = temp.path("huge-line.jsonl");
    writeFileSync(path, `{"a": 1}\n{"a": "${"x".repeat(20_000_000)}"}\n{"a": 3}\n`);
    const diagnostics = await readFailure(path);
    expect(where(diagnostics)).toEqual([
      { code: "E_RECORD_TOO_LARGE", line: 2, column: undefined },
    ]);
  });

  it("an unclosed quote → E_CSV_UNCLOSED_QUOTE where the record starts", async () => {
    expect(where(await readFailure(bad("unclosed-quote.csv")))).toEqual([
      { code: "E_CSV_UNCLOSED_QUOTE", line: 3, column: 1 },
    ]);
  });

  it("a stray quote → E_CSV_SYNTAX", async () => {
    const path = temp.write("stray.csv", 'a;b\n1;2\n3;"4"x\n');
    expect(where(await readFailure(path))).toEqual([{ code: "E_CSV_SYNTAX", line: 3, column: 2 }]);
  });

  it("invalid JSON → E_JSON with line and column", async () => {
    const [d, ...rest] = await readFailure(bad("invalid.json"));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "E_JSON", line: 3, column: 21 });
    expect(d?.message).toBe(`invalid JSON: expected ',' or '}' in the object, found "\\""`);
  });

  it("invalid JSON lines → E_JSON per bad line", async () => {
    expect(where(await readFailure(bad("invalid.jsonl")))).toEqual([
      { code: "E_JSON", line: 2, column: 35 },
    ]);
  });

  it("JSON of the wrong shape → E_JSON_SHAPE", async () => {
    const path = temp.write("shape.json", '{\n  "hello": 1\n}\n');
    expect(where(await readFailure(path))).toEqual([
      { code: "E_JSON_SHAPE", line: 1, column: undefined },
    ]);
  });

  it("nested JSON values → E_JSON_NESTED with the record's line and the column", async () => {
    const path = temp.write("nested.json", '[\n{"a": 1, "b": 2},\n{"a": 1, "b": {"c": 2}}\n]');
    expect(where(await readFailure(path))).toEqual([{ code: "E_JSON_NESTED", line: 3, column: 2 }]);
  });

  it("an empty JSON array → E_NO_ROWS", async () => {
    const path = temp.write("empty-array.json", "[]");
    expect(where(await readFailure(path))[0]?.code).toBe("E_NO_ROWS");
  });

  it("decimal point and decimal comma in one file → E_DECIMAL_MARK_MIXED, naming both", async () => {
    const [d, ...rest] = await readFailure(bad("mixed-decimal.csv"));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "E_DECIMAL_MARK_MIXED", line: 3, column: 4 });
    expect(d?.message).toContain('"310,25" (line 3, column 4)');
    expect(d?.message).toContain('"1200.5" (line 2, column 3)');
  });

  it("only ambiguous numbers → E_DECIMAL_MARK_AMBIGUOUS, unless the mark is given", async () => {
    expect(where(await readFailure(bad("ambiguous-decimal.csv")))).toEqual([
      { code: "E_DECIMAL_MARK_AMBIGUOUS", line: 2, column: 3 },
    ]);
    const table = await readTable(bad("ambiguous-decimal.csv"), { decimalMark: "," });
    expect(table.decimalMark).toBe(",");
  });

  it("unknown column → E_UNKNOWN_COLUMN at line 1 with its column and a suggestion", async () => {
    const table = await readTable(bad("unknown-column.csv"));
    const bag = new DiagnosticBag();
    resolveColumns(table, loadColumnAliases(), bag, { unknown: "error" });
    expect(where(bag.items)).toEqual([{ code: "E_UNKNOWN_COLUMN", line: 1, column: 3 }]);
    expect(bag.items[0]?.message).toBe(
      'unknown column "aktiverde_fuldtid"; did you mean "aktiverede_fuldtid"?',
    );
  });

  it("non-numeric value → E_NOT_A_NUMBER", async () => {
    expect(where(await validate("non-numeric.csv"))).toEqual([
      { code: "E_NOT_A_NUMBER", line: 3, column: 3 },
    ]);
  });

  it("negative count → E_NEGATIVE_COUNT", async () => {
    expect(where(await validate("negative-count.csv"))).toEqual([
      { code: "E_NEGATIVE_COUNT", line: 4, column: 3 },
    ]);
  });

  it("impossible period → E_BAD_PERIOD", async () => {
    expect(where(await validate("impossible-period.csv"))).toEqual([
      { code: "E_BAD_PERIOD", line: 3, column: 2 },
    ]);
  });

  it("the registry-level cases read cleanly here (their checks belong to the validation layer)", async () => {
    expect(await validate("duplicate-municipality-period.csv")).toEqual([]);
    expect(await validate("unknown-municipality.csv")).toEqual([]);
  });
});
