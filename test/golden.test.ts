/**
 * The shipped golden results (fixtures/golden, made by scripts/make-golden.mjs) are re-run
 * exactly as `jobindex check` does, in-process for speed; one deliberately altered golden
 * is checked through the built binary, as a CI pipeline would run it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareDocuments } from "../src/pipeline/check/compare.js";
import { rerun } from "../src/pipeline/check/rerun.js";

const goldenDir = join(import.meta.dirname, "..", "fixtures", "golden");
const files = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const bin = join(import.meta.dirname, "..", "bin", "jobindex.js");

function readGolden(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(goldenDir, name), "utf8")) as Record<string, unknown>;
}

describe("golden results of every shipped period", () => {
  it("covers every benchmark slice and every index quarter", () => {
    expect(files.filter((f) => f.startsWith("benchmark-") && !f.includes("model"))).toHaveLength(
      16,
    );
    expect(
      files.filter((f) => f.startsWith("index-fh-") && f.endsWith("-jobcentre.json")).length,
    ).toBeGreaterThanOrEqual(24);
  });

  it.each(files)("%s reproduces", async (name) => {
    const golden = readGolden(name);
    const run = await rerun(golden.options as Record<string, unknown>);
    expect(compareDocuments(golden, run.document.json, { tolerance: 1e-9 })).toEqual([]);
  });
});

describe("jobindex check", () => {
  const dir = mkdtempSync(join(tmpdir(), "jobindex-golden-"));

  function check(golden: string, ...args: string[]) {
    return spawnSync(process.execPath, [bin, "check", "--golden", golden, ...args], {
      encoding: "utf8",
    });
  }

  it("passes on an unchanged golden result (exit 0)", () => {
    const result = check(join(goldenDir, "benchmark-2021QMAT04-all.json"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/98 results agree/);
  });

  it("fails on an altered golden result, naming the unit, field, old and new (exit 1)", () => {
    const golden = readGolden("benchmark-2021QMAT04-all.json");
    const results = golden.results as Array<Record<string, unknown>>;
    const billund = results.find((r) => r.municipality === "530");
    if (!billund) throw new Error("Billund missing from the golden file");
    billund.rank = 1;
    billund.expected_pct = 8.5;
    const altered = join(dir, "altered.json");
    writeFileSync(altered, JSON.stringify(golden));
    const result = check(altered);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("530 Billund  rank: 1 → 58");
    expect(result.stdout).toContain("530 Billund  expected_pct: 8.5 → 8.24");
  });

  it("honours --tolerance for numbers but never for ranks", () => {
    const golden = readGolden("index-fh-2024K4-jobcentre.json");
    const results = golden.results as Array<Record<string, unknown>>;
    const first = results[0] as Record<string, unknown>;
    first.score = (first.score as number) * (1 + 1e-6);
    const altered = join(dir, "tolerance.json");
    writeFileSync(altered, JSON.stringify(golden));
    expect(check(altered).status).toBe(1);
    expect(check(altered, "--tolerance", "1e-5").status).toBe(0);
  });

  it("refuses a file that is not a golden result (exit 2, one line)", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const result = check(bad);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("bad.json");
  });
});
