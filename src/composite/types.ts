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
  /** True when `value` is the quarter's mean standing in for a missing value. */
  imputed: boolean;
}

export interface ScoredUnit {
  unit: IndexUnit;
  score: number;
  rank: number;
  tied: boolean;
  indicators: Record<string, ScoredIndicator>;
}

/** A missing indicator value, as reported to the user. */
export interface MissingCell {
  unit: IndexUnit;
  period: string;
  indicator: string;
  cause: MissingCause;
  sources: SourceLine[];
}

/** The ranking of one period. */
export interface PeriodScores {
  period: string;
  /** Ordered by rank, then id. */
  units: ScoredUnit[];
  /** Units left out by `--missing drop`, with what was missing. */
  dropped: MissingCell[];
  /** Values filled in by `--missing impute-mean`. */
  imputed: MissingCell[];
}
