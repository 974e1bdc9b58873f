/**
 * One canonical period type for every spelling real sources use:
 * `2019K4`, `2019Q4`, `2019-Q4` (quarter), `2021QMAT04` (four-quarter moving window
 * ending with quarter 4), `2024M06` (month), `2022` (year).
 */
export type PeriodKind = "year" | "quarter" | "mat" | "month";

export interface Period {
  kind: PeriodKind;
  year: number;
  /** quarter 1–4 for `quarter` and `mat` (the window's last quarter), month 1–12, 0 for year. */
  sub: number;
}

const PATTERNS: Array<[RegExp, PeriodKind]> = [
  [/^(\d{4})\s*-?\s*[KQ]([1-4])$/i, "quarter"],
  [/^(\d{4})\s*QMAT0?([1-4])$/i, "mat"],
  [/^(\d{4})\s*-?\s*M(0[1-9]|1[0-2]|[1-9])$/i, "month"],
  [/^(\d{4})$/, "year"],
];

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Spellings remembered by `parsePeriod` (an extract has a few dozen periods). */
const PARSED_MAX = 10_000;
const parsed = new Map<string, Readonly<Period> | null>();

/**
 * Parses a period or returns undefined. Years outside 1900–2100 are impossible. Each
 * spelling is parsed once (a file repeats its periods on every row); the result is frozen.
 */
export function parsePeriod(text: string): Period | undefined {
  let period = parsed.get(text);
  if (period === undefined) {
    period = parseOnce(text);
    if (parsed.size < PARSED_MAX) parsed.set(text, period);
  }
  return period ?? undefined;
}

function parseOnce(text: string): Readonly<Period> | null {
  const s = text.trim();
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return Object.freeze({ kind, year, sub: kind === "year" ? 0 : Number(m[2]) });
  }
  return null;
}

export type PeriodStyle = "da" | "en";

/** Canonical text: quarters as `2019K4` (Danish) unless `en` asks for `2019Q4`. */
export function formatPeriod(p: Period, style: PeriodStyle = "da"): string {
  switch (p.kind) {
    case "year":
      return String(p.year);
    case "quarter":
      return `${p.year}${style === "en" ? "Q" : "K"}${p.sub}`;
    case "mat":
      return `${p.year}QMAT0${p.sub}`;
    case "month":
      return `${p.year}M${String(p.sub).padStart(2, "0")}`;
  }
}

/** The period's last month, as an ordinal: used to order and compare across kinds. */
function endMonth(p: Period): number {
  switch (p.kind) {
    case "year":
      return p.year * 12 + 12;
    case "quarter":
    case "mat":
      return p.year * 12 + p.sub * 3;
    case "month":
      return p.year * 12 + p.sub;
  }
}

/** Orders by end date, then by kind; total and deterministic. */
export function comparePeriods(a: Period, b: Period): number {
  // Kinds are plain ASCII words: code-unit order (localeCompare would load ICU's collator).
  return endMonth(a) - endMonth(b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year && a.sub === b.sub;
}

const SPAN_MONTHS: Record<PeriodKind, number> = { year: 12, mat: 12, quarter: 3, month: 1 };

function isoMonthDay(ordinal: number, day: "first" | "last"): string {
  const year = Math.floor((ordinal - 1) / 12);
  const month = ((ordinal - 1) % 12) + 1;
  const d = day === "first" ? 1 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** First day of the period (ISO date), for dated registry look-ups. */
export function periodStart(p: Period): string {
  return isoMonthDay(endMonth(p) - SPAN_MONTHS[p.kind] + 1, "first");
}

/** Last day of the period (ISO date). */
export function periodEnd(p: Period): string {
  return isoMonthDay(endMonth(p), "last");
}

/** The quarter a month belongs to. */
export function quarterOfMonth(p: Period): Period {
  if (p.kind !== "month") return p;
  return { kind: "quarter", year: p.year, sub: Math.ceil(p.sub / 3) };
}

/** The previous period of the same kind (for history: change since last quarter). */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case "year":
      return { ...p, year: p.year - 1 };
    case "month":
      return p.sub === 1 ? { ...p, year: p.year - 1, sub: 12 } : { ...p, sub: p.sub - 1 };
    default:
      return p.sub === 1 ? { ...p, year: p.year - 1, sub: 4 } : { ...p, sub: p.sub - 1 };
  }
}
