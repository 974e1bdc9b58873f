/** What a benchmark run computed: plain data for the document, its decorations and `explain`. */
import type { CovariateProvenance } from "../../benchmark/covariates.js";
import type { Funnel } from "../../benchmark/funnel.js";
import type { BenchmarkHistory } from "../../benchmark/history.js";
import type { ModelSummary } from "../../benchmark/model.js";
import type { Peer } from "../../benchmark/peers.js";
import type { BenchmarkWarning } from "../../benchmark/published.js";
import type { BenchmarkResult, Contradiction } from "../../benchmark/types.js";
import type { ReportDocument } from "../../report/types.js";
import type { FunnelRankIntervals } from "../../uncertainty/funnel-draws.js";
import type { BenchmarkUncertainty } from "../../uncertainty/types.js";
import type { FileRead } from "../files-read.js";
import type { Grouping } from "../groups.js";
import type { BenchmarkOptions } from "./options.js";

/** A municipality's actual and expected full-time persons, where its population is known. */
export interface Persons {
  actual: number | null;
  expected: number | null;
}

export interface BenchmarkRun {
  document: ReportDocument;
  exitCode: 0 | 1;
  /** Every file the run read (for `--out`'s refusal to replace one). */
  filesRead: FileRead[];
  /** Lines for standard error: the warnings, and why `--verify` failed. */
  messages: string[];
}

/** How many of the period's municipalities the input holds, and which it lacks (CLI.md). */
export interface Coverage {
  present: number;
  expected: number;
  /** Codes of the period's municipalities absent from the input, sorted. */
  missing: string[];
}

/** Everything a run computes, before it is laid out as a document (explain uses it too). */
export interface BenchmarkOutcome {
  options: BenchmarkOptions;
  mode: "published" | "model";
  period: string | null;
  group: string | null;
  results: BenchmarkResult[];
  contradictions: Contradiction[];
  coverage: Coverage;
  /** W_PUBLISHED_INCONSISTENT per municipality, W_SKIPPED_AGGREGATE_ROWS once. */
  warnings: BenchmarkWarning[];
  model?: ModelDetails;
  population: "input" | "implied" | "none";
  /** Per municipality code (group totals). */
  persons: Map<string, Persons>;
  /** Bootstrap rank intervals (model mode, `uncertainty`). */
  uncertainty?: BenchmarkUncertainty;
  /** `--by region` or `--only NAME`. */
  grouping?: Grouping;
  /** Funnel limits and shrinkage (METHOD.md C); null where E is not known (model mode without population). */
  funnel: Funnel | null;
  /** Published mode with `uncertainty`: rank intervals from funnel draws. */
  funnelIntervals?: FunnelRankIntervals;
  /** `--peers K`: the K nearest municipalities by framework conditions (METHOD.md D). */
  peers?: { terms: string[]; byMunicipality: Map<string, Peer[]> };
  /** `--history`: rank per period and persistence (METHOD.md E). */
  history?: BenchmarkHistory;
}

export interface ModelDetails {
  summary: ModelSummary;
  covariates: CovariateProvenance[];
  /** Per municipality code: its design values (after any log), in term order. */
  design: Map<string, number[]>;
  weights: "population" | null;
  loo: boolean;
  interval: number | null;
  /** Population aged 16–66 by municipality code, where known (the bootstrap of a WLS fit). */
  population: Map<string, number>;
}
