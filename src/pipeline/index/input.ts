/**
 * A read Table → count records, with every input error the index can detect before any
 * computing: unknown municipality (with "did you mean"), bad or non-quarter period,
 * duplicate municipality × period, a sub-count larger than its total. Pure given the
 * table and the registry; problems go into the bag with file, line and column. Also what
 * the reader should keep of an index input (`periodSelection`).
 */

import type { MethodProfile } from "../../composite/profile.js";
import type { CountRecord } from "../../composite/types.js";
import type { DiagnosticBag } from "../../diagnostics.js";
import { formatPeriod, type Period, parsePeriod } from "../../period.js";
import {
  type ColumnSpec,
  isMissingCell,
  loadColumnAliases,
  normalizeColumnName,
  type PeriodSelection,
  parseNumber,
  resolveColumns,
  type Table,
  validateRows,
} from "../../read/index.js";
import { isAggregateArea } from "../../registry/aggregates.js";
import type { Registry } from "../../registry/index.js";
import { resolutionHint } from "../../registry/resolve.js";

export const InputCode = {
  UnknownMunicipality: "E_UNKNOWN_MUNICIPALITY",
  DuplicateRow: "E_DUPLICATE_ROW",
  SubcountExceedsTotal: "E_SUBCOUNT_EXCEEDS_TOTAL",
  BadPeriod: "E_BAD_PERIOD",
} as const;

/** Key columns every index input has, with the aliases data/columns.json knows. */
function keySpecs(): ColumnSpec[] {
  const known = new Map(loadColumnAliases().map((c) => [c.name, c]));
  return (["municipality", "period"] as const).map((name) => ({
    name,
    aliases: known.get(name)?.aliases ?? [],
    required: true,
    type: name === "period" ? "period" : "text",
  }));
}

/**
 * What to read of an index input: the rows of the selected quarter, or with `history` of
 * every quarter up to it (all, when no quarter is given), so a long extract costs the
 * memory of the quarters used. Rows of other quarters are not checked beyond the reader's
 * syntax checks.
 */
export function periodSelection(
  asked: Period | undefined,
  history: boolean,
): PeriodSelection | undefined {
  if (asked === undefined && history) return undefined;
  const names = new Set([...(keySpecs()[1]?.aliases ?? []), "period"].map(normalizeColumnName));
  return {
    column: (columns) => {
      const at = columns.findIndex((c) => names.has(normalizeColumnName(c)));
      return at < 0 ? undefined : at;
    },
    keep: asked === undefined ? "latest" : history ? { upTo: asked } : { exactly: asked },
  };
}

/** The indexes of a header's count columns (`ReadOptions.countColumns`): `1.702` there is thousands. */
export function countColumnsOf(profile: MethodProfile): (columns: readonly string[]) => number[] {
  const names = new Set(
    countSpecs(profile).flatMap((s) => [s.name, ...(s.aliases ?? [])].map(normalizeColumnName)),
  );
  return (columns) => columns.flatMap((c, i) => (names.has(normalizeColumnName(c)) ? [i] : []));
}

/** The profile's count columns; aliases from the profile and from data/columns.json. */
export function countSpecs(profile: MethodProfile): ColumnSpec[] {
  const known = new Map(loadColumnAliases().map((c) => [c.name, c]));
  const used = new Set([
    ...profile.indicators.flatMap((i) => i.columns),
    ...profile.json.constraints.flatMap((c) => [c.part, c.total]),
  ]);
  return profile.json.input.columns.map((c) => ({
    name: c.name,
    aliases: [...new Set([...c.aliases, ...(known.get(c.name)?.aliases ?? [])])],
    required: used.has(c.name),
    type: "count" as const,
  }));
}

function cellText(cell: unknown): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/**
 * Converts the rows of one table. `seen` carries municipality × period keys across
 * several input files, so a row repeated in another file is a duplicate too. Rows for the
 * country, a region or a total (`Hele landet`, `Region …`) are not municipalities: their
 * area names go into `skipped`, for one W_SKIPPED_AGGREGATE_ROWS warning.
 */
export function countRecords(
  table: Table,
  profile: MethodProfile,
  registry: Pick<Registry, "resolveMunicipality">,
  bag: DiagnosticBag,
  seen: Map<string, { file: string; line: number }> = new Map(),
  skipped: string[] = [],
): CountRecord[] {
  const counts = countSpecs(profile);
  const specs = [...keySpecs(), ...counts];
  const before = bag.errors.length;
  const columns = resolveColumns(table, specs, bag, { unknown: "ignore" });
  if (bag.errors.length > before) return [];
  validateRows(table, specs, columns, bag);
  const municipalityAt = columns.municipality as number;
  const periodAt = columns.period as number;
  const decimalMark = table.decimalMark ?? ".";
  const records: CountRecord[] = [];

  for (const row of table.rows) {
    const where = { file: table.file, line: row.line };
    const who = cellText(row.values[municipalityAt]);
    const resolution = registry.resolveMunicipality(who);
    if (!resolution.ok && isAggregateArea(who)) {
      skipped.push(who);
      continue;
    }
    if (!resolution.ok) {
      bag.add({
        code: InputCode.UnknownMunicipality,
        message: `unknown municipality "${who}"${resolutionHint(resolution)}`,
        ...where,
        column: municipalityAt + 1,
      });
      continue;
    }
    const periodText = cellText(row.values[periodAt]);
    const period = parsePeriod(periodText);
    if (period === undefined) continue; // validateRows has reported it.
    if (period.kind !== "quarter") {
      bag.add({
        code: InputCode.BadPeriod,
        message: `expected a quarter such as 2019K4 (the index is quarterly), found "${periodText}"`,
        ...where,
        column: periodAt + 1,
      });
      continue;
    }
    const code = resolution.municipality.code;
    const periodKey = formatPeriod(period);
    const key = `${code}|${periodKey}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const firstAt =
        first.file === table.file ? `line ${first.line}` : `${first.file}:${first.line}`;
      bag.add({
        code: InputCode.DuplicateRow,
        message: `duplicate row for ${resolution.municipality.name} (${code}) in ${periodKey}; first given on ${firstAt}`,
        ...where,
        column: municipalityAt + 1,
      });
      continue;
    }
    seen.set(key, where);
    const values: Record<string, number | null> = {};
    for (const spec of counts) {
      const at = columns[spec.name];
      const cell = at === undefined ? null : (row.values[at] ?? null);
      values[spec.name] = isMissingCell(cell) ? null : (parseNumber(cell, decimalMark) ?? null);
    }
    checkConstraints(profile, values, columns, where, bag);
    records.push({ municipality: code, period: periodKey, counts: values, source: where });
  }
  return records;
}

function checkConstraints(
  profile: MethodProfile,
  values: Record<string, number | null>,
  columns: Record<string, number | undefined>,
  where: { file: string; line: number },
  bag: DiagnosticBag,
): void {
  for (const { part, total } of profile.json.constraints) {
    const p = values[part];
    const t = values[total];
    if (p === null || p === undefined || t === null || t === undefined || p <= t) continue;
    const at = columns[part];
    bag.add({
      code: InputCode.SubcountExceedsTotal,
      message: `${part} (${p}) exceeds its total ${total} (${t}); a sub-count cannot be larger than its total`,
      ...where,
      ...(at !== undefined ? { column: at + 1 } : {}),
    });
  }
}
