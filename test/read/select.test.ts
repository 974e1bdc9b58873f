/**
 * The period selection (src/read/select.ts) holds, while streaming, exactly the rows a
 * reader would keep by reading everything and filtering afterwards: checked against that
 * plain reference on random files in every streamed format (CSV on both paths, JSON lines)
 * and on the whole-document ones (JSON), with the periods seen and the rows left out.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { comparePeriods, formatPeriod, parsePeriod } from "../../src/period.js";
import {
  type PeriodSelection,
  type PeriodsKept,
  readTable,
  type Table,
} from "../../src/read/index.js";
import { HeldRows, PeriodJudge } from "../../src/read/select.js";

const formats = ["csv", "csv-quoted", "jsonl", "json"] as const;

const dir = mkdtempSync(join(tmpdir(), "jobindex-select-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Period cells as files write them: several spellings, and a few that are not periods. */
const periodCell = fc.constantFrom(
  "2019K1",
  "2019Q2",
  "2019-Q3",
  "2019K4",
  "2020K1",
  "2020Q1",
  "2021QMAT04",
  "2020M05",
  "2020",
  "",
  "soon",
);

const byHeader =
  (name: string): PeriodSelection["column"] =>
  (columns) => {
    const at = columns.indexOf(name);
    return at < 0 ? undefined : at;
  };

const kept: fc.Arbitrary<PeriodsKept> = fc.oneof(
  fc.constant("latest" as const),
  fc
    .constantFrom("2019K2", "2020K1", "2021QMAT04", "2018K1")
    .map((p) => ({ exactly: parsePeriod(p) as NonNullable<ReturnType<typeof parsePeriod>> })),
  fc
    .constantFrom("2019K3", "2020M05", "2017")
    .map((p) => ({ upTo: parsePeriod(p) as NonNullable<ReturnType<typeof parsePeriod>> })),
);

/** The reference: which of `cells` a selection keeps, decided with the whole list at hand. */
function reference(cells: readonly string[], keep: PeriodsKept): boolean[] {
  const periods = cells.map((c) => (c.trim() === "" ? undefined : parsePeriod(c)));
  const valid = periods.filter((p) => p !== undefined);
  const latest = valid.sort(comparePeriods).at(-1);
  return periods.map((p) => {
    if (p === undefined) return true;
    if (keep === "latest") return latest !== undefined && comparePeriods(p, latest) === 0;
    if ("exactly" in keep) return comparePeriods(p, keep.exactly) === 0;
    return comparePeriods(p, keep.upTo) <= 0;
  });
}

function seenPeriods(cells: readonly string[]): string[] {
  const seen = new Map<string, NonNullable<ReturnType<typeof parsePeriod>>>();
  for (const c of cells) {
    const p = c.trim() === "" ? undefined : parsePeriod(c);
    if (p !== undefined) seen.set(formatPeriod(p), p);
  }
  return [...seen.values()].sort(comparePeriods).map((p) => formatPeriod(p));
}

describe("HeldRows with a PeriodJudge", () => {
  it("holds what filtering afterwards would keep, in file order", () => {
    fc.assert(
      fc.property(fc.array(periodCell, { maxLength: 60 }), kept, (cells, keep) => {
        const judge = new PeriodJudge(keep);
        const held = new HeldRows<{ line: number }>(judge);
        cells.forEach((cell, i) => {
          const admission = held.admit(cell);
          if (admission !== undefined) held.push({ line: i + 2 }, 100, admission);
        });
        const expected = reference(cells, keep).flatMap((k, i) => (k ? [i + 2] : []));
        expect(held.rows().map((r) => r.line)).toEqual(expected);
        expect(held.bytes).toBe(100 * expected.length);
        expect(judge.skipped).toBe(cells.length - expected.length);
        expect(judge.periods()).toEqual(seenPeriods(cells));
      }),
      { numRuns: 300 },
    );
  });
});

async function read(path: string, select: PeriodSelection): Promise<Table> {
  return readTable(path, { select });
}

