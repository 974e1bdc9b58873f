/**
 * Reading the benchmark's inputs: only the rows of the asked period, or of the latest, so
 * a long extract costs the memory of one period; rows of other periods are not checked
 * beyond the reader's syntax checks.
 */
import { DiagnosticBag } from "../../diagnostics.js";
import { comparePeriods, formatPeriod, type Period, parsePeriod } from "../../period.js";
import type { PeriodSelection } from "../../read/index.js";
import type { Registry } from "../../registry/types.js";
import type { TableReadOptions } from "../read-options.js";
import { checkStdinOnce, readInputTable } from "../read-table.js";
import { type InputRow, mapColumns, readObservations } from "./observations.js";

export interface ReadInputs {
  rows: InputRow[];
  /** Every period the inputs name, read or left out by the selection, chronological. */
  periods: Period[];
  hasStarExpected: boolean;
  population: "input" | "implied" | "none";
  /** Area names of the total and region rows skipped, in input order. */
  skippedAggregates: string[];
}

/** What the reader keeps: the rows of the asked period, or of the latest. */
export function periodSelection(asked: Period | undefined): PeriodSelection {
  return {
    column: (columns) => mapColumns(columns).index.period,
    keep: asked === undefined ? "latest" : { exactly: asked },
  };
}

export async function readInputs(
  inputs: readonly string[],
  registry: Registry,
  select: PeriodSelection,
  read: TableReadOptions = {},
): Promise<ReadInputs> {
  const bag = new DiagnosticBag();
  checkStdinOnce(inputs);
  const tables = await Promise.all(inputs.map((file) => readInputTable(file, { ...read, select })));
  const parts = tables.map((table) => readObservations(table, registry, bag));
  bag.throwIfErrors();
  const rows = parts.flatMap((p) => p.rows);
  const periods = new Map<string, Period>();
  for (const text of tables.flatMap((t) => t.periods ?? [])) {
    const period = parsePeriod(text);
    if (period !== undefined) periods.set(formatPeriod(period), period);
  }
  for (const r of rows) if (r.period) periods.set(formatPeriod(r.period), r.period);
  return {
    rows,
    periods: [...periods.values()].sort(comparePeriods),
    hasStarExpected: parts.every((p) => p.hasStarExpected),
    population: parts.every((p) => p.population === "input")
      ? "input"
      : parts.every((p) => p.population !== "none")
        ? "implied"
        : "none",
    skippedAggregates: parts.flatMap((p) => p.skippedAggregates),
  };
}
