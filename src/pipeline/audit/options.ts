/**
 * `audit`'s options: the index's (input, period, unit, method, missing, weights, decimal
 * mark: the audit reads and scores exactly as `index` does) and the Sobol design's draws
 * and seed, all checked before any file is opened.
 */
import { UsageError } from "../../diagnostics.js";
import { type IndexOptions, normaliseIndexOptions } from "../index/options.js";

export { AUDIT_SOBOL_RUNS } from "./defaults.js";

export interface AuditOptions {
  command?: string;
  inputs?: string[];
  period?: string;
  unit?: string;
  method?: string;
  missing?: string;
  weights?: Record<string, number> | string;
  decimalMark?: "," | ".";
  /** Base sample N of the Sobol design (default 10,000, as the uncertainty analysis); 0 = no Sobol. */
  uncertainty?: number;
  /** Seed of the Sobol design and its bootstrap (default: the uncertainty module's). */
  seed?: number;
}

/** The index part of the options, checked by the index's own normalisation. */
export function indexOptionsOf(options: AuditOptions): IndexOptions {
  const index: IndexOptions = {
    command: "index",
    inputs: [...(options.inputs ?? [])],
    ...(options.period !== undefined ? { period: options.period } : {}),
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
    ...(options.missing !== undefined ? { missing: options.missing } : {}),
    ...(options.weights !== undefined ? { weights: options.weights } : {}),
    ...(options.decimalMark !== undefined ? { decimalMark: options.decimalMark } : {}),
  };
  normaliseIndexOptions(index);
  return index;
}

export function checkSobolOptions(options: AuditOptions): void {
  const runs = options.uncertainty;
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 0)) {
    throw new UsageError(`--uncertainty expects a whole number of Sobol runs ≥ 0, got ${runs}`);
  }
  if (runs === 0 && options.seed !== undefined) {
    throw new UsageError("--seed applies to the Sobol design; --uncertainty 0 leaves it out");
  }
}
