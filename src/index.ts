/**
 * The programmatic API: what the command line itself calls. Heavy parts (model mode, HTML,
 * uncertainty) stay behind dynamic imports inside these functions.
 *
 * The least-squares kernel of model mode and the bootstrap (`fitLeastSquares` on flat typed
 * arrays, `fitOls` for rows) is the package's `jobindex/least-squares` entry
 * (src/benchmark/ols.ts), not exported here: it loads stdlib's Student t distribution (for
 * the p values), about 50 ms that an `import "jobindex"` would otherwise pay.
 */

export { type Diagnostic, formatDiagnostic, InputError, UsageError } from "./diagnostics.js";
export { comparePeriods, formatPeriod, type Period, parsePeriod } from "./period.js";
export { type AuditOptions, runAudit } from "./pipeline/audit/run.js";
export { explainBenchmark } from "./pipeline/benchmark/explain.js";
export { runBenchmark } from "./pipeline/benchmark/run.js";
export { type Change, compareDocuments, formatChangeLine } from "./pipeline/check/compare.js";
export { rerun } from "./pipeline/check/rerun.js";
export { type CheckOptions, runCheck } from "./pipeline/check/run.js";
export { type ExplainCommandOptions, runExplain } from "./pipeline/explain/run.js";
export { explainIndex } from "./pipeline/index/explain.js";
export { runIndex } from "./pipeline/index/run.js";
export { choosePeriod, parsePeriodOption } from "./pipeline/period.js";
export { competitionRank, formatRank } from "./rank.js";
export { readTable } from "./read/index.js";
export { loadRegistry } from "./registry/index.js";
export type { ReportDocument } from "./report/types.js";
