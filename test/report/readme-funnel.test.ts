/**
 * The numbers of README.md's "Funnel limits on the shipped data", checked against a run:
 * φ and τ², who lies outside the 95 % and 99.8 % limits (in rank order), the thresholds
 * quoted for Læsø and København, and the rank intervals of 10,000 funnel draws (seed 1).
 * A README that drifts from the code fails here.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Q95 } from "../../src/benchmark/funnel.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import type { ReportDocument } from "../../src/report/types.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const start = readme.indexOf("### Funnel limits on the shipped data");
const section = readme.slice(start, readme.indexOf("\n## ", start)).replace(/\s+/g, " ");

interface Result {
  name: string;
  funnel: { flag95: string; flag998: string };
  rank_interval: { low: number; high: number };
}

/** The names in the parentheses after `label`, in the README's order. */
function namesAfter(label: RegExp): string[] {
  const m = new RegExp(`${label.source} \\(([^)]*)\\)`).exec(section);
  expect(m, label.source).not.toBeNull();
  return (m?.[1] ?? "").split(", ");
}

function count(label: RegExp): number {
  const m = label.exec(section);
  expect(m, label.source).not.toBeNull();
  return Number(m?.[1]);
}

describe("README: funnel limits on the shipped data", () => {
  let doc: ReportDocument;
  let results: Result[];
  beforeAll(async () => {
    doc = (await runBenchmark({ command: "benchmark", uncertainty: 10000, seed: 1 })).document;
    results = doc.json.results as Result[];
  });
  const outside = (level: "flag95" | "flag998", flag: string) =>
    results.filter((r) => r.funnel[level] === flag).map((r) => r.name);

  it("finds the section", () => {
    expect(start).toBeGreaterThan(0);
    expect(section).toContain("docs/funnel.png");
  });

  it("quotes φ and τ² as the run gives them", () => {
    const funnel = doc.json.funnel as { phi: number; tau2: number };
    expect(section).toContain(`φ = ${funnel.phi.toFixed(2)} and τ² = ${funnel.tau2.toFixed(5)}`);
  });

  it("names who lies outside the 95 % and 99.8 % limits, and how many are within", () => {
    const below95 = outside("flag95", "below");
    const above95 = outside("flag95", "above");
    expect(
      count(/\*\*(\d+) municipalities are clearly below expectation at the 95 % limit\*\*/),
    ).toBe(below95.length);
    expect(namesAfter(/at the 95 % limit\*\*/)).toEqual(below95);
    expect(count(/\*\*(\d+) clearly above\*\*/)).toBe(above95.length);
    expect(namesAfter(/\*\*\d+ clearly above\*\*/)).toEqual(above95);
    const below998 = outside("flag998", "below");
    const above998 = outside("flag998", "above");
    expect(count(/at 99\.8 %, (\d+) below/)).toBe(below998.length);
    expect(namesAfter(/at 99\.8 %, \d+ below/)).toEqual(below998);
    expect(count(/ and (\d+) above \(/)).toBe(above998.length);
    expect(namesAfter(/and \d+ above/)).toEqual(above998);
    expect(count(/The other (\d+) are within the limits/)).toBe(
      results.length - below95.length - above95.length,
    );
  });

  it("quotes the 95 % limit at Læsø's and København's expected persons", () => {
    const tau2 = (doc.json.funnel as { tau2: number }).tau2;
    for (const name of ["Læsø", "København"]) {
      const p = doc.funnel?.points.find((x) => x.name === name);
      expect(p, name).toBeDefined();
      const e = p?.expected as number;
      const upper = 1 + Q95 * Math.sqrt(1 / e + tau2);
      const persons = e.toLocaleString("en-US");
      expect(section).toContain(
        `${name} (${persons} expected persons, ratio ${p?.ratio.toFixed(2)})`,
      );
      expect(section).toMatch(
        new RegExp(
          `${name} \\(${persons} expected persons[^)]*\\)[^,]* (a ratio )?above ${upper.toFixed(2)}`,
        ),
      );
    }
  });

  it("quotes the rank intervals of 10,000 funnel draws, seed 1", () => {
    for (const name of ["Gladsaxe", "Billund", "Læsø"]) {
      const r = results.find((x) => x.name === name);
      expect(section).toContain(`${name} ${r?.rank_interval.low}–${r?.rank_interval.high}`);
    }
  });
});
