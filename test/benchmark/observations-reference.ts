/**
 * readObservations as src/pipeline/benchmark/observations.ts had it before its loop was
 * written without a closure per cell and key and without spreading one object per
 * optional field (commit after bcb53bd): the reference its rows, diagnostics and skipped
 * aggregates must equal, key order included (test/benchmark/observations.test.ts).
 */
import type { Observation } from "../../src/benchmark/types.js";
import type { DiagnosticBag } from "../../src/diagnostics.js";
import { parsePeriod } from "../../src/period.js";
import {
  type InputRow,
  type InputRows,
  mapColumns,
} from "../../src/pipeline/benchmark/observations.js";
import { parseNumber } from "../../src/read/number.js";
import type { Cell, Table } from "../../src/read/table.js";
import { isAggregateArea } from "../../src/registry/aggregates.js";
import { resolutionHint } from "../../src/registry/resolve.js";
import type { Registry } from "../../src/registry/types.js";

type ColumnKey = keyof ReturnType<typeof mapColumns>["index"];

/** Reads observations from one table; problems go to the bag, each with file, line and column. */
export function readObservationsReference(
  table: Table,
  registry: Registry,
  bag: DiagnosticBag,
): InputRows {
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
  const rows: InputRow[] = [];
  const skippedAggregates: string[] = [];
  for (const row of table.rows) {
    const problemsBefore = bag.items.length;
    const where = (key: ColumnKey | number) => ({
      file: table.file,
      line: row.line,
      ...(typeof key === "number"
        ? { column: key + 1 }
        : index[key] !== undefined
          ? { column: (index[key] as number) + 1 }
          : {}),
    });
    const cell = (key: ColumnKey): Cell =>
      index[key] === undefined ? null : (row.values[index[key] as number] ?? null);
    const number = (key: ColumnKey, required: boolean): number | undefined => {
      const raw = cell(key);
      if (index[key] === undefined || raw === null || raw === "") {
        if (required && index[key] !== undefined) {
          bag.add({
            code: "E_MISSING_VALUE",
            message: `${table.columns[index[key] as number]} is empty`,
            ...where(key),
          });
        }
        return undefined;
      }
      const value = parseNumber(raw, decimalMark);
      if (value === undefined) {
        bag.add({
          code: "E_NOT_A_NUMBER",
          message: `${table.columns[index[key] as number]}: expected a number, got ${JSON.stringify(raw)}`,
          ...where(key),
        });
      }
      return value;
    };

    const named = String(cell("municipality") ?? "");
    const resolved = registry.resolveMunicipality(named);
    if (!resolved.ok && isAggregateArea(named)) {
      skippedAggregates.push(named.trim());
      continue;
    }
    if (!resolved.ok) {
      bag.add({
        code: "E_UNKNOWN_MUNICIPALITY",
        message: `unknown municipality "${named}"${resolutionHint(resolved)}`,
        ...where("municipality"),
      });
      continue;
    }
    const periodText = cell("period");
    const period = periodText === null ? undefined : parsePeriod(String(periodText));
    if (periodText !== null && period === undefined) {
      bag.add({
        code: "E_BAD_PERIOD",
        message: `not a period: ${JSON.stringify(periodText)}`,
        ...where("period"),
      });
      continue;
    }
    const actualPersons = number("actualPersons", false);
    const actualPct = actualShare(
      number("actualPct", false),
      number("publicSupportFte", false),
      number("population", false),
    );
    if (actualPct === undefined) {
      // A malformed share was reported already; a second line for the same cell only adds noise.
      if (bag.items.length > problemsBefore) continue;
      bag.add({
        code: "E_MISSING_VALUE",
        message: `${resolved.municipality.name} has no actual share (actual_share_pct, or public_support_fte and population_16_66)`,
        ...where("municipality"),
      });
      continue;
    }
    const populationValue =
      number("population", false) ??
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
      ...defined("expectedStarPct", number("expectedPct", hasStarExpected)),
      ...defined("publishedResidualPp", number("residualPp", false)),
      ...defined("actualPersons", actualPersons),
      ...defined("expectedPersons", number("expectedPersons", false)),
      ...defined("publishedResidualPersons", number("residualPersons", false)),
      ...defined("population", populationValue),
      ...defined("publishedRank", number("publishedRank", false)),
    };
    const group = cell("group");
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

function defined<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
