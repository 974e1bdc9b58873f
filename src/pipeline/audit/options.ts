/**
 * `audit`'s options: the index's (input, period, unit, method, missing, weights, decimal
 * mark, sheet: the audit reads and scores exactly as `index` does) and the Sobol design's draws
 * and seed, all checked before any file is opened.
 */
import { UsageError } from "../../diagnostics.js";
import { type IndexOptions, normaliseIndexOptions } from "../index/options.js";

export { AUDIT_SOBOL_RUNS } from "./defaults.js";

/** The options the audit passes to the index unchanged (it reads and scores as `index`). */
const INDEX_KEYS = [
  "period",
  "unit",
  "method",
  "missing",
  "weights",
  "decimalMark",
  "sheet",
] as const satisfies readonly (keyof IndexOptions)[];

export interface AuditOptions
  extends Pick<IndexOptions, "command" | "inputs" | (typeof INDEX_KEYS)[number]> {
  /** Base sample N of the Sobol design (default 10,000, as the uncertainty analysis); 0 = no Sobol. */
  uncertainty?: number;
  /** Seed of the Sobol design and its bootstrap (default: the uncertainty module's). */
  seed?: number;
}

/** The index part of the options, checked by the index's own normalisation. */
export function indexOptionsOf(options: AuditOptions): IndexOptions {
  const index: Record<string, unknown> = { command: "index", inputs: [...(options.inputs ?? [])] };
  for (const key of INDEX_KEYS) if (options[key] !== undefined) index[key] = options[key];
  normaliseIndexOptions(index as IndexOptions);
  return index as IndexOptions;
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
