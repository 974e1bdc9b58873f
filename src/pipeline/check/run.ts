/**
 * `jobindex check` as a function: re-runs the command a golden file records (on its
 * recorded inputs, or on `inputs`), compares the results and returns a prose document
 * with the verdict, exit code 1 on any change.
 */
import { UsageError } from "../../diagnostics.js";
import type { ReportDocument } from "../../report/types.js";
import { proseDocument } from "../prose.js";
import { type Change, compareDocuments, formatChangeLine } from "./compare.js";
import { locateInputs, readGolden } from "./golden.js";
import { rerun } from "./rerun.js";

export interface CheckOptions {
  /** An earlier `--format json` output. */
  golden: string;
  /** Recompute on these inputs instead of the recorded ones. */
  inputs?: string[];
  /** Relative tolerance for numbers (default 1e-9). */
  tolerance?: number;
}

export const DEFAULT_TOLERANCE = 1e-9;

export async function runCheck(
  options: CheckOptions,
): Promise<{ document: ReportDocument; exitCode: 0 | 1 }> {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (tolerance < 0) throw new UsageError("--tolerance must not be negative");
  const golden = readGolden(options.golden);
  const recorded = { ...(golden.options as Record<string, unknown>) };
  const inputs = options.inputs ?? [];
  recorded.inputs = inputs.length > 0 ? inputs : locateInputs(recorded.inputs, options.golden);
  const run = await rerun(recorded);
  const changes = compareDocuments(golden, run.document.json, { tolerance });
  const compared = Array.isArray(golden.results) ? golden.results.length : 0;
  return {
    document: checkDocument(options.golden, tolerance, compared, changes),
    exitCode: changes.length === 0 ? 0 : 1,
  };
}

function checkDocument(
  golden: string,
  tolerance: number,
  compared: number,
  changes: readonly Change[],
): ReportDocument {
  const json = {
    command: "check",
    golden,
    tolerance,
    compared,
    changes: changes.map((c) => ({ unit: c.unit, field: c.field, old: c.old, new: c.new })),
  };
  const prose =
    changes.length === 0
      ? [`ok: ${golden}: ${compared} results agree (relative tolerance ${tolerance})`]
      : [
          `${golden}: ${changes.length} change(s) (unit  field: old → new)`,
          ...changes.map((change) => `  ${formatChangeLine(change)}`),
        ];
  return proseDocument(json, prose);
}
