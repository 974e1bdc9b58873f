import { quarterOfDate } from "./quarter.js";
import type { ContinuityCell, MeetingColumns, QuarterNumber } from "./types.js";

/** The unit (an index) a meeting in this municipality and quarter belongs to. */
export type UnitOf = (municipality: number, quarter: QuarterNumber) => number;

/**
 * Counts citizens, changes and changed citizens per unit and quarter (METHOD.md H).
 * Each citizen's meetings are ordered by date, ties by input order; a change is a meeting
 * whose caseworker differs from the same citizen's previous meeting, wherever that was.
 * Memory: one index per meeting for the order, and one cell per unit and quarter.
 */
export function countContinuity(meetings: MeetingColumns, unitOf: UnitOf): ContinuityCell[] {
  const { citizen, date, caseworker, municipality } = meetings;
  const order = citizenOrder(meetings);
  const cells = new Map<number, ContinuityCell>();
  // Per citizen: the unit-quarter keys met in, and whether a change fell there.
  let seen = new Map<number, boolean>();
  let current = -1;
  let previousCaseworker = -1;
  const flush = () => {
    for (const [key, changed] of seen) {
      const cell = cells.get(key) as ContinuityCell;
      cell.citizens++;
      if (changed) cell.changedCitizens++;
    }
    seen = new Map();
  };
  for (const i of order) {
    const who = citizen[i] as number;
    if (who !== current) {
      flush();
      current = who;
      previousCaseworker = -1;
    }
    const quarter = quarterOfDate(date[i] as number);
    const unit = unitOf(municipality[i] as number, quarter);
    const key = unit * 100_000 + quarter;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { unit, quarter, citizens: 0, changes: 0, changedCitizens: 0 };
      cells.set(key, cell);
    }
    const who2 = caseworker[i] as number;
    const change = previousCaseworker !== -1 && who2 !== previousCaseworker;
    if (change) cell.changes++;
    seen.set(key, (seen.get(key) ?? false) || change);
    previousCaseworker = who2;
  }
  flush();
  return [...cells.values()].sort((a, b) => a.quarter - b.quarter || a.unit - b.unit);
}

/**
 * Meeting indices grouped by citizen (a counting sort, linear in the meetings), each
 * citizen's meetings by date and, on the same date, in input order (insertion sort of
 * each citizen's few meetings, stable).
 */
function citizenOrder(meetings: MeetingColumns): Uint32Array {
  const { citizen, date } = meetings;
  const n = meetings.length;
  let citizens = 0;
  for (let i = 0; i < n; i++) citizens = Math.max(citizens, (citizen[i] as number) + 1);
  const next = new Uint32Array(citizens + 1);
  for (let i = 0; i < n; i++)
    next[(citizen[i] as number) + 1] = (next[(citizen[i] as number) + 1] as number) + 1;
  for (let c = 0; c < citizens; c++) next[c + 1] = (next[c + 1] as number) + (next[c] as number);
  const first = next.slice();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = citizen[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  for (let c = 0; c < citizens; c++) {
    const lo = first[c] as number;
    const hi = first[c + 1] as number;
    for (let k = lo + 1; k < hi; k++) {
      const item = order[k] as number;
      const d = date[item] as number;
      let j = k - 1;
      // Indices within a citizen ascend already, so only a later date moves an item.
      while (j >= lo && (date[order[j] as number] as number) > d) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = item;
    }
  }
  return order;
}