describe("readTable with a selection", () => {
  it("gives the rows of an unselected read, filtered, in every format", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(periodCell, fc.integer({ min: 0, max: 999 })), {
          minLength: 1,
          maxLength: 40,
        }),
        kept,
        fc.constantFrom(...formats),
        async (rows, keep, format) => {
          const path = join(
            dir,
            `t.${format === "json" ? "json" : format === "jsonl" ? "jsonl" : "csv"}`,
          );
          writeFileSync(path, write(rows, format));
          const select = { column: byHeader("period"), keep };
          const all = await readTable(path);
          const some = await read(path, select);
          const keepRow = reference(
            all.rows.map((r) => String(r.values[1] ?? "")),
            keep,
          );
          expect(some.rows).toEqual(all.rows.filter((_, i) => keepRow[i]));
          expect(some.columns).toEqual(all.columns);
          // The mark is decided on the rows kept, as if the file held only those.
          const keptOnly = rows.filter((_, i) => keepRow[i]);
          if (keptOnly.length > 0) {
            writeFileSync(path, write(keptOnly, format));
            expect(some.decimalMark).toEqual((await readTable(path)).decimalMark);
          }
          expect(some.periods).toEqual(seenPeriods(rows.map(([p]) => p)));
          expect(some.skippedRows).toBe(keepRow.filter((k) => !k).length);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("decides the decimal mark on the rows kept", async () => {
    // Only the 2019K1 row, left out, shows a decimal comma; the row kept has integers only,
    // which read the same with either mark: the separator's convention applies.
    const path = join(dir, "mark.csv");
    writeFileSync(path, "period;value\n2019K1;1,5\n2019K2;2\n");
    const some = await read(path, { column: byHeader("period"), keep: "latest" });
    expect(some.rows.map((r) => r.values)).toEqual([["2019K2", "2"]]);
    expect(some.decimalMark).toBe(",");
    // A mark only rows left out decide is not taken for the rows kept: `1.234` could be
    // either, so the read asks for the mark rather than guess.
    writeFileSync(path, "period;value\n2019K1;1,5\n2019K2;1.234\n");
    await expect(read(path, { column: byHeader("period"), keep: "latest" })).rejects.toThrow(
      /decimal mark unclear/,
    );
  });

  it("rows left out are still checked for syntax: a wrong field count is reported", async () => {
    const path = join(dir, "ragged.csv");
    writeFileSync(path, "period,value\n2019K1,1,extra\n2019K2,2\n");
    await expect(read(path, { column: byHeader("period"), keep: "latest" })).rejects.toThrow(
      /expected 2 fields as in the header, found 3/,
    );
  });

  it("a file without the period column is read whole, without periods", async () => {
    const path = join(dir, "none.csv");
    writeFileSync(path, "municipality,value\n101,1\n147,2\n");
    const some = await read(path, { column: byHeader("period"), keep: "latest" });
    expect(some.rows).toHaveLength(2);
    expect(some.periods).toBeUndefined();
  });

  it("a selection that leaves every row out gives an empty table with the periods, not E_NO_ROWS", async () => {
    const path = join(dir, "elsewhere.csv");
    writeFileSync(path, "period,value\n2019K1,1\n2019K2,2\n");
    const keep = { exactly: parsePeriod("2020K1") as NonNullable<ReturnType<typeof parsePeriod>> };
    const some = await read(path, { column: byHeader("period"), keep });
    expect(some.rows).toEqual([]);
    expect(some.periods).toEqual(["2019K1", "2019K2"]);
    expect(some.skippedRows).toBe(2);
  });
});

function write(rows: ReadonlyArray<[string, number]>, format: (typeof formats)[number]): string {
  switch (format) {
    case "csv":
      return `municipality,period,value\n${rows.map(([p, v], i) => `${101 + i},${p},${v}`).join("\n")}\n`;
    case "csv-quoted":
      return `"municipality",period,value\n${rows.map(([p, v], i) => `${101 + i},${p},${v}`).join("\n")}\n`;
    case "jsonl":
      return `${rows.map(([p, v], i) => JSON.stringify({ municipality: String(101 + i), period: p, value: v })).join("\n")}\n`;
    case "json":
      return JSON.stringify(
        rows.map(([p, v], i) => ({ municipality: String(101 + i), period: p, value: v })),
        null,
        1,
      );
  }
}
