/**
 * The benchmark's checks in Danish: the --verify lines for standard error, the
 * contradictions table and its note, the warnings of inconsistent published rows (each
 * problem of the row translated), and the index's uncertainty notes and sensitivity table.
 */
import { afterEach, describe, expect, it } from "vitest";
import { useLang } from "../../src/i18n/index.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";

afterEach(() => useLang("en"));

describe("benchmark checks with --lang da", () => {
  it("--verify on a swapped published rank: lines, contradictions table and note", async () => {
    useLang("da");
    const run = await runBenchmark({
      inputs: ["fixtures/benchmark/y30r21-swapped-rank.jsonl"],
      verify: true,
    });
    expect(run.exitCode).toBe(1);
    expect(run.messages).toEqual([
      "verify: Gladsaxe (159) har den mindste afrundede forskel (-1,14), men offentliggjort placering 2, Ballerup (151, -0,78) offentliggjort placering 1",
      "verify fejlede: 1 modstrid mellem offentliggjorte placeringer og afrundede forskelle",
    ]);
    const section = run.document.sections.find((s) => s.title.startsWith("Modstrid"));
    expect(section?.columns.map((c) => c.header)).toEqual([
      "Mindre forskel",
      "dens offentliggjorte placering",
      "Større forskel",
      "dens offentliggjorte placering",
    ]);
    expect(section?.rows[0]?.better).toBe("Gladsaxe (-1,14)");
    expect(run.document.notes).toContain(
      "1 par af offentliggjorte placeringer modsiger rækkefølgen af de afrundede forskelle; se tabellen over modstrid.",
    );
  });

  it("inconsistent published rows: each problem of the row in Danish", async () => {
    useLang("da");
    const run = await runBenchmark({
      inputs: ["fixtures/exports/benchmark-inconsistent-published.jsonl"],
      verify: true,
    });
    const notes = run.document.notes.filter((n) => n.startsWith("Advarsel:"));
    expect(notes).toHaveLength(3);
    for (const note of notes) {
      expect(note).toMatch(/^Advarsel: .+ \(\d+\): den offentliggjorte række hænger ikke sammen: /);
      expect(note).toMatch(/\[W_PUBLISHED_INCONSISTENT\]\.$/);
      expect(note).not.toMatch(/published|expected|actual/);
    }
    expect(run.messages.filter((m) => m.startsWith("advarsel: "))).toHaveLength(3);
    expect(run.messages.at(-1)).toMatch(
      /^verify fejlede: \d+ modstrid .*; 3 offentliggjort\(e\) række\(r\) med indbyrdes uforenelige tal \(W_PUBLISHED_INCONSISTENT\)$/,
    );
  });
});

describe("index uncertainty with --lang da", () => {
  it("notes and the sensitivity table", async () => {
    useLang("da");
    const { document } = await runIndex({ period: "2024K4", uncertainty: 40, seed: 3 });
    const section = document.sections.find((s) => s.title.startsWith("Hvad flytter"));
    expect(section?.columns.map((c) => c.header)).toEqual([
      "Antagelse",
      "Værdier",
      "Andel af placeringsvariansen",
    ]);
    expect(section?.rows.length).toBeGreaterThan(0);
    expect(
      document.notes.some((n) => n.startsWith("Placeringsintervaller: 40 Monte Carlo-variationer")),
    ).toBe(true);
    expect(document.columns.find((c) => c.key === "rank_interval")?.header).toBe("Placering (90%)");
  });
});

describe("published-mode decorations with --lang da", () => {
  it("funnel rank intervals, peers and history: headers, section and notes", async () => {
    useLang("da");
    const { document } = await runBenchmark({ uncertainty: 100, peers: 2, history: true });
    const headers = document.columns.map((c) => c.header);
    expect(headers).toEqual(
      expect.arrayContaining(["Placering (95 %-interval)", "Sammenlignelige", "Krympet placering"]),
    );
    expect(document.title).toMatch(/^Benchmark efter STARs model: /);
    expect(document.sections.map((s) => s.title)).toContain(
      "Placering pr. periode (▲ bedre, ▼ dårligere end perioden før)",
    );
    for (const start of [
      "Placeringsintervaller: 100 træk fra tragten",
      "Sammenlignelige: de nærmeste kommuner efter rammevilkår",
      "Listens stabilitet, Spearmans ρ",
      "Tragtgrænser (Spiegelhalter 2005)",
    ]) {
      expect(document.notes.filter((n) => n.startsWith(start))).toHaveLength(1);
    }
  });
});

describe("index explain's uncertainty sentence in Danish", () => {
  it("names the rank range, the runs and the top-ten share", async () => {
    useLang("da");
    const { runExplain } = await import("../../src/pipeline/explain/run.js");
    const { document } = await runExplain({
      unit: "Billund",
      kind: "index",
      inputs: [],
      covariateData: [],
      uncertainty: 40,
      seed: 3,
    });
    expect(document.prose?.join("\n")).toMatch(
      /Billund har en placering mellem \d+ og \d+ i 90 % af 40 plausible variationer af metoden; den er i top 10 i /,
    );
  });
});
