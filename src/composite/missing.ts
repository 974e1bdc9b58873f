/**
 * Missing indicator values (a zero denominator, an absent count or row). By default they
 * are an error naming every unit, quarter and indicator; `drop` leaves the unit out of
 * that quarter; `impute-mean` puts the quarter's mean of the other units in its place,
 * `impute-group-mean` the mean of the other units of its group (the region), and
 * `impute-previous` the unit's own value of the quarter before. Each imputed value is
 * marked, so no output ever shows an imputed number as if it were measured.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { MissingMode } from "./profile.js";
import type { Imputation, MissingCause, MissingCell, UnitIndicators } from "./types.js";

/** What the group and previous-quarter imputations need besides the quarter's values. */
export interface ImputationContext {
  /** The unit's group (its lead municipality's region), by unit id. */
  groupOf?: (unitId: string) => { id: string; name: string } | undefined;
  /** The quarter before: its period and each unit's raw values (by unit id). */
  previous?: { period: string; values: ReadonlyMap<string, Record<string, number | null>> };
}

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

/** The stand-in for one missing cell, or why there is none. */
function standIn(
  cell: MissingCell,
  units: readonly UnitIndicators[],
  mode: "impute-group-mean" | "impute-previous",
  context: ImputationContext,
): Imputation | string {
  if (mode === "impute-previous") {
    const previous = context.previous;
    if (previous === undefined) return "the quarter before is not in the input";
    const value = previous.values.get(cell.unit.id)?.[cell.indicator];
    if (value === null || value === undefined) return `no value in ${previous.period} either`;
    return { method: "previous", from: previous.period, value };
  }
  const group = context.groupOf?.(cell.unit.id);
  if (group === undefined) return "the unit has no group (region)";
  const members = units.filter((u) => context.groupOf?.(u.unit.id)?.id === group.id);
  const value = meanOfPresent(members, cell.indicator);
  if (value === undefined) return `no other unit of ${group.name} has a value`;
  return { method: "group-mean", from: group.name, value };
}

export function resolveMissing(
  units: readonly UnitIndicators[],
  indicatorIds: readonly string[],
  mode: MissingMode,
  context: ImputationContext = {},
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
  if (mode === "impute-group-mean" || mode === "impute-previous") {
    const errors: MissingCell[] = [];
    const imputed: MissingCell[] = [];
    const stand = new Map<string, number>();
    for (const cell of cells) {
      const found = standIn(cell, units, mode, context);
      if (typeof found === "string") errors.push({ ...cell, unavailable: found });
      else {
        imputed.push({ ...cell, imputation: found });
        stand.set(`${cell.unit.id}\u0000${cell.indicator}`, found.value);
      }
    }
    if (errors.length > 0) return { ...none, errors };
    const complete = units.map((u) => ({
      source: u,
      values: indicatorIds.map(
        (id) => u.values[id] ?? (stand.get(`${u.unit.id}\u0000${id}`) as number),
      ),
      imputed: indicatorIds.map((id) => u.values[id] === null || u.values[id] === undefined),
    }));
    return { ...none, complete, imputed };
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
    const advice =
      c.unavailable !== undefined
        ? `; cannot impute: ${c.unavailable}; use --missing drop or --missing impute-mean`
        : "; use --missing drop or --missing impute-mean to rank anyway";
    return {
      code: MISSING_CODE,
      message: `${unitLabel(c.unit)}, ${c.period}, ${c.indicator}: ${describeCause(c.cause)}${advice}`,
      ...(where ? { file: where.file, line: where.line } : {}),
    };
  });
}
