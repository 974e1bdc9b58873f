import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CovariateSeries,
  parseCovariateSpec,
  splitCovariateList,
  termValues,
  valueAsOf,
} from "../../src/benchmark/covariates.js";
import { DiagnosticBag } from "../../src/diagnostics.js";

const series = (values: Array<[string, Array<[number | null, number]>]>): CovariateSeries => ({
  name: "x",
  file: "x.csv",
  values: new Map(
    values.map(([code, list]) => [
      code,
      list.map(([year, value], i) => ({ year, value, line: i + 2 })),
    ]),
  ),
});

describe("covariate specs", () => {
  it("splits on commas outside parentheses and reads log()", () => {
    expect(splitCovariateList("income, log(population_density),education")).toEqual([
      "income",
      "log(population_density)",
      "education",
    ]);
    expect(parseCovariateSpec("LOG( income )")).toEqual({
      term: "log(income)",
      name: "income",
      log: true,
    });
    expect(parseCovariateSpec("education")).toEqual({
      term: "education",
      name: "education",
      log: false,
    });
    expect(parseCovariateSpec("log(a(b))")).toBeUndefined();
    expect(parseCovariateSpec("sqrt(x)")).toBeUndefined();
  });
});

describe("valueAsOf: the latest year not after the period's year", () => {
  const s = series([
    [
      "530",
      [
        [2015, 1],
        [2019, 2],
        [2022, 3],
      ],
    ],
  ]);

  it("takes the latest year at or before", () => {
    expect(valueAsOf(s, "530", 2021)).toMatchObject({ value: 2, year: 2019, fallback: false });
    expect(valueAsOf(s, "530", 2022)).toMatchObject({ value: 3, year: 2022, fallback: false });
  });

  it("falls back to the earliest year, flagged, before the first observation", () => {
    expect(valueAsOf(s, "530", 2010)).toMatchObject({ value: 1, year: 2015, fallback: true });
  });

  it("uses an undated snapshot for any year, flagged", () => {
    expect(valueAsOf(series([["530", [[null, 7]]]]), "530", 2021)).toMatchObject({
      value: 7,
      year: null,
      fallback: true,
    });
  });

  it("has nothing for a municipality the file lacks", () => {
    expect(valueAsOf(s, "101", 2021)).toBeUndefined();
  });

  it("never uses a year after the period when an earlier one exists (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1995, max: 2035 }),
        (years, year) => {
          const sorted = [...years].sort((a, b) => a - b);
          const joined = valueAsOf(series([["530", sorted.map((y) => [y, y])]]), "530", year);
          const before = sorted.filter((y) => y <= year);
          return before.length > 0
            ? joined?.year === before.at(-1) && joined?.fallback === false
            : joined?.year === sorted[0] && joined?.fallback === true;
        },
      ),
    );
  });
});

describe("termValues", () => {
  it("logs positive values and reports non-positive ones by municipality, file and line", () => {
    const bag = new DiagnosticBag();
    const values = termValues(
      { term: "log(d)", name: "d", log: true },
      [
        { value: Math.E, file: "a.csv", line: 2 },
        { value: 0, file: "a.csv", line: 3 },
        { value: undefined, file: "a.csv", line: 4 },
      ],
      ["Billund", "Odense", "Aarhus"],
      bag,
    );
    expect(values[0]).toBeCloseTo(1, 15);
    expect(bag.items.map((d) => [d.code, d.line])).toEqual([
      ["E_LOG_NONPOSITIVE", 3],
      ["E_MISSING_COVARIATE", 4],
    ]);
    expect(bag.items[0]?.message).toContain("Odense");
  });
});
