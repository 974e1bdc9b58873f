/**
 * Caseworker continuity (METHOD.md H) over a meeting log held as columns of numbers:
 * citizens, caseworkers and municipalities are indices into the reader's own lists, so
 * the core never sees an id and memory stays a few bytes per meeting.
 */
export interface MeetingColumns {
  length: number;
  /** Index of the citizen (pseudonym interned by the reader). */
  citizen: Int32Array;
  /** The meeting's date as the number yyyymmdd (2022-03-31 → 20220331). */
  date: Int32Array;
  /** Index of the caseworker. */
  caseworker: Int32Array;
  /** Index of the meeting's municipality. */
  municipality: Int32Array;
}

/** A quarter as one number: year · 4 + (quarter − 1), so 2022K1 → 8088. */
export type QuarterNumber = number;

/** Counts for one unit in one quarter, before rates and suppression. */
export interface ContinuityCell {
  unit: number;
  quarter: QuarterNumber;
  /** Distinct citizens with a meeting in the unit and quarter. */
  citizens: number;
  /** Meetings in the unit and quarter whose caseworker differs from the citizen's previous meeting. */
  changes: number;
  /** Citizens with at least one such change in the unit and quarter. */
  changedCitizens: number;
}

export interface ContinuityResult {
  unit: number;
  quarter: QuarterNumber;
  suppressed: boolean;
  /** null when suppressed (under the minimum number of citizens). */
  citizens: number | null;
  changes: number | null;
  changedCitizens: number | null;
  changesPer100: number | null;
  changedShare: number | null;
  /** Rank by changes per 100 within the quarter, lower is better; null when suppressed. */
  rank: number | null;
  tied: boolean;
}
