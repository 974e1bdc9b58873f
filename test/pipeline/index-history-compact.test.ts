/**
 * `index --history` holds its history compactly (ranks in typed arrays, the rows' quarter
 * cells as `rankCells`, the JSON's points made when read and written in pieces): every
 * format must still be the text the object-built history gave (./history-reference.ts),
 * made from each quarter ranked alone, on the demo's 24 quarters (the 2022 jobcentre
 * split: units that end and begin, ranks that are null), by jobcentre and by municipality.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { computeIndex, type IndexOptions, runIndex } from "../../src/pipeline/index/run.js";
import { renderCsv } from "../../src/report/csv.js";
import { renderHtml } from "../../src/report/html.js";
import { renderJson, writeJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderTable } from "../../src/report/table.js";
import type { ReportDocument } from "../../src/report/types.js";
import { ensureBuilt, runCli } from "../cli/helpers.js";
import {
  referenceHistory,
  referenceHistoryJson,
  referenceHistoryRows,
} from "./history-reference.js";

const DEMO = "data/demo/fh-synthetic-2019K1-2024K4.csv";

beforeAll(() => ensureBuilt());

/** The run's document, and the same document with the history built the old way. */
async function documents(options: Omit<IndexOptions, "history" | "period">, quarters?: number) {
  const { document } = await runIndex({ ...options, history: true });
  const periods = (JSON.parse(JSON.stringify(document.json.history)) as { periods: string[] })
    .periods;
  if (quarters !== undefined) expect(periods).toHaveLength(quarters);
  const alone = [];
  for (const period of periods) alone.push((await computeIndex({ ...options, period })).scores);
  const view = referenceHistory(alone);
  const { rankCells: _cells, large: _large, ...rest } = document;
  const reference: ReportDocument = {
    ...rest,
    json: { ...document.json, history: referenceHistoryJson(view) },
    rows: referenceHistoryRows(view),
  };
  return { document, reference };
}

const pieces = (doc: ReportDocument) => {
  const out: string[] = [];
  writeJson(doc, (piece) => out.push(piece));
  return out;
};

describe("the compact history gives the object-built history's text", () => {
  for (const unit of ["jobcentre", "municipality"] as const) {
    it(`every format, by ${unit}`, async () => {
      const { document, reference } = await documents({ inputs: [DEMO], unit }, 24);
      expect(document.rankCells).toBeDefined();
      expect(document.rows.length).toBe(reference.rows.length);
      const json = renderJson(reference);
      expect(renderJson(document)).toBe(json);
      const written = pieces(document);
      expect(written.length).toBeGreaterThan(1);
      expect(written.join("")).toBe(json);
      for (const locale of ["en", "da"] as const) {
        expect(renderCsv(document, { locale })).toBe(renderCsv(reference, { locale }));
      }
      for (const color of [false, true]) {
        for (const width of [100, 400]) {
          const ctx = { color, width };
          expect(renderTable(document, ctx)).toBe(renderTable(reference, ctx));
        }
      }
      expect(renderMarkdown(document)).toBe(renderMarkdown(reference));
      expect(renderHtml(document)).toBe(renderHtml(reference));
      const da = { lang: "da" as const };
      expect(renderTable({ ...document, ...da }, { color: false, width: 100 })).toBe(
        renderTable({ ...reference, ...da }, { color: false, width: 100 }),
      );
    });
  }

  // Every shipped method on its own default input (other normalisations and aggregations,
  // imputation, dropped units), and the quarter before as the stand-in for a missing value.
  for (const method of ["fh-points", "open", "quality", "quality-combined", "ukraine"]) {
    it(`JSON and CSV, method ${method}`, async () => {
      const { document, reference } = await documents({ inputs: [], method });
      expect(renderJson(document)).toBe(renderJson(reference));
      expect(renderCsv(document, { locale: "en" })).toBe(renderCsv(reference, { locale: "en" }));
    });
  }

  it("JSON and CSV, --missing impute-previous", async () => {
    // The demo with two of municipality 101's counts left empty: 2019K3 and 2020K1 take
    // the quarter before's values.
    const lines = readFileSync(DEMO, "utf8").split("\n");
    const at = (lines[0] ?? "").split(",").indexOf("sickness_spell_weeks");
    const gaps = lines.map((line) => {
      const cells = line.split(",");
      if (cells[0] === "101" && (cells[1] === "2019K3" || cells[1] === "2020K1")) cells[at] = "";
      return cells.join(",");
    });
    const file = join(mkdtempSync(join(tmpdir(), "jobindex-compact-")), "gaps.csv");
    writeFileSync(file, gaps.join("\n"));
    const { document, reference } = await documents(
      { inputs: [file], missing: "impute-previous" },
      24,
    );
    expect(renderJson(document)).toBe(renderJson(reference));
    expect(renderCsv(document, { locale: "en" })).toBe(renderCsv(reference, { locale: "en" }));
  });

  it("the command line writes the JSON in pieces, the same text", async () => {
    const { reference } = await documents({ inputs: [DEMO] });
    const result = await runCli(["index", "--input", DEMO, "--history", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(renderJson(reference));
  });
});
