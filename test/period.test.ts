import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  parsePeriod,
  periodEnd,
  periodStart,
  previousPeriod,
  quarterOfMonth,
  samePeriod,
} from "../src/period.js";

describe("parsePeriod", () => {
  it.each([
    ["2019K4", { kind: "quarter", year: 2019, sub: 4 }],
    ["2019Q4", { kind: "quarter", year: 2019, sub: 4 }],
    ["2019-Q4", { kind: "quarter", year: 2019, sub: 4 }],
    ["2019q1", { kind: "quarter", year: 2019, sub: 1 }],
    [" 2019K2 ", { kind: "quarter", year: 2019, sub: 2 }],
    ["2021QMAT04", { kind: "mat", year: 2021, sub: 4 }],
    ["2020QMAT02", { kind: "mat", year: 2020, sub: 2 }],
    ["2024M06", { kind: "month", year: 2024, sub: 6 }],
    ["2024M12", { kind: "month", year: 2024, sub: 12 }],
    ["2022", { kind: "year", year: 2022, sub: 0 }],
  ])("%j → %o", (text, period) => expect(parsePeriod(text)).toEqual(period));

  it.each([
    "2019K5",
    "2019K0",
    "2019Q5",
    "2019M13",
    "2019M00",
    "2021QMAT05",
    "abcd",
    "",
    "19K4",
    "1899",
    "2101K1",
    "2019-13",
  ])("%j is impossible", (text) => expect(parsePeriod(text)).toBeUndefined());
});

describe("formatPeriod", () => {
  it("writes quarters the Danish way unless asked", () => {
    const q = parsePeriod("2019Q4") as Period;
    expect(formatPeriod(q)).toBe("2019K4");
    expect(formatPeriod(q, "en")).toBe("2019Q4");
    expect(formatPeriod(parsePeriod("2021QMAT04") as Period)).toBe("2021QMAT04");
    expect(formatPeriod(parsePeriod("2024M06") as Period)).toBe("2024M06");
    expect(formatPeriod(parsePeriod("2022") as Period)).toBe("2022");
  });
});

describe("period arithmetic", () => {
  it("start and end dates", () => {
    const p = (t: string) => parsePeriod(t) as Period;
    expect([periodStart(p("2019K4")), periodEnd(p("2019K4"))]).toEqual([
      "2019-10-01",
      "2019-12-31",
    ]);
    expect([periodStart(p("2021QMAT02")), periodEnd(p("2021QMAT02"))]).toEqual([
      "2020-07-01",
      "2021-06-30",
    ]);
    expect([periodStart(p("2024M02")), periodEnd(p("2024M02"))]).toEqual([
      "2024-02-01",
      "2024-02-29",
    ]);
    expect([periodStart(p("2022")), periodEnd(p("2022"))]).toEqual(["2022-01-01", "2022-12-31"]);
  });

  it("previous period and quarter of a month", () => {
    const p = (t: string) => parsePeriod(t) as Period;
    expect(formatPeriod(previousPeriod(p("2020K1")))).toBe("2019K4");
    expect(formatPeriod(previousPeriod(p("2020M01")))).toBe("2019M12");
    expect(formatPeriod(previousPeriod(p("2021QMAT01")))).toBe("2020QMAT04");
    expect(formatPeriod(previousPeriod(p("2022")))).toBe("2021");
    expect(formatPeriod(quarterOfMonth(p("2024M06")))).toBe("2024K2");
  });
});

/** Any valid period. */
const period: fc.Arbitrary<Period> = fc.oneof(
  fc.record({
    kind: fc.constant("quarter" as const),
    year: fc.integer({ min: 1900, max: 2100 }),
    sub: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("mat" as const),
    year: fc.integer({ min: 1900, max: 2100 }),
    sub: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("month" as const),
    year: fc.integer({ min: 1900, max: 2100 }),
    sub: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant("year" as const),
    year: fc.integer({ min: 1900, max: 2100 }),
    sub: fc.constant(0),
  }),
);

describe("properties", () => {
  it("parse ∘ format is the identity on periods, in both styles", () => {
    fc.assert(
      fc.property(period, fc.constantFrom("da" as const, "en" as const), (p, style) => {
        expect(parsePeriod(formatPeriod(p, style))).toEqual(p);
      }),
    );
  });

  it("format ∘ parse is the identity on canonical text", () => {
    fc.assert(
      fc.property(period, (p) => {
        const text = formatPeriod(p);
        expect(formatPeriod(parsePeriod(text) as Period)).toBe(text);
      }),
    );
  });

  it("every spelling of a quarter parses to the same period", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 4 }),
        (year, q) => {
          const spellings = [`${year}K${q}`, `${year}Q${q}`, `${year}-Q${q}`, `${year}k${q}`];
          const parsed = spellings.map(parsePeriod);
          for (const p of parsed) expect(p).toEqual({ kind: "quarter", year, sub: q });
        },
      ),
    );
  });

  it("ordering is a consistent total order", () => {
    fc.assert(
      fc.property(period, period, period, (a, b, c) => {
        const ab = comparePeriods(a, b);
        expect(Math.sign(ab) + Math.sign(comparePeriods(b, a))).toBe(0);
        expect(ab === 0).toBe(samePeriod(a, b));
        if (ab <= 0 && comparePeriods(b, c) <= 0)
          expect(comparePeriods(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("ordering follows time: a period ends after the previous one", () => {
    fc.assert(
      fc.property(
        period.filter((p) => p.year > 1900),
        (p) => {
          expect(comparePeriods(previousPeriod(p), p)).toBeLessThan(0);
          expect(periodEnd(previousPeriod(p)) < periodEnd(p)).toBe(true);
        },
      ),
    );
  });

  it("sorting by comparePeriods sorts by end date", () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 20 }), (ps) => {
        const ends = [...ps].sort(comparePeriods).map(periodEnd);
        expect(ends).toEqual([...ends].sort());
      }),
    );
  });
});
