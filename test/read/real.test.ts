import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import {
  loadColumnAliases,
  parseJobindsatsNumber,
  parseNumber,
  readTable,
  resolveColumns,
  type Table,
  validateRows,
} from "../../src/read/index.js";
import { fixture, real, tempFolder, Y30R21_JSONL } from "./helpers.js";

const temp = tempFolder();

/** Cells as text, the way a CSV holds them, to compare JSON and CSV readings of one extract. */
const asText = (table: Table) =>
  table.rows.map((r) => r.values.map((v) => (v === null ? "" : String(v))));

describe("Y30R21 (jobindsats API v2) in every shape", () => {
  it("JSON lines: 1,568 rows, the API's keys as columns, line = physical line", async () => {
    const table = await readTable(Y30R21_JSONL);
    expect(table.format).toBe("jsonl");
    expect(table.rows).toHaveLength(1568);
    expect(table.columns.slice(0, 3)).toEqual(["Area", "Periode", "Ydelsesgrupper"]);
    expect(table.columns).toHaveLength(10);
    expect(table.rows[0]?.line).toBe(1);
    expect(table.rows[1567]?.line).toBe(1568);
    expect(table.rows[0]?.values).toEqual([
      "København",
      "2020QMAT02",
      "Ydelsesgrupper i alt",
      43070,
      44010,
      940,
      "9,08",
      "9,28",
      "0,20",
      63,
    ]);
    // The shares are decimal-comma strings, so the table says so.
    expect(table.decimalMark).toBe(",");
    expect(table.encoding).toBe("utf-8");
  });

  it("API v2 response (Variables/Data) gives the same columns and cells as the JSON lines", async () => {
    const api = await readTable(fixture("y30r21-api.json"));
    const lines = await readTable(Y30R21_JSONL);
    expect(api.format).toBe("json");
    expect(api.columns).toEqual(lines.columns);
    expect(api.rows.map((r) => r.values)).toEqual(lines.rows.slice(0, 6).map((r) => r.values));
    // Each Data row is on its own line, starting at line 6 of the file.
    expect(api.rows.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it("API v2 response as a bare object, variables as plain strings", async () => {
    const path = temp.write(
      "bare.json",
      '{"Variables": ["Area", "Periode", "Andel"],\n "Data": [\n  ["Billund", "2021QMAT04", "7,5"],\n  ["Aarhus", "2021QMAT04", "10,1"]\n]}',
    );
    const table = await readTable(path);
    expect(table.columns).toEqual(["Area", "Periode", "Andel"]);
    expect(table.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(parseNumber(table.rows[1]?.values[2] ?? null, table.decimalMark ?? ".")).toBe(10.1);
  });

  it("`;` CSV with decimal commas, BOM and CRLF: same cells as the JSON lines", async () => {
    const csv = await readTable(fixture("y30r21-semicolon-decimal-comma.csv"));
    const lines = await readTable(Y30R21_JSONL);
    expect(csv).toMatchObject({
      format: "csv",
      separator: ";",
      decimalMark: ",",
      encoding: "utf-8",
    });
    expect(csv.columns).toEqual(lines.columns);
    expect(asText(csv)).toEqual(asText(lines));
    expect(csv.rows[0]?.line).toBe(2);
    expect(csv.rows[1567]?.line).toBe(1569);
  });

  it("Latin-1 CSV is recognised and decoded (æ, ø, å survive)", async () => {
    const table = await readTable(fixture("y30r21-latin1.csv"));
    expect(table.encoding).toBe("latin1");
    expect(table.columns[3]).toContain("forsørgelse");
    const names = table.rows.map((r) => r.values[0]);
    expect(names).toContain("København");
    expect(names).toContain("Ærø");
    expect(names).toContain("Brønderslev");
    expect(table.rows).toHaveLength(98);
  });

  it("Latin-1 bytes that appear only after the first 64 KiB still switch the encoding", async () => {
    const ascii = Array.from({ length: 5000 }, (_, i) => `Kommune${i};${i}`).join("\n");
    const bytes = Buffer.concat([
      Buffer.from(`navn;antal\n${ascii}\n`),
      Buffer.from("Tårnby;7\nÆrø;8\n", "latin1"),
    ]);
    const table = await readTable(temp.write("late-latin1.csv", bytes));
    expect(table.encoding).toBe("latin1");
    expect(table.rows.at(-1)?.values).toEqual(["Ærø", "8"]);
    expect(table.rows.at(-1)?.line).toBe(5003);
  });

  it("Windows-1252 punctuation in a Latin-1 file is decoded (€, en dash)", async () => {
    const bytes = Buffer.from([
      ...Buffer.from("navn;note\nHørsholm;", "latin1"),
      0x80,
      0x20,
      0x96,
      0x0a,
    ]);
    const table = await readTable(temp.write("cp1252.csv", bytes));
    expect(table.rows[0]?.values).toEqual(["Hørsholm", "€ –"]);
  });

  it("the real extract passes the cell checks with the shipped aliases", async () => {
    const table = await readTable(Y30R21_JSONL);
    const specs = loadColumnAliases();
    const bag = new DiagnosticBag();
    const columns = resolveColumns(table, specs, bag, { unknown: "error" });
    validateRows(table, specs, columns, bag);
    expect(bag.items).toEqual([]);
    expect(columns).toMatchObject({
      municipality: 0,
      period: 1,
      benefit_group: 2,
      expected_fte: 3,
      actual_fte: 4,
      residual_fte: 5,
      expected_pct: 6,
      actual_pct: 7,
      residual_pp: 8,
      published_rank: 9,
    });
    const first = table.rows[0]?.values ?? [];
    expect(parseJobindsatsNumber(first[6] ?? null)).toBe(9.08);
    expect(parseJobindsatsNumber(first[4] ?? null)).toBe(44010);
  });
});

describe("Statistics Denmark files", () => {
  it("StatBank bulk export AUK01 → area, dimensions, period, value", async () => {
    const table = await readTable(real("raw-auk01-net-social-assistance-recipients.csv"));
    expect(table).toMatchObject({ format: "statbank", separator: ";", encoding: "utf-8" });
    expect(table.columns).toEqual(["area", "YDELSESTYPE", "KØN", "ALDER", "period", "value"]);
    expect(table.rows[0]).toEqual({
      line: 2,
      values: [
        "All Denmark",
        "Net unemployed recipients of social assistance",
        "Total",
        "Age, total",
        "2007Q1",
        "19206",
      ],
    });
    expect(table.rows).toHaveLength(8892);
  });

  it("StatBank bulk export LBESK69 moves the area (BOPKOM) first", async () => {
    const table = await readTable(real("raw-lbesk69-fulltime-employees.csv"));
    expect(table.columns).toEqual(["area", "TAL", "KØN", "period", "value"]);
    expect(table.rows[0]?.values).toEqual([
      "All Denmark",
      "Full-time employees",
      "Total",
      "2008Q1",
      "2245921",
    ]);
    const last = readFileSync(real("raw-lbesk69-fulltime-employees.csv"), "utf8")
      .trimEnd()
      .split(/\r?\n/).length;
    expect(table.rows.at(-1)?.line).toBe(last);
  });

  it("StatBank `..` (not available) becomes null; a Danish-label export also works", async () => {
    const path = temp.write(
      "statbank-da.csv",
      "\uFEFFOMRÅDE;KØN;TID;INDHOLD\r\nBillund;I alt;2020K1;12,5\r\nFanø;I alt;2020K1;..\r\n",
    );
    const table = await readTable(path);
    expect(table.columns).toEqual(["area", "KØN", "period", "value"]);
    expect(table.decimalMark).toBe(",");
    expect(table.rows.map((r) => r.values[3])).toEqual(["12,5", null]);
  });

  it("a long DST file (municipality,year,value) with decimal points", async () => {
    const table = await readTable(real("education.csv"));
    expect(table).toMatchObject({ format: "csv", separator: ",", decimalMark: "." });
    expect(table.columns).toEqual(["municipality", "year", "value"]);
    expect(table.rows[0]?.values).toEqual(["Aabenraa", "2008", "17.7"]);
  });

  it("reads the real files fast (the 1.2 MB JSON lines and ~1 MB of CSV)", async () => {
    const started = performance.now();
    await readTable(Y30R21_JSONL);
    await readTable(real("raw-auk01-net-social-assistance-recipients.csv"));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
