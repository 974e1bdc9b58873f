/**
 * Turns a `Table` (any reader's output) into benchmark observations: a Y30R21 extract
 * (STAR's expected and actual figures) or a model input (counts or a share, plus covariate
 * columns). Column labels are matched on the data's own names, kept in `COLUMNS` below.
 */

import type { Observation } from "../../benchmark/types.js";
import type { DiagnosticBag } from "../../diagnostics.js";
import { type Period, parsePeriod } from "../../period.js";
import { parseNumber } from "../../read/number.js";
import type { Cell, Table, TableRow } from "../../read/table.js";
import { isAggregateArea } from "../../registry/aggregates.js";
import { resolutionHint } from "../../registry/resolve.js";
import type { Registry } from "../../registry/types.js";

type ColumnKey =
  | "municipality"
  | "period"
  | "group"
  | "expectedPersons"
  | "actualPersons"
  | "residualPersons"
  | "expectedPct"
  | "actualPct"
  | "residualPp"
  | "publishedRank"
  | "publicSupportFte"
  | "population";

/**
 * Canonical name first, then the labels real files use. Y30R21 labels may carry the
 * measure's prefix ("Forventet og faktisk antal …: Forventet antal"); the part after the
 * last colon is matched.
 */
const COLUMNS: Record<ColumnKey, readonly string[]> = {
  municipality: ["municipality", "kommune", "area", "område", "omraade"],
  period: ["period", "periode", "tid", "time"],
  group: ["group", "ydelsesgrupper", "ydelsesgruppe", "benefit_group"],
  expectedPersons: ["expected_persons", "forventet antal"],
  actualPersons: ["actual_persons", "faktisk antal"],
  residualPersons: ["residual_persons", "forskel mellem forventet og faktisk antal"],
  expectedPct: ["expected_share_pct", "expected_pct", "forventet andel (pct.)"],
  actualPct: ["actual_share_pct", "actual_pct", "faktisk andel (pct.)"],
  residualPp: ["residual_pp", "forskel mellem forventet og faktisk andel (pct. point)"],
  publishedRank: ["published_rank", "placering på benchmarkranglisten"],
  publicSupportFte: [
    "public_support_fte",
    "offentlig_forsoergelse_fuldtid",
    "offentlig_forsørgelse_fuldtid",
  ],
  population: ["population_16_66", "befolkning_16_66"],
};

