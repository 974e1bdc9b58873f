/**
 * The in-memory bound (src/read/limits.ts): how big a table may get, how its size is
 * estimated, and that crossing it, up front or while streaming, is `E_FILE_TOO_LARGE` with
 * what to do. Plus the ragged-row bound: a file of wrong field counts stops at the
 * diagnostics limit instead of being parsed to its end.
 */
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/read/index.js";
import {
  defaultMaxTableBytes,
  MAX_TABLE_BYTES_ENV,
  rowBytes,
  stringBytes,
  TABLE_HEAP_SHARE,
  tableTooLarge,
} from "../../src/read/limits.js";
import { estimateTableBytes } from "../../src/read/table-size.js";
import { readFailure, tempFolder } from "./helpers.js";

const temp = tempFolder();
const GiB = 1024 ** 3;
const HEADER =
  "municipality,period,activation_fte,activation_education_fte,gross_unemployed_fte,unemployment_spells_ended,unemployment_spell_weeks,sickness_spells_ended,sickness_spell_weeks,nonwestern_unemployed,nonwestern_labour_force,danish_origin_unemployed,danish_origin_labour_force\n";

/** Rows of the 13-column index format: 98 codes, 24 quarters, numbers that rarely repeat. */
function indexRows(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = (k: number) => ((i * 7919 + k * 104729) % 99991) + k;
    lines.push(
      [
        100 + (i % 98),
        `${2019 + ((i >> 2) % 6)}K${1 + (i % 4)}`,
        (x(1) / 10).toFixed(1),
        (x(2) / 10).toFixed(1),
        (x(3) / 10).toFixed(1),
        x(4),
        x(5),
        x(6),
        x(7),
        x(8),
        x(9),
        x(10),
        x(11),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

describe("the in-memory limit", () => {
  it("is half the heap limit by default, or the environment's JOBINDEX_MAX_TABLE_BYTES", () => {
    expect(TABLE_HEAP_SHARE).toBe(0.5);
    expect(defaultMaxTableBytes(4 * GiB, {})).toBe(2 * GiB);
    expect(defaultMaxTableBytes(4 * GiB, { [MAX_TABLE_BYTES_ENV]: "123456" })).toBe(123456);
    for (const junk of ["", "0", "-5", "lots"]) {
      expect(defaultMaxTableBytes(4 * GiB, { [MAX_TABLE_BYTES_ENV]: junk })).toBe(2 * GiB);
    }
    // Follows the heap: --max-old-space-size=8192 doubles it.
    expect(defaultMaxTableBytes(8 * GiB, {})).toBe(4 * GiB);
  });

  it("estimates a row as object + slots + unshared strings", () => {
    expect(stringBytes(0)).toBe(16);
    expect(stringBytes(6)).toBe(24);
    expect(stringBytes(9)).toBe(32);
    expect(rowBytes(13, 0)).toBe(96 + 13 * 8);
    expect(rowBytes(13, 11 * 24)).toBe(464);
  });

  it("up front: the heap per byte of the first lines, times the file size", () => {
    const body = indexRows(2000);
    const head = HEADER + body;
    // A sample that is the whole file is left to the exact check while reading.
    expect(estimateTableBytes(head, ",", head.length, head.length)).toBeUndefined();
    const estimate = estimateTableBytes(head.slice(0, 65536), ",", 100 * head.length, 65536);
    // ~72 bytes a row in the file, 300–500 in memory: about 4–7× the file.
    expect(estimate).toBeGreaterThan(4 * 100 * head.length);
    expect(estimate).toBeLessThan(7 * 100 * head.length);
  });

  it("says the limit and what to do", () => {
    const d = tableTooLarge("x.csv", 2 * GiB, { estimate: 3 * GiB });
    expect(d.code).toBe("E_FILE_TOO_LARGE");
    expect(d.message).toContain("2.0 GiB");
    expect(d.message).toContain("3.0 GiB");
    expect(d.message).toMatch(/periods you need/);
    expect(d.message).toMatch(/NODE_OPTIONS=--max-old-space-size=\d+/);
  });

  it("a file over it is refused before reading (estimate) or while reading (rows so far)", async () => {
    const big = temp.write("big.csv", HEADER + indexRows(4000)); // > 64 KiB: estimated
    const [upFront, ...rest] = await readFailure(big, { maxTableBytes: 100_000 });
    expect(rest).toEqual([]);
    expect(upFront).toMatchObject({ code: "E_FILE_TOO_LARGE", file: big });
    expect(upFront?.line).toBeUndefined();
    expect(upFront?.message).toMatch(/estimated from its first lines/);

    const small = temp.write("small.csv", HEADER + indexRows(500)); // < 64 KiB: streamed
    const diagnostics = await readFailure(small, { maxTableBytes: 50_000 });
    expect(diagnostics.map((d) => d.code)).toEqual(["E_FILE_TOO_LARGE"]);
    expect(diagnostics[0]?.line).toBeGreaterThan(50);
    expect(diagnostics[0]?.line).toBeLessThan(400);

    // The same files within the limit read whole.
    expect((await readTable(small, { maxTableBytes: 1_000_000 })).rows).toHaveLength(500);
  });

  it("JSON lines stop while reading too", async () => {
    const lines = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ municipality: String(100 + (i % 98)), period: "2020K1", value: i }),
    );
    const path = temp.write("rows.jsonl", `${lines.join("\n")}\n`);
    const diagnostics = await readFailure(path, { maxTableBytes: 20_000 });
    expect(diagnostics.map((d) => d.code)).toEqual(["E_FILE_TOO_LARGE"]);
    expect((await readTable(path)).rows).toHaveLength(500);
  });
});

describe("ragged rows", () => {
  /** ~5 MB, every row one field too many: csv-parse path (over the 4 MiB direct path). */
  const raggedFile = (name: string, prefix: string) => {
    const row = "101,2019K1,1234.5,234.5,5678.9,4321,65432,2345,23456,345,4567,1234,98765,7\n";
    return temp.write(name, prefix + HEADER + row.repeat(Math.ceil(5e6 / row.length)));
  };

  for (const [name, prefix] of [
    ["ragged.csv", ""],
    ["blank-first-line.csv", "\n"],
  ] as const) {
    it(`a 5 MB file of ragged rows stops at 200 diagnostics + E_TOO_MANY (${name})`, async () => {
      const path = raggedFile(name, prefix);
      const started = performance.now();
      const diagnostics = await readFailure(path);
      const seconds = (performance.now() - started) / 1000;
      expect(diagnostics).toHaveLength(201);
      expect(diagnostics.slice(0, 200).every((d) => d.code === "E_RAGGED_ROW")).toBe(true);
      expect(diagnostics[0]).toMatchObject({ line: 2 + prefix.length, column: 14 });
      expect(diagnostics[199]?.line).toBe(201 + prefix.length);
      expect(diagnostics[200]?.code).toBe("E_TOO_MANY");
      // Was 4 s (135 s for 50 MB) parsed to the end; now a few hundred rows. Generous bound.
      expect(seconds).toBeLessThan(3);
    });
  }
});
