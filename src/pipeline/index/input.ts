/**
 * A read Table → count records, with every input error the index can detect before any
 * computing: unknown municipality (with "did you mean"), bad or non-quarter period,
 * duplicate municipality × period, a sub-count larger than its total. Pure given the
 * table and the registry; problems go into the bag with file, line and column. Also what
 * the reader should keep of an index input (`periodSelection`).
 */

import type { MethodProfile } from "../../composite/profile.js";
import type { CountRecord, SourceLine } from "../../composite/types.js";
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
  type TableRow,
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
 * Where each municipality × period was first given, across several input files (a row
 * repeated in another file is a duplicate too): a map by default, or the records as a
 * run holds them (src/pipeline/index/held-records.ts).
 */
export interface SeenRows {
  first(code: string, period: string): SourceLine | undefined;
  note(code: string, period: string, where: SourceLine): void;
}

/** `SeenRows` as a map of `code|period` keys. */
export function seenRows(): SeenRows {
  const seen = new Map<string, SourceLine>();
  return {
    first: (code, period) => seen.get(`${code}|${period}`),
    note: (code, period, where) => seen.set(`${code}|${period}`, where),
  };
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
  seen: SeenRows = seenRows(),
  skipped: string[] = [],
): CountRecord[] {
  const reader = recordReader(table, profile, registry, bag, seen, skipped);
  if (reader === undefined) return [];
  reader.validate(table);
  const records: CountRecord[] = [];
  for (const row of table.rows) {
    const record = reader.record(row);
    if (record !== undefined) records.push(record);
  }
  return records;
}

/** What `recordReader` gives: the cell checks of some rows, and one row's record. */
export interface RecordReader {
  /**
   * The cell checks (`validateRows`) of the rows of `table`, a table of these columns, into
   * `into` (default the reader's bag).
   */
  validate(table: Pick<Table, "file" | "rows" | "decimalMark">, into?: DiagnosticBag): void;
  /** The row's record, or undefined (a problem in `bag`, or a total or region skipped). */
  record(row: TableRow): CountRecord | undefined;
  /** Where the count columns are among the row's cells (0-based). */
  countColumns: number[];
}

/**
 * `countRecords` one row at a time, for rows of a table with `table`'s columns, file and
 * decimal mark; undefined when the columns are wrong (in `bag`). The rows must be
 * validated before they are converted, as `countRecords` does.
 */
export function recordReader(
  table: Pick<Table, "file" | "columns" | "decimalMark">,
  profile: MethodProfile,
  registry: Pick<Registry, "resolveMunicipality">,
  bag: DiagnosticBag,
  seen: SeenRows,
  skipped: string[],
): RecordReader | undefined {
  const counts = countSpecs(profile);
  const specs = [...keySpecs(), ...counts];
  const before = bag.errors.length;
  const columns = resolveColumns(table, specs, bag, { unknown: "ignore" });
  if (bag.errors.length > before) return undefined;
  const municipalityAt = columns.municipality as number;
  const periodAt = columns.period as number;
  const decimalMark = table.decimalMark ?? ".";
  const validate = (rows: Pick<Table, "file" | "rows" | "decimalMark">, into = bag) =>
    validateRows(rows, specs, columns, into);

  const record = (row: TableRow): CountRecord | undefined => {
    const where = { file: table.file, line: row.line };
    const who = cellText(row.values[municipalityAt]);
    const resolution = registry.resolveMunicipality(who);
    if (!resolution.ok && isAggregateArea(who)) {
      skipped.push(who);
      return undefined;
    }
    if (!resolution.ok) {
      bag.add({
        code: InputCode.UnknownMunicipality,
        message: `unknown municipality "${who}"${resolutionHint(resolution)}`,
        ...where,
        column: municipalityAt + 1,
      });
      return undefined;
    }
    const periodText = cellText(row.values[periodAt]);
    const period = parsePeriod(periodText);
    if (period === undefined) return undefined; // validateRows has reported it.
    if (period.kind !== "quarter") {
      bag.add({
        code: InputCode.BadPeriod,
        message: `expected a quarter such as 2019K4 (the index is quarterly), found "${periodText}"`,
        ...where,
        column: periodAt + 1,
      });
      return undefined;
    }
    const code = resolution.municipality.code;
    const periodKey = formatPeriod(period);
    const first = seen.first(code, periodKey);
    if (first !== undefined) {
      const firstAt =
        first.file === table.file ? `line ${first.line}` : `${first.file}:${first.line}`;
      bag.add({
        code: InputCode.DuplicateRow,
        message: `duplicate row for ${resolution.municipality.name} (${code}) in ${periodKey}; first given on ${firstAt}`,
        ...where,
        column: municipalityAt + 1,
      });
      return undefined;
    }
    seen.note(code, periodKey, where);
    const values: Record<string, number | null> = {};
    for (const spec of counts) {
      const at = columns[spec.name];
      const cell = at === undefined ? null : (row.values[at] ?? null);
      values[spec.name] = isMissingCell(cell) ? null : (parseNumber(cell, decimalMark) ?? null);
    }
    checkConstraints(profile, values, columns, where, bag);
    return { municipality: code, period: periodKey, counts: values, source: where };
  };
  const countColumns = counts.flatMap((spec) => {
    const at = columns[spec.name];
    return at === undefined ? [] : [at];
  });
  return { validate, record, countColumns };
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
