/**
 * `jobindex audit` as a user runs it (the built binary): the JSON fields of CLI.md, the
 * same output for the same seed, the HTML section's charts, and bad usage refused with
 * one line and exit 2, nothing written to --out.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, STACK_FRAME, stderrLines, tempDir } from "../cli/helpers.js";

beforeAll(() => ensureBuilt());

describe("jobindex audit", () => {
  const dir = tempDir("audit");

  it("writes CLI.md's JSON fields, byte-identical for the same seed", async () => {
    const args = [
      "audit",
      "--period",
      "2024K2",
      "--uncertainty",
      "200",
      "--seed",
      "3",
      "--format",
      "json",
    ];
    const one = await runCli(args);
    const again = await runCli(args);
    expect(one.code, one.stderr).toBe(0);
    expect(again.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      command: "audit",
      period: "2024K2",
      unit: "jobcentre",
      method: "fh",
    });
    for (const key of [
      "indicators",
      "correlation",
      "cronbach_alpha",
      "pca",
      "leave_one_out",
      "sobol",
    ]) {
      expect(json).toHaveProperty(key);
    }
    const indicator = (json.indicators as Array<Record<string, unknown>>)[0];
    expect(Object.keys(indicator ?? {})).toEqual(
      expect.arrayContaining([
        "id",
        "n",
        "mean",
        "sd",
        "skewness",
        "kurtosis",
        "min",
        "max",
        "outlier_flag",
      ]),
    );
    expect(json.correlation).toHaveProperty("ids");
    expect(json.correlation).toHaveProperty("matrix");
    expect(json.pca).toHaveProperty("variance_share");
    const loo = (json.leave_one_out as Array<Record<string, unknown>>)[0];
    expect(Object.keys(loo ?? {})).toEqual(["indicator", "mean_abs_rank_change", "ranks"]);
    const sobol = (json.sobol as Array<Record<string, unknown>>)[0];
    expect(sobol).toHaveProperty("factor");
    expect(sobol).toHaveProperty("first_order");
    expect(sobol).toHaveProperty("total_order");
  });

  it("on the open profile, as Markdown and as a table", async () => {
    const md = await runCli([
      "audit",
      "--method",
      "open",
      "--uncertainty",
      "100",
      "--format",
      "md",
    ]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("### Correlations of the normalised indicators");
    expect(md.stdout).toContain("### Sobol indices of the mean absolute rank shift");
    const table = await runCli(["audit", "--method", "open", "--uncertainty", "0"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("Leave one indicator out");
    expect(table.stdout).not.toContain("Sobol indices of");
  });

  it("HTML has the correlation heat map and the leave-one-out rank shifts", async () => {
    const out = join(dir.dir, "audit.html");
    const result = await runCli(["audit", "--uncertainty", "50", "--format", "html", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<svg class="chart heatmap"');
    expect(html).toContain('<svg class="chart rank-shifts"');
    // One cell per pair of the five indicators.
    expect(html.match(/<rect [^>]*fill="#/g)?.length).toBe(25);
    expect(html).toContain("Synthetic demo data");
  });

  it("check re-runs an audit golden: exit 0 as written, 1 with a changed statistic", async () => {
    const golden = join(dir.dir, "audit-golden.json");
    const written = await runCli([
      "audit",
      "--uncertainty",
      "60",
      "--seed",
      "8",
      "--format",
      "json",
      "--out",
      golden,
    ]);
    expect(written.code, written.stderr).toBe(0);
    const same = await runCli(["check", "--golden", golden]);
    expect(same.code, same.stdout + same.stderr).toBe(0);
    const json = JSON.parse(readFileSync(golden, "utf8")) as { cronbach_alpha: number };
    json.cronbach_alpha += 0.01;
    const altered = dir.write("audit-altered.json", JSON.stringify(json));
    const changed = await runCli(["check", "--golden", altered]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain("cronbach_alpha");
  });

  it("refuses bad usage with one line each and exit 2, writing nothing", async () => {
    const out = join(dir.dir, "never.json");
    for (const args of [
      ["--period", "2024K5"],
      ["--uncertainty", "-3"],
      ["--uncertainty", "0", "--seed", "4"],
      ["--method", "nonesuch"],
      ["--unit", "region"],
    ]) {
      const result = await runCli(["audit", ...args, "--format", "json", "--out", out]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(stderrLines(result), args.join(" ")).toHaveLength(1);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(existsSync(out)).toBe(false);
    }
  });
});
