/**
 * Model mode against R's lm() (fixtures/benchmark/lm-*.json, made by
 * scripts/benchmark-lm-fixture.R on fixtures/benchmark/lm-input.csv): the whole run, from the
 * CSV to the JSON document, must agree to a relative 1e-9.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";

interface LmTruth {
  covariates: string[];
  weights: "population" | null;
  n: number;
  k: number;
  terms: string[];
  estimate: number[];
  std_error: number[];
  t: number[];
  p: number[];
  r2: number;
  adj_r2: number;
  sigma: number;
  municipalities: string[];
  fitted: number[];
  residuals: number[];
  leverage: number[];
  interval90_lower: number[];
  interval90_upper: number[];
}

const INPUT = "fixtures/benchmark/lm-input.csv";
const RELATIVE = 1e-9;

function expectClose(actual: unknown, expected: number, scale = Math.abs(expected)): void {
  expect(typeof actual).toBe("number");
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${actual} vs ${expected}`).toBeLessThanOrEqual(
    RELATIVE * Math.max(scale, Number.MIN_VALUE),
  );
}

for (const name of ["ols", "log", "wls"]) {
  describe(`model mode equals R lm: ${name}`, async () => {
    const truth = JSON.parse(readFileSync(`fixtures/benchmark/lm-${name}.json`, "utf8")) as LmTruth;
    const { document } = await runBenchmark({
      inputs: [INPUT],
      covariates: [truth.covariates.join(",")],
      weights: truth.weights,
    });
    const json = document.json as {
      model: Record<string, unknown> & { coefficients: Array<Record<string, unknown>> };
      results: Array<Record<string, unknown>>;
    };

    it("has n, k, R², adjusted R² and sigma", () => {
      expect(json.model.n).toBe(truth.n);
      expect(json.model.k).toBe(truth.k);
      expectClose(json.model.r2, truth.r2);
      expectClose(json.model.adj_r2, truth.adj_r2);
      expectClose(json.model.sigma, truth.sigma);
    });

    it("has the coefficients, standard errors, t and p values", () => {
      expect(json.model.coefficients.map((c) => c.term)).toEqual(truth.terms);
      json.model.coefficients.forEach((c, j) => {
        expectClose(c.estimate, truth.estimate[j] as number);
        expectClose(c.std_error, truth.std_error[j] as number);
        expectClose(c.t, truth.t[j] as number);
        // p values pass through the t distribution's tail: agree to 1e-9 relative as well.
        expectClose(c.p, truth.p[j] as number);
      });
    });

    it("has every fitted value and residual", () => {
      const byName = new Map(json.results.map((r) => [r.name, r]));
      truth.municipalities.forEach((m, i) => {
        const row = byName.get(m);
        expect(row, m).toBeDefined();
        expectClose(row?.expected_pct, truth.fitted[i] as number);
        expectClose(row?.residual_pp, truth.residuals[i] as number);
      });
    });
  });
}

describe("leave-one-out and prediction intervals against R", async () => {
  for (const name of ["ols", "wls"]) {
    const truth = JSON.parse(readFileSync(`fixtures/benchmark/lm-${name}.json`, "utf8")) as LmTruth;
    const run = (extra: Record<string, unknown>) =>
      runBenchmark({
        inputs: [INPUT],
        covariates: [truth.covariates.join(",")],
        weights: truth.weights,
        ...extra,
      });
    const byName = (json: Record<string, unknown>) =>
      new Map((json.results as Array<Record<string, unknown>>).map((r) => [r.name as string, r]));

    it(`${name}: 90% prediction intervals equal R's predict(interval = "prediction")`, async () => {
      const rows = byName((await run({ interval: 0.9 })).document.json);
      truth.municipalities.forEach((m, i) => {
        const interval = rows.get(m)?.interval as {
          lower: number;
          upper: number;
          position: string;
        };
        expectClose(interval.lower, truth.interval90_lower[i] as number);
        expectClose(interval.upper, truth.interval90_upper[i] as number);
        const actual = rows.get(m)?.actual_pct as number;
        const position =
          actual < interval.lower ? "below" : actual > interval.upper ? "above" : "within";
        expect(interval.position).toBe(position);
      });
    });

    it(`${name}: leave-one-out expectations equal y − e/(1 − h) from R's residuals and hat values`, async () => {
      const rows = byName((await run({ loo: true })).document.json);
      truth.municipalities.forEach((m, i) => {
        const e = truth.residuals[i] as number;
        const h = truth.leverage[i] as number;
        const actual = rows.get(m)?.actual_pct as number;
        expectClose(rows.get(m)?.expected_pct, actual - e / (1 - h));
      });
    });
  }
});
