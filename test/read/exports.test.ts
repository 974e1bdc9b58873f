/**
 * The readers' export corpus (fixtures/exports/, made by
 * scripts/make-export-corpus-readers.mjs from the shipped real data): each export gives the
 * same ranking as the clean file, with a warning naming the lines skipped.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { readTable } from "../../src/read/index.js";
import { readFailure, root, tempFolder } from "./helpers.js";

const bin = join(root, "bin", "jobindex.js");
const exportFile = (name: string) => join(root, "fixtures", "exports", name);

function run(args: string[]): { results: unknown; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args, "--format", "json"], {
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as { results: unknown };
  return { results: json.results, stderr: result.stderr };
}

describe("export corpus: same ranking as the clean file", () => {
  const cleanBenchmark = run(["benchmark", "-i", exportFile("benchmark-clean.csv")]);

  it("benchmark: title lines and Kilde/Anm footnotes are skipped, with one warning", () => {
    const got = run(["benchmark", "-i", exportFile("benchmark-title-footnote.csv")]);
    expect(got.results).toEqual(cleanBenchmark.results);
    expect(got.stderr).toMatch(
      /benchmark-title-footnote\.csv:1: warning: skipped 4 line\(s\) that are not data: 2 title line\(s\) above the header \(lines 1–2\), 2 footnote line\(s\) below the data \(lines 398–399\) \[W_SKIPPED_LINES\]/,
    );
  });

  it("benchmark: a Latin-1 file with a title line", () => {
    const got = run(["benchmark", "-i", exportFile("benchmark-latin1-title.csv")]);
    expect(got.results).toEqual(cleanBenchmark.results);
    expect(got.stderr).toMatch(/title line\(s\) above the header \(line 1\) \[W_SKIPPED_LINES\]/);
  });

  it("benchmark: the clean CSV ranks as the shipped extract at its period", () => {
    const shipped = run(["benchmark", "--period", "2021QMAT04"]);
    expect(cleanBenchmark.results).toEqual(shipped.results);
  });

  it("index: Excel-padded `;;;;` titles, empty rows and footnotes", () => {
    const shipped = run(["index", "--method", "open"]);
    const got = run(["index", "--method", "open", "-i", exportFile("index-open-excel-padded.csv")]);
    expect(got.results).toEqual(shipped.results);
    expect(got.stderr).toMatch(/3 title line\(s\).*2 footnote line\(s\).*16 empty row\(s\)/);
  });

  it("index: Danish integers (`12.782`) in count columns are thousands", () => {
    const clean = run([
      "index",
      "--method",
      "open",
      "-i",
      exportFile("index-open-integers-clean.csv"),
    ]);
    const danish = run([
      "index",
      "--method",
      "open",
      "-i",
      exportFile("index-open-danish-integers.csv"),
    ]);
    expect(danish.results).toEqual(clean.results);
    expect(danish.stderr).toBe("");
  });
});

describe("the decimal mark of integer-only Danish files", () => {
  it("without the count columns named the reader still refuses; --decimal-mark decides", async () => {
    const file = exportFile("index-open-danish-integers.csv");
    const [d] = await readFailure(file);
    expect(d?.code).toBe("E_DECIMAL_MARK_AMBIGUOUS");
    expect((await readTable(file, { countColumns: () => [2, 3, 4, 5, 6, 7] })).decimalMark).toBe(
      ",",
    );
    const given = await readTable(file, { decimalMark: "," });
    expect(given.decimalMark).toBe(",");
  });

  it("a count column with `1,702` (not `1.702`), or `1.702` outside the count columns, stays unclear", async () => {
    const temp = tempFolder();
    const comma = temp.write("comma.csv", "a;b\n101;1,702\n147;12,345\n");
    expect((await readFailure(comma, { countColumns: () => [1] }))[0]?.code).toBe(
      "E_DECIMAL_MARK_AMBIGUOUS",
    );
    const other = temp.write("other.csv", "a;b;c\n101;1.702;2.500\n147;12.345;3\n");
    expect((await readFailure(other, { countColumns: () => [1] }))[0]).toMatchObject({
      code: "E_DECIMAL_MARK_AMBIGUOUS",
      column: 2,
    });
  });

  it("index takes --decimal-mark: given as `,` the Danish file ranks as the clean one", () => {
    const out = execFileSync(process.execPath, [bin, "index", "--help"], { encoding: "utf8" });
    expect(out).toContain("--decimal-mark <mark>");
    const given = run([
      "index",
      "--method",
      "open",
      "--decimal-mark",
      ",",
      "-i",
      exportFile("index-open-danish-integers.csv"),
    ]);
    const clean = run([
      "index",
      "--method",
      "open",
      "-i",
      exportFile("index-open-integers-clean.csv"),
    ]);
    expect(given.results).toEqual(clean.results);
  });
});

describe("the header finder", () => {
  const temp = tempFolder();
  const warnings: Diagnostic[] = [];
  const onWarning = (d: Diagnostic) => warnings.push(d);

  it("a title with a comma does not make `,` the separator", async () => {
    const file = temp.write(
      "t.csv",
      "Ledighed, alle kommuner, 2024\na;b;c\n1;2,5;3\n4;5,5;6\n7;8,5;9\n",
    );
    const table = await readTable(file, { onWarning });
    expect(table.separator).toBe(";");
    expect(table.columns).toEqual(["a", "b", "c"]);
    expect(table.rows.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(table.warnings?.[0]).toMatchObject({
      code: "W_SKIPPED_LINES",
      line: 1,
      severity: "warning",
    });
  });

  it("a title with the separator in it: one E_TITLE_LINE, not a ragged row per record", async () => {
    const rows = Array.from({ length: 98 }, (_, i) => `${i};a;b;c;d`);
    const file = temp.write("t2.csv", ["Tabel 1;2024", "k;v;w;x;y", ...rows].join("\n"));
    const diagnostics = await readFailure(file);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "E_TITLE_LINE", line: 1, column: 1 }),
    ]);
    expect(diagnostics[0]?.message).toContain("line 1 has 2 fields but the line below it 5");
  });

  it("a one-cell line inside the data is still a ragged row; a one-column file is unchanged", async () => {
    const file = temp.write("m.csv", "a;b\n1;2\nnote\n3;4\n");
    expect((await readFailure(file))[0]).toMatchObject({ code: "E_RAGGED_ROW", line: 3 });
    const single = await readTable(temp.write("one.csv", "value\n1\n2\n"), { onWarning });
    expect(single.columns).toEqual(["value"]);
    expect(single.rows).toHaveLength(2);
    expect(single.warnings).toBeUndefined();
  });

  it("a padded row with one cell at the end is data unless it reads as a footnote", async () => {
    const file = temp.write("p.csv", "a;b;c\n1;2;3\n4;;\n");
    const table = await readTable(file, { onWarning });
    expect(table.rows).toHaveLength(2);
    const noted = await readTable(temp.write("q.csv", "a;b;c\n1;2;3\nKilde: STAR;;\n"), {
      onWarning,
    });
    expect(noted.rows).toHaveLength(1);
  });
});

describe("title lines only", () => {
  const temp = tempFolder();
  it("one-cell lines only: the first is the header, nothing skipped", async () => {
    const file = temp.write("w.csv", "x\ny\n");
    const table = await readTable(file, { onWarning: () => {} });
    expect(table.columns).toEqual(["x"]);
    // Eleven one-cell lines, then three cells: the header is the first line (no more are held).
    const wide = temp.write("w2.csv", "t\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\na;b;c\n");
    const read = await readTable(wide, { onWarning: () => {} });
    expect(read.columns).toEqual(["t"]);
  });
});
