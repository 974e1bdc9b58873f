/**
 * Published mode (METHOD.md B1): STAR's own expected values, ranked again from the
 * published figures, with the published rank checked against the reproduced order.
 */
import { competitionRank } from "../rank.js";
import type { BenchmarkResult, Contradiction, Observation } from "./types.js";

/** Published shares carry two decimals, so residuals are compared at two decimals. */
export const PUBLISHED_DECIMALS = 2;

/** Rounded as published (and as src/rank.ts compares): half away from zero on the decimal text. */
export function roundPublished(value: number): number {
  return Number(value.toFixed(PUBLISHED_DECIMALS));
}

/** A result row before ranking. */
export type UnrankedResult = Omit<BenchmarkResult, "rank" | "tied">;

/**
 * Results from a Y30R21 slice: residual = the published difference in pct. points
 * (or actual − expected when the extract lacks that column).
 */
export function publishedResults(
  observations: readonly Observation[],
  regionOf: (code: string) => string | null,
): UnrankedResult[] {
  return observations.map((o) => {
    const expectedPct = o.expectedStarPct ?? Number.NaN;
    const residualPp = o.publishedResidualPp ?? roundPublished(o.actualPct - expectedPct);
    return {
      municipality: o.municipality,
      name: o.name,
      region: regionOf(o.municipality),
      actualPct: o.actualPct,
      expectedPct,
      residualPp,
      residualPersons: publishedPersons(o),
      ...(o.publishedRank !== undefined ? { publishedRank: o.publishedRank } : {}),
    };
  });
}

function publishedPersons(o: Observation): number | null {
  if (o.publishedResidualPersons !== undefined) return o.publishedResidualPersons;
  if (o.actualPersons !== undefined && o.expectedPersons !== undefined) {
    return o.actualPersons - o.expectedPersons;
  }
  return null;
}

/**
 * Ranks ascending by residual (most below expectation is 1), equal values sharing the best
 * rank. `decimals` compares rounded values (published mode); omit it for model residuals.
 * Rows come back in rank order, ties by code.
 */
export function rankResults(rows: readonly UnrankedResult[], decimals?: number): BenchmarkResult[] {
  const byCode = new Map(rows.map((r) => [r.municipality, r]));
  const ranked = competitionRank(
    rows.map((r) => ({ id: r.municipality, value: r.residualPp })),
    decimals === undefined ? { order: "asc" } : { order: "asc", decimals },
  );
  return ranked.map((r) => ({
    ...(byCode.get(r.id) as UnrankedResult),
    rank: r.rank,
    tied: r.tied,
  }));
}

/**
 * Every pair whose published ranks contradict the rounded residuals: a strictly smaller
 * rounded residual must have a strictly better (smaller) published rank. Equal rounded
 * residuals may be published in either order, since STAR ranked on unrounded numbers.
 */
export function findContradictions(results: readonly BenchmarkResult[]): Contradiction[] {
  const withRank = results
    .filter((r): r is BenchmarkResult & { publishedRank: number } => r.publishedRank !== undefined)
    .map((r) => ({
      municipality: r.municipality,
      name: r.name,
      residualPp: roundPublished(r.residualPp),
      publishedRank: r.publishedRank,
    }))
    .sort((a, b) => a.residualPp - b.residualPp || a.publishedRank - b.publishedRank);
  if (!anyContradiction(withRank)) return [];
  const found: Contradiction[] = [];
  for (let i = 0; i < withRank.length; i++) {
    for (let j = i + 1; j < withRank.length; j++) {
      const better = withRank[i] as (typeof withRank)[number];
      const worse = withRank[j] as (typeof withRank)[number];
      if (better.residualPp < worse.residualPp && better.publishedRank >= worse.publishedRank) {
        found.push({ better, worse });
      }
    }
  }
  return found;
}

/**
 * Whether any pair of these rows contradicts, in one pass: each row's published rank
 * against the highest of the rows before it with another rounded residual (rows of equal
 * residuals are together, so those are the runs before the row's own). The pair loop
 * lists them; most periods have none, and its 4,753 pairs of 98 rows, run once in a fresh
 * process (V8's interpreter), cost about 4 M instructions.
 */
