/**
 * Auditing a composite index as the JRC does (METHOD.md F). Import on demand: the
 * pipeline loads this module only for `jobindex audit`.
 */
export {
  type AuditOptions,
  auditIndex,
  type FactorSobol,
  type IndexAudit,
  type IndicatorAudit,
  SOBOL_LEVEL,
  SOBOL_RESAMPLES,
  type SobolAudit,
} from "./audit.js";
export { type CorrelatedPair, REDUNDANT_ABOVE } from "./correlation.js";
export type { LeaveOneOut } from "./leave-one-out.js";
export type { ExcludedCombination } from "./rank-shift.js";
export { KURTOSIS_LIMIT, SKEW_LIMIT } from "./statistics.js";
