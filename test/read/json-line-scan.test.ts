/**
 * The period scan of JSON lines (src/read/json-line-scan.ts) judges a line by its period
 * field without parsing it: whenever it answers, the answer is what `JSON.parse` finds in
 * that field, and it answers only for lines with exactly the template's keys. Checked on
 * random lines, plain and not (escapes, nesting, other keys, spaces), and on the shipped
 * Y30R21 file read for one period against the same file read whole and filtered.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/period.js";
import { readTable } from "../../src/read/index.js";
import { lineTemplate, scanPeriod, templateCells } from "../../src/read/json-line-scan.js";
import { tempFolder, Y30R21_JSONL } from "./helpers.js";

const KEYS = ["Område", "Periode", "value", "Forventet andel på offentlig forsørgelse (pct.)"];
const isPeriodKey = (key: string) => key === "Periode";
const template = lineTemplate(KEYS, isPeriodKey);

const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("2021QMAT04", "2020K1", "æøå", 'a"b', "a\\b", "{x}", "[1]", '":'),
  fc.integer(),
  fc.constantFrom(null, true, false),
  fc.constant({ nested: 1 }),
  fc.constant([1, 2]),
);

/** A line: some of the template's keys (maybe all), maybe another, shuffled, spaced or not. */
const line = fc
  .record({
    keys: fc.oneof(
      fc.constant(KEYS),
      fc.shuffledSubarray(KEYS, { minLength: KEYS.length }),
      fc.shuffledSubarray([...KEYS, "Other", "Periode2"], { minLength: 1 }),
    ),
    values: fc.array(fc.oneof(fc.constantFrom("2021QMAT04", "x", "8,24", 3), cell), {
      minLength: 6,
      maxLength: 6,
    }),
    spaced: fc.boolean(),
  })
  .map(({ keys, values, spaced }) => {
    const object = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
    return spaced ? JSON.stringify(object, null, 1).replaceAll("\n", "") : JSON.stringify(object);
  });

describe("scanPeriod", () => {
  it("answers only what JSON.parse finds, and only for lines with exactly the template's keys", () => {
    expect(template).toBeDefined();
    if (template === undefined) return;
    let answered = 0;
    fc.assert(
      fc.property(line, fc.constantFrom("", "  ", "\r"), (text, pad) => {
        const found = scanPeriod(`${pad}${text}${pad}`, template);
        if (found === undefined) return;
        answered++;
        const parsed = JSON.parse(text) as Record<string, unknown>;
        expect(Object.keys(parsed).sort()).toEqual([...KEYS].sort());
        expect(found).toBe(parsed.Periode);
      }),
      { numRuns: 2000 },
    );
    // The property is not vacuous: plain lines of the template's keys are answered.
    expect(answered).toBeGreaterThan(0);
  });

  it("reads a plain line's period and refuses one with other keys or a non-string period", () => {
    if (template === undefined) throw new Error("no template");
    const scan = (text: string) => scanPeriod(text, template);
    const plain =
      '{"Område":"Billund","Periode":"2021QMAT04","value":3,"Forventet andel på offentlig forsørgelse (pct.)":"8,24"}';
    expect(scan(plain)).toBe("2021QMAT04");
    expect(scan(plain.replace('"value"', '"other"'))).toBeUndefined();
    expect(scan(plain.replace('"2021QMAT04"', "2021"))).toBeUndefined();
    expect(scan(plain.replace("Billund", 'Bil\\"lund'))).toBeUndefined();
    expect(scan(plain.replace("}", ',"x":1}'))).toBeUndefined();
  });

  it("has no template for keys JSON writes escaped, or without exactly one period key", () => {
    expect(lineTemplate(['a"b', "Periode"], isPeriodKey)).toBeUndefined();
    expect(lineTemplate(["a\\b", "Periode"], isPeriodKey)).toBeUndefined();
    expect(lineTemplate(["a\nb", "Periode"], isPeriodKey)).toBeUndefined();
    expect(lineTemplate(["Area", "value"], isPeriodKey)).toBeUndefined();
    // An object puts integer-like keys first, whatever their place in the line.
    expect(lineTemplate(["Area", "2020", "Periode"], isPeriodKey)).toBeUndefined();
    expect(lineTemplate(["Area", "2020x", "Periode"], isPeriodKey)).toBeDefined();
    // Keys with the characters regular expressions give a meaning still match literally.
    const odd = lineTemplate(["a.b (c)*", "Periode"], isPeriodKey);
    expect(odd && scanPeriod('{"a.b (c)*":1,"Periode":"2020K1"}', odd)).toBe("2020K1");
    expect(odd && scanPeriod('{"axb (c)*":1,"Periode":"2020K1"}', odd)).toBeUndefined();
  });
});

