/**
 * `jobindex check` as a function: re-runs the command a golden file records (on its
 * recorded inputs, or on `inputs`), compares the results and returns a prose document
 * with the verdict, exit code 1 on any change.
 */
import { UsageError } from "../../diagnostics.js";
import { t } from "../../i18n/index.js";
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
      document: checkDocument(options.golden, tolerance, compared, changes, goldenUnits(golden)),
      exitCode: changes.length === 0 ? (0 as const) : (1 as const),
    };
  });
}

/** The golden's units, id and name, in its order: the check's test cases. */
function goldenUnits(golden: Record<string, unknown>): Array<{ id: string; name: string }> {
  const results = Array.isArray(golden.results) ? golden.results : [];
  return results.flatMap((r: unknown) => {
    if (typeof r !== "object" || r === null) return [];
    const row = r as Record<string, unknown>;
    const id = row.id ?? row.municipality ?? row.unit;
    if (typeof id !== "string") return [];
    return [{ id, name: typeof row.name === "string" ? row.name : "" }];
  });
}

/** How big a change is: relative for numbers, the places moved for ranks, else 1. */
function size(change: Change): number {
  if (typeof change.old === "number" && typeof change.new === "number") {
    const scale = Math.max(Math.abs(change.old), Math.abs(change.new));
    return scale === 0 ? 0 : Math.abs(change.new - change.old) / scale;
  }
  return Number.POSITIVE_INFINITY;
}

/** The change that reads as the largest: a unit gone or a text first, then the biggest relative. */
export function largestChange(changes: readonly Change[]): Change | undefined {
  let best: Change | undefined;
  for (const c of changes) if (best === undefined || size(c) > size(best)) best = c;
  return best;
}

function checkDocument(
  golden: string,
  tolerance: number,
  compared: number,
  changes: readonly Change[],
  units: ReadonlyArray<{ id: string; name: string }>,
): ReportDocument {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const named = (id: string) => {
    const name = names.get(id);
    return name !== undefined && name !== "" && name !== id ? `${id} ${name}` : id;
  };
  const changedUnits = new Set(changes.map((c) => c.unit));
  const fields = new Set(changes.map((c) => c.field));
  const json = {
    command: "check",
    golden,
    tolerance,
    compared,
    units_changed: changedUnits.size,
    fields_changed: [...fields].sort(),
    units,
    changes: changes.map((c) => ({
      unit: c.unit,
      name: names.get(c.unit) ?? null,
      field: c.field,
      old: c.old,
      new: c.new,
    })),
  };
  const largest = largestChange(changes);
  const prose =
    changes.length === 0
      ? [t("check.ok", { golden, n: compared, tolerance })]
      : [
          t("check.summary", {
            golden,
            changes: changes.length,
            units: changedUnits.size,
            of: compared,
            fields: [...fields].sort().join(", "),
            largest:
              largest === undefined
                ? ""
                : formatChangeLine({ ...largest, unit: named(largest.unit) }),
          }),
          t("check.list_header"),
          ...changes.map(
            (change) => `  ${formatChangeLine({ ...change, unit: named(change.unit) })}`,
          ),
        ];
  return proseDocument(json, prose);
}
