/** Test helpers: synthetic quarters of raw indicator values, without readers or registry. */
import { readFileSync } from "node:fs";
import { type MethodProfile, parseMethodProfile } from "../../src/composite/profile.js";
import type { UnitIndicators } from "../../src/composite/types.js";
import { createRandom } from "../../src/uncertainty/random.js";

export const INDICATORS = [
  "upskilling_share",
  "sickness_duration",
  "nonwestern_excess_unemployment",
  "activation_rate",
  "unemployment_duration",
] as const;

/** Plausible levels and spreads of the five fh indicators (mean, sd). */
const LEVELS: Record<(typeof INDICATORS)[number], [number, number]> = {
  upskilling_share: [25, 6],
  sickness_duration: [11, 2],
  nonwestern_excess_unemployment: [6, 2],
  activation_rate: [30, 7],
  unemployment_duration: [14, 3],
};

function unitOf(i: number, values: Record<string, number | null>): UnitIndicators {
  const id = String(100 + i);
  return {
    unit: { id, name: `Unit ${id}`, municipalities: [id] },
    period: "2019K4",
    counts: {},
    values,
    missing: Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v === null)
        .map(([k]) => [k, { kind: "missing_count" as const, column: k }]),
    ),
    sources: [],
  };
}

/** `n` units with normally drawn indicator values (seeded). */
export function syntheticUnits(n: number, seed = 1): UnitIndicators[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) =>
    unitOf(
      i,
      Object.fromEntries(
        INDICATORS.map((id) => {
          const [m, sd] = LEVELS[id];
          return [id, m + sd * random.normal()];
        }),
      ),
    ),
  );
}

/** Units from explicit rows of the five values (null = missing). */
export function unitsFrom(rows: ReadonlyArray<ReadonlyArray<number | null>>): UnitIndicators[] {
  return rows.map((row, i) =>
    unitOf(i, Object.fromEntries(INDICATORS.map((id, j) => [id, row[j] ?? null]))),
  );
}

export function profileWith(changes: Record<string, unknown> = {}): MethodProfile {
  const raw = JSON.parse(readFileSync("data/methods/fh.json", "utf8")) as Record<string, unknown>;
  return parseMethodProfile({ ...raw, ...changes }, "test.json");
}
