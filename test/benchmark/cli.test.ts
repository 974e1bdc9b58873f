/** The command as users call it: flags → run → output → exit code (in process, on src/). */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/program.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-benchmark-"));
const run = (...args: string[]) => main(["node", "jobindex", "benchmark", ...args]);

describe("jobindex benchmark", () => {
  it("writes the CLI.md JSON for the latest shipped period", async () => {
    const out = join(dir, "latest.json");
    expect(await run("--format", "json", "--out", out)).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.period).toBe("2021QMAT04");
    expect(json.options.command).toBe("benchmark");
  });

  it("--verify exits 1 on a contradicting published rank", async () => {
    const out = join(dir, "swapped.json");
    const code = await run(
      "--input",
      "fixtures/benchmark/y30r21-swapped-rank.jsonl",
      "--verify",
      "--format",
      "json",
      "--out",
      out,
    );
    expect(code).toBe(1);
    process.exitCode = undefined;
  });

  it("exits 2 on bad usage", async () => {
    expect(await run("--interval", "0.9", "--format", "json", "--out", join(dir, "x.json"))).toBe(
      2,
    );
    expect(await run("--covariates", "default", "--wls", "people")).toBe(2);
  });

  it("runs model mode from flags", async () => {
    const out = join(dir, "model.json");
    const code = await run(
      "--covariates",
      "default",
      "--wls",
      "population",
      "--loo",
      "--interval",
      "0.9",
      "--cost-per-fte",
      "400000",
      "--format",
      "json",
      "--out",
      out,
    );
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.mode).toBe("model");
    expect(json.options).toMatchObject({
      covariates: ["default"],
      weights: "population",
      loo: true,
      interval: 0.9,
      costPerFte: 400000,
    });
    expect(typeof json.results[0].cost_dkk).toBe("number");
  });
});
