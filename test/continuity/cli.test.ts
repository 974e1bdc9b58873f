/**
 * The built `jobindex continuity` as a user runs it: bad input (exit 2, one line each
 * with file:line:column and a stable code, nothing written), no citizen or caseworker id
 * in any output format, and memory that follows the citizens, not the file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, root, runCli, tempDir } from "../cli/helpers.js";

const fixture = join(root, "fixtures", "continuity", "meetings.csv");
const tmp = tempDir("continuity");

beforeAll(() => ensureBuilt());

describe("continuity bad input", () => {
  it("unknown municipality, a date that is not a date, an empty id: one line each, nothing written", async () => {
    const file = tmp.write(
      "bad.csv",
      [
        "citizen,municipality,caseworker,date",
        "PSEUDOCITX1,Billund,PSEUDOCWX1,2022-01-05",
        "PSEUDOCITX2,Atlantis,PSEUDOCWX1,2022-01-06",
        "PSEUDOCITX3,Billund,PSEUDOCWX2,2022-02-30",
        ",Billund,PSEUDOCWX2,2022-02-01",
        "",
      ].join("\n"),
    );
    const out = join(tmp.dir, "bad-out.json");
    const r = await runCli(["continuity", "--input", file, "--format", "json", "--out", out]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        /bad\.csv:3:2: error: unknown municipality: .*\[E_UNKNOWN_MUNICIPALITY\]$/,
      ),
      expect.stringMatching(/bad\.csv:4:4: error: .*\[E_BAD_DATE\]$/),
      expect.stringMatching(/bad\.csv:5:1: error: empty citizen \[E_MISSING_VALUE\]$/),
    ]);
    expect(r.stderr).not.toMatch(/PSEUDO|Atlantis|2022-02-30|at .*\.js/);
    expect(existsSync(out)).toBe(false);
  });

  it("a missing column names the header line", async () => {
    const file = tmp.write("nocol.csv", "borger,kommune,dato\nPSEUDOCITX1,Billund,2022-01-05\n");
    const r = await runCli(["continuity", "--input", file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^.*nocol\.csv:1: error: missing column caseworker .*\[E_MISSING_COLUMN\]$/,
    );
    expect(r.stdout).toBe("");
  });

  it("a quarter not in the log is E_PERIOD", async () => {
    const r = await runCli(["continuity", "--input", fixture, "--period", "2019K1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[E_PERIOD\]/);
  });
});

describe("continuity privacy", () => {
  const text = readFileSync(fixture, "utf8");
  const ids = new Set<string>();
  for (const line of text.trim().split("\n").slice(1)) {
    const [citizen, , caseworker] = line.split(",");
    ids.add(citizen as string);
    ids.add(caseworker as string);
  }

  it.each(["table", "json", "csv", "md", "html", "index-input"])(
    "--format %s shows no citizen or caseworker id",
    async (format) => {
      const r = await runCli(["continuity", "--input", fixture, "--format", format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      // The fixture's ids all start so; the search would find them anywhere.
      expect(r.stdout).not.toContain("PSEUDOC");
      for (const id of ids) expect(r.stdout.includes(id), id).toBe(false);
    },
  );
});

describe("continuity output", () => {
  it("json follows CLI.md: one result per unit and quarter", async () => {
    const r = await runCli(["continuity", "--input", fixture, "--format", "json"]);
    const doc = JSON.parse(r.stdout) as { results: Array<Record<string, unknown>> };
    expect(Object.keys(doc.results[0] ?? {})).toEqual([
      "unit",
      "name",
      "period",
      "citizens",
      "changes",
      "changes_per_100",
      "changed_share",
      "suppressed",
      "rank",
    ]);
  });

  it("the demo log says synthetic in every format", async () => {
    for (const format of ["table", "json", "csv", "md", "html"]) {
      const r = await runCli(["continuity", "--period", "2022K1", "--format", format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.toLowerCase()).toContain("synthetic");
    }
  });
});

describe("continuity memory", () => {
  it("reads ~2 million meetings under a 64 MB heap", async () => {
    const file = join(tmp.dir, "big.csv");
    const made = spawnSync(
      process.execPath,
      [
        join(root, "scripts", "continuity-make-demo.mjs"),
        file,
        "--meetings",
        "2000000",
        "--citizens",
        "100000",
      ],
      { encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    const lines = readFileSync(file, "latin1").split("\n").length;
    expect(lines).toBeGreaterThan(1_900_000);
    // A table of the file costs several times the file: it could not fit in the heap.
    expect(statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    const r = await runCli(
      ["continuity", "--input", file, "--period", "2022K2", "--format", "json"],
      {
        env: { NODE_OPTIONS: "--max-old-space-size=64" },
        timeoutMs: 240_000,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: unknown[] };
    expect(doc.results.length).toBe(95);
  }, 300_000);
});

describe("continuity as index input", () => {
  it("--format index-input feeds `index` with a profile; the values are the continuity rates", async () => {
    const csv = join(tmp.dir, "index-input.csv");
    const made = await runCli([
      "continuity",
      "--input",
      fixture,
      "--format",
      "index-input",
      "--out",
      csv,
    ]);
    expect(made.code, made.stderr).toBe(0);
    const r = await runCli([
      "index",
      "--method",
      join(root, "fixtures", "continuity", "continuity-profile.json"),
      "--input",
      csv,
      "--unit",
      "municipality",
      "--period",
      "2021K4",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      results: Array<{ id: string; indicators: Record<string, { value: number }> }>;
    };
    const expected = (
      JSON.parse(
        readFileSync(join(root, "fixtures", "continuity", "expected-municipality.json"), "utf8"),
      ) as Array<{
        unit: string;
        period: string;
        changes_per_100: number | null;
        changed_share: number | null;
      }>
    ).filter((e) => e.period === "2021K4" && e.changes_per_100 !== null);
    expect(doc.results.length).toBe(expected.length);
    for (const e of expected) {
      const got = doc.results.find((x) => x.id === e.unit);
      expect(
        Math.abs(
          (got?.indicators.changes_per_100?.value as number) - (e.changes_per_100 as number),
        ),
      ).toBeLessThan(1e-9);
      expect(
        Math.abs(
          (got?.indicators.changed_share?.value as number) - 100 * (e.changed_share as number),
        ),
      ).toBeLessThan(1e-9);
    }
  });
});
