/**
 * Fuzzing the readers in-process (cheap, so many cases): whatever the bytes, `readTable`
 * either returns a rectangular Table or throws an InputError whose every diagnostic names
 * the file; never another exception, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, InputError } from "../../src/diagnostics.js";
import { flatObject } from "../../src/read/flat-object.js";
import { type ReadOptions, readTable } from "../../src/read/index.js";
import { parseJson } from "../../src/read/json-parse.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-fuzz-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** Per case: generous for a loaded CI machine, tiny against a hang. */
const CASE_MS = 2_000;

type Outcome = { ok: true; columns: number; rows: number } | { ok: false; codes: string[] };

async function readOutcome(
  data: Buffer | string,
  extension: string,
  options?: ReadOptions,
): Promise<Outcome> {
  const path = join(dir, `case-${counter++}.${extension}`);
  writeFileSync(path, data);
  const started = performance.now();
  try {
    const table = await readTable(path, options);
    for (const row of table.rows) {
      expect(row.values).toHaveLength(table.columns.length);
      expect(Number.isInteger(row.line) && row.line >= 1).toBe(true);
    }
    return { ok: true, columns: table.columns.length, rows: table.rows.length };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.diagnostics.length).toBeGreaterThan(0);
    for (const d of error.diagnostics) {
      expect(d.file).toBe(path);
      expect(d.code).toMatch(/^E_[A-Z_]+$/);
      // The CLI prints each diagnostic on one line (a message may quote a cell holding a
      // line break; formatDiagnostic escapes it).
      expect(formatDiagnostic(d)).not.toMatch(/[\r\n]/);
      if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
    }
    return { ok: false, codes: error.diagnostics.map((d) => d.code) };
  } finally {
    expect(performance.now() - started).toBeLessThan(CASE_MS);
  }
}

/** Text made of the characters that matter to CSV: separators, quotes, line ends, digits. */
const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ",",
        ";",
        "\t",
        '"',
        "\n",
        "\r\n",
        "\r",
        " ",
        "..",
        "-",
        "1,5",
        "1.234",
        "2019K4",
      ),
      fc.constantFrom(
        "municipality",
        "period",
        "kommune",
        "København",
        "101",
        "Århus",
        "æøå",
        "\u00e9",
      ),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
      fc.double({ noNaN: true }).map(String),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

/** A header and rows that are mostly well formed, with a chance of breaking each. */
const nearlyValidCsv = fc
  .record({
    separator: fc.constantFrom(",", ";", "\t"),
    width: fc.integer({ min: 1, max: 6 }),
    rows: fc.integer({ min: 0, max: 12 }),
    cells: fc.array(
      fc.oneof(csvish, fc.constantFrom("", "..", "1,5", "2,25", "3.5", "1.234.567")),
      {
        minLength: 80,
        maxLength: 80,
      },
    ),
    newline: fc.constantFrom("\n", "\r\n"),
  })
  .map(({ separator, width, rows, cells, newline }) => {
    const header = Array.from({ length: width }, (_, i) => `col_${i}`).join(separator);
    const lines = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: width }, (_, c) => cells[(r * width + c) % cells.length]).join(
        separator,
      ),
    );
    return [header, ...lines].join(newline) + newline;
  });

describe("readTable never crashes and never hangs", () => {
  it("random bytes, any extension", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom("csv", "json", "jsonl", "txt", ""),
        async (bytes, extension) => {
          await readOutcome(Buffer.from(bytes), extension);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("random CSV-like text, UTF-8 and Latin-1", async () => {
    await fc.assert(
      fc.asyncProperty(csvish, fc.boolean(), async (text, latin1) => {
        await readOutcome(latin1 ? Buffer.from(text, "latin1") : text, "csv");
      }),
      { numRuns: 400 },
    );
  });

  it("nearly valid CSV", async () => {
    await fc.assert(
      fc.asyncProperty(nearlyValidCsv, async (text) => {
        await readOutcome(text, "csv");
      }),
      { numRuns: 300 },
    );
  });

  it("random JSON documents and JSON lines", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.json({ depthSize: "small" }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (values, asLines) => {
          const text = asLines ? `${values.join("\n")}\n` : values[0];
          await readOutcome(text ?? "", asLines ? "jsonl" : "json");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("arrays of flat records (the shape JSON inputs have), with odd values", async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
    );
    const record = fc.dictionary(
      fc.constantFrom("municipality", "period", "a", "b", "Periode"),
      value,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 10 }),
        fc.boolean(),
        async (records, asLines) => {
          const text = asLines
            ? records.map((r) => JSON.stringify(r)).join("\n")
            : JSON.stringify(records);
          await readOutcome(text, asLines ? "jsonl" : "json");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("small limits on random input still give diagnostics, not exceptions", async () => {
    await fc.assert(
      fc.asyncProperty(
        nearlyValidCsv,
        fc.record({
          maxFieldChars: fc.integer({ min: 1, max: 20 }),
          maxRecordChars: fc.integer({ min: 1, max: 60 }),
          maxFileBytes: fc.integer({ min: 1, max: 400 }),
        }),
        async (text, limits) => {
          await readOutcome(text, "csv", limits);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the JSON-lines shortcut (JSON.parse for flat lines)", () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("0", "1", "10", "01", "-1", "__proto__", "period", "Area"),
  );
  /** A flat object's text, spaced in any way JSON allows, keys possibly repeated. */
  const line = fc
    .tuple(fc.array(fc.tuple(key, cell), { maxLength: 6 }), fc.constantFrom("", " ", "\t", "\r"))
    .map(([entries, space]) => {
      const body = entries
        .map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${JSON.stringify(v)}`)
        .join(`,${space}`);
      return `${space}{${space}${body}${space}}${space}`;
    });

  it("gives the located parser's entries, in its order, or leaves the line to it", () => {
    fc.assert(
      fc.property(
        fc.oneof(line, fc.json({ depthSize: "small" })),
        fc.integer({ min: 1, max: 60 }),
        (text, maxStringChars) => {
          const flat = flatObject(text, maxStringChars);
          if (flat === undefined) return;
          const { value } = parseJson(text, { maxStringChars, maxDepth: 64 });
          expect(value).toBeInstanceOf(Map);
          expect(Object.entries(flat)).toEqual([...(value as Map<string, unknown>).entries()]);
        },
      ),
      {
        numRuns: 2000,
        // Found by this test: a repeated key hid an over-long string from JSON.parse.
        examples: [['{"01":"         ","01":null}', 8]],
      },
    );
  });
});
