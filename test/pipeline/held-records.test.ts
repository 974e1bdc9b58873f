/**
 * A run of several quarters (`--history`, `--missing impute-previous`) holds its count
 * records as numbers while it reads (src/pipeline/index/held-records.ts), and reports its
 * inputs' problems while it does, as one quarter's run reads them as tables reports them
 * (test/pipeline/held-problems.test.ts checks that against a reference kept there).
 * Whatever the input, both ways must give the same: the same records of every quarter, the same quarters, the
 * same total and region rows skipped, the same warnings, or the same diagnostics in the
 * same order. Checked on random index extracts in CSV (`,` with decimal points, `;` with
 * decimal commas, quoted names, names beyond Latin-1), JSON lines and tab-separated text,
 * in one or two files, with and without problems of every kind the index reports; rows
 * with and without decimals, counts with thousands separators (which read with either
 * mark, so rows wait for the mark), `--decimal-mark` given or not; and a file read again
 * as Latin-1 after its rows were handed over.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CountRecord } from "../../src/composite/types.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { InputError } from "../../src/diagnostics.js";
import { HeldRecords, readHeld } from "../../src/pipeline/index/held-records.js";
import { countColumnsOf } from "../../src/pipeline/index/input.js";
import { loadMethod } from "../../src/pipeline/index/method.js";
import { readGrouped } from "../../src/pipeline/index/run.js";
import type { ReadOptions } from "../../src/read/index.js";
import { loadRegistry } from "../../src/registry/index.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-held-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const method = loadMethod("fh");
const registry = loadRegistry();
const COUNTS = method.profile.json.input.columns.map((c) => c.name);

/** Names as an extract may write them: codes, names with æøå, quoted, one beyond Latin-1. */
const MUNICIPALITIES = ["101", "147", "Aarhus", "Høje-Taastrup", "Odense", "Tønder", "825"];
const QUARTERS = ["2021K3", "2021K4", "2022K1"];

type Problem =
  | "none"
  | "unknown"
  | "duplicate"
  | "bad-number"
  | "subcount"
  | "month"
  | "bad-period"
  | "ragged"
  | "empty-count"
  | "aggregate"
  | "title"
  | "dash-name"
  | "other-mark"
  | "minus-zero";

interface Extract {
  format: "comma" | "semicolon" | "tab" | "jsonl";
  cells: Array<{
    who: string;
    period: string;
    counts: number[];
    empty: number;
    /** Every fourth count in tenths (else whole). */
    decimals: boolean;
  }>;
  problems: Problem[];
  split: number;
  /** Counts of 1,000 and more written with a thousands separator (`1.234`, or `1,234` with decimal points). */
  thousands: boolean;
  decimalMark: "," | "." | undefined;
  /** The decimals' places (1: tenths); with `large`, whole counts are made 100,003 times larger. */
  places: number;
  large: boolean;
}

const extract: fc.Arbitrary<Extract> = fc.record({
  format: fc.constantFrom("comma", "semicolon", "tab", "jsonl"),
  cells: fc.uniqueArray(
    fc.record({
      who: fc.constantFrom(...MUNICIPALITIES),
      period: fc.constantFrom(...QUARTERS),
      counts: fc.array(fc.integer({ min: 0, max: 99_999 }), {
        minLength: COUNTS.length,
        maxLength: COUNTS.length,
      }),
      empty: fc.integer({ min: -20, max: COUNTS.length - 1 }),
      decimals: fc.boolean(),
    }),
    { minLength: 1, maxLength: 18, selector: (c) => `${c.who}|${c.period}` },
  ),
  problems: fc.array(
    fc.constantFrom<Problem>(
      "none",
      "unknown",
      "duplicate",
      "bad-number",
      "subcount",
      "month",
      "bad-period",
      "ragged",
      "empty-count",
      "aggregate",
      "title",
      "dash-name",
      "other-mark",
      "minus-zero",
    ),
    { maxLength: 3 },
  ),
  split: fc.integer({ min: 0, max: 18 }),
  thousands: fc.boolean(),
  decimalMark: fc.constantFrom(undefined, undefined, ",", "."),
  places: fc.constantFrom(1, 1, 2, 3),
  large: fc.boolean(),
});

/** Each constraint's part and total, as places among the counts. */
const PAIRS = method.profile.json.constraints.map((c) => [
  COUNTS.indexOf(c.part),
  COUNTS.indexOf(c.total),
]);

/**
 * A row's counts as the format writes them: with `decimals` every fourth with `places`
 * decimals, each part within its total; with `thousands` whole counts over 999 grouped by
 * thousands.
 */
