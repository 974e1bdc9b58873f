/**
 * `--uncertainty` end to end, as users call it (in process, on src/): the JSON fields of
 * docs/uncertainty.md, the table/CSV/HTML columns and chart, byte-identical output for a
 * seed, `check` on a golden file made with it, and the refusals (published mode, --seed
 * alone).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-uncertainty-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

let counter = 0;
/** Runs `jobindex ARGS --out FILE`; the exit code, the output and what went to stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; stderr: string }> {
  const file = join(dir, `out-${counter++}`);
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(["node", "jobindex", ...args, "--out", file]);
  vi.restoreAllMocks();
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // Nothing written: the run failed before output.
  }
  return { code, out: text, stderr };
}

/** `check --golden` on a JSON text, written to a file first. */
async function check(json: string): Promise<number> {
  const golden = join(dir, `golden-${counter++}.json`);
  writeFileSync(golden, json);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const code = await main(["node", "jobindex", "check", "--golden", golden]);
  vi.restoreAllMocks();
  return code;
}

type Json = Record<string, unknown> & { results: Array<Record<string, unknown>> };
const parse = (text: string) => JSON.parse(text) as Json;

describe("index --uncertainty", () => {
  it("adds rank intervals, P(top 10) and the uncertainty block to the JSON, seeded", async () => {
    const first = await run("index", "--uncertainty", "400", "--seed", "5", "--format", "json");
    expect(first.code).toBe(0);
    const json = parse(first.out);
    for (const r of json.results) {
      const interval = r.rank_interval as { low: number; median: number; high: number };
      expect(interval.low).toBeLessThanOrEqual(interval.median);
      expect(interval.median).toBeLessThanOrEqual(interval.high);
      expect(typeof r.p_top10).toBe("number");
    }
    expect(json.uncertainty).toMatchObject({ method: "monte-carlo", runs: 400, seed: 5 });
    expect(json.options).toMatchObject({ uncertainty: 400, seed: 5 });
    // Same seed → byte-identical; another seed → other draws.
    const again = await run("index", "--uncertainty", "400", "--seed", "5", "--format", "json");
    expect(again.out).toBe(first.out);
    const other = await run("index", "--uncertainty", "400", "--seed", "6", "--format", "json");
    expect(other.out).not.toBe(first.out);
    expect(await check(first.out)).toBe(0);
  });

  it("records the default seed, so check redraws the same", async () => {
    const { out } = await run("index", "--uncertainty", "200", "--format", "json");
    expect(parse(out).options).toMatchObject({ uncertainty: 200, seed: 20240601 });
    const altered = parse(out);
    const first = altered.results[0] as { rank_interval: { high: number } };
    first.rank_interval.high += 1;
    expect(await check(JSON.stringify(altered))).toBe(1);
  });

  it("shows `3 (1–7)` and P(top 10) in table and CSV, the interval chart in HTML", async () => {
    const table = await run("index", "--uncertainty", "200", "--format", "md");
    expect(table.out).toContain("Rank (90%)");
    expect(table.out).toMatch(/\| \d+=? \(\d+–\d+\) \|/);
    expect(table.out).toContain("What moves the ranks");
    const csv = await run("index", "--uncertainty", "200", "--format", "csv");
    expect(csv.out.split("\r\n")[0]).toMatch(/^rank,rank_low,rank_median,rank_high,p_top10,tied,/);
    const html = await run("index", "--uncertainty", "200", "--format", "html");
    expect(html.out).toContain('class="chart intervals"');
  });

  it("leaves the plain run untouched and refuses --seed alone or a bad count", async () => {
    const plain = parse((await run("index", "--format", "json")).out);
    expect(plain.uncertainty).toBeUndefined();
    expect(plain.results[0]?.rank_interval).toBeUndefined();
    expect(plain.options).not.toHaveProperty("seed");
    const seedAlone = await run("index", "--seed", "3", "--format", "json");
    expect(seedAlone.code).toBe(2);
    expect(seedAlone.stderr).toMatch(/--seed applies with --uncertainty/);
    expect((await run("index", "--uncertainty", "2.5")).code).toBe(2);
  });
});

