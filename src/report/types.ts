/**
 * Every command builds one ReportDocument; every reporter (table, csv, json, md, html,
 * text) renders it. The JSON reporter writes `json` exactly (the CLI.md contract); the
 * text reporter writes `prose`; the others render `columns` × `rows` plus the notes.
 */
import type { Lang } from "../i18n/index.js";

export type ReportValue = string | number | boolean | null | undefined;

export interface ReportColumn {
  /** Key into each row. */
  key: string;
  /** Short header (table, md, html). */
  header: string;
  /** Header in CSV (stable, machine-friendly, e.g. `residual_pp`). Defaults to key. */
  csvHeader?: string;
  kind: "text" | "number" | "integer" | "rank" | "change";
  /** Decimals for display (table, md, html); CSV and JSON keep full precision. */
  digits?: number;
  /** For colouring: is a larger value better or worse? */
  better?: "higher" | "lower";
  /** Hide from the terminal table when width is tight. */
  optional?: boolean;
  /** Rank columns: the row key of a boolean that marks a shared place; shown as `7=`. */
  tiedKey?: string;
  /**
   * Row key of a short mark (e.g. `*` for an imputed value) appended to the displayed
   * cell; CSV and JSON keep the plain number.
   */
  markKey?: string;
  /** Only in CSV (machine columns such as `tied` or `imputed`), not in table/md/html. */
  csvOnly?: boolean;
  /** Not in CSV: a people's form of facts CSV has as plain columns (`3 (1–7)`). */
  tableOnly?: boolean;
  /**
   * Text columns of fixed machine values (`below`, `within`): the words people read for
   * them in table, md and html; CSV and JSON keep the value.
   */
  labels?: Readonly<Record<string, string>>;
}

export interface ReportRow {
  [key: string]: ReportValue;
}

/**
 * Row `r`'s cells for period `p` are at `r * periods.length + p`: `rank_<period>` is the
 * rank, or null where `rank` holds 0 (not ranked), and `tied_<period>` whether the place
 * is shared (null where not ranked).
 */
export interface RankCells {
  periods: string[];
  rank: Int32Array;
  tied: Uint8Array;
}

export interface ReportSection {
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export interface ReportDocument {
  /** The exact JSON document of CLI.md (including `options`). */
  json: Record<string, unknown>;
  title: string;
  /** e.g. "Period 2021QMAT04 · Ydelsesgrupper i alt · published mode". */
  subtitle: string;
  /** The language of the titles, labels and notes (`--lang`); numbers are shown in its style. */
  lang?: Lang;
  /** True when the input is the seeded synthetic demo data: every format says so. */
  synthetic: boolean;
  columns: ReportColumn[];
  /**
   * One row per unit. With `rankCells`, the rows lack those cells: reporters read rows
   * through `documentRows` (src/report/rows.ts), which adds them.
   */
  rows: ReportRow[];
  /**
   * Cells of the rows held as one matrix instead of in each row: a history's rank and
   * shared place in every period (`rank_2019K4`, `tied_2019K4`), which as row keys would
   * be 98 rows × 1,600 keys for 800 quarters.
   */
  rankCells?: RankCells;
  /**
   * Many times larger than other documents (a history of hundreds of quarters): the JSON
   * is written in pieces as it is made (src/report/json.ts, `writeJson`), not as one text.
   */
  large?: boolean;
  /** Further tables (model coefficients, group totals, history). */
  sections: ReportSection[];
  /** Method, sources, warnings: one sentence each. */
  notes: string[];
  /** For the HTML map and bar chart: which row key holds the municipality codes and the value. */
  chart?: {
    valueKey: string;
    valueLabel: string;
    labelKey: string;
    /** Row key holding a municipality code or a list of codes (jobcentres). */
    municipalitiesKey: string;
    better: "higher" | "lower";
  };
  /** For several periods: each unit's rank per period (HTML rank-trend chart, history). */
  trend?: {
    periods: string[];
    series: Array<{ id: string; name: string; ranks: Array<number | null> }>;
  };
  /**
   * For commands whose answer is prose (explain's sentences, check's verdict): the lines
   * the text reporter prints as they are. Such a document has no table.
   */
  prose?: string[];
  /** Funnel plot (METHOD.md C): ratio against expected persons, with the two pairs of limits. */
  funnel?: {
    tau2: number;
    /** The limits' normal quantiles, 95 % and 99.8 %. */
    q95: number;
    q998: number;
    points: Array<{
      id: string;
      name: string;
      expected: number;
      ratio: number;
      flag95: string;
      flag998: string;
    }>;
  };
  /** Rank intervals from the uncertainty analysis (HTML rank-interval chart). */
  intervals?: Array<{
    id: string;
    name: string;
    rank: number;
    low: number;
    median: number;
    high: number;
  }>;
  /**
   * Shares with their intervals, one small chart per panel (the survey: one per area):
   * value (dot) and low–high (whisker) on a 0–1 axis.
   */
  shareIntervals?: Array<{
    title: string;
    rows: Array<{ id: string; name: string; value: number; low: number; high: number }>;
  }>;
  /** `audit` (METHOD.md F): the correlation heat map and the leave-one-out rank shifts (HTML). */
  audit?: AuditCharts;
}

/** What the audit's HTML charts draw (src/report/audit-html.ts). */
export interface AuditCharts {
  indicators: Array<{ id: string; short: string }>;
  /** Pearson's r of the normalised indicators, in indicator order; null where undefined. */
  correlation: Array<Array<number | null>>;
  leaveOneOut: Array<{
    indicator: string;
    meanAbsRankChange: number;
    /** Each unit's rank with every indicator and without this one. */
    shifts: Array<{ id: string; name: string; rank: number; without: number }>;
  }>;
}