function labelKey(header: string): string {
  const afterColon = header.includes(":") ? header.slice(header.lastIndexOf(":") + 1) : header;
  return afterColon.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** Column index of each known key (first match), and the headers left for covariates. */
export function mapColumns(columns: readonly string[]): {
  index: Partial<Record<ColumnKey, number>>;
  others: number[];
} {
  const index: Partial<Record<ColumnKey, number>> = {};
  const others: number[] = [];
  columns.forEach((header, i) => {
    const key = (Object.keys(COLUMNS) as ColumnKey[]).find(
      (k) => index[k] === undefined && COLUMNS[k].includes(labelKey(header)),
    );
    if (key) index[key] = i;
    else others.push(i);
  });
  return { index, others };
}

/** One input row, with the period and benefit group it belongs to. */
export interface InputRow {
  period: Period | undefined;
  group: string | undefined;
  observation: Observation;
}

export interface InputRows {
  rows: InputRow[];
  /** True when the table carries STAR's expected share (a Y30R21 extract). */
  hasStarExpected: boolean;
  /** Where the population came from, for the output's notes. */
  population: "input" | "implied" | "none";
  /** Rows for totals or regions (`Hele landet`, `Region …`), skipped: their area names. */
  skippedAggregates: string[];
}

/** What reading one table's cells needs: where problems go and how numbers are written. */
interface CellContext {
  table: Table;
  decimalMark: "," | ".";
  bag: DiagnosticBag;
}

/** Where a problem with a row (and, given, one of its columns) is: file, line, column. */
function where(
  table: Table,
  row: TableRow,
  column: number | undefined,
): { file: string; line: number; column?: number } {
  return column === undefined
    ? { file: table.file, line: row.line }
    : { file: table.file, line: row.line, column: column + 1 };
}

/**
 * The number in a row's cell of `column` (an absent column reads as an empty cell), or
 * undefined: empty (reported when `required` and the column exists) or not a number in
 * the file's decimal mark (reported).
 */
function numberCell(
  ctx: CellContext,
  row: TableRow,
  column: number | undefined,
  required: boolean,
): number | undefined {
  if (column === undefined) return undefined;
  const raw = row.values[column] ?? null;
  if (raw === null || raw === "") {
    if (required) {
      ctx.bag.add({
        code: "E_MISSING_VALUE",
        message: `${ctx.table.columns[column]} is empty`,
        ...where(ctx.table, row, column),
      });
    }
    return undefined;
  }
  const value = parseNumber(raw, ctx.decimalMark);
  if (value === undefined) {
    ctx.bag.add({
      code: "E_NOT_A_NUMBER",
      message: `${ctx.table.columns[column]}: expected a number, got ${JSON.stringify(raw)}`,
      ...where(ctx.table, row, column),
    });
  }
  return value;
}

/** Reads observations from one table; problems go to the bag, each with file, line and column. */
export function readObservations(table: Table, registry: Registry, bag: DiagnosticBag): InputRows {
  const { index, others } = mapColumns(table.columns);
  const decimalMark =
    table.decimalMark ?? (table.format === "json" || table.format === "jsonl" ? "," : ".");
  const hasStarExpected = index.expectedPct !== undefined;
  const population =
    index.population !== undefined
      ? "input"
      : index.actualPersons !== undefined
        ? "implied"
        : "none";
  const missing = requiredMissing(index);
  if (missing) {
    bag.add({ code: "E_MISSING_COLUMN", message: missing, file: table.file, line: 1 });
    return { rows: [], hasStarExpected, population, skippedAggregates: [] };
  }
  const ctx: CellContext = { table, decimalMark, bag };
  const rows: InputRow[] = [];
  const skippedAggregates: string[] = [];
  // One pass per row, in the order its problems are reported; the optional fields are set
  // only when defined, in the order the Observation type lists them.
  for (const row of table.rows) {
    const problemsBefore = bag.items.length;
    const cell = (column: number | undefined): Cell =>
      column === undefined ? null : (row.values[column] ?? null);
    const named = String(cell(index.municipality) ?? "");
    const resolved = registry.resolveMunicipality(named);
    if (!resolved.ok && isAggregateArea(named)) {
      skippedAggregates.push(named.trim());
      continue;
    }
    if (!resolved.ok) {
      bag.add({
        code: "E_UNKNOWN_MUNICIPALITY",
        message: `unknown municipality "${named}"${resolutionHint(resolved)}`,
        ...where(table, row, index.municipality),
      });
      continue;
    }
    const periodText = cell(index.period);
    const period = periodText === null ? undefined : parsePeriod(String(periodText));
    if (periodText !== null && period === undefined) {
      bag.add({
        code: "E_BAD_PERIOD",
        message: `not a period: ${JSON.stringify(periodText)}`,
        ...where(table, row, index.period),
      });
      continue;
    }
    const actualPersons = numberCell(ctx, row, index.actualPersons, false);
    const actualPct = actualShare(
      numberCell(ctx, row, index.actualPct, false),
      numberCell(ctx, row, index.publicSupportFte, false),
      numberCell(ctx, row, index.population, false),
    );
    if (actualPct === undefined) {
      // A malformed share was reported already; a second line for the same cell only adds noise.
      if (bag.items.length > problemsBefore) continue;
      bag.add({
        code: "E_MISSING_VALUE",
        message: `${resolved.municipality.name} has no actual share (actual_share_pct, or public_support_fte and population_16_66)`,
        ...where(table, row, index.municipality),
      });
      continue;
    }
    // The population's cell is read (and a malformed one reported) a second time here.
    const populationValue =
      numberCell(ctx, row, index.population, false) ??
      (actualPersons !== undefined && actualPct > 0
        ? (actualPersons / actualPct) * 100
        : undefined);
    const columns: Record<string, number | undefined> = {};
    for (const i of others) {
      const raw = row.values[i] ?? null;
      columns[table.columns[i] as string] =
        raw === null || raw === "" ? undefined : parseNumber(raw, decimalMark);
    }
    const observation: Observation = {
      municipality: resolved.municipality.code,
      name: resolved.municipality.name,
      file: table.file,
      line: row.line,
      actualPct,
      columns,
    };
    const expectedStarPct = numberCell(ctx, row, index.expectedPct, hasStarExpected);
    if (expectedStarPct !== undefined) observation.expectedStarPct = expectedStarPct;
    const residualPp = numberCell(ctx, row, index.residualPp, false);
    if (residualPp !== undefined) observation.publishedResidualPp = residualPp;
    if (actualPersons !== undefined) observation.actualPersons = actualPersons;
    const expectedPersons = numberCell(ctx, row, index.expectedPersons, false);
    if (expectedPersons !== undefined) observation.expectedPersons = expectedPersons;
    const residualPersons = numberCell(ctx, row, index.residualPersons, false);
    if (residualPersons !== undefined) observation.publishedResidualPersons = residualPersons;
    if (populationValue !== undefined) observation.population = populationValue;
    const publishedRank = numberCell(ctx, row, index.publishedRank, false);
    if (publishedRank !== undefined) observation.publishedRank = publishedRank;
    const group = cell(index.group);
    rows.push({ period, group: group === null ? undefined : String(group), observation });
  }
  return { rows, hasStarExpected, population, skippedAggregates };
}

function requiredMissing(index: Partial<Record<ColumnKey, number>>): string | undefined {
  if (index.municipality === undefined)
    return "no municipality column (municipality, kommune or Area)";
  if (
    index.actualPct === undefined &&
    (index.publicSupportFte === undefined || index.population === undefined)
  ) {
    return "no outcome: give actual_share_pct, or public_support_fte and population_16_66";
  }
  return undefined;
}

/** The actual share, given directly or as 100 · public_support_fte / population_16_66. */
function actualShare(
  share: number | undefined,
  fte: number | undefined,
  population: number | undefined,
): number | undefined {
  if (share !== undefined) return share;
  if (fte !== undefined && population !== undefined && population > 0)
    return (100 * fte) / population;
  return undefined;
}
