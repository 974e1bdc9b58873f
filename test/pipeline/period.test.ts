/**
 * `--period` is parsed and checked once, when the options are normalised: a bad one is
 * refused by every command with the same UsageError (code E_PERIOD) before any input is
 * opened, here shown with inputs that do not exist.
 */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/diagnostics.js";
import { type Period, parsePeriod } from "../../src/period.js";
import { explainBenchmark } from "../../src/pipeline/benchmark/explain.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { rerun } from "../../src/pipeline/check/rerun.js";
import { runExplain } from "../../src/pipeline/explain/run.js";
import { explainIndex } from "../../src/pipeline/index/explain.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { choosePeriod, PERIOD_CODE, parsePeriodOption } from "../../src/pipeline/period.js";

const p = (text: string) => parsePeriod(text) as Period;
const MISSING = ["/nonexistent/jobindex-input.csv"];

async function refusal(run: () => Promise<unknown>): Promise<UsageError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("parsePeriodOption", () => {
  it("reads every spelling; absent is undefined", () => {
    expect(parsePeriodOption("2019Q4")).toEqual(p("2019K4"));
    expect(parsePeriodOption("2021QMAT04")).toEqual(p("2021QMAT04"));
    expect(parsePeriodOption(undefined)).toBeUndefined();
    expect(parsePeriodOption(null)).toBeUndefined();
  });

  it("refuses a bad period with code E_PERIOD, and a non-quarter where a quarter is wanted", () => {
    expect(() => parsePeriodOption("1950X4")).toThrow(
      "--period expects a period such as 2019K4, 2019Q4, 2021QMAT04, 2024M06 or 2022, got '1950X4' [E_PERIOD]",
    );
    expect(() => parsePeriodOption(42)).toThrow(/got 42 \[E_PERIOD\]/);
    expect(() => parsePeriodOption("2021", "quarter")).toThrow(
      "--period expects a quarter such as 2019K4 or 2019Q4 (the index is quarterly), got '2021' [E_PERIOD]",
    );
    try {
      parsePeriodOption("1950X4");
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).code).toBe(PERIOD_CODE);
    }
  });
});

describe("choosePeriod", () => {
  const available = [p("2021K3"), p("2021K4"), p("2022K1")];

  it("is the latest without a request, the request when the input has it", () => {
    expect(choosePeriod(undefined, available)).toEqual(p("2022K1"));
    expect(choosePeriod(p("2021Q4"), available)).toEqual(p("2021K4"));
    expect(choosePeriod(undefined, [])).toBeUndefined();
    // An input without periods (a model input for one period) takes the period asked for.
    expect(choosePeriod(p("2021QMAT04"), [])).toEqual(p("2021QMAT04"));
  });

  it("refuses a period the input does not have, naming the ones it has", () => {
    expect(() => choosePeriod(p("2018K1"), available)).toThrow(
      "--period 2018K1 is not in the input, which has 2021K3–2022K1 (3 periods) [E_PERIOD]",
    );
    expect(() => choosePeriod(p("2018K1"), [p("2021K4")])).toThrow(
      "--period 2018K1 is not in the input, which has only 2021K4 [E_PERIOD]",
    );
  });
});

describe("a bad --period is refused before any input is opened", () => {
  const runs: Array<[string, () => Promise<unknown>]> = [
    ["index", () => runIndex({ inputs: MISSING, period: "1950X4" })],
    ["benchmark", () => runBenchmark({ inputs: MISSING, period: "1950X4" })],
    ["explain (index)", () => explainIndex({ unit: "Billund", inputs: MISSING, period: "1950X4" })],
    [
      "explain (benchmark)",
      () => explainBenchmark({ unit: "Billund", inputs: MISSING, period: "1950X4" }),
    ],
    ["explain (auto)", () => runExplain({ unit: "Billund", inputs: MISSING, period: "1950X4" })],
    ["check's rerun", () => rerun({ command: "index", inputs: MISSING, period: "1950X4" })],
  ];

  for (const [name, run] of runs) {
    it(`${name}: the period error, not file-not-found`, async () => {
      const error = await refusal(run);
      expect(error.code).toBe("E_PERIOD");
      expect(error.message).toBe(
        "--period expects a period such as 2019K4, 2019Q4, 2021QMAT04, 2024M06 or 2022, got '1950X4' [E_PERIOD]",
      );
    });
  }

  it("the index wants a quarter, and says so before reading", async () => {
    const error = await refusal(() => runIndex({ inputs: MISSING, period: "2021QMAT04" }));
    expect(error.message).toMatch(/expects a quarter .* \[E_PERIOD\]$/);
  });

  it("a period not in the input has the same code in the index and the benchmark", async () => {
    const index = await refusal(() => runIndex({ period: "2018K1" }));
    const benchmark = await refusal(() => runBenchmark({ period: "2019K4" }));
    expect(index.message).toBe(
      "--period 2018K1 is not in the input, which has 2019K1–2024K4 (24 periods) [E_PERIOD]",
    );
    expect(benchmark.message).toBe(
      "--period 2019K4 is not in the input, which has 2020QMAT02–2021QMAT04 (4 periods) [E_PERIOD]",
    );
  });
});