function countTexts(
  drawn: readonly number[],
  format: Extract["format"],
  decimals: boolean,
  x: Pick<Extract, "thousands" | "places" | "large">,
): string[] {
  const tenths = (i: number) => decimals && i % 4 === 0;
  const values = drawn.map((v, i) => (tenths(i) ? v / 10 ** x.places : x.large ? v * 100_003 : v));
  for (const [part, total] of PAIRS) {
    values[part as number] = Math.min(
      values[part as number] as number,
      values[total as number] as number,
    );
  }
  const mark = format === "semicolon" ? "," : ".";
  const group = mark === "," ? "." : ",";
  return values.map((v, i) => {
    if (tenths(i)) return v.toFixed(x.places).replace(".", mark);
    const text = String(v);
    return x.thousands ? text.replace(/\B(?=(\d{3})+$)/g, group) : text;
  });
}

/** The extract's rows (header first), split into one or two files. */
function filesOf(x: Extract, run: number): string[] {
  const rows: Array<{ who: string; period: string; counts: string[] }> = x.cells.map((c) => ({
    who: c.who,
    period: c.period,
    counts: countTexts(c.counts, x.format, c.decimals, x).map((text, i) =>
      i === c.empty ? "" : text,
    ),
  }));
  const first = rows[0];
  for (const problem of x.problems) {
    if (first === undefined) break;
    switch (problem) {
      case "unknown":
        rows.push({ ...first, who: "Atlantis" });
        break;
      case "duplicate":
        rows.push({ ...first });
        break;
      case "bad-number":
        rows.push({
          ...first,
          period: "2021K2",
          counts: first.counts.map((c, i) => (i === 2 ? "1x" : c)),
        });
        break;
      case "subcount":
        rows.push({
          ...first,
          period: "2021K1",
          counts: first.counts.map((c, i) => (i === 1 ? "9999999" : c)),
        });
        break;
      case "month":
        rows.push({ ...first, period: "2021M03" });
        break;
      case "bad-period":
        rows.push({ ...first, period: "sometime" });
        break;
      case "ragged":
        rows.push({ ...first, period: "2020K4", counts: first.counts.slice(1) });
        break;
      case "empty-count":
        rows.push({ ...first, period: "2020K3", counts: first.counts.map(() => "") });
        break;
      case "aggregate":
        rows.push({ ...first, who: "Hele landet" });
        break;
      case "other-mark":
        // A decimal written with the other mark: mixed marks, or not a number.
        rows.push({
          ...first,
          period: "2020K2",
          counts: first.counts.map((c, i) =>
            i === 0 ? (x.format === "semicolon" ? "2.5" : "2,5") : c,
          ),
        });
        break;
      case "minus-zero":
        rows.push({
          ...first,
          period: "2020K1",
          counts: first.counts.map((c, i) => (i === 2 ? "-0" : c)),
        });
        break;
      case "dash-name":
        // A name beyond Latin-1 (an en dash): held as text, not as Latin-1 bytes.
        rows.push({ ...first, who: "Region Nord–jylland" });
        break;
      default:
        break;
    }
  }
  const header = ["municipality", "period", ...COUNTS];
  const sep = x.format === "comma" ? "," : x.format === "semicolon" ? ";" : "\t";
  const quote = (cell: string) =>
    cell.includes(sep) || cell.includes("-") || cell.includes(",") ? `"${cell}"` : cell;
  const line = (cells: string[]) =>
    x.format === "jsonl"
      ? JSON.stringify(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? null])))
      : cells.map(quote).join(sep);
  const lines = rows.map((r) => line([r.who, r.period, ...r.counts]));
  const head = x.format === "jsonl" ? [] : [line(header)];
  const title =
    x.problems.includes("title") && x.format !== "jsonl" ? ["Ledighed i kommunerne"] : [];
  const cut = Math.min(x.split, lines.length);
  const parts = cut > 0 && cut < lines.length ? [lines.slice(0, cut), lines.slice(cut)] : [lines];
  const ext = x.format === "jsonl" ? "jsonl" : "csv";
  return parts.map((part, i) => {
    const path = join(dir, `extract-${run}-${i}.${ext}`);
    writeFileSync(path, `${[...(i === 0 ? title : []), ...head, ...part].join("\n")}\n`);
    return path;
  });
}

/** What reading gives, whichever way: records by quarter and what was said. */
async function read(files: string[], several: boolean, decimalMark?: "," | ".") {
  const warnings: Diagnostic[] = [];
  const options: ReadOptions = {
    countColumns: countColumnsOf(method.profile),
    onWarning: (w) => warnings.push(w),
    ...(decimalMark !== undefined ? { decimalMark } : {}),
  };
  try {
    const { grouped, quarters, skipped } = await readGrouped(
      files,
      method,
      registry,
      options,
      several,
    );
    const periods = [...quarters].sort();
    return { periods, skipped, records: periods.map((p) => grouped.get(p) ?? []), warnings };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { diagnostics: error.diagnostics, warnings };
  }
}

