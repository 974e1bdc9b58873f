/**
 * Keeping only the rows of the periods a run uses, while a file streams past, so a reader
 * holds those rows and not the file: a ten-year extract read for one quarter costs the
 * memory of that quarter (docs/performance.md, "Memory").
 *
 * The caller says which column holds the period (it knows the column's names) and which
 * periods to keep: the latest in the file, one period, or every period up to one. A row
 * whose period cell is empty or not a period is kept, so the caller reports it as before.
 * Every period the file names is remembered (kept or not), so a run can still say which
 * periods the input has. Rows left out are checked for syntax only (fields, quotes, field
 * counts); the decimal mark is decided on the rows kept.
 */
import { comparePeriods, formatPeriod, type Period, parsePeriod, samePeriod } from "../period.js";
import { DecimalEvidence } from "./decimal.js";
import type { PeriodSelection, PeriodsKept } from "./options.js";
import type { Cell, Table, TableRow } from "./table.js";

/**
 * What the selection says of one row: keep it, leave it out, keep it as the newest period
 * so far (`latest`: the rows of older periods go), or keep it because it has no period.
 */
export type Verdict = "keep" | "skip" | "newer" | "none";

/** Where a held row goes: with the rows of its period, or with those that have none. */
export type Admission = "placed" | "unplaced";

const MAX_SPELLINGS = 10_000;

/** Judges rows one by one by their period cell and remembers the periods seen. */
export class PeriodJudge {
  private latest: Period | undefined;
  /** Every period seen, by its canonical text. */
  private readonly seen = new Map<string, Period>();
  /** Spellings already counted in `seen` (bounded: a hostile file could vary its spaces). */
  private readonly spellings = new Set<string>();
  /** Rows left out (judged `skip`, or let go by `HeldRows` for a newer period). */
  skipped = 0;
  // The cell judged last and its period: files list a period's rows together, so most
  // rows repeat the cell before (as a string or number, the same cell reads the same).
  private lastCell: Cell = null;
  private lastPeriod: Period | undefined;

  constructor(private readonly keep: PeriodsKept) {}

  judge(cell: Cell): Verdict {
    if (cell === null || cell !== this.lastCell) {
      this.lastPeriod = this.periodOf(cell);
      this.lastCell = cell;
    }
    const period = this.lastPeriod;
    if (period === undefined) return "none";
    const { keep } = this;
    let verdict: Verdict;
    if (keep === "latest") {
      const order = this.latest === undefined ? 1 : comparePeriods(period, this.latest);
      if (order > 0) this.latest = period;
      verdict = order > 0 ? "newer" : order === 0 ? "keep" : "skip";
    } else if ("exactly" in keep) {
      verdict = samePeriod(period, keep.exactly) ? "keep" : "skip";
    } else {
      verdict = comparePeriods(period, keep.upTo) <= 0 ? "keep" : "skip";
    }
    if (verdict === "skip") this.skipped++;
    return verdict;
  }

  /** The latest period judged so far. */
  latestPeriod(): Period | undefined {
    return this.latest;
  }

  /** Every period seen, canonical (`2019K4`), in chronological order. */
  periods(): string[] {
    return [...this.seen.values()].sort(comparePeriods).map((p) => formatPeriod(p));
  }

  private periodOf(cell: Cell): Period | undefined {
    if (cell === null) return undefined;
    const text = String(cell);
    if (text.trim() === "") return undefined;
    const period = parsePeriod(text);
    if (period !== undefined && !this.spellings.has(text)) {
      if (this.spellings.size < MAX_SPELLINGS) this.spellings.add(text);
      this.seen.set(formatPeriod(period), period);
    }
    return period;
  }
}

/**
 * Rows held while reading, with their estimated heap and their evidence of the decimal
 * mark. With a judge, rows of periods left out are never held, and when a newer period
 * turns up (`latest`) the rows of the older one are let go, evidence and all; rows without
 * a period are always held. `rows()` gives them in the order they came.
 */
