/**
 * Missing indicator values (a zero denominator, an absent count or row). By default they
 * are an error naming every unit, quarter and indicator; `drop` leaves the unit out of
 * that quarter; `impute-mean` puts the quarter's mean of the other units in its place and
 * marks it, so no output ever shows an imputed number as if it were measured.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { MissingMode } from "./profile.js";
import type { MissingCause, MissingCell, UnitIndicators } from "./types.js";

export const MISSING_CODE = "E_MISSING_INDICATOR";

/** A unit with a value for every indicator (some perhaps imputed). */
export interface CompleteUnit {
  source: UnitIndicators;
  /** Values in indicator order. */
  values: number[];
  imputed: boolean[];
}

export interface MissingResolution {
  complete: CompleteUnit[];
  dropped: MissingCell[];
  imputed: MissingCell[];
  /** Non-empty only in `error` mode (or when a mean cannot be imputed). */
  errors: MissingCell[];
}

export function missingCells(
  units: readonly UnitIndicators[],
  indicatorIds: readonly string[],
): MissingCell[] {
  const out: MissingCell[] = [];
  for (const u of units) {
    for (const id of indicatorIds) {
      const cause = u.missing[id];
      if (cause !== undefined) {
        out.push({ unit: u.unit, period: u.period, indicator: id, cause, sources: u.sources });
      }
    }
  }
  return out;
}

function meanOfPresent(units: readonly UnitIndicators[], id: string): number | undefined {
  let sum = 0;
  let n = 0;
  for (const u of units) {
    const v = u.values[id];
    if (v !== null && v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : undefined;
}

export function resolveMissing(
  units: readonly UnitIndicators[],
  indicatorIds: readonly string[],
  mode: MissingMode,
): MissingResolution {
  const cells = missingCells(units, indicatorIds);
  const none: MissingResolution = { complete: [], dropped: [], imputed: [], errors: [] };
  if (cells.length > 0 && mode === "error") return { ...none, errors: cells };
  const incomplete = new Set(cells.map((c) => c.unit.id));
  if (mode === "drop") {
    const complete = units
      .filter((u) => !incomplete.has(u.unit.id))
      .map((u) => ({
        source: u,
        values: indicatorIds.map((id) => u.values[id] as number),
        imputed: indicatorIds.map(() => false),
      }));
    return { ...none, complete, dropped: cells };
  }
  // impute-mean: the mean of the units that have a value, taken before any is imputed.
  const means = new Map(indicatorIds.map((id) => [id, meanOfPresent(units, id)]));
  const errors = cells.filter((c) => means.get(c.indicator) === undefined);
  if (errors.length > 0) return { ...none, errors };
  const complete = units.map((u) => ({
    source: u,
    values: indicatorIds.map((id) => u.values[id] ?? (means.get(id) as number)),
    imputed: indicatorIds.map((id) => u.values[id] === null || u.values[id] === undefined),
  }));
  return { ...none, complete, imputed: cells };
}

export function describeCause(cause: MissingCause): string {
  switch (cause.kind) {
    case "missing_count":
      return `no count for ${cause.column}`;
    case "zero_denominator":
      return `zero denominator (${cause.denominator} = 0)`;
    case "missing_row":
      return `no row for member municipality ${cause.municipality}`;
  }
}

/** `Esbjerg-Fanø (561-563)`, or just the name for a municipality whose id is its code. */
export function unitLabel(unit: { id: string; name: string }): string {
  return `${unit.name} (${unit.id})`;
}

/** One diagnostic per missing value, pointing at the (first) input row of the unit. */
export function missingDiagnostics(cells: readonly MissingCell[]): Diagnostic[] {
  return cells.map((c) => {
    const where =
      c.cause.kind === "missing_count" && c.cause.source ? c.cause.source : c.sources[0];
    return {
      code: MISSING_CODE,
      message: `${unitLabel(c.unit)}, ${c.period}, ${c.indicator}: ${describeCause(c.cause)}; use --missing drop or --missing impute-mean to rank anyway`,
      ...(where ? { file: where.file, line: where.line } : {}),
    };
  });
}
