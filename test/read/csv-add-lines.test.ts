/**
 * `CsvCollector.addLines` (the direct path's loop, which counts runs of lines left out
 * without a call each) against `addLine` called line by line, the way it read before:
 * the same rows, lines, periods, skipped count and diagnostics, on random quote-free
 * files with titles, blank and ragged lines, runs of periods in any order, and every kind
 * of selection.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import { parsePeriod } from "../../src/period.js";
import { CsvCollector, StopReading } from "../../src/read/csv-collector.js";
import { limitsFrom } from "../../src/read/limits.js";
import type { PeriodsKept, ReadOptions } from "../../src/read/options.js";

const PERIODS = ["2023K4", "2024K1", "2024K2", " 2024K2", "2024Q2", "x", ""];

function collect(lines: string[], keep: PeriodsKept, oneByOne: boolean) {
  const options: ReadOptions = {
    select: {
      column: (header) => (header.indexOf("period") < 0 ? undefined : header.indexOf("period")),
      keep,
    },
  };
  const collector = new CsvCollector("f.csv", new DiagnosticBag(), limitsFrom({}), options);
  try {
    if (oneByOne) for (const line of lines) collector.addLine(line, ";");
    else collector.addLines(lines, ";");
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  collector.finish();
  return {
    rows: collector.rows,
    line: collector.line,
    skipped: collector.judge?.skipped,
    periods: collector.judge?.periods(),
    diagnostics: collector.bag.items,
    lines: collector.skipped,
  };
}

const run = fc.record({
  period: fc.constantFrom(...PERIODS),
  count: fc.integer({ min: 1, max: 6 }),
  ragged: fc.boolean(),
});

const file = fc.record({
  titles: fc.array(fc.constantFrom("Titel", "", "Kilde: STAR"), { maxLength: 2 }),
  header: fc.constantFrom("kommune;period;n", "period;kommune;n", "kommune;n;x"),
  runs: fc.array(run, { maxLength: 8 }),
  blankAt: fc.option(fc.nat(), { nil: undefined }),
});

const keep = fc.constantFrom<PeriodsKept>(
  "latest",
  { exactly: parsePeriod("2024K1") as NonNullable<ReturnType<typeof parsePeriod>> },
  { upTo: parsePeriod("2024K1") as NonNullable<ReturnType<typeof parsePeriod>> },
);

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function linesOf(f: File): string[] {
  const lines: string[] = [...f.titles, f.header];
  const periodAt = f.header.split(";").indexOf("period");
  let n = 0;
  for (const r of f.runs) {
    for (let i = 0; i < r.count; i++) {
      const cells = ["101", String(n++), "7"];
      if (periodAt >= 0) cells[periodAt] = r.period;
      if (r.ragged && i === r.count - 1) cells.push("extra");
      lines.push(cells.join(";"));
    }
  }
  if (f.blankAt !== undefined) lines.splice(Math.min(f.blankAt, lines.length), 0, "");
  return lines;
}

describe("CsvCollector.addLines", () => {
  it("reads as addLine line by line does", () => {
    fc.assert(
      fc.property(file, keep, (f, k) => {
        const lines = linesOf(f);
        expect(collect(lines, k, false)).toEqual(collect(lines, k, true));
      }),
      { numRuns: 2000 },
    );
  });
});
