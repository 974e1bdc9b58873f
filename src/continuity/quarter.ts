import type { QuarterNumber } from "./types.js";

/** 20220331 → 8088 (2022K1). */
export function quarterOfDate(date: number): QuarterNumber {
  const year = Math.floor(date / 10000);
  const month = Math.floor(date / 100) % 100;
  return year * 4 + Math.floor((month - 1) / 3);
}

export function quarterYear(q: QuarterNumber): number {
  return Math.floor(q / 4);
}

/** 1 … 4. */
export function quarterIndex(q: QuarterNumber): number {
  return (q % 4) + 1;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO calendar date `YYYY-MM-DD` as yyyymmdd, or undefined when the text is not a real
 * date (2022-02-30, 2022-13-01, 31-12-2022).
 */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS[month - 1] as number);
  if (day > days) return undefined;
  return year * 10000 + month * 100 + day;
}
