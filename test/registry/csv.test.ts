import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { CsvSyntaxError, parseCsv } from "../../src/registry/csv.js";
import { parseRegistry, type RegistryTexts, readRegistryTexts } from "../../src/registry/files.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, keeping start lines", () => {
    const text = '\uFEFFa,b\r\n1,"x, ""y"""\n\n2,"two\nlines"\n3,z';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", 'x, "y"'] },
      { line: 4, fields: ["2", "two\nlines"] },
      { line: 6, fields: ["3", "z"] },
    ]);
  });

  it("keeps empty fields", () => {
    expect(parseCsv("a,,c\n")).toEqual([{ line: 1, fields: ["a", "", "c"] }]);
  });

  it("counts a carriage return inside a quoted field as text, not as a line", () => {
    expect(parseCsv('a,"x\ry"\r\nb,c\n').map((r) => r.line)).toEqual([1, 2]);
  });

  it.each([
    // An unclosed quote is reported where the record starts, after the blank lines before it.
    ['a,b\n\n\n1,"open\n2,3\n', 4, 2, "expected a closing quote"],
    ['a,b\n1,x"y\n', 2, 2, "expected a quote only at the start of a field"],
    ['a,b\n1,"x"y\n', 2, 2, "expected a separator or line end after a closing quote"],
  ])("refuses %j at line %d, field %d", (text, line, column, message) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    const syntax = error as CsvSyntaxError;
    expect([syntax.line, syntax.column]).toEqual([line, column]);
    expect(syntax.message).toContain(message);
  });
});

describe("a broken registry CSV file", () => {
  function problems(part: "municipalities" | "jobcentres", edit: (t: string) => string): string[] {
    const texts = readRegistryTexts();
    const bad: RegistryTexts = {
      ...texts,
      [part]: { file: `bad-${part}`, text: edit(texts[part].text) },
    };
    try {
      parseRegistry(bad);
    } catch (e) {
      if (e instanceof InputError) return e.message.split("\n");
      throw e;
    }
    return [];
  }

  it("is one diagnostic on the record's line and field when a quote opens mid-file", () => {
    // The quote closes at the next quoted field further down, which then is out of place:
    // csv-parse stops there, and the diagnostic names the record the quote opened in.
    const lines = readRegistryTexts().municipalities.text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("751,"));
    const found = problems("municipalities", (t) => t.replace("\n751,Aarhus,", '\n751,"Aarhus,'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(`^bad-municipalities:${at + 1}:2: error: expected .*\\[E_REGISTRY_ROW\\]$`),
    );
  });

  it("is one diagnostic at the start of a record whose quote never closes", () => {
    const text = readRegistryTexts().municipalities.text.trimEnd();
    const last = text.split("\n").length;
    // The last row's source is quoted: without its closing quote, it runs to the end.
    expect(text.endsWith('"')).toBe(true);
    const found = problems("municipalities", () => text.slice(0, -1));
    expect(found).toEqual([
      `bad-municipalities:${last}:5: error: expected a closing quote for the field opened here, found the end of the file [E_REGISTRY_ROW]`,
    ]);
  });

  it("is one diagnostic at a stray quote, the rows before it unreported", () => {
    const found = problems("jobcentres", (t) => t.replace("561-563,", '561-563,Es"bjerg'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^bad-jobcentres:2:2: error: expected a quote only at the start of a field.*\[E_REGISTRY_ROW\]$/,
    );
  });

  it("numbers the rows after a quoted line break by the line they start on", () => {
    // A line break inside a quoted name moves every later row down one line; a bad region
    // two rows on is reported on its own line, not the record count's.
    const text = readRegistryTexts().municipalities.text;
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("751,"));
    const edited = lines
      .map((l, i) => (i === at - 2 ? l.replace(/^(\d{3}),([^,]*),/, '$1,"$2\nmore",') : l))
      .map((l, i) => (i === at ? l.replace(",DK-82,", ",DK-99,") : l))
      .join("\n");
    const found = problems("municipalities", () => edited);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^bad-municipalities:${at + 2}:3: error: region:`)),
      ]),
    );
  });
});
