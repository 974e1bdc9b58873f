/**
 * `ReadOptions.onRow`: the rows handed over are exactly the rows the table would hold, in
 * its order, after the table's columns (`onColumns`), and the table comes back the same but without them, in every format (CSV on
 * both paths, a CSV streamed in chunks, StatBank made long, JSON lines, JSON, a workbook,
 * standard input), with and without a period selection; the size bound counts them as if
 * held; and a selection of the latest period, which lets rows go, is refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { InputError } from "../../src/diagnostics.js";
import { parsePeriod } from "../../src/period.js";
import {
  type PeriodSelection,
  type ReadOptions,
  type RowRead,
  readTable,
  type Table,
} from "../../src/read/index.js";
import { readTableFromBytes } from "../../src/read/stdin.js";
import { tempFolder } from "./helpers.js";

const temp = tempFolder();

const period = (text: string) => parsePeriod(text) as NonNullable<ReturnType<typeof parsePeriod>>;
const byHeader =
  (name: string): PeriodSelection["column"] =>
  (columns) => {
    const at = columns.findIndex((c) => c.toLowerCase() === name);
    return at < 0 ? undefined : at;
  };

/**
 * Reads with and without `onRow`; the rows handed over, both tables, and the columns
 * given to `onColumns` before each row.
 */
async function both(read: (options: ReadOptions) => Promise<Table>, options: ReadOptions = {}) {
  const plain = await read(options);
  const handed: RowRead[] = [];
  const columnsAtRow: Array<readonly string[] | undefined> = [];
  let columns: readonly string[] | undefined;
  const streamed = await read({
    ...options,
    onColumns: (given) => {
      columns = [...given];
    },
    onRow: (row) => {
      handed.push(row);
      columnsAtRow.push(columns);
    },
  });
  return { plain, handed, streamed, columnsAtRow };
}

function expectSame({ plain, handed, streamed, columnsAtRow }: Awaited<ReturnType<typeof both>>) {
  expect(handed).toEqual(plain.rows);
  expect(streamed).toEqual({ ...plain, rows: [] });
  for (const columns of columnsAtRow) expect(columns).toEqual(plain.columns);
}

const FORMATS = ["csv", "csv-quoted", "semicolon", "statbank", "jsonl", "json"] as const;

function write(rows: ReadonlyArray<[string, number]>, format: (typeof FORMATS)[number]): string {
  const lines = rows.map(([p, v], i) => [String(101 + i), p, String(v)]);
  switch (format) {
    case "csv":
      return `municipality,period,value\n${lines.map((l) => l.join(",")).join("\n")}\n`;
    case "csv-quoted":
      return `municipality,period,value\n${lines.map(([m, p, v]) => `"${m}, kommune",${p},${v}`).join("\n")}\n`;
    case "semicolon":
      return `Titel\nmunicipality;period;value\n${lines.map(([m, p, v]) => `${m};${p};${v},5`).join("\n")}\nKilde: x\n`;
    case "statbank":
      return `OMRÅDE;TID;INDHOLD\n${lines.map(([m, p, v]) => `${m};${p};${v}`).join("\n")}\n`;
    case "jsonl":
      return `${lines.map(([m, p, v]) => JSON.stringify({ municipality: m, period: p, value: Number(v) })).join("\n")}\n`;
    case "json":
      return JSON.stringify(lines.map(([m, p, v]) => ({ municipality: m, period: p, value: v })));
  }
}

const periodCell = fc.constantFrom("2019K1", "2019Q2", "2019K4", "2020K1", "2020M05", "", "x");

describe("onRow hands over the rows the table would hold", () => {
  it("in every format, with and without a selection", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(periodCell, fc.integer({ min: 0, max: 9999 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(undefined, "2019K4", "2020M05"),
        fc.boolean(),
        async (rows, format, upTo, exactly) => {
          const ext = format === "json" ? "json" : format === "jsonl" ? "jsonl" : "csv";
          const path = temp.write(`rows.${ext}`, write(rows, format));
          const select: PeriodSelection | undefined =
            upTo === undefined
              ? undefined
              : {
                  // StatBank's period column is TID; made long, it is `period`.
                  column: byHeader(format === "statbank" ? "tid" : "period"),
                  keep: exactly ? { exactly: period(upTo) } : { upTo: period(upTo) },
                };
          const options: ReadOptions = {
            ...(select !== undefined ? { select } : {}),
            onWarning: () => {},
          };
          let outcome: Awaited<ReturnType<typeof both>> | undefined;
          try {
            outcome = await both((o) => readTable(path, o), options);
          } catch (error) {
            // A file the reader refuses is refused alike with onRow.
            if (!(error instanceof InputError)) throw error;
            await expect(readTable(path, { ...options, onRow: () => {} })).rejects.toEqual(error);
            return;
          }
          expectSame(outcome);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a CSV streamed in chunks (over 4 MiB)", async () => {
    const lines = Array.from(
      { length: 260_000 },
      (_, i) => `${101 + (i % 98)},20${10 + (i % 80)}K${1 + (i % 4)},${i}.5`,
    );
    const text = `municipality,period,value\n${lines.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const path = temp.write("large.csv", text);
    expectSame(await both((o) => readTable(path, o)));
    const select = { column: byHeader("period"), keep: { upTo: period("2040K2") } };
    expectSame(await both((o) => readTable(path, o), { select }));
  });

  it("a workbook, and standard input", async () => {
    const buffer = await writeXlsxFile([
      {
        sheet: "Ark1",
        data: [
          ["municipality", "period", "n"],
          ["Billund", "2024K1", 512],
          ["101", "2024K2", 7],
        ],
      },
    ]).toBuffer();
    const path = temp.write("book.xlsx", buffer);
    expectSame(await both((o) => readTable(path, o)));
    const bytes = Buffer.from("municipality;period;n\n101;2024K1;1,5\n147;2024K1;2\n");
    expectSame(await both((o) => readTableFromBytes(bytes, o)));
  });

  it("the size bound counts the rows handed over as if held", async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${101 + (i % 98)},2019K1,${i}.5`);
    const path = temp.write("bound.csv", `municipality,period,value\n${lines.join("\n")}\n`);
    const options = { maxTableBytes: 100_000 };
    const plain = await readTable(path, options).catch((e: unknown) => e);
    const handed = await readTable(path, { ...options, onRow: () => {} }).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(InputError);
    expect(handed).toEqual(plain);
  });

  it("is refused with a selection of the latest period", async () => {
    const path = temp.write("latest.csv", "period,value\n2019K1,1\n");
    const select = { column: byHeader("period"), keep: "latest" as const };
    await expect(readTable(path, { select, onRow: () => {} })).rejects.toThrow(/latest/);
  });
});
