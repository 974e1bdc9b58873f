/**
 * The rows of a ReportDocument as the charts see them: a label, the chart value, its rank
 * and the municipality codes it covers. Shared by the bar chart and the map, so both show
 * the same numbers as the table.
 */
import { formatRank } from "../../rank.js";
import { displayCell } from "../format.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../types.js";
import type { Better } from "./colour.js";

export interface ChartItem {
  label: string;
  /** null when the row has no finite value: drawn as "no data". */
  value: number | null;
  /** The value as the table shows it (the column's digits). */
  text: string;
  /** "12" or "12=" for a shared place; "" when unranked. */
  rank: string;
  /** Municipality codes the row covers (one, or a jobcentre's members). */
  codes: string[];
}

export interface ChartData {
  valueLabel: string;
  better: Better;
  /** A value as the table shows it (legend ticks). */
  format: (value: number) => string;
  /** Ranked: best value first, ties and missing values in label order, missing last. */
  items: ChartItem[];
}

/**
 * Municipality codes from a row cell: a code, a list of codes (jobcentre members), or the
 * same list joined with `|`, `,`, `;` or spaces (as text reporters flatten it). Numbers are
 * padded to 3 digits, since codes like 101 may arrive as numbers from a spreadsheet.
 */
export function codesOf(cell: unknown): string[] {
  if (Array.isArray(cell)) return cell.flatMap(codesOf);
  if (typeof cell === "number" && Number.isInteger(cell)) return [String(cell).padStart(3, "0")];
  if (typeof cell !== "string") return [];
  return cell
    .split(/[|,;\s]+/)
    .filter((c) => c.length > 0)
    .map((c) => (/^\d{1,3}$/.test(c) ? c.padStart(3, "0") : c));
}

function finite(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The table's rank column if it has one (so chart and table agree), else none. */
function rankColumn(columns: readonly ReportColumn[]): ReportColumn | undefined {
  return columns.find((c) => c.key === "rank") ?? columns.find((c) => c.kind === "rank");
}

/** Competition ranks ("1, 2, 2, 4") of already sorted values, as in src/rank.ts. */
function competitionRanks(sorted: readonly (number | null)[]): string[] {
  const ranks: number[] = [];
  sorted.forEach((v, i) => {
    ranks.push(i > 0 && v !== null && v === sorted[i - 1] ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  return sorted.map((v, i) => {
    if (v === null) return "";
    const rank = ranks[i] ?? i + 1;
    return formatRank(rank, ranks[i - 1] === rank || ranks[i + 1] === rank);
  });
}

/**
 * A rank cell as shown and as a number for ordering: commands store a number (with the
 * shared-place flag under the column's `tiedKey`, `tied` by default) or the already
 * formatted text ("12" or "12=").
 */
function rankOf(row: ReportRow, column: ReportColumn): { text: string; order: number } {
  const cell = row[column.key];
  if (typeof cell === "string" && /^\d+=?$/.test(cell.trim())) {
    return { text: cell.trim(), order: Number.parseInt(cell, 10) };
  }
  const rank = finite(cell);
  if (rank === null) return { text: "", order: Number.POSITIVE_INFINITY };
  return {
    text: formatRank(Math.round(rank), row[column.tiedKey ?? "tied"] === true),
    order: rank,
  };
}

export function chartData(doc: ReportDocument): ChartData | undefined {
  const chart = doc.chart;
  if (chart === undefined) return undefined;
  const valueColumn: ReportColumn = doc.columns.find((c) => c.key === chart.valueKey) ?? {
    key: chart.valueKey,
    header: chart.valueLabel,
    kind: "number",
  };
  const sign = chart.better === "higher" ? -1 : 1;
  const byRankColumn = rankColumn(doc.columns);
  const rankKey = (row: ReportRow) =>
    byRankColumn === undefined ? Number.POSITIVE_INFINITY : rankOf(row, byRankColumn).order;
  // Best value first; ties keep the table's order (its rank), then go by label.
  const rows = doc.rows
    .map((row) => ({
      row,
      label: String(row[chart.labelKey] ?? ""),
      value: finite(row[chart.valueKey]),
    }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else if (a.value !== b.value) {
        return sign * (a.value - b.value);
      }
      const byRank = rankKey(a.row) - rankKey(b.row);
      if (Number.isFinite(byRank) && byRank !== 0) return byRank;
      return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
    });
  const computed = competitionRanks(rows.map((r) => r.value));
  const items = rows.map(({ row, label, value }, i) => ({
    label,
    value,
    text: displayCell(valueColumn, value, doc.lang),
    rank: byRankColumn !== undefined ? rankOf(row, byRankColumn).text : (computed[i] ?? ""),
    codes: codesOf(row[chart.municipalitiesKey]),
  }));
  return {
    valueLabel: chart.valueLabel,
    better: chart.better,
    format: (value) => displayCell(valueColumn, value, doc.lang),
    items,
  };
}
