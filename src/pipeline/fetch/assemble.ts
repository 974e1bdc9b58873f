/**
 * From fetched jobindsats tables to one index input: a recipe's `assemble` map names, for
 * each input column of the method (data/methods/fh.json), the table, the measure label
 * and the dimension values (`where`) whose rows are summed per municipality and quarter,
 * optionally times another measure of the same row (average weeks × spells). Rows for the
 * country and regions are left out. The CSV has `municipality,period` and the columns in
 * the recipe's order; a cell no row gave stays empty (the index's --missing handles it).
 */
import { FetchError } from "../../fetch/http.js";
import { formatPeriod, parsePeriod } from "../../period.js";
import { parseJobindsatsNumber } from "../../read/index.js";
import { isAggregateArea } from "../../registry/aggregates.js";
import type { Registry } from "../../registry/types.js";

export interface AssembledColumn {
  table: string;
  measure: string;
  where?: Record<string, string[]>;
  times?: string;
}

export interface Assembly {
  out: string;
  /** The labels of the area and period columns in the fetched rows. */
  area: string;
  period: string;
  confirmed?: boolean;
  note?: string;
  columns: Record<string, AssembledColumn>;
}

type Row = Record<string, unknown>;

function number(row: Row, label: string, table: string): number | undefined {
  if (!Object.hasOwn(row, label)) {
    throw new FetchError(
      `${table}: no "${label}" in the fetched rows (keys: ${Object.keys(row).join(", ")}); correct the label in data/fetch/recipes.json`,
      "E_FETCH_SHAPE",
    );
  }
  const cell = row[label];
  return typeof cell === "number" ? cell : parseJobindsatsNumber((cell ?? null) as string | null);
}

export function assembleIndexInput(
  assembly: Assembly,
  tables: ReadonlyMap<string, readonly Row[]>,
  registry: Pick<Registry, "resolveMunicipality">,
): { text: string; rows: number } {
  const names = Object.keys(assembly.columns);
  const cells = new Map<string, Map<string, number>>();
  for (const [name, column] of Object.entries(assembly.columns)) {
    const rows = tables.get(column.table);
    if (rows === undefined) {
      throw new FetchError(
        `data/fetch/recipes.json: ${name} comes from ${column.table}, which the recipe does not fetch`,
        "E_FETCH_SHAPE",
      );
    }
    for (const row of rows) {
      const area = String(row[assembly.area] ?? "");
      const resolved = registry.resolveMunicipality(area);
      if (!resolved.ok) {
        if (isAggregateArea(area)) continue;
        throw new FetchError(`${column.table}: unknown area "${area}"`, "E_FETCH_SHAPE");
      }
      const match = Object.entries(column.where ?? {}).every(([label, values]) =>
        values.includes(String(row[label] ?? "")),
      );
      if (!match) continue;
      const period = parsePeriod(String(row[assembly.period] ?? ""));
      if (period === undefined || period.kind !== "quarter") continue;
      let value = number(row, column.measure, column.table);
      if (value !== undefined && column.times !== undefined) {
        const factor = number(row, column.times, column.table);
        value = factor === undefined ? undefined : value * factor;
      }
      if (value === undefined) continue;
      const key = `${resolved.municipality.code}|${formatPeriod(period)}`;
      const got = cells.get(key) ?? new Map<string, number>();
      got.set(name, (got.get(name) ?? 0) + value);
      cells.set(key, got);
    }
  }
  if (cells.size === 0) {
    throw new FetchError("no municipality rows to assemble the index input from", "E_FETCH_EMPTY");
  }
  const keys = [...cells.keys()].sort((a, b) => {
    const [ca, pa] = a.split("|") as [string, string];
    const [cb, pb] = b.split("|") as [string, string];
    return pa.localeCompare(pb) || Number(ca) - Number(cb);
  });
  const body = keys.map((key) => {
    const got = cells.get(key) as Map<string, number>;
    const [code, period] = key.split("|");
    // Four decimals: a product of an average and a count carries float noise, no information.
    const cell = (n: string) => {
      const v = got.get(n);
      return v === undefined ? "" : String(Number(v.toFixed(4)));
    };
    return [code, period, ...names.map(cell)].join(",");
  });
  return {
    text: `${["municipality", "period", ...names].join(",")}\n${body.join("\n")}\n`,
    rows: keys.length,
  };
}
