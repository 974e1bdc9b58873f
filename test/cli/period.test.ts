/**
 * A mistyped `--period` costs what `--version` costs: the built binary refuses it before
 * it opens any input. A named pipe as input proves that (opening one for reading waits for
 * a writer, so a run that read it would hang until killed); a generated 5 MB extract shows
 * the time.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/registry/index.js";
import { ensureBuilt, runCli, stderrLines, tempDir } from "./helpers.js";

ensureBuilt();
const temp = tempDir("period");
const BAD =
  "--period expects a period such as 2019K4, 2019Q4, 2021QMAT04, 2024M06 or 2022, got '1950X4' [E_PERIOD]";

/** A counts extract of about `bytes`: every municipality, quarter after quarter from 1900. */
function bigExtract(bytes: number): string {
  const codes = loadRegistry().municipalities.map((m) => m.code);
  const header =
    "municipality,period,activation_fte,activation_education_fte,gross_unemployed_fte,unemployment_spells_ended,unemployment_spell_weeks,sickness_spells_ended,sickness_spell_weeks,nonwestern_unemployed,nonwestern_labour_force,danish_origin_unemployed,danish_origin_labour_force\n";
  const rows: string[] = [header];
  let size = header.length;
  for (let i = 0; size < bytes; i++) {
    const quarter = Math.floor(i / codes.length);
    const period = `${1900 + Math.floor(quarter / 4)}K${(quarter % 4) + 1}`;
    // Large counts keep the rows long, so 5 MB stays within the years a period can have.
    const row = `${codes[i % codes.length]},${period},${1_000_000 + (i % 997)},1000000,3400000,2100000,3100000,1500000,1600000,4400000,9000000,1200000,8000000\n`;
    rows.push(row);
    size += row.length;
  }
  return temp.write("big.csv", rows.join(""));
}

describe("index --period 1950X4", () => {
  it.skipIf(process.platform === "win32")(
    "is refused before the input is opened (a named pipe nobody writes to)",
    async () => {
      const fifo = join(temp.dir, "never-written.csv");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      for (const command of ["index", "benchmark", "explain"]) {
        const args =
          command === "explain"
            ? ["explain", "Billund", "--input", fifo, "--period", "1950X4"]
            : [command, "--input", fifo, "--period", "1950X4"];
        const result = await runCli(args, { timeoutMs: 10_000 });
        expect(result.timedOut).toBe(false);
        expect(result.code).toBe(2);
        expect(stderrLines(result)).toEqual([`error: ${BAD}`]);
      }
    },
  );

  it("on a 5 MB extract exits 2 in about the time of --version", async () => {
    const file = bigExtract(5 * 1024 * 1024);
    const version = await runCli(["--version"]);
    const bad = await runCli(["index", "--input", file, "--period", "1950X4"]);
    expect(bad.code).toBe(2);
    expect(stderrLines(bad)).toEqual([`error: ${BAD}`]);
    const good = await runCli([
      "index",
      "--input",
      file,
      "--period",
      "1950K1",
      "--unit",
      "municipality",
    ]);
    // The good run reads the whole file; the refusal must not (generous bounds: CI is noisy).
    expect(good.stderr).toBe("");
    expect(bad.ms).toBeLessThan(version.ms + 400);
    expect(bad.ms).toBeLessThan(good.ms);
  });
});
