/**
 * A run of several quarters (`--history`, `--missing impute-previous`) holds its count
 * records as numbers while it reads (src/pipeline/index/held-records.ts), and reads its
 * inputs again the way one quarter is read when any problem turns up. Whatever the input,
 * both ways must give the same: the same records of every quarter, the same quarters, the
 * same total and region rows skipped, the same warnings, or the same diagnostics in the
 * same order. Checked on random index extracts in CSV (`,` with decimal points, `;` with
 * decimal commas, quoted names, names beyond Latin-1), JSON lines and tab-separated text,
 * in one or two files, with and without problems of every kind the index reports.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { InputError } from "../../src/diagnostics.js";
import { readHeld } from "../../src/pipeline/index/held-records.js";
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
  | "dash-name";

interface Extract {
  format: "comma" | "semicolon" | "tab" | "jsonl";
  cells: Array<{ who: string; period: string; counts: number[]; empty: number }>;
  problems: Problem[];
  split: number;
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
    ),
    { maxLength: 3 },
  ),
  split: fc.integer({ min: 0, max: 18 }),
});

/** Each constraint's part and total, as places among the counts. */
const PAIRS = method.profile.json.constraints.map((c) => [
  COUNTS.indexOf(c.part),
  COUNTS.indexOf(c.total),
]);

/** A row's counts as the format writes them: every fourth in tenths, each part within its total. */
function countTexts(drawn: readonly number[], format: Extract["format"]): string[] {
  const values = drawn.map((v, i) => (i % 4 === 0 ? v / 10 : v));
  for (const [part, total] of PAIRS) {
    values[part as number] = Math.min(
      values[part as number] as number,
      values[total as number] as number,
    );
  }
  return values.map((v, i) => {
    const text = i % 4 === 0 ? v.toFixed(1) : String(v);
    return format === "semicolon" ? text.replace(".", ",") : text;
  });
}

/** The extract's rows (header first), split into one or two files. */
function filesOf(x: Extract, run: number): string[] {
  const rows: Array<{ who: string; period: string; counts: string[] }> = x.cells.map((c) => ({
    who: c.who,
    period: c.period,
    counts: countTexts(c.counts, x.format).map((text, i) => (i === c.empty ? "" : text)),
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
  const quote = (cell: string) => (cell.includes(sep) || cell.includes("-") ? `"${cell}"` : cell);
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
async function read(files: string[], several: boolean) {
  const warnings: Diagnostic[] = [];
  const options: ReadOptions = {
    countColumns: countColumnsOf(method.profile),
    onWarning: (w) => warnings.push(w),
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
        const held = await read(files, true);
        const table = await read(files, false);
        expect(held).toEqual(table);
        // An input without problems is held as numbers, not read again.
        if (table.diagnostics === undefined) {
          const options = { countColumns: countColumnsOf(method.profile), onWarning: () => {} };
          expect(await readHeld(files, method, registry, options)).not.toHaveProperty("problemAt");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the demo's 24 quarters", async () => {
    const files = ["data/demo/fh-synthetic-2019K1-2024K4.csv"];
    const held = await read(files, true);
    expect(held.records?.length).toBe(24);
    expect(held).toEqual(await read(files, false));
  });
});
