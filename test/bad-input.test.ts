/**
 * The foundation's promise for bad input, as a user meets it: each case through the built
 * binary gives exit 2, one line per problem naming file, line and column where there is
 * one, with a stable code, no stack trace, and nothing written to --out.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "jobindex.js");
const bad = (name: string) => join("fixtures", "read", "bad", name);

function jobindex(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
}

const cases: Array<[string, string, string, RegExp]> = [
  ["empty file", bad("empty.csv"), "E_EMPTY", /empty\.csv: error:/],
  ["header only", bad("header-only.csv"), "E_NO_ROWS", /header-only\.csv:1: error:/],
  [
    "unknown column",
    bad("unknown-column.csv"),
    "E_MISSING_COLUMN",
    /unknown-column\.csv:1: error: .*activation_fte/,
  ],
  [
    "unknown municipality",
    bad("unknown-municipality.csv"),
    "E_UNKNOWN_MUNICIPALITY",
    /unknown-municipality\.csv:3:1: error:/,
  ],
  [
    "duplicate municipality and period",
    bad("duplicate-municipality-period.csv"),
    "E_DUPLICATE_ROW",
    /:5:1: error: .*first given on line 2/,
  ],
  [
    "non-numeric value",
    bad("non-numeric.csv"),
    "E_NOT_A_NUMBER",
    /non-numeric\.csv:3:3: error: .*"mange"/,
  ],
  [
    "negative count",
    bad("negative-count.csv"),
    "E_NEGATIVE_COUNT",
    /negative-count\.csv:4:3: error:/,
  ],
  ["ragged row", bad("ragged.csv"), "E_RAGGED_ROW", /ragged\.csv:3:12: error: expected 13 fields/],
  [
    "impossible period",
    bad("impossible-period.csv"),
    "E_BAD_PERIOD",
    /impossible-period\.csv:3:2: error: .*"2019K5"/,
  ],
  // binary.csv starts `PK`: a zip archive, read as a workbook and refused as not one.
  ["binary content (a zip archive)", bad("binary.csv"), "E_XLSX", /binary\.csv: error:/],
  [
    "missing file",
    "no-such-extract.csv",
    "E_FILE_NOT_FOUND",
    /no-such-extract\.csv: error: file not found/,
  ],
];

describe("bad input through the command line", () => {
  const out = join(mkdtempSync(join(tmpdir(), "jobindex-bad-")), "report.json");

  it.each(cases)("%s: exit 2, %s", (_name, input, code, where) => {
    const result = jobindex("index", "--input", input, "--format", "json", "--out", out);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).toMatch(where);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const line of result.stderr.trim().split("\n")) expect(line).toMatch(/\[E_[A-Z_]+\]$/);
    expect(existsSync(out)).toBe(false);
  });

  it("a 20 MB field is refused with its line, not an out-of-memory crash", () => {
    const dir = mkdtempSync(join(tmpdir(), "jobindex-big-"));
    const file = join(dir, "big.csv");
    writeFileSync(file, `kommune;periode;note\n101;2019K4;${"x".repeat(20 * 1024 * 1024)}\n`);
    const result = jobindex("index", "--input", file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/big\.csv:2(:\d+)?: error: .*\[E_FIELD_TOO_LARGE\]/);
  });

  it("--debug adds the stack trace for an unexpected error only", () => {
    const result = jobindex("index", "--input", bad("empty.csv"), "--debug");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("[E_EMPTY]");
  });
});
