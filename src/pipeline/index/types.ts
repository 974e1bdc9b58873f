/** What an index run computed: plain data for the document, its decorations and `explain`. */
import type { RankedQuarter } from "../../composite/history.js";
import type { CountRecord, PeriodScores, UnitIndicators } from "../../composite/types.js";
import type { IndexUncertainty } from "../../uncertainty/types.js";
import type { Grouping } from "../groups.js";
import type { LoadedMethod } from "./method.js";
import type { RecordedIndexOptions } from "./options.js";

export interface IndexRun {
  options: RecordedIndexOptions;
  method: LoadedMethod;
  /** The files read (absolute paths resolved for the default input). */
  files: string[];
  synthetic: boolean;
  /** All quarters in the input, chronological. */
  periods: string[];
  /** The selected quarter's ranking. */
  scores: PeriodScores;
  /** The selected quarter's raw values for every unit (before missing-data handling). */
  indicators: UnitIndicators[];
  /** The selected quarter's count records (for national figures). */
  records: CountRecord[];
  /**
   * Every quarter up to the selected one when `history`; else just the selected one. Each
   * but the last (the selected quarter's `scores`) as the history keeps it: ranks only.
   */
  history: Array<PeriodScores | RankedQuarter>;
  /** How many units the registry has in the selected quarter (jobcentres or municipalities). */
  unitsInRegistry: number;
  /** Ids of the registry's units of the selected quarter absent from the input, sorted. */
  unitsMissing: string[];
  /** Area names of the rows skipped as totals or regions (`Hele landet`, `Region …`), in input order. */
  skippedAggregates: string[];
  /** Rank intervals of the selected quarter, when `uncertainty` was asked for. */
  uncertainty?: IndexUncertainty;
  /** `--by region` or `--only NAME` on the selected quarter's ranking. */
  grouping?: Grouping;
}
