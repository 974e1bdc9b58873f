/**
 * The benchmark's domain records. Field names are camelCase here; the pipeline's
 * `document-json.ts` writes the snake_case JSON of CLI.md from them.
 */

/** One municipality in one period and benefit group, as read from an input. */
export interface Observation {
  /** 3-digit municipality code. */
  municipality: string;
  name: string;
  /** Where it was read, for diagnostics that point at the row. */
  file: string;
  line: number;
  /** Actual share of the 16–66-year-olds on public support (full-time persons), pct. */
  actualPct: number;
  /** STAR's expected share (Y30R21 only), pct. */
  expectedStarPct?: number;
  /** STAR's published difference actual − expected, pct. points (Y30R21 only). */
  publishedResidualPp?: number;
  actualPersons?: number;
  expectedPersons?: number;
  /** STAR's published difference in full-time persons (Y30R21 only). */
  publishedResidualPersons?: number;
  /** Population aged 16–66 when known (given, or implied by a Y30R21 extract). */
  population?: number;
  publishedRank?: number;
  /** Covariate columns of the input row, by header as written. */
  columns: Record<string, number | undefined>;
}

/** How a municipality's result sits against a prediction interval. */
export type IntervalPosition = "below" | "within" | "above";

export interface BenchmarkResult {
  municipality: string;
  name: string;
  /** ISO 3166-2 region code (DK-81 … DK-85), null when unknown. */
  region: string | null;
  actualPct: number;
  expectedPct: number;
  residualPp: number;
  residualPersons: number | null;
  rank: number;
  tied: boolean;
  publishedRank?: number;
  /** Model mode on a Y30R21 extract: STAR's own expected share, for comparison. */
  expectedStarPct?: number;
  /** residualPersons × cost per full-time person (DKK a year); positive = a cost. */
  costDkk?: number | null;
  interval?: { lower: number; upper: number; position: IntervalPosition };
}

/** A pair of municipalities whose published ranks contradict their rounded residuals. */
export interface Contradiction {
  /** The one with the smaller rounded residual (should rank better). */
  better: ContradictionSide;
  worse: ContradictionSide;
}

export interface ContradictionSide {
  municipality: string;
  name: string;
  residualPp: number;
  publishedRank: number;
}
