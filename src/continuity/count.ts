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
  const order = new Uint32Array(meetings.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort(
    (a, b) =>
      (citizen[a] as number) - (citizen[b] as number) ||
      (date[a] as number) - (date[b] as number) ||
      a - b,
  );
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
