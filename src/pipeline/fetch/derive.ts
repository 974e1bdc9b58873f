/**
 * From fetched StatBank tables to the covariate files `benchmark --covariate-data DIR`
 * reads: for each covariate of a recipe's `derive` map, the rows of one table that match a
 * selection, summed per municipality and year, optionally divided by another selection and
 * scaled (a share in %, a rate per 1,000) and rounded as Statistics Denmark publishes it.
 * Written as `NAME.csv` (`municipality,year,value`, the shipped data/dst shape) beside the
 * raw answers. Rows for the country and regions are left out; `..` (not available) too.
 */
import { UsageError } from "../../diagnostics.js";
import { FetchError } from "../../fetch/http.js";
import type { Table } from "../../read/index.js";
import { isMissingCell, parseNumber } from "../../read/index.js";
import { readTableFromBytes } from "../../read/stdin.js";
import { isAggregateArea } from "../../registry/aggregates.js";
import type { Registry } from "../../registry/types.js";
import { yearOf } from "../benchmark/sources.js";

/** A variable's values to keep: texts or codes as the answer writes them, or ages from N. */
export type ValueMatch = string[] | { atLeast: number };

export interface Selection {
  /** The request's table id (its raw answer). */
  table: string;
  where?: Record<string, ValueMatch>;
}

export interface CovariateDerivation {
  numerator: Selection;
  denominator?: Selection;
  /** 100 for a share in %, 1000 for a rate per 1,000; default 1. */
  scale?: number;
  /** Decimals of the published figure; default: not rounded. */
  decimals?: number;
}

/** The raw answer of one table as the StatBank reader reads it: area, other variables, period, value. */
export async function bulkTable(table: string, text: string): Promise<Table> {
  return readTableFromBytes(Buffer.from(text, "utf8"), { format: "statbank" }, `${table} answer`);
}

function matches(cell: string, match: ValueMatch): boolean {
  if (Array.isArray(match)) return match.some((m) => m.toLowerCase() === cell.trim().toLowerCase());
  const age = /^(\d+)/.exec(cell.trim());
  return age !== null && Number(age[1]) >= match.atLeast;
}

/** Sums of the selected rows by `code|year`. */
function sums(
  name: string,
  selection: Selection,
  tables: ReadonlyMap<string, Table>,
  registry: Pick<Registry, "resolveMunicipality">,
): Map<string, number> {
  const table = tables.get(selection.table);
  if (table === undefined) {
    throw new UsageError(
      `data/fetch/recipes.json: ${name} is derived from ${selection.table}, which the recipe does not fetch`,
      "E_RECIPE",
    );
  }
  const at = (column: string) =>
    table.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
  const where = Object.entries(selection.where ?? {}).map(([variable, match]) => {
    const i = at(variable);
    if (i < 0) {
      throw new FetchError(
        `${selection.table}: no variable ${variable} in the answer (columns ${table.columns.join(", ")}) to derive ${name}`,
        "E_FETCH_SHAPE",
      );
    }
    return { i, match };
  });
  const free = table.columns
    .map((_, i) => i)
    .filter((i) => i > 0 && i < table.columns.length - 2 && !where.some((w) => w.i === i));
  const seen = free.map(() => new Set<string>());
  const out = new Map<string, number>();
  const decimalMark = table.decimalMark ?? ",";
  for (const row of table.rows) {
    const area = String(row.values[0] ?? "");
    const resolved = registry.resolveMunicipality(area);
    if (!resolved.ok) {
      if (isAggregateArea(area)) continue;
      throw new FetchError(
        `${selection.table}: unknown area "${area}" in the answer`,
        "E_FETCH_SHAPE",
      );
    }
    if (!where.every((w) => matches(String(row.values[w.i] ?? ""), w.match))) continue;
    for (const [k, i] of free.entries()) seen[k]?.add(String(row.values[i] ?? ""));
    const year = yearOf(row.values[table.columns.length - 2]);
    const cell = row.values[table.columns.length - 1] ?? null;
    if (year === undefined || isMissingCell(cell)) continue;
    const value = parseNumber(cell, decimalMark);
    if (value === undefined) continue;
    const key = `${resolved.municipality.code}|${year}`;
    out.set(key, (out.get(key) ?? 0) + value);
  }
  for (const [k, i] of free.entries()) {
    const values = seen[k] as Set<string>;
    if (values.size > 1) {
      throw new FetchError(
        `${selection.table}: ${table.columns[i]} holds ${values.size} values in the rows for ${name}; the recipe must select one (data/fetch/recipes.json)`,
        "E_FETCH_SHAPE",
      );
    }
  }
  return out;
}

/** One covariate's long file: `municipality,year,value`, by municipality code and year. */
export function deriveCovariate(
  name: string,
  rule: CovariateDerivation,
  tables: ReadonlyMap<string, Table>,
  registry: Pick<Registry, "resolveMunicipality" | "municipality">,
): { text: string; rows: number } {
  const top = sums(name, rule.numerator, tables, registry);
  const bottom = rule.denominator ? sums(name, rule.denominator, tables, registry) : undefined;
  const lines: Array<{ code: string; year: number; value: number }> = [];
  for (const [key, sum] of top) {
    const [code, year] = key.split("|") as [string, string];
    let value = sum;
    if (bottom !== undefined) {
      const whole = bottom.get(key);
      if (whole === undefined || whole === 0) continue;
      value = sum / whole;
    }
    value *= rule.scale ?? 1;
    if (rule.decimals !== undefined) value = Number(value.toFixed(rule.decimals));
    lines.push({ code, year: Number(year), value });
  }
  if (lines.length === 0) {
    throw new FetchError(`no municipality rows to derive ${name} from`, "E_FETCH_EMPTY");
  }
  lines.sort((a, b) => Number(a.code) - Number(b.code) || a.year - b.year);
  const body = lines.map(
    (l) => `${registry.municipality(l.code)?.name ?? l.code},${l.year},${String(l.value)}`,
  );
  return { text: `municipality,year,value\n${body.join("\n")}\n`, rows: lines.length };
}
