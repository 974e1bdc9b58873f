/**
 * The export corpus's workbooks (fixtures/exports/*.xlsx, made by
 * scripts/make-export-corpus-xlsx.mjs from the shipped data) through the command line:
 * each ranks exactly as its clean CSV, and the bad cases give one line each, exit 2.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, ensureBuilt, root, runCli, tempDir } from "./helpers.js";

const exportFile = (name: string) => join("fixtures", "exports", name);

interface Json {
  results: unknown[];
  options: Record<string, unknown>;
  /** audit's tables */
  indicators?: unknown[];
  leave_one_out?: unknown[];
}

async function json(args: string[]): Promise<{ json: Json; stderr: string }> {
  const result = await runCli([...args, "--format", "json"]);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout) as Json, stderr: result.stderr };
}

beforeAll(() => ensureBuilt());

describe("xlsx exports rank exactly as their clean CSV", () => {
  it("benchmark: Y30R21's latest period, title and footnote rows skipped with one warning", async () => {
    const clean = await json(["benchmark", "-i", exportFile("benchmark-clean.csv")]);
    const got = await json(["benchmark", "-i", exportFile("benchmark-y30r21.xlsx")]);
    expect(got.json.results).toHaveLength(98);
    expect(got.json.results).toEqual(clean.json.results);
    expect(got.stderr).toBe(
      'fixtures/exports/benchmark-y30r21.xlsx[Ark1]: warning: read the first of 2 sheets; "Om data" not read (--sheet NAME reads another) [W_FIRST_SHEET]\n' +
        "fixtures/exports/benchmark-y30r21.xlsx[Ark1]:1: warning: skipped 5 line(s) that are not data: 2 title line(s) above the header (lines 1–2), 2 footnote line(s) below the data (lines 397–398), 1 empty row(s) (line 396) [W_SKIPPED_LINES]\n",
    );
  });

  it("index: the open counts on the sheet named by --sheet, recorded in the options", async () => {
    const shipped = await json(["index", "--method", "open"]);
    const got = await json([
      "index",
      "--method",
      "open",
      "-i",
      exportFile("index-open.xlsx"),
      "--sheet",
      "Data",
    ]);
    expect(got.json.results).toEqual(shipped.json.results);
    expect(got.json.options.sheet).toBe("Data");
    expect(shipped.json.options).not.toHaveProperty("sheet");
  });

  it("audit: the same audit from the workbook's sheet as from the shipped CSV, the sheet recorded", async () => {
    const args = ["audit", "--method", "open", "--uncertainty", "50"];
    const shipped = await json(args);
    const got = await json([...args, "-i", exportFile("index-open.xlsx"), "--sheet", "Data"]);
    expect(got.json.indicators).toEqual(shipped.json.indicators);
    expect(got.json.leave_one_out).toEqual(shipped.json.leave_one_out);
    expect(got.json.options.sheet).toBe("Data");
    expect(shipped.json.options).not.toHaveProperty("sheet");
  });

  it("survey: the SYNTHETIC demo export as a workbook (date cells, text answers)", async () => {
    const demo = await json(["survey"]);
    const got = await json([
      "survey",
      "-i",
      exportFile("survey-SYNTHETIC.xlsx"),
      "-q",
      "data/survey/business-service-questions.json",
    ]);
    expect(got.json.results.length).toBeGreaterThan(0);
    expect(got.json.results).toEqual(demo.json.results);
  });

  it("continuity: the synthetic demo log as a workbook (date cells, codes as numbers)", async () => {
    const demo = await json(["continuity"]);
    const got = await json(["continuity", "-i", exportFile("continuity-SYNTHETIC.xlsx")]);
    expect(got.json.results.length).toBeGreaterThan(0);
    expect(got.json.results).toEqual(demo.json.results);
  });

  it("standard input: a workbook piped into --input - is told by its bytes", () => {
    const bytes = readFileSync(join(root, exportFile("benchmark-y30r21.xlsx")));
    const piped = spawnSync(process.execPath, [bin, "benchmark", "-i", "-", "--format", "json"], {
      cwd: root,
      input: bytes,
      encoding: "utf8",
    });
    expect(piped.status, piped.stderr).toBe(0);
    const clean = spawnSync(
      process.execPath,
      [bin, "benchmark", "-i", exportFile("benchmark-clean.csv"), "--format", "json"],
      { cwd: root, encoding: "utf8" },
    );
    expect((JSON.parse(piped.stdout) as Json).results).toEqual(
      (JSON.parse(clean.stdout) as Json).results,
    );
    expect(piped.stderr).toMatch(/^<stdin>\[Ark1\]: warning: read the first of 2 sheets/);
    expect(piped.stderr).toMatch(/\n<stdin>\[Ark1\]:1: warning: skipped 5 line\(s\)/);
  });

  it("check re-runs a golden made from a workbook with its recorded --sheet", async () => {
    const temp = tempDir("xlsx-golden");
    const golden = join(temp.dir, "golden.json");
    const made = await runCli([
      "index",
      "--method",
      "open",
      "-i",
      exportFile("index-open.xlsx"),
      "--sheet",
      "Data",
      "--format",
      "json",
      "--out",
      golden,
    ]);
    expect(made.code, made.stderr).toBe(0);
    const checked = await runCli(["check", "--golden", golden]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  });
});

describe("xlsx: bad input, one line each, exit 2", () => {
  it("a bad cell is named by sheet, row and column (row 3, column 5: cell E3)", async () => {
    const result = await runCli(["benchmark", "-i", exportFile("benchmark-bad-cell.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines.filter((l) => l.includes("error:"))).toEqual([
      'fixtures/exports/benchmark-bad-cell.xlsx[Ark1]:3:5: error: Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal: expected a number, got "4252O" [E_NOT_A_NUMBER]',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a missing sheet names the sheets there are, for a table and for a meeting log", async () => {
    const index = await runCli([
      "index",
      "--method",
      "open",
      "-i",
      exportFile("index-open.xlsx"),
      "--sheet",
      "Ark1",
    ]);
    expect(index.code).toBe(2);
    expect(index.stderr).toBe(
      'fixtures/exports/index-open.xlsx: error: no sheet "Ark1" in the workbook; its sheets: "Forside", "Data" [E_SHEET_NOT_FOUND]\n',
    );
    const log = await runCli([
      "continuity",
      "-i",
      exportFile("continuity-SYNTHETIC.xlsx"),
      "--sheet",
      "Data",
    ]);
    expect(log.code).toBe(2);
    expect(log.stderr).toBe(
      'fixtures/exports/continuity-SYNTHETIC.xlsx: error: no sheet "Data" in the workbook; its sheets: "Møder" [E_SHEET_NOT_FOUND]\n',
    );
  });

  it("the first sheet is a cover page: its columns are missing, named by the sheet", async () => {
    const result = await runCli(["index", "--method", "open", "-i", exportFile("index-open.xlsx")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^fixtures\/exports\/index-open\.xlsx\[Forside\]: warning: read the first of 2 sheets; "Data" not read \(--sheet NAME reads another\) \[W_FIRST_SHEET\]\n/,
    );
    expect(result.stderr).toMatch(
      /\nfixtures\/exports\/index-open\.xlsx\[Forside\]:1: error: expected a column "municipality"/,
    );
  });

  it("a continuity log's bad date is named by sheet row and column, not by its contents", async () => {
    const temp = tempDir("xlsx-log");
    const { default: writeXlsxFile } = await import("write-excel-file/node");
    const buffer = await writeXlsxFile([
      {
        sheet: "Log",
        data: [
          ["citizen", "municipality", "caseworker", "date"],
          ["secret-c1", "Billund", "secret-w1", "2022-01-05"],
          ["secret-c1", "Billund", "secret-w2", "5. januar"],
        ],
      },
    ]).toBuffer();
    const file = temp.write("log.xlsx", buffer);
    const result = await runCli(["continuity", "-i", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${file}[Log]:3:4: error: date is not an ISO calendar date (YYYY-MM-DD) [E_BAD_DATE]\n`,
    );
    expect(result.stderr).not.toContain("secret");
  });
});
