/** Plain data shared by the index pipeline: counts in, scored units out. */
import type { MissingReason } from "./expression.js";

/** Where a row came from, so problems can point at file:line. */
export interface SourceLine {
  file: string;
  line: number;
}

/** One input row: counts for one municipality in one quarter. */
export interface CountRecord {
  /** 3-digit municipality code. */
  municipality: string;
  /** Canonical period text, e.g. `2019K4`. */
  period: string;
  /** Count per input column; null where the cell was empty. */
  counts: Record<string, number | null>;
  source: SourceLine;
}

/** What is ranked: a jobcentre (one or two municipalities) or a single municipality. */
export interface IndexUnit {
  /** `561-563` for a jobcentre, `561` for a municipality. */
  id: string;
  name: string;
  /** Member codes, lead first. */
  municipalities: string[];
}

/** Why an indicator has no value for a unit; `source` is the row lacking the count. */
export type MissingCause =
  | (MissingReason & { kind: "zero_denominator" })
  | { kind: "missing_count"; column: string; source?: SourceLine }
  | { kind: "missing_row"; municipality: string };

/** A unit's summed counts and raw indicator values in one period. */
export interface UnitIndicators {
  unit: IndexUnit;
  period: string;
  /** Counts summed over member municipalities; null if any member lacks the count. */
  counts: Record<string, number | null>;
  /** Raw indicator value by id; null when missing. */
  values: Record<string, number | null>;
  /** For each missing indicator: why. */
  missing: Record<string, MissingCause>;
  /** Input rows summed into this unit. */
  sources: SourceLine[];
}

/** One indicator of one scored unit. */
export interface ScoredIndicator {
  value: number;
  normalised: number;
  /** True when `value` stands in for a missing value (the profile's `missing` says which). */
  imputed: boolean;
  /** Set when outlier treatment changed the value: how, and the value normalised. */
  treated?: "winsorised" | "log";
  treatedValue?: number;
}

export interface ScoredUnit {
  unit: IndexUnit;
  score: number;
  rank: number;
  tied: boolean;
  indicators: Record<string, ScoredIndicator>;
  /** Benefit-of-the-doubt: the unit's own most favourable weights (shares summing to 1). */
  weights?: number[];
}

/** What stood in for a missing value, for the group and previous-quarter imputations. */
export type Imputation =
  | { method: "group-mean"; from: string; value: number }
  | { method: "previous"; from: string; value: number };

/** How one indicator was treated for outliers in one quarter (COINr's rule, treat.ts). */
export interface IndicatorTreatment {
  indicator: string;
  method: "none" | "winsorised" | "log";
  /** Values changed by winsorising. */
  winsorised: number;
  skewnessBefore: number;
  kurtosisBefore: number;
  skewnessAfter: number;
  kurtosisAfter: number;
}

/** A missing indicator value, as reported to the user. */
export interface MissingCell {
  unit: IndexUnit;
  period: string;
  indicator: string;
  cause: MissingCause;
  sources: SourceLine[];
  /** Group-mean and previous-quarter imputation: what stood in. */
  imputation?: Imputation;
  /** Why no value could be imputed (then the cell is an error). */
  unavailable?: string;
}

/** The ranking of one period. */
export interface PeriodScores {
  period: string;
  /** Ordered by rank, then id. */
  units: ScoredUnit[];
  /** Units left out by `--missing drop`, with what was missing. */
  dropped: MissingCell[];
  /** Values filled in by `--missing impute-mean` (or another imputation). */
  imputed: MissingCell[];
  /** Per indicator, when the profile has outlier treatment. */
  treatment?: IndicatorTreatment[];
  /** The quarter's weights, when the profile computes them (`weighting: pca`). */
  weights?: number[];
}

/**
 * What a history keeps of one quarter's ranking (`rankIndex`, src/composite/score.ts):
 * each unit's rank, shared place and score, in the ranking's order. A few bytes a unit,
 * where the quarter's `PeriodScores` takes most of a kilobyte.
 */
export interface RankedQuarter {
  period: string;
  units: readonly IndexUnit[];
  rank: Int32Array;
  tied: Uint8Array;
  score: Float64Array;
}
