import { describe, expect, it } from "vitest";
import { InputError, UsageError } from "../../src/diagnostics.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { documentRows } from "../../src/report/rows.js";
import { closeTo, FIXTURE, memberKey, truth } from "./helpers.js";

interface ResultJson {
  id: string;
  name: string;
  municipalities: string[];
  score: number;
  rank: number;
  tied: boolean;
  indicators: Record<string, { value: number; normalised: number; imputed?: boolean }>;
}

const results = (json: Record<string, unknown>): ResultJson[] => json.results as ResultJson[];

async function diagnosticsOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("runIndex on the fixture, through the readers and the registry", () => {
  for (const unit of ["jobcentre", "municipality"] as const) {
    for (const period of ["2021K4", "2022K1"]) {
      it(`${unit} ${period} agrees with numpy to relative 1e-12`, async () => {
        const { document, exitCode } = await runIndex({ inputs: [FIXTURE], unit, period });
        expect(exitCode).toBe(0);
        const json = document.json;
        expect(json.command).toBe("index");
        expect(json.period).toBe(period);
        expect(json.unit).toBe(unit);
        const want = truth()[unit][period] ?? [];
        const got = new Map(results(json).map((r) => [memberKey(r.municipalities), r]));
        expect(got.size).toBe(want.length);
        for (const w of want) {
          const g = got.get(memberKey(w.municipalities));
          expect(g, w.id).toBeDefined();
          if (!g) continue;
          expect(g.rank).toBe(w.rank);
          expect(closeTo(g.score, w.score)).toBe(true);
          for (const [id, v] of Object.entries(w.indicators)) {
            expect(closeTo(g.indicators[id]?.value ?? Number.NaN, v.value), `${w.id} ${id}`).toBe(
              true,
            );
            expect(
              closeTo(g.indicators[id]?.normalised ?? Number.NaN, v.normalised),
              `${w.id} ${id}`,
            ).toBe(true);
          }
        }
      });
    }
  }

  it("uses the dated jobcentre mapping: Vallensbæk-Ishøj in 2021K4, apart from 2022", async () => {
    const before = results((await runIndex({ inputs: [FIXTURE], period: "2021K4" })).document.json);
    const after = results((await runIndex({ inputs: [FIXTURE], period: "2022K1" })).document.json);
    expect(before.find((r) => r.id === "187-183")?.name).toBe("Vallensbæk-Ishøj");
    expect(after.map((r) => r.id)).toEqual(expect.arrayContaining(["187", "183"]));
    expect(after.find((r) => r.id === "561-563")?.municipalities).toEqual(["561", "563"]);
  });

  it("defaults to the latest quarter and accepts 2022Q1 / 2022-Q1 spellings", async () => {
    const latest = await runIndex({ inputs: [FIXTURE] });
    expect(latest.document.json.period).toBe("2022K1");
    const english = await runIndex({ inputs: [FIXTURE], period: "2021-Q4" });
    expect(english.document.json.period).toBe("2021K4");
    await expect(runIndex({ inputs: [FIXTURE], period: "2018K1" })).rejects.toThrow(UsageError);
    await expect(runIndex({ inputs: [FIXTURE], period: "2021" })).rejects.toThrow(/quarter/);
  });

  it("records options so that runIndex(json.options) reproduces the document", async () => {
    const first = await runIndex({ inputs: [FIXTURE], unit: "municipality", history: true });
    const options = JSON.parse(JSON.stringify(first.document.json.options)) as Record<
      string,
      unknown
    >;
    expect(options).toMatchObject({
      command: "index",
      inputs: [FIXTURE],
      period: "2022K1",
      unit: "municipality",
      method: "fh",
      missing: "error",
      history: true,
    });
    const again = await runIndex(options);
    expect(JSON.stringify(again.document.json)).toBe(JSON.stringify(first.document.json));
  });

  it("records the method: name, sha256 hash and the full profile", async () => {
    const { document } = await runIndex({ inputs: [FIXTURE] });
    const method = document.json.method as {
      name: string;
      hash: string;
      profile: { weights: unknown };
    };
    expect(method.name).toBe("fh");
    expect(method.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(method.profile.weights).toBeDefined();
  });

  it("sets the chart: score, better higher, member codes per row", async () => {
    const { document } = await runIndex({ inputs: [FIXTURE], period: "2021K4" });
    expect(document.chart).toMatchObject({
      valueKey: "score",
      better: "higher",
      municipalitiesKey: "municipalities",
    });
    expect(document.rows.find((r) => r.id === "561-563")?.municipalities).toBe("561 563");
  });
});

describe("shipped data", () => {
  it("runs on the synthetic demo data without --input, and says so everywhere", async () => {
    const { document } = await runIndex({});
    expect(document.synthetic).toBe(true);
    expect(document.json.synthetic).toBe(true);
    expect(document.json.period).toBe("2024K4");
    expect(results(document.json)).toHaveLength(95);
    expect(document.notes.some((n) => /synthetic/i.test(n))).toBe(true);
    expect(document.json.options).toMatchObject({ inputs: [] });
  });

  it("ranks 94 jobcentres in 2019 and 98 municipalities by municipality", async () => {
    expect(results((await runIndex({ period: "2019K4" })).document.json)).toHaveLength(94);
    expect(results((await runIndex({ unit: "municipality" })).document.json)).toHaveLength(98);
  });

  it("--method open ranks real data from its own default input, imputing suppressed counts", async () => {
    const { document } = await runIndex({ method: "open" });
    expect(document.synthetic).toBe(false);
    expect(document.json.period).toBe("2026K2");
    const imputed = results(document.json).filter((r) =>
      Object.values(r.indicators).some((i) => i.imputed === true),
    );
    expect(imputed.map((r) => r.id)).toContain("813-825");
    // A number in the row (CSV writes it plain); the mark and the list are beside it.
    const row = document.rows.find((r) => r.id === "813-825");
    expect(typeof row?.longterm_share).toBe("number");
    expect(row?.longterm_share_mark).toBe("*");
    expect(String(row?.imputed).split(" ")).toContain("longterm_share");
  });

  it("fh-points gives shared places", async () => {
    const { document } = await runIndex({ method: "fh-points" });
    const ranked = results(document.json);
    expect(ranked.some((r) => r.tied)).toBe(true);
    for (const r of ranked) expect(Number.isInteger(r.score)).toBe(true);
    expect(document.rows.some((r) => typeof r.rank === "number" && r.tied === true)).toBe(true);
    expect(document.columns.find((c) => c.key === "rank")).toMatchObject({ tiedKey: "tied" });
  });
});

describe("input errors, each with file and line", () => {
  it("duplicate municipality × period is E_DUPLICATE_ROW", async () => {
    const ds = await diagnosticsOf(runIndex({ inputs: ["fixtures/index/bad-duplicate.csv"] }));
    expect(ds).toEqual([
      expect.objectContaining({
        code: "E_DUPLICATE_ROW",
        file: "fixtures/index/bad-duplicate.csv",
        line: 5,
      }),
    ]);
    expect(ds[0]?.message).toMatch(/Esbjerg \(561\).*2021K4.*line 2/);
  });

  it("unknown municipalities are E_UNKNOWN_MUNICIPALITY with a suggestion or a reason", async () => {
    const ds = await diagnosticsOf(
      runIndex({ inputs: ["fixtures/index/bad-unknown-municipality.csv"] }),
    );
    expect(ds.map((d) => [d.code, d.line])).toEqual([
      ["E_UNKNOWN_MUNICIPALITY", 4],
      ["E_UNKNOWN_MUNICIPALITY", 5],
    ]);
    expect(ds[0]?.message).toMatch(/did you mean "Aarhus"/);
    expect(ds[1]?.message).toMatch(/Christiansø/);
  });

  it("a sub-count above its total is E_SUBCOUNT_EXCEEDS_TOTAL, per the profile's constraints", async () => {
    const ds = await diagnosticsOf(runIndex({ inputs: ["fixtures/index/bad-subcount.csv"] }));
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([
      ["E_SUBCOUNT_EXCEEDS_TOTAL", 2, 4],
      ["E_SUBCOUNT_EXCEEDS_TOTAL", 4, 10],
    ]);
    expect(ds[0]?.message).toMatch(
      /activation_education_fte \(900.2\) exceeds its total activation_fte \(820.5\)/,
    );
  });

  it("duplicates across two input files name the first file", async () => {
    const inputs = [FIXTURE, "fixtures/index/missing-values.csv"];
    const ds = await diagnosticsOf(runIndex({ inputs, history: true }));
    expect(ds.length).toBe(16);
    expect(ds[0]?.message).toContain(`first given on ${FIXTURE}:2`);
    // Without --history only the latest quarter is read, and only its rows are checked.
    const latest = await diagnosticsOf(runIndex({ inputs }));
    expect(latest.length).toBe(8);
    expect(latest.every((d) => d.message.includes("in 2022K1"))).toBe(true);
  });
});

describe("missing data", () => {
  const input = ["fixtures/index/missing-values.csv"];

  it("is an error by default, listing every unit, quarter and indicator", async () => {
    const ds = await diagnosticsOf(runIndex({ inputs: input, history: true }));
    const lines = ds.map((d) => d.message);
    expect(ds.every((d) => d.code === "E_MISSING_INDICATOR")).toBe(true);
    expect(lines).toEqual([
      expect.stringMatching(
        /^Billund \(530\), 2021K4, sickness_duration: zero denominator \(sickness_spells_ended = 0\)/,
      ),
      expect.stringMatching(
        /^Frederikshavn-Læsø \(813-825\), 2022K1, nonwestern_excess_unemployment: no count for nonwestern_unemployed/,
      ),
    ]);
    expect(ds[0]).toMatchObject({ file: input[0], line: 8 });
    // The count is missing in Læsø's row (line 13), not in Frederikshavn's.
    expect(ds[1]).toMatchObject({ file: input[0], line: 13 });
  });

  it("--missing drop leaves the unit out of that quarter and says so", async () => {
    const { document } = await runIndex({ inputs: input, missing: "drop", period: "2021K4" });
    expect(results(document.json).map((r) => r.id)).not.toContain("530");
    expect(document.json.dropped).toEqual([
      expect.objectContaining({ id: "530", indicator: "sickness_duration", period: "2021K4" }),
    ]);
    expect(document.notes.some((n) => n.startsWith("Left out"))).toBe(true);
  });

  it("--missing impute-mean fills the quarter's mean and marks it in json, table and notes", async () => {
    const { document } = await runIndex({
      inputs: input,
      missing: "impute-mean",
      period: "2021K4",
    });
    const billund = results(document.json).find((r) => r.id === "530");
    const others = results(document.json).filter((r) => r.id !== "530");
    const mean =
      others.reduce((a, r) => a + (r.indicators.sickness_duration?.value ?? 0), 0) / others.length;
    expect(billund?.indicators.sickness_duration).toMatchObject({ imputed: true });
    expect(closeTo(billund?.indicators.sickness_duration?.value ?? 0, mean)).toBe(true);
    expect(billund?.indicators.upskilling_share?.imputed).toBeUndefined();
    const row = document.rows.find((r) => r.id === "530");
    expect(typeof row?.sickness_duration).toBe("number");
    expect(row?.sickness_duration_mark).toBe("*");
    expect(
      document.notes.some((n) =>
        n.startsWith("Imputed (marked *): Billund (530), sickness_duration: zero denominator"),
      ),
    ).toBe(true);
    expect(document.json.imputed).toHaveLength(1);
  });
});

describe("history", () => {
  it("ranks every quarter and shows the change since the quarter before", async () => {
    const { document } = await runIndex({ inputs: [FIXTURE], history: true });
    const history = document.json.history as {
      periods: string[];
      units: Array<{
        id: string;
        ranks: Array<{ period: string; rank: number | null; change: number | null }>;
      }>;
    };
    expect(history.periods).toEqual(["2021K4", "2022K1"]);
    const ef = history.units.find((u) => u.id === "561-563");
    expect(ef?.ranks.map((r) => r.rank)).toEqual([2, 4]);
    expect(ef?.ranks[1]?.change).toBe(2);
    expect(history.units.find((u) => u.id === "183")?.ranks[1]?.change).toBeNull();
    expect(document.columns.filter((c) => c.csvOnly !== true).map((c) => c.key)).toEqual([
      "rank",
      "name",
      "score",
      "change",
      "rank_2022K1",
      "rank_2021K4",
    ]);
    // Every quarter's rank is a cell of the unit's row as reporters read it.
    const row = [...documentRows(document)].find((r) => r.id === "561-563");
    expect([row?.rank_2021K4, row?.tied_2021K4, row?.rank_2022K1]).toEqual([2, false, 4]);
    expect(document.rows.find((r) => r.id === "561-563")?.change).toBe(2);
  });
});

describe("options", () => {
  it("--weights overrides the profile's weights, validated like the profile", async () => {
    const weights = {
      upskilling_share: 1,
      sickness_duration: 0,
      nonwestern_excess_unemployment: 0,
      activation_rate: 0,
      unemployment_duration: 0,
    };
    const { document } = await runIndex({ inputs: [FIXTURE], period: "2021K4", weights });
    for (const r of results(document.json)) {
      expect(closeTo(r.score, r.indicators.upskilling_share?.normalised ?? Number.NaN)).toBe(true);
    }
    expect(document.json.options).toMatchObject({ weights });
    await expect(
      runIndex({ inputs: [FIXTURE], weights: { ...weights, sickness_duration: 0.5 } }),
    ).rejects.toThrow(/weights: weights sum to 1.5/);
  });

  it("refuses an unknown unit, missing mode or method", async () => {
    await expect(runIndex({ inputs: [FIXTURE], unit: "region" })).rejects.toThrow(UsageError);
    await expect(runIndex({ inputs: [FIXTURE], missing: "guess" })).rejects.toThrow(/--missing/);
    await expect(runIndex({ inputs: [FIXTURE], method: "nope" })).rejects.toThrow(
      /unknown method 'nope'/,
    );
  });
});