function anyContradiction(
  sorted: ReadonlyArray<{ residualPp: number; publishedRank: number }>,
): boolean {
  let before = Number.NEGATIVE_INFINITY;
  let run = Number.NEGATIVE_INFINITY;
  let residual = Number.NaN;
  for (const r of sorted) {
    if (!(r.residualPp === residual)) {
      if (run > before) before = run;
      run = Number.NEGATIVE_INFINITY;
      residual = r.residualPp;
    }
    if (before >= r.publishedRank) return true;
    if (r.publishedRank > run) run = r.publishedRank;
  }
  return false;
}

/** A problem with the input that does not stop the run (CLI.md `warnings`). */
export interface BenchmarkWarning {
  code: "W_PUBLISHED_INCONSISTENT" | "W_SKIPPED_AGGREGATE_ROWS";
  /** The municipality code it concerns; null for warnings about the input as a whole. */
  municipality: string | null;
  message: string;
}

/** Shares are published to two decimals: their difference may be off by up to 0.01. */
export const PCT_TOLERANCE = 0.015;
/** Counts are published rounded to tens: their difference may be off by up to 10. */
export const PERSONS_TOLERANCE = 15;

/**
 * Published rows whose own figures disagree beyond rounding (CLI.md
 * `W_PUBLISHED_INCONSISTENT`): |actual_pct − expected_pct − difference_pp| > 0.015, or
 * |actual − expected − difference| > 15 persons, or a published rank outside 1…`ranked`
 * (the number of municipalities STAR ranked, 98) or given to two municipalities.
 * One warning per municipality, naming every problem of its row; in code order.
 */
export function findPublishedInconsistencies(
  observations: readonly Observation[],
  ranked: number,
): BenchmarkWarning[] {
  const problems = new Map<string, { name: string; reasons: string[] }>();
  const add = (o: Observation, reason: string) => {
    const entry = problems.get(o.municipality) ?? { name: o.name, reasons: [] };
    entry.reasons.push(reason);
    problems.set(o.municipality, entry);
  };
  const byRank = new Map<number, Observation[]>();
  for (const o of observations) {
    if (o.expectedStarPct !== undefined && o.publishedResidualPp !== undefined) {
      const off = o.actualPct - o.expectedStarPct - o.publishedResidualPp;
      if (Math.abs(off) > PCT_TOLERANCE) {
        add(
          o,
          `actual share ${o.actualPct} − expected share ${o.expectedStarPct} = ${roundPublished(o.actualPct - o.expectedStarPct)} pct. points, but the published difference is ${o.publishedResidualPp}`,
        );
      }
    }
    if (
      o.actualPersons !== undefined &&
      o.expectedPersons !== undefined &&
      o.publishedResidualPersons !== undefined
    ) {
      const off = o.actualPersons - o.expectedPersons - o.publishedResidualPersons;
      if (Math.abs(off) > PERSONS_TOLERANCE) {
        add(
          o,
          `actual ${o.actualPersons} − expected ${o.expectedPersons} = ${o.actualPersons - o.expectedPersons} persons, but the published difference is ${o.publishedResidualPersons}`,
        );
      }
    }
    if (o.publishedRank !== undefined) {
      if (!Number.isInteger(o.publishedRank) || o.publishedRank < 1 || o.publishedRank > ranked) {
        add(o, `published rank ${o.publishedRank} is outside 1…${ranked}`);
      } else {
        byRank.set(o.publishedRank, [...(byRank.get(o.publishedRank) ?? []), o]);
      }
    }
  }
  for (const [rank, holders] of byRank) {
    if (holders.length < 2) continue;
    for (const o of holders) {
      const others = holders.filter((h) => h !== o).map((h) => `${h.name} (${h.municipality})`);
      add(o, `published rank ${rank} is also given to ${others.join(", ")}`);
    }
  }
  return [...problems.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { name, reasons }]) => ({
      code: "W_PUBLISHED_INCONSISTENT" as const,
      municipality: code,
      message: `${name} (${code}): the published row is inconsistent: ${reasons.join("; ")}`,
    }));
}
