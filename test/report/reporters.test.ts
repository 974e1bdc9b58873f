import { describe, expect, it } from "vitest";
import { csvField, renderCsv } from "../../src/report/csv.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderTable } from "../../src/report/table.js";
import type { ReportDocument } from "../../src/report/types.js";

const ESC = String.fromCharCode(27);

function doc(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    json: { command: "benchmark", results: [{ municipality: "530", residual_pp: -1.25 }] },
    title: "Benchmark",
    subtitle: "2021QMAT04",
    synthetic: false,
    columns: [
      { key: "code", header: "Code", kind: "text" },
      { key: "name", header: "Name", kind: "text" },
      { key: "residual_pp", header: "Residual pp", kind: "number", digits: 2, better: "lower" },
      { key: "note", header: "Note", kind: "text", optional: true },
      { key: "rank", header: "Rank", kind: "text" },
    ],
    rows: [
      { code: "530", name: "Billund", residual_pp: -1.25, note: "x".repeat(80), rank: "1" },
      { code: "101", name: "København", residual_pp: 0.2, note: "=SUM(A1)", rank: "63" },
    ],
    sections: [],
    notes: ["Source: jobindsats Y30R21."],
    ...overrides,
  };
}

describe("csv reporter", () => {
  it("writes RFC 4180 with CRLF and full precision", () => {
    const text = renderCsv(doc(), { locale: "en" });
    expect(text.split("\r\n")[0]).toBe("code,name,residual_pp,note,rank");
    expect(text).toContain("530,Billund,-1.25,");
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("writes ; and decimal commas for the Danish locale", () => {
    const text = renderCsv(doc(), { locale: "da" });
    expect(text).toContain("530;Billund;-1,25;");
  });

  it("neutralises text that a spreadsheet would run as a formula, not numbers", () => {
    expect(csvField("=SUM(A1)", { locale: "en" })).toBe("'=SUM(A1)");
    expect(csvField("+45", { locale: "en" })).toBe("'+45");
    expect(csvField("@x", { locale: "en" })).toBe("'@x");
    expect(csvField("-x", { locale: "en" })).toBe("'-x");
    expect(csvField(-1.5, { locale: "en" })).toBe("-1.5");
  });

  it("quotes fields holding the separator, quotes or line breaks", () => {
    expect(csvField('a,"b"', { locale: "en" })).toBe('"a,""b"""');
    expect(csvField("a;b", { locale: "da" })).toBe('"a;b"');
    expect(csvField("a\nb", { locale: "en" })).toBe('"a\nb"');
    expect(csvField(null, { locale: "en" })).toBe("");
  });
});

describe("json reporter", () => {
  it("writes the document's json exactly, numbers as numbers", () => {
    const parsed = JSON.parse(renderJson(doc()));
    expect(parsed).toEqual({
      command: "benchmark",
      results: [{ municipality: "530", residual_pp: -1.25 }],
    });
  });
});

describe("markdown reporter", () => {
  it("writes a table with right-aligned numbers and the notes", () => {
    const text = renderMarkdown(doc());
    expect(text).toContain("| Code | Name | Residual pp | Note | Rank |");
    expect(text).toContain("| --- | --- | ---: | --- | --- |");
    expect(text).toContain("| 530 | Billund | -1.25 |");
    expect(text).toContain("- Source: jobindsats Y30R21.");
  });

  it("labels synthetic data", () => {
    expect(renderMarkdown(doc({ synthetic: true }))).toContain("Synthetic demo data");
  });
});

describe("table reporter", () => {
  it("is plain without colour and fits the width by wrapping, never dropping a column", () => {
    const text = renderTable(doc(), { color: false, width: 60 });
    expect(text).not.toContain(`${ESC}[`);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(60);
    for (const header of ["Code", "Name", "Residual", "Note", "Rank"])
      expect(text).toContain(header);
    // The 80 x's of the long note, wrapped over lines, all there.
    expect((text.match(/x/g) ?? []).length).toBe(80);
    expect(text).toContain("=SUM(A1)");
    expect(text).toContain("63");
  });

  it("colours better and worse than expected when asked", () => {
    const text = renderTable(doc(), { color: true, width: 200 });
    expect(text).toContain(`${ESC}[32m-1.25`);
    expect(text).toContain(`${ESC}[31m0.20`);
  });
});

describe("row marks", () => {
  const marked = doc({
    columns: [
      { key: "name", header: "Name", kind: "text" },
      { key: "value", header: "Value", kind: "number", digits: 1, markKey: "value_mark" },
      { key: "rank", header: "Rank", kind: "rank", tiedKey: "tied" },
      { key: "tied", header: "tied", kind: "text", csvOnly: true },
    ],
    rows: [
      { name: "A", value: 10.94, value_mark: "*", rank: 7, tied: true },
      { name: "B", value: 3, rank: 9, tied: false },
    ],
  });

  it("shows shared places and marks to people", () => {
    const md = renderMarkdown(marked);
    expect(md).toContain("| A | 10.9* | 7= |");
    expect(md).toContain("| B | 3.0 | 9 |");
    expect(md).not.toContain("tied");
    expect(renderTable(marked, { color: false, width: 100 })).toContain("10.9*");
  });

  it("keeps plain numbers and the machine columns in CSV", () => {
    const csv = renderCsv(marked, { locale: "en" });
    expect(csv).toContain("name,value,rank,tied\r\nA,10.94,7,true\r\nB,3,9,false\r\n");
  });
});

describe("number display", () => {
  it("groups thousands in integer columns for people, not in CSV", async () => {
    const { displayCell, groupThousands } = await import("../../src/report/format.js");
    expect(groupThousands(-109982440)).toBe("-109,982,440");
    expect(groupThousands(999)).toBe("999");
    expect(displayCell({ key: "c", header: "C", kind: "integer" }, 1234.6)).toBe("1,235");
    expect(csvField(1234.6, { locale: "en" })).toBe("1234.6");
  });
});
