/**
 * Model mode against R's lm() (fixtures/benchmark/lm-*.json, made by
 * scripts/benchmark-lm-fixture.R on fixtures/benchmark/lm-input.csv): the whole run, from the
 * CSV to the JSON document, must agree to a relative 1e-9.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/benchmark/run.js";

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
