/**
 * The streamed direct path (src/read/csv-direct.ts `LineSplitter`, src/read/csv.ts): quote-
 * free lines are split as the chunks arrive and csv-parse reads from the first line with a
 * quote on. Checked against csv-parse alone: on random texts with and without quotes, cut
 * into random chunks (so lines, line ends and quotes fall across chunk boundaries), the
 * records are csv-parse's; and on generated files over the size read whole, `readTable`
 * gives the same Table as for the same file with its header quoted, which csv-parse reads
 * from its first line.
 */
import { statSync } from "node:fs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/period.js";
import { LineSplitter } from "../../src/read/csv-direct.js";
import { type PeriodSelection, readTable } from "../../src/read/index.js";
import { limitsFrom } from "../../src/read/limits.js";
import { WHOLE_FILE_BYTES } from "../../src/read/source.js";
import { tempFolder } from "./helpers.js";

const OPTIONS = { relax_column_count: true, record_delimiter: ["\r\n", "\n"] };

/** A cell: plain, empty, or one that must be quoted (separator, quote, line break inside). */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zæø0-9 .-]{0,6}$/) },
  { weight: 1, arbitrary: fc.constantFrom('"a,b"', '"x ""y"""', '"line\nbreak"', '"cr\r\nlf"') },
);

const text = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
    crlf: fc.boolean(),
    blank: fc.nat(4),
    last: fc.boolean(),
  })
  .map(({ rows, crlf, blank, last }) => {
    const lines = rows.map((r) => r.join(","));
    if (blank > 0 && lines.length > 1) lines.splice(1, 0, ...Array(blank).fill(""));
    const end = crlf ? "\r\n" : "\n";
    return lines.join(end) + (last ? end : "");
  });

/** Cut points: the text as the chunks a stream could deliver. */
function chunked(whole: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(whole.slice(from, c));
    from = c;
  }
  out.push(whole.slice(from));
  return out.filter((c) => c !== "");
}

/** Records as the streamed path makes them: split lines, then csv-parse on the rest. */
function streamed(chunks: readonly string[], limits = limitsFrom({})): string[][] {
  const splitter = new LineSplitter(limits);
  const records: string[][] = [];
  const onLine = (line: string) => records.push(line.split(","));
  for (let i = 0; i < chunks.length; i++) {
    const rest = splitter.push(chunks[i] as string, onLine);
    if (rest !== undefined) {
      const tail = rest + chunks.slice(i + 1).join("");
      return [...records, ...(parse(tail, OPTIONS) as string[][])];
    }
  }
  const rest = splitter.end(onLine);
  return rest === undefined ? records : [...records, ...(parse(rest, OPTIONS) as string[][])];
}

describe("LineSplitter", () => {
  it("gives csv-parse's records, whatever the chunks, with and without quotes", () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (whole, cuts) => {
        expect(streamed(chunked(whole, cuts))).toEqual(parse(whole, OPTIONS));
      }),
      { numRuns: 1500 },
    );
  });

  it("hands a line longer than the limits allow to csv-parse, which reports it", () => {
    const limits = { ...limitsFrom({}), maxFieldChars: 30, maxRecordChars: 30 };
    const splitter = new LineSplitter(limits);
    const lines: string[] = [];
    const long = "x".repeat(40);
    expect(splitter.push("a,b\nc,", (l) => lines.push(l))).toBeUndefined();
    expect(splitter.push(`${long}\nd,e\n`, (l) => lines.push(l))).toBe(`c,${long}\nd,e\n`);
    expect(lines).toEqual(["a,b"]);
  });
});

describe("readTable on files streamed (over the size read whole)", () => {
  const folder = tempFolder();
  const column: PeriodSelection["column"] = (columns) => {
    const at = columns.indexOf("period");
    return at < 0 ? undefined : at;
  };

  /** A file of `rows`, with a quoted field at `quoteAt` (a row number) if given. */
  function file(rows: number, seed: number, quoteAt?: number, quotedHeader = false): string {
    let state = seed >>> 0;
    const next = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state;
    };
    const header = quotedHeader
      ? '"municipality",period,value,note'
      : "municipality,period,value,note";
    const lines = [header];
    for (let i = 0; i < rows; i++) {
      const period = `${2000 + Math.floor(i / 392)}K${(Math.floor(i / 98) % 4) + 1}`;
      const note = i === quoteAt ? '"a, ""quoted"" note"' : String(next() % 1000);
      lines.push(`${101 + (i % 98)},${period},${(next() % 100000) / 10},${note}`);
    }
    // Some files end their lines with CRLF.
    const end = seed % 2 === 0 ? "\n" : "\r\n";
    return `${lines.join(end)}${end}`;
  }

  it("gives the Table csv-parse gives, with and without quotes, whole and one period", async () => {
    const rows = Math.ceil(WHOLE_FILE_BYTES / 20);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.option(fc.nat(rows - 1), { nil: undefined }),
        fc.constantFrom("latest", "2003K2", "none"),
        async (seed, quoteAt, keep) => {
          const direct = folder.write("direct.csv", file(rows, seed, quoteAt));
          const reference = folder.write("reference.csv", file(rows, seed, quoteAt, true));
          expect(statSync(direct).size).toBeGreaterThan(WHOLE_FILE_BYTES);
          const select: PeriodSelection | undefined =
            keep === "none"
              ? undefined
              : {
                  column,
                  keep:
                    keep === "latest"
                      ? "latest"
                      : {
                          exactly: parsePeriod(keep) as NonNullable<ReturnType<typeof parsePeriod>>,
                        },
                };
          const options = select === undefined ? {} : { select };
          const a = await readTable(direct, options);
          const b = await readTable(reference, options);
          expect({ ...a, file: "" }).toEqual({ ...b, file: "" });
          expect(a.rows.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3 },
    );
  });
});
