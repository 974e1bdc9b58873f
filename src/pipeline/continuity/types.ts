/** The continuity pipeline's options and results (one unit in one quarter per row). */
export interface ContinuityOptions {
  /** The meeting log; the synthetic demo log when absent. */
  input?: string;
  unit: "jobcentre" | "municipality";
  /** One quarter; all quarters of the log when absent. */
  period?: string;
  /** The document's layout: the ranking, or one row per unit and quarter for `index`. */
  layout?: "ranking" | "index-input";
  /** `--decimal-mark` (a log has no number columns: recorded only) and `--sheet` (an .xlsx log's sheet). */
  decimalMark?: "," | ".";
  sheet?: string;
}

/** One unit in one quarter, as the JSON contract names it. */
export interface ContinuityRow {
  unit: string;
  name: string;
  period: string;
  /** The unit's municipality codes (a pooled jobcentre has two). */
  municipalities: string[];
  citizens: number | null;
  changes: number | null;
  changed_citizens: number | null;
  changes_per_100: number | null;
  changed_share: number | null;
  suppressed: boolean;
  rank: number | null;
  tied: boolean;
}

export interface ContinuityRun {
  options: ContinuityOptions;
  file: string;
  synthetic: boolean;
  rows: ContinuityRow[];
  periods: string[];
  meetings: number;
}
