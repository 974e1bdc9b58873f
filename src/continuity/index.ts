export { countContinuity, type UnitOf } from "./count.js";
export { parseIsoDate, quarterIndex, quarterOfDate, quarterYear } from "./quarter.js";
export { MIN_CITIZENS, summariseContinuity } from "./summarise.js";
export type { ContinuityCell, ContinuityResult, MeetingColumns, QuarterNumber } from "./types.js";