describe("records held as numbers are the records read as a table", () => {
  let run = 0;
  it("on random extracts, valid and not", async () => {
    await fc.assert(
      fc.asyncProperty(extract, async (x) => {
        const files = filesOf(x, run++);
        const held = await read(files, true, x.decimalMark);
        const table = await read(files, false, x.decimalMark);
        expect(held).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it("a mark assumed from the first rows that the file does not use", async () => {
    // `1 234,5` reads with a decimal comma only, but is no evidence of the file's mark
    // (src/read/decimal.ts): a tab-separated file without other evidence has `.`, and the
    // cell is not a number.
    const header = ["municipality", "period", ...COUNTS].join("\t");
    const row = (who: string, first: string) =>
      [who, "2021K1", first, ...COUNTS.slice(1).map(() => "1")].join("\t");
    const path = join(dir, "assumed.csv");
    writeFileSync(path, `${header}\n${row("101", "1 234,5")}\n${row("147", "7")}\n`);
    const held = await read([path], true);
    expect(held.diagnostics?.map((d) => d.code)).toEqual(["E_NOT_A_NUMBER"]);
    expect(held).toEqual(await read([path], false));
  });

  it("a file read again as Latin-1 after its rows were handed over", async () => {
    // Over 4 MiB, so streamed; the first Latin-1 byte (Tønder's ø) comes after the first
    // 64 KiB, where the encoding is sniffed, and after rows have gone to `onRow`.
    const codes = registry.municipalities.map((m) => m.code);
    const lines = [["municipality", "period", ...COUNTS].join(";")];
    const counts = COUNTS.map((_, i) => (i % 4 === 0 ? "100000,5" : "100000"));
    for (let year = 1900; lines.length * 90 < 4.6 * 1024 * 1024; year++) {
      for (let q = 1; q <= 4; q++) {
        for (const code of codes) {
          lines.push([code, `${year}K${q}`, ...counts].join(";"));
        }
      }
    }
    // Tønder's row of the last quarter names it instead of giving its code.
    const tonder = registry.municipalities.find((m) => m.name === "Tønder")?.code as string;
    const at = lines.lastIndexOf(lines.findLast((l) => l.startsWith(`${tonder};`)) as string);
    lines[at] = (lines[at] as string).replace(`${tonder};`, "Tønder;");
    const text = `${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const path = join(dir, "latin1.csv");
    writeFileSync(path, Buffer.from(text, "latin1"));
    const options = { countColumns: countColumnsOf(method.profile), onWarning: () => {} };
    const held = await readHeld([path], method, registry, options);
    expect(held.records.get("1900K1")?.length).toBe(codes.length);
    expect(await read([path], true)).toEqual(await read([path], false));
  }, 60_000);

  it("the demo's 24 quarters", async () => {
    const files = ["data/demo/fh-synthetic-2019K1-2024K4.csv"];
    const held = await read(files, true);
    expect(held.records?.length).toBe(24);
    expect(held).toEqual(await read(files, false));
  });
});

describe("HeldRecords", () => {
  const codes = registry.municipalities.map((m) => m.code);
  const columns = ["a", "b", "c"];
  const quarters = ["2020K1", "2020K2", "2020K3", "2020K4", "2021K1", "2021K2"];
  const count = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 10_000_000 }).map((v) => v / 10),
    fc.double({ noNaN: true }),
  );
  const record = fc.record({
    period: fc.constantFrom(...quarters),
    municipality: fc.constantFrom(...codes),
    counts: fc.tuple(count, count, count),
    line: fc.integer({ min: 1, max: 1_000_000 }),
  });

  it("gives back every count as added, and the quarters kept after others are let go", () => {
    fc.assert(
      fc.property(
        // Over 4,096 records: several blocks, shared by quarters.
        fc.array(record, { minLength: 4_200, maxLength: 9_000 }),
        fc.shuffledSubarray(quarters),
        (drawn, gone) => {
          const held = new HeldRecords(columns, codes);
          held.beginFile("extract.csv");
          const added: CountRecord[] = drawn.map((r) => ({
            municipality: r.municipality,
            period: r.period,
            counts: Object.fromEntries(columns.map((c, k) => [c, r.counts[k] ?? null])),
            source: { file: "extract.csv", line: r.line },
          }));
          for (const r of added) held.add(r);
          for (const period of gone) expect(held.delete(period)).toBe(true);
          for (const period of quarters) {
            const expected = added.filter((r) => r.period === period);
            const kept = !gone.includes(period) && expected.length > 0;
            expect(held.get(period)).toEqual(kept ? expected : undefined);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