describe("templateCells", () => {
  const bare = fc.constantFrom(
    "01",
    "1.",
    "-",
    "+1",
    ".5",
    "1e",
    "Infinity",
    "NaN",
    "0x10",
    "tru",
    "-0",
    "1E+2",
    "2.50",
  );
  const raw = fc.oneof(
    line,
    // Bare words JSON refuses, and raw control characters in strings, among plain values.
    fc
      .tuple(bare, fc.constantFrom("\t", "\u0001", "x"))
      .map(
        ([word, control]) =>
          `{"Område":"a${control}b","Periode":"2021QMAT04","value":${word},"Forventet andel på offentlig forsørgelse (pct.)":"8,24"}`,
      ),
  );
  it("gives exactly JSON.parse's values, in the template's key order, or nothing", () => {
    if (template === undefined) throw new Error("no template");
    let answered = 0;
    fc.assert(
      fc.property(raw, (text) => {
        // The reader asks for the cells of the lines the scan answered for.
        const cells = scanPeriod(text, template) === undefined ? undefined : templateCells(text);
        let parsed: Record<string, unknown> | undefined;
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {
          parsed = undefined;
        }
        if (cells === undefined) {
          // A line of the template's shape that JSON takes is always answered.
          expect(parsed !== undefined && scanPeriod(text, template) !== undefined).toBe(false);
          return;
        }
        answered++;
        expect(parsed).toBeDefined();
        expect(cells).toEqual(KEYS.map((k) => parsed?.[k]));
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(50);
  });
});

describe("JSON lines read whole with a period selection", () => {
  const folder = tempFolder();

  it("gives the shipped Y30R21 file's rows of one period as the whole read, filtered", async () => {
    const all = await readTable(Y30R21_JSONL);
    const column = (columns: readonly string[]) => {
      const at = columns.indexOf("Periode");
      return at < 0 ? undefined : at;
    };
    for (const keep of ["latest", { exactly: parsePeriod("2020QMAT04") }] as const) {
      const some = await readTable(Y30R21_JSONL, {
        select: {
          column,
          keep: keep as "latest" | { exactly: NonNullable<ReturnType<typeof parsePeriod>> },
        },
      });
      const wanted = keep === "latest" ? "2021QMAT04" : "2020QMAT04";
      const at = all.columns.indexOf("Periode");
      const filtered = all.rows.filter((r) => r.values[at] === wanted);
      expect(some.rows).toEqual(filtered);
      expect(some.columns).toEqual(all.columns);
      expect(some.skippedRows).toBe(all.rows.length - filtered.length);
      expect(some.periods).toHaveLength(new Set(all.rows.map((r) => r.values[at])).size);
    }
  });

  it("still reports a broken line it must parse, and a line over the record limit", async () => {
    const good = (p: string, v: number) => JSON.stringify({ area: "Billund", period: p, value: v });
    const path = folder.write(
      "broken.jsonl",
      [good("2020K1", 1), good("2020K2", 2), '{"area":"Billund","period":"2020K2","value":}'].join(
        "\n",
      ),
    );
    const column = (columns: readonly string[]) => {
      const at = columns.indexOf("period");
      return at < 0 ? undefined : at;
    };
    await expect(readTable(path, { select: { column, keep: "latest" } })).rejects.toThrow(/E_JSON/);
    const long = folder.write("long.jsonl", [good("2020K1", 1), good("2020K2", 2)].join("\n"));
    await expect(
      readTable(long, { select: { column, keep: "latest" }, maxRecordChars: 20 }),
    ).rejects.toThrow(/E_RECORD_TOO_LARGE/);
  });

  it("reads UTF-8 files as their bytes: non-ASCII keys and cells, a BOM, CRLF, one period kept equals the whole read filtered", async () => {
    const periodKey = (columns: readonly string[]) => {
      const at = columns.indexOf("Periode");
      return at < 0 ? undefined : at;
    };
    const text = fc.oneof(
      fc.constantFrom("Høje-Taastrup", "Århus", "à", "\u00a0", "€", "😀", "8,24", ""),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    );
    const record = fc.record({
      period: fc.constantFrom("2020K1", "2020K2", "2021K1"),
      area: text,
      value: fc.oneof(text, fc.integer(), fc.constant(null)),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<"latest" | "2020K2">("latest", "2020K2"),
        async (records, bom, crlf, keep) => {
          const lines = records.map((r) =>
            JSON.stringify({ Område: r.area, Periode: r.period, "Forsørgelse på ø": r.value }),
          );
          const body = `${bom ? "\ufeff" : ""}${lines.join(crlf ? "\r\n" : "\n")}\n`;
          const path = folder.write(`utf8-${n++}.jsonl`, body);
          const all = await readTable(path);
          const at = all.columns.indexOf("Periode");
          const periods = all.rows.map((r) => String(r.values[at]));
          const wanted = keep === "latest" ? [...periods].sort().at(-1) : keep;
          const some = await readTable(path, {
            select: {
              column: periodKey,
              keep:
                keep === "latest"
                  ? "latest"
                  : { exactly: parsePeriod(keep) as NonNullable<ReturnType<typeof parsePeriod>> },
            },
          });
          expect(some.rows).toEqual(all.rows.filter((r) => r.values[at] === wanted));
          expect(some.columns).toEqual(all.columns);
        },
      ),
      { numRuns: 150 },
    );
  });
});
