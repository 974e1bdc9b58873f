/**
 * The rows of a document as reporters read them: `rows`, with the cells a document holds
 * as a matrix (`rankCells`) added, one row at a time, so a history's rows are never all
 * built at once.
 */
import type { RankCells, ReportDocument, ReportRow } from "./types.js";

/** Each row of the document with every cell; `doc.rows` itself when it holds them all. */
export function documentRows(doc: Pick<ReportDocument, "rows" | "rankCells">): Iterable<ReportRow> {
  const cells = doc.rankCells;
  return cells === undefined ? doc.rows : withRankCells(doc.rows, cells);
}

function* withRankCells(rows: readonly ReportRow[], cells: RankCells): Generator<ReportRow> {
  const { periods, rank, tied } = cells;
  const rankKeys = periods.map((p) => `rank_${p}`);
  const tiedKeys = periods.map((p) => `tied_${p}`);
  const width = periods.length;
  for (let r = 0; r < rows.length; r++) {
    const row: ReportRow = { ...rows[r] };
    for (let p = 0; p < width; p++) {
      const at = r * width + p;
      const place = rank[at] as number;
      row[rankKeys[p] as string] = place > 0 ? place : null;
      row[tiedKeys[p] as string] = place > 0 ? tied[at] === 1 : null;
    }
    yield row;
  }
}