describe("benchmark --uncertainty (model mode)", () => {
  it("adds rank and residual intervals and distinguishable; seeded; check passes", async () => {
    const args = ["benchmark", "--covariates", "default", "--uncertainty", "300", "--seed", "2"];
    const first = await run(...args, "--format", "json");
    expect(first.code).toBe(0);
    const json = parse(first.out);
    for (const r of json.results) {
      expect(r).toHaveProperty("rank_interval");
      expect(typeof r.p_top10).toBe("number");
      expect(typeof r.distinguishable).toBe("boolean");
      expect(r).toHaveProperty("residual_interval.low");
      expect(r).toHaveProperty("prediction_interval.high");
    }
    expect(json.uncertainty).toMatchObject({
      method: "bootstrap",
      runs: 300,
      seed: 2,
      criterion: "prediction",
    });
    expect(json.options).toMatchObject({ uncertainty: 300, seed: 2 });
    expect((await run(...args, "--format", "json")).out).toBe(first.out);
    expect(await check(first.out)).toBe(0);

    const md = await run(...args, "--format", "md");
    expect(md.out).toContain("≠ expected");
    const html = await run(...args, "--format", "html");
    expect(html.out).toContain('class="chart intervals"');
  });

  it("takes --distinguish bootstrap and population weights", async () => {
    const { code, out } = await run(
      "benchmark",
      "--covariates",
      "default",
      "--wls",
      "population",
      "--uncertainty",
      "100",
      "--distinguish",
      "bootstrap",
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const json = parse(out);
    expect(json.uncertainty).toMatchObject({ criterion: "bootstrap", seed: 20240601 });
    expect(json.options).toMatchObject({ distinguish: "bootstrap", weights: "population" });
    expect(await check(out)).toBe(0);
  });

  it("published mode: rank intervals from funnel draws; --distinguish and --seed alone refused", async () => {
    const { code, out } = await run("benchmark", "--uncertainty", "100", "--format", "json");
    expect(code).toBe(0);
    const json = parse(out);
    expect(json.uncertainty).toMatchObject({ method: "funnel", runs: 100, seed: 20240601 });
    const refused = await run(
      "benchmark",
      "--uncertainty",
      "100",
      "--distinguish",
      "bootstrap",
      "--format",
      "json",
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--distinguish applies to model mode/);
    expect(refused.out).toBe("");
    expect((await run("benchmark", "--uncertainty", "0")).code).toBe(2);
    expect((await run("benchmark", "--covariates", "default", "--seed", "1")).code).toBe(2);
  });
});

describe("explain: how sure is the rank", () => {
  it("adds the sentence when asked (--uncertainty 2000) and leaves it out by default or with 0", async () => {
    const lines = async (...args: string[]) => {
      let text = "";
      vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
        text += String(chunk);
        return true;
      });
      const code = await main(["node", "jobindex", "explain", ...args]);
      vi.restoreAllMocks();
      expect(code).toBe(0);
      return text;
    };
    expect(await lines("Billund", "--kind", "index", "--uncertainty", "2000")).toMatch(
      /In 90 % of 2,000 plausible variations of the method, Billund ranks between \d+ and \d+/,
    );
    expect(await lines("Billund", "--kind", "index")).not.toMatch(/plausible variations/);
    expect(await lines("Billund", "--kind", "index", "--uncertainty", "0")).not.toMatch(
      /plausible variations/,
    );
    expect(await lines("Billund", "--covariates", "default")).not.toMatch(/refits of the model/);
    expect(
      await lines("Billund", "--covariates", "default", "--uncertainty", "200", "--seed", "1"),
    ).toMatch(/In 90 % of 200 refits of the model.*prediction interval/);
  });
});
