/**
 * Random bytes and random CSV given to the built binary: exit 0 or 2, every stderr line a
 * one-line diagnostic naming the file, no stack trace, within a time bound. Spawning costs
 * a process each, so few cases here; the readers get many more in reader.fuzz.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CliResult,
  ensureBuilt,
  runCli,
  STACK_FRAME,
  stderrLines,
  tempDir,
} from "../cli/helpers.js";

ensureBuilt();
const temp = tempDir("fuzz-cli");
let counter = 0;
const RUN_MS = 10_000;
/** CI runs 6 cases per property; JOBINDEX_FUZZ_RUNS=200 fuzzes harder locally. */
const RUNS = Number(process.env.JOBINDEX_FUZZ_RUNS ?? 6);

function expectCleanOutcome(result: CliResult, file: string): void {
  expect(result.timedOut, "ran past its time bound").toBe(false);
  expect([0, 2]).toContain(result.code);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(/internal error/);
  if (result.code === 2) {
    const lines = stderrLines(result);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toContain(file);
    expect(result.stdout).toBe("");
  }
}

const INDEX_HEADER =
  "municipality,period,activation_fte,activation_education_fte,gross_unemployed_fte,unemployment_spells_ended,unemployment_spell_weeks,sickness_spells_ended,sickness_spell_weeks,nonwestern_unemployed,nonwestern_labour_force,danish_origin_unemployed,danish_origin_labour_force";

/** Index-shaped CSV with random damage: wrong names, periods, numbers, quotes, widths. */
const damagedIndexCsv = fc
  .array(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          "101",
          "København",
          "Aarhus",
          "Nowhere",
          "2019K4",
          "2024K4",
          "2019",
          "2021QMAT04",
        ),
        fc.constantFrom("1", "0", "-5", "1,5", "2.5", "1.234", "..", "", '"', "NaN", "1e400", "x"),
        fc.integer({ min: 0, max: 100000 }).map(String),
      ),
      { minLength: 11, maxLength: 14 },
    ),
    { maxLength: 8 },
  )
  .map((rows) => `${INDEX_HEADER}\n${rows.map((r) => r.join(",")).join("\n")}\n`);

const randomText = fc.string({ unit: "binary", maxLength: 400 });

describe("the CLI never crashes on random input", () => {
  const cases: Array<[string, fc.Arbitrary<string | Uint8Array>, string[]]> = [
    ["index, random bytes", fc.uint8Array({ maxLength: 600 }), ["index"]],
    ["index, damaged index CSV", damagedIndexCsv, ["index", "--unit", "municipality"]],
    ["benchmark, random text", randomText, ["benchmark"]],
    [
      "benchmark model mode, damaged CSV",
      damagedIndexCsv,
      ["benchmark", "--covariates", "activation_fte"],
    ],
  ];
  for (const [name, input, args] of cases) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(
          input,
          fc.constantFrom("csv", "json", "jsonl"),
          async (data, extension) => {
            const path = temp.write(
              `input-${counter++}.${extension}`,
              typeof data === "string" ? data : Buffer.from(data),
            );
            const result = await runCli([...args, "--input", path, "--format", "json"], {
              timeoutMs: RUN_MS,
            });
            expectCleanOutcome(result, path);
          },
        ),
        // 4 × 6 = 24 spawned runs keeps this file to a few seconds.
        { numRuns: RUNS },
      );
    });
  }
});
