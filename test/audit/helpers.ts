/** Test helpers: the fixtures of scripts/audit-fixture.py and a 1e-9 comparison. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(`fixtures/audit/${name}`, "utf8")) as T;
}

/** |actual − expected| ≤ 1e-9 · max(1, |expected|). */
export function close(actual: number | null | undefined, expected: number, what = ""): void {
  expect(actual, what).not.toBeNull();
  expect(actual, what).not.toBeUndefined();
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(
    Math.abs((actual as number) - expected),
    `${what}: ${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(tolerance);
}

export interface Statistics {
  n: number;
  mean: number;
  sd: number;
  skewness: number;
  kurtosis: number;
  min: number;
  max: number;
  outlier_flag: boolean;
}

export interface Structure {
  correlation: number[][];
  cronbach_alpha: number;
  variance_share: number[];
}

export function closeStatistics(
  actual: {
    n: number;
    mean: number | null;
    sd: number | null;
    skewness: number | null;
    kurtosis: number | null;
    min: number | null;
    max: number | null;
  } & ({ outlierFlag: boolean } | { outlier_flag: boolean }),
  expected: Statistics,
  what: string,
): void {
  expect(actual.n, what).toBe(expected.n);
  for (const key of ["mean", "sd", "skewness", "kurtosis", "min", "max"] as const) {
    close(actual[key], expected[key], `${what} ${key}`);
  }
  const flag = "outlierFlag" in actual ? actual.outlierFlag : actual.outlier_flag;
  expect(flag, `${what} outlier flag`).toBe(expected.outlier_flag);
}
