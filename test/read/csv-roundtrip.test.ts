import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber, readTable, type Separator } from "../../src/read/index.js";
import { tempFolder } from "./helpers.js";

const temp = tempFolder();

/** Cells that stress quoting: separators, quotes, both line endings, Danish letters. */
const cell = fc
  .array(
    fc.constantFrom(
      "a",
      "Z",
      "æ",
      "ø",
      "å",
      "Å",
      " ",
      ";",
      ",",
      "\t",
      '"',
      "\n",
      "\r\n",
      "1",
      "-",
      "é",
    ),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(""))
  // Text cells: keep them from looking like numbers, which would engage decimal-mark rules.
  .map((text) => `t${text}`);

function quote(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) || text.trim() !== text
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

function writeCsv(
  header: string[],
  rows: string[][],
  separator: Separator,
  newline: string,
): string {
  return (
    [header, ...rows].map((r) => r.map((c) => quote(c, separator)).join(separator)).join(newline) +
    newline
  );
}

let counter = 0;

describe("CSV round trip", () => {
  it("property: cells written then read back are the same cells, on the lines they start", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.record({
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
              minLength: 1,
              maxLength: 8,
            }),
            width: fc.constant(width),
          }),
        ),
        fc.constantFrom<Separator>(";", ",", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.constantFrom("utf-8", "latin1" as const),
        async ({ rows, width }, separator, newline, encoding) => {
          const header = Array.from({ length: width }, (_, i) => `kolonne_${i}`);
          const text = writeCsv(header, rows, separator, newline);
          const bytes = encoding === "utf-8" ? Buffer.from(text) : Buffer.from(text, "latin1");
          const path = temp.write(`roundtrip-${counter++}.csv`, bytes);
          const table = await readTable(path, { separator });
          expect(table.columns).toEqual(header);
          expect(table.rows.map((r) => r.values)).toEqual(rows);
          // Each row starts one line after the previous row ends.
          let line = 2;
          rows.forEach((row, i) => {
            expect(table.rows[i]?.line).toBe(line);
            line += 1 + row.join("").split(/\r\n|\n/).length - 1;
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("property: the separator is sniffed when not given", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Separator>(";", ",", "\t"),
        fc.array(
          fc.tuple(
            fc.string({ unit: fc.constantFrom("a", "b", "ø", " ") }),
            fc.integer({ min: 0, max: 99999 }),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (separator, rows) => {
          const text = writeCsv(
            ["kommune", "periode", "antal"],
            rows.map(([name, n]) => [`k${name}`, "2019K4", String(n)]),
            separator,
            "\n",
          );
          const table = await readTable(temp.write(`sniff-${counter++}.csv`, text));
          expect(table.separator).toBe(separator);
          expect(table.rows).toHaveLength(rows.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("property: numbers survive a CSV round trip in both decimal marks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.constantFrom(",", "."),
        async (cents, mark) => {
          const values = cents.map((c) => c / 100);
          // Always include one cell that decides the mark (two decimals, not a thousands group).
          values.push(0.25);
          const separator = mark === "," ? ";" : ",";
          const write = (x: number) => (mark === "," ? String(x).replace(".", ",") : String(x));
          const text = `kommune${separator}vaerdi\n${values.map((x) => `101${separator}${write(x)}`).join("\n")}\n`;
          const table = await readTable(temp.write(`numbers-${counter++}.csv`, text));
          expect(table.decimalMark).toBe(mark);
          expect(
            table.rows.map((r) => parseNumber(r.values[1] ?? null, table.decimalMark ?? ".")),
          ).toEqual(values);
        },
      ),
      { numRuns: 60 },
    );
  });
});
