/**
 * Counts → indicator values. Counts are added up over a unit's member municipalities
 * *before* any ratio is taken (a ratio of sums, never a mean of ratios: METHOD.md A).
 */
import { expressionValue, type Failure } from "./expression.js";
import type { IndicatorDefinition } from "./profile.js";
import type { CountRecord, IndexUnit, MissingCause, SourceLine, UnitIndicators } from "./types.js";

export interface SummedCounts {
  counts: Record<string, number | null>;
  /** Members with no row in the period. */
  absent: string[];
  sources: SourceLine[];
}

/**
 * Sums each column over the unit's members. A column is null if any present member lacks
 * it; every column is null if a member has no row at all (half a jobcentre is no jobcentre).
 */
export function sumCounts(
  unit: IndexUnit,
  byMunicipality: ReadonlyMap<string, CountRecord>,
  columns: readonly string[],
): SummedCounts {
  const counts: Record<string, number | null> = {};
  for (const c of columns) counts[c] = 0;
  const absent: string[] = [];
  const sources: SourceLine[] = [];
  for (const code of unit.municipalities) {
    const record = byMunicipality.get(code);
    if (record === undefined) {
      absent.push(code);
      continue;
    }
    sources.push(record.source);
    for (const c of columns) {
      const have = counts[c];
      const add = record.counts[c];
      counts[c] =
        have === null || have === undefined || add === null || add === undefined
          ? null
          : have + add;
    }
  }
  if (absent.length > 0) for (const c of columns) counts[c] = null;
  return { counts, absent, sources };
}

/** The member row that lacks a count, so the diagnostic points at the right line. */
function lackingRow(
  unit: IndexUnit,
  byMunicipality: ReadonlyMap<string, CountRecord>,
  column: string,
): { source?: SourceLine } {
  for (const code of unit.municipalities) {
    const record = byMunicipality.get(code);
    const value = record?.counts[column];
    if (record !== undefined && (value === null || value === undefined))
      return { source: record.source };
  }
  return {};
}

/**
 * Raw indicator values of every unit with at least one member row in `records` (which
 * hold one period). Units none of whose members appear are not part of the input.
 */
export function computeIndicators(
  records: readonly CountRecord[],
  units: readonly IndexUnit[],
  indicators: readonly IndicatorDefinition[],
): UnitIndicators[] {
  const byMunicipality = new Map(records.map((r) => [r.municipality, r]));
  const period = records[0]?.period ?? "";
  const columns = [...new Set(indicators.flatMap((i) => i.columns))];
  const out: UnitIndicators[] = [];
  const failure: Failure = {};
  for (const unit of units) {
    if (!unit.municipalities.some((code) => byMunicipality.has(code))) continue;
    const summed = sumCounts(unit, byMunicipality, columns);
    const values: Record<string, number | null> = {};
    const missing: Record<string, MissingCause> = {};
    for (const indicator of indicators) {
      const firstAbsent = summed.absent[0];
      if (firstAbsent !== undefined) {
        values[indicator.id] = null;
        missing[indicator.id] = { kind: "missing_row", municipality: firstAbsent };
        continue;
      }
      const value = expressionValue(indicator.expression, summed.counts, failure);
      const reason = failure.reason;
      if (reason === undefined && Number.isFinite(value)) {
        values[indicator.id] = value;
      } else {
        values[indicator.id] = null;
        missing[indicator.id] =
          reason === undefined
            ? { kind: "zero_denominator", denominator: "(not a finite number)" }
            : reason.kind === "missing_count"
              ? { ...reason, ...lackingRow(unit, byMunicipality, reason.column) }
              : reason;
      }
    }
    out.push({ unit, period, counts: summed.counts, values, missing, sources: summed.sources });
  }
  return out;
}
