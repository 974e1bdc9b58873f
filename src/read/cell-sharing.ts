/**
 * Equal short cells of a column held once, so a table of repeated codes, periods and counts
 * costs a string per distinct value, not per cell.
 */

/** Cells up to this length are shared between equal cells of a column (codes, periods, counts). */
const SHARE_MAX_CHARS = 24;
/** Distinct values remembered per column; a column with more is left unshared from then on. */
const SHARE_MAX_DISTINCT = 4096;

/**
 * Equal short cells of a column held once: csv-parse makes a new string for every cell, and
 * an index extract repeats its municipality codes, periods and many counts on every row.
 */
export class CellSharing {
  private readonly seen = new Map<number, Map<string, string> | null>();

  /** The held copy of `cell` in column `i`, or `undefined` when `cell` is new (then held). */
  shared(i: number, cell: string): string | undefined {
    if (cell.length > SHARE_MAX_CHARS) return undefined;
    let values = this.seen.get(i);
    if (values === null) return undefined;
    if (values === undefined) {
      values = new Map();
      this.seen.set(i, values);
    }
    const known = values.get(cell);
    if (known !== undefined) return known;
    if (values.size >= SHARE_MAX_DISTINCT) this.seen.set(i, null);
    else values.set(cell, cell);
    return undefined;
  }
}
