import { describe, expect, it } from "vitest";
import { compareDocuments, formatChangeLine, numbersAgree } from "../src/pipeline/check/compare.js";

const golden = {
  command: "index",
  period: "2019K4",
  options: { inputs: ["a.csv"] },
  results: [
    { id: "561-563", name: "Esbjerg-Fanø", score: 1.25, rank: 1, indicators: { a: { value: 10 } } },
    { id: "530", name: "Billund", score: -0.5, rank: 2, indicators: { a: { value: 5 } } },
  ],
};

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

describe("compareDocuments", () => {
  it("finds nothing when the documents agree, whatever the recorded options", () => {
    const current = clone(golden);
    current.options.inputs = ["elsewhere/a.csv"];
    expect(compareDocuments(golden, current, { tolerance: 1e-9 })).toEqual([]);
  });

  it("accepts numbers within the relative tolerance and refuses those outside", () => {
    const current = clone(golden);
    (current.results[0] as { score: number }).score = 1.25 * (1 + 5e-10);
    expect(compareDocuments(golden, current, { tolerance: 1e-9 })).toEqual([]);
    (current.results[0] as { score: number }).score = 1.25 * (1 + 5e-9);
    const changes = compareDocuments(golden, current, { tolerance: 1e-9 });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ unit: "561-563", field: "score", old: 1.25 });
  });

  it("compares ranks exactly even with a loose tolerance, naming the unit", () => {
    const current = clone(golden);
    (current.results[1] as { rank: number }).rank = 3;
    const changes = compareDocuments(golden, current, { tolerance: 0.5 });
    expect(changes.map(formatChangeLine)).toEqual(["530  rank: 2 → 3"]);
  });

  it("reports nested fields, the period and missing units", () => {
    const current = clone(golden);
    current.period = "2020K1";
    (current.results[0] as { indicators: { a: { value: number } } }).indicators.a.value = 11;
    current.results.pop();
    const lines = compareDocuments(golden, current, { tolerance: 1e-9 }).map(formatChangeLine);
    expect(lines).toEqual([
      '(document)  period: "2019K4" → "2020K1"',
      '530  (unit): "present" → "absent"',
      "561-563  indicators.a.value: 10 → 11",
    ]);
  });

  it("treats the tolerance as relative", () => {
    expect(numbersAgree(1e12, 1e12 + 1, 1e-9)).toBe(true);
    expect(numbersAgree(1e-12, 2e-12, 1e-9)).toBe(false);
    expect(numbersAgree(0, 0, 0)).toBe(true);
  });
});
