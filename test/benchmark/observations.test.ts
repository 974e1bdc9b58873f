/**
 * readObservations (src/pipeline/benchmark/observations.ts) against the implementation it
 * replaced (./observations-reference.ts), on random tables: Y30R21 and model-input columns
 * in any subset and order, cells well and badly formed (unknown areas, totals, bad periods,
 * numbers in either mark, empty and missing cells). The rows, with their observations'
 * keys in the same order, the diagnostics in the same order and the skipped totals must be
 * the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import { readObservations } from "../../src/pipeline/benchmark/observations.js";
import type { Cell, Table } from "../../src/read/table.js";
import { loadRegistry } from "../../src/registry/index.js";
import { readObservationsReference } from "./observations-reference.js";

const registry = loadRegistry();

const LABELS = [
  "Area",
  "Periode",
  "Ydelsesgrupper",
  "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Forventet antal",
  "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal",
  "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk antal",
  "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forventet andel (pct.)",
  "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Faktisk andel (pct.)",
  "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk andel (pct. point)",
  "Placering på benchmarkranglisten",
  "public_support_fte",
  "population_16_66",
  "kommune",
  "ledighed",
  "andel_indvandrere",
];

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(
    "Billund",
    "København",
    "Hele landet",
    "Region Hovedstaden",
    "Atlantis",
    " billund ",
  ),
  fc.constantFrom("2021QMAT04", "2020K1", "2021", "not a period", " "),
  fc.constantFrom("9,08", "-0,06", "1.234", "1.234,5", "12.5", "−3", "..", "-", "abc", "", "0"),
  fc.constantFrom("Ydelsesgrupper i alt", "A-dagpenge mv."),
  fc.integer({ min: -500, max: 50_000 }),
  fc.double({ noNaN: true, min: -100, max: 100 }),
  fc.constantFrom(null, true, Number.NaN),
);

/** A cell as its column would hold it, or (one time in four) any cell. */
function cellOf(label: string): fc.Arbitrary<Cell> {
  const typical =
    label === "Area" || label === "kommune"
      ? fc.constantFrom("Billund", "København", "Aarhus", "Hele landet")
      : label === "Periode"
        ? fc.constantFrom("2021QMAT04", "2020QMAT02")
        : label === "Ydelsesgrupper"
          ? fc.constantFrom("Ydelsesgrupper i alt", "A-dagpenge mv.")
          : fc.oneof(
              fc.integer({ min: 1, max: 50_000 }),
              fc.constantFrom("9,08", "3,41", "-0,06", "12.5", "1.234"),
            );
  return fc.oneof({ weight: 3, arbitrary: typical }, { weight: 1, arbitrary: cell });
}

const table: fc.Arbitrary<Table> = fc
  .record({
    columns: fc.shuffledSubarray(LABELS, { minLength: 1 }),
    format: fc.constantFrom("jsonl" as const, "csv" as const),
    decimalMark: fc.constantFrom(",", ".", undefined),
  })
  .chain(({ columns, format, decimalMark }) =>
    fc.array(fc.tuple(...columns.map(cellOf)), { maxLength: 12 }).map((rows) => ({
      file: "input.jsonl",
      format,
      columns,
      rows: rows.map((values, i) => ({ line: i + 2, values })),
      ...(decimalMark !== undefined ? { decimalMark } : {}),
    })),
  );

describe("readObservations", () => {
  it("reads every table as the implementation it replaced: rows, key order, diagnostics", () => {
    let observed = 0;
    fc.assert(
      fc.property(table, (t) => {
        const bag = new DiagnosticBag();
        const reference = new DiagnosticBag();
        const got = readObservations(t, registry, bag);
        const want = readObservationsReference(t, registry, reference);
        expect(got).toEqual(want);
        // toEqual ignores key order; the JSON text does not.
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        expect(JSON.stringify(bag.items)).toBe(JSON.stringify(reference.items));
        observed += got.rows.length;
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: many rows become observations.
    expect(observed).toBeGreaterThan(500);
  });
});
