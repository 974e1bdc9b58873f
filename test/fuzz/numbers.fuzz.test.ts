/**
 * Every number survives a round trip through each supported number format: the CSV
 * reporter writes it (en: `,` and `.`; da: `;` and decimal comma), the readers read the
 * file back, `parseNumber` with the decimal mark the reader decided gives the same double.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseNumber, readTable } from "../../src/read/index.js";
import { renderCsv } from "../../src/report/csv.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../../src/report/types.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-fuzz-numbers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

function documentOf(columns: number, values: number[][]): ReportDocument {
  const cols: ReportColumn[] = [
    { key: "municipality", header: "Municipality", kind: "text" },
    ...Array.from(
      { length: columns },
      (_, i): ReportColumn => ({ key: `v${i}`, header: `v${i}`, kind: "number" }),
    ),
  ];
  const rows = values.map((row, r): ReportRow => {
    const out: ReportRow = { municipality: `unit ${r}` };
    row.forEach((v, i) => {
      out[`v${i}`] = v;
    });
    return out;
  });
  return {
    json: {},
    title: "t",
    subtitle: "s",
    synthetic: false,
    columns: cols,
    rows,
    sections: [],
    notes: [],
  };
}

async function roundTrip(
  locale: "en" | "da",
  columns: number,
  values: number[][],
): Promise<number[][]> {
  const path = join(dir, `numbers-${counter++}.csv`);
  writeFileSync(path, renderCsv(documentOf(columns, values), { locale }));
  const table = await readTable(path);
  expect(table.separator).toBe(locale === "da" ? ";" : ",");
  const mark = table.decimalMark ?? (locale === "da" ? "," : ".");
  return table.rows.map((row) =>
    row.values.slice(1).map((cell) => parseNumber(cell, mark) as number),
  );
}

/** Numbers as the commands produce them: shares, residuals, scores, counts. */
const realistic = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -100, max: 100, noNaN: true }).map((x) => Math.round(x * 100) / 100),
);

/** Every finite double, including the extremes String() writes with an exponent. */
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });

function table(values: fc.Arbitrary<number>) {
  return fc.integer({ min: 1, max: 4 }).chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(values, { minLength: columns, maxLength: columns }), {
        minLength: 1,
        maxLength: 12,
      }),
    }),
  );
}

describe("numbers survive csv (en, da) → readers → parseNumber", () => {
  for (const locale of ["en", "da"] as const) {
    it(`${locale}: realistic numbers, with at least one decimal in the file`, async () => {
      await fc.assert(
        fc.asyncProperty(table(realistic), async ({ columns, rows }) => {
          // One cell with a decimal part in each column: a file of only integers, or only
          // cells like 1,234 (thousands or decimal?), is refused as ambiguous by design.
          const withDecimals = [...rows, Array.from({ length: columns }, () => 0.5)];
          const back = await roundTrip(locale, columns, withDecimals);
          expect(back).toEqual(withDecimals.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v))));
        }),
        { numRuns: 150 },
      );
    });

    it(`${locale}: any finite double, exponents included`, async () => {
      await fc.assert(
        fc.asyncProperty(table(anyFinite), async ({ columns, rows }) => {
          const withDecimals = [...rows, Array.from({ length: columns }, () => 0.5)];
          const back = await roundTrip(locale, columns, withDecimals);
          expect(back).toEqual(withDecimals.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v))));
        }),
        { numRuns: 150 },
      );
    });
  }
});
