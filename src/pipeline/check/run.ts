/**
 * `jobindex check` as a function: re-runs the command a golden file records (on its
 * recorded inputs, or on `inputs`), compares the results and returns a prose document
 * with the verdict, exit code 1 on any change.
 */
import { UsageError } from "../../diagnostics.js";
import type { ReportDocument } from "../../report/types.js";
import { type FileRead, trackReads } from "../files-read.js";
import { proseDocument } from "../prose.js";
import { type Change, compareDocuments, formatChangeLine } from "./compare.js";
import { locateOptions, readGolden } from "./golden.js";
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
): Promise<{ document: ReportDocument; exitCode: 0 | 1; filesRead: FileRead[] }> {
  return trackReads(async () => {
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    if (tolerance < 0) throw new UsageError("--tolerance must not be negative");
    const golden = readGolden(options.golden);
    const recorded = locateOptions(golden, options.golden);
    const inputs = options.inputs ?? [];
    if (inputs.length > 0) recorded.inputs = inputs;
    const run = await rerun(recorded);
    const changes = compareDocuments(golden, run.document.json, { tolerance });
    const compared = Array.isArray(golden.results) ? golden.results.length : 0;
    return {
      document: checkDocument(options.golden, tolerance, compared, changes),
      exitCode: changes.length === 0 ? (0 as const) : (1 as const),
    };
  });
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
