/**
 * The programmatic API: what the command line itself calls. Heavy parts (model mode, HTML,
 * uncertainty) stay behind dynamic imports inside these functions.
 */

export { explainBenchmark } from "./benchmark/explain.js";
export { runBenchmark } from "./benchmark/run.js";
export { type Change, compareDocuments, formatChangeLine } from "./check.js";
export { explainIndex } from "./composite/explain.js";
export { runIndex } from "./composite/run.js";
export { type Diagnostic, formatDiagnostic, InputError, UsageError } from "./diagnostics.js";
export { comparePeriods, formatPeriod, type Period, parsePeriod } from "./period.js";
export { competitionRank, formatRank } from "./rank.js";
export { readTable } from "./read/index.js";
export { loadRegistry } from "./registry/index.js";
export type { ReportDocument } from "./report/types.js";
export { rerun } from "./run.js";