export class HeldRows<R> {
  private placed: R[] = [];
  private readonly unplaced: R[] = [];
  // Arrival numbers, to give the rows back in file order.
  private placedOrder: number[] = [];
  private readonly unplacedOrder: number[] = [];
  private arrivals = 0;
  private placedBytes = 0;
  private unplacedBytes = 0;
  // The decimal mark is decided on the rows read: evidence goes with the rows it came from.
  private placedEvidence = new DecimalEvidence();
  private readonly unplacedEvidence = new DecimalEvidence();

  /** Rows handed to `sink` (instead of held): counted in `size` and `bytes`, not kept. */
  private forwarded = 0;

  /**
   * With a `sink`, each row goes there as it is pushed, in the order they came, and is not
   * held (`rows()` is empty); not for a judge that keeps the latest period, which lets
   * rows go after they came.
   */
  constructor(
    private readonly judge: PeriodJudge | undefined,
    private readonly sink?: (row: R) => void,
  ) {}

  /**
   * Whether a row with this period cell is to be held (then `push` it with the answer), or
   * undefined: leave it out. Lets a reader judge a row before it builds it.
   */
  admit(period: Cell): Admission | undefined {
    if (this.judge === undefined) return "placed";
    const verdict = this.judge.judge(period);
    if (verdict === "none") return "unplaced";
    if (verdict === "skip") return undefined;
    if (verdict === "newer") {
      // The rows of the older period are left out after all.
      this.judge.skipped += this.placed.length;
      this.placed = [];
      this.placedOrder = [];
      this.placedBytes = 0;
      this.placedEvidence = new DecimalEvidence();
    }
    return "placed";
  }

  push(row: R, bytes: number, admission: Admission): void {
    const order = this.arrivals++;
    if (this.sink !== undefined) {
      this.forwarded++;
      if (admission === "placed") this.placedBytes += bytes;
      else this.unplacedBytes += bytes;
      this.sink(row);
      return;
    }
    if (admission === "placed") {
      this.placed.push(row);
      this.placedOrder.push(order);
      this.placedBytes += bytes;
    } else {
      this.unplaced.push(row);
      this.unplacedOrder.push(order);
      this.unplacedBytes += bytes;
    }
  }

  /** Where the cells of a row held with this admission are evidence of the decimal mark. */
  evidenceOf(admission: Admission): DecimalEvidence {
    return admission === "placed" ? this.placedEvidence : this.unplacedEvidence;
  }

  /** The evidence of every row held. */
  evidence(): DecimalEvidence {
    return DecimalEvidence.merge(this.placedEvidence, this.unplacedEvidence);
  }

  get bytes(): number {
    return this.placedBytes + this.unplacedBytes;
  }

  get size(): number {
    return this.placed.length + this.unplaced.length + this.forwarded;
  }

  /** The held rows in the order they arrived (both lists are in that order already). */
  rows(): R[] {
    if (this.unplaced.length === 0) return this.placed;
    if (this.placed.length === 0) return this.unplaced;
    const merged: R[] = [];
    let i = 0;
    let j = 0;
    const { placed, unplaced, placedOrder, unplacedOrder } = this;
    while (i < placed.length || j < unplaced.length) {
      const a = placedOrder[i] ?? Number.POSITIVE_INFINITY;
      const b = unplacedOrder[j] ?? Number.POSITIVE_INFINITY;
      if (a < b) merged.push(placed[i++] as R);
      else merged.push(unplaced[j++] as R);
    }
    return merged;
  }
}

/**
 * The selection applied to a table read whole (a JSON document, a StatBank table made
 * long): the same rows a streaming reader would have held, in the table's order.
 */
export function selectRows(table: Table, selection: PeriodSelection | undefined): Table {
  if (selection === undefined) return table;
  const column = selection.column(table.columns);
  if (column === undefined) return table;
  const cellOf = (row: TableRow) => row.values[column] ?? null;
  // First pass: every period seen, and the latest; second: keep as the first pass decided.
  const survey = new PeriodJudge("latest");
  for (const row of table.rows) survey.judge(cellOf(row));
  const { keep } = selection;
  const latest = survey.latestPeriod();
  const judge = new PeriodJudge(
    keep === "latest" ? (latest === undefined ? "latest" : { exactly: latest }) : keep,
  );
  const rows = table.rows.filter((row) => judge.judge(cellOf(row)) !== "skip");
  return { ...table, rows, periods: survey.periods(), skippedRows: judge.skipped };
}
