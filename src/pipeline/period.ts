/**
 * `--period`, the same for every command: parsed and checked once when the options are
 * normalised (before any file is opened), then chosen among the periods the input has.
 * A bad period is a UsageError with code E_PERIOD and one wording everywhere.
 */
import { UsageError } from "../diagnostics.js";
import { formatPeriod, type Period, parsePeriod, samePeriod } from "../period.js";

export const PERIOD_CODE = "E_PERIOD";

/** What `--period` needs: any period, or (the index is quarterly) a quarter. */
export type PeriodKindWanted = "any" | "quarter";

/**
 * `--period` as given (a flag, or the `period` a JSON result recorded) → a Period;
 * undefined when none is given.
 */
export function parsePeriodOption(
  text: unknown,
  wanted: PeriodKindWanted = "any",
): Period | undefined {
  if (text === undefined || text === null) return undefined;
  const shown = typeof text === "string" ? `'${text}'` : JSON.stringify(text);
  const period = typeof text === "string" ? parsePeriod(text) : undefined;
  if (period === undefined) {
    throw new UsageError(
      `--period expects a period such as 2019K4, 2019Q4, 2021QMAT04, 2024M06 or 2022, got ${shown}`,
      PERIOD_CODE,
    );
  }
  if (wanted === "quarter" && period.kind !== "quarter") {
    throw new UsageError(
      `--period expects a quarter such as 2019K4 or 2019Q4 (the index is quarterly), got ${shown}`,
      PERIOD_CODE,
    );
  }
  return period;
}

/**
 * The period to report on: the requested one, which must be among `available` (the
 * input's periods, chronological) when the input names any; with none requested, the
 * latest. Undefined only when nothing is requested and the input names no period.
 */
export function choosePeriod(
  requested: Period | undefined,
  available: readonly Period[],
): Period | undefined {
  if (requested === undefined) return available.at(-1);
  if (available.length === 0 || available.some((p) => samePeriod(p, requested))) return requested;
  throw new UsageError(
    `--period ${formatPeriod(requested)} is not in the input, which has ${periodRange(available)}`,
    PERIOD_CODE,
  );
}

/** `2021K4–2022K1 (2 periods)`, or `only 2021QMAT04`. */
function periodRange(available: readonly Period[]): string {
  const first = formatPeriod(available[0] as Period);
  const last = formatPeriod(available.at(-1) as Period);
  return available.length === 1
    ? `only ${first}`
    : `${first}–${last} (${available.length} periods)`;
}
