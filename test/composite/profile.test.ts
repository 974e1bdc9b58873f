import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, InputError } from "../../src/diagnostics.js";
import { loadMethod } from "../../src/pipeline/index/method.js";
import { parseMethodProfile, withWeights } from "../../src/pipeline/index/profile.js";
import { fhProfile } from "./helpers.js";

const FH = JSON.parse(readFileSync("data/methods/fh.json", "utf8")) as Record<string, unknown>;

type Json = Record<string, unknown>;

function clone(): Json {
  return JSON.parse(JSON.stringify(FH)) as Json;
}

/** The one-line messages a broken profile gives. */
function problems(raw: unknown, file = "broken.json"): string[] {
  try {
    parseMethodProfile(raw, file);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  return [];
}

const indicators = (p: Json) => p.indicators as Json[];

describe("method profiles", () => {
  it("the shipped profiles are valid", () => {
    for (const name of ["fh", "fh-points", "open"])
      expect(loadMethod(name).profile.json.name).toBe(name);
  });

  it("fh is METHOD.md A: five indicators, z-scores, arithmetic mean, equal weights 1/5", () => {
    const p = fhProfile();
    expect(p.indicators.map((i) => [i.id, i.better])).toEqual([
      ["upskilling_share", "higher"],
      ["sickness_duration", "lower"],
      ["nonwestern_excess_unemployment", "lower"],
      ["activation_rate", "higher"],
      ["unemployment_duration", "lower"],
    ]);
    expect(p.json.normalisation).toEqual({ type: "zscore" });
    expect(p.json.aggregation).toEqual({ type: "arithmetic" });
    expect(p.weights).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it("an unknown column names the file and the JSON path", () => {
    const p = clone();
    const formula = indicators(p)[3]?.formula as Json;
    formula.numerator = "activaton_fte";
    expect(problems(p)).toEqual([
      expect.stringMatching(
        /^broken\.json: error: indicators\[3\]\.formula\.numerator: unknown column 'activaton_fte'; the profile's input columns are activation_fte, .* \[E_METHOD_PROFILE\]$/,
      ),
    ]);
  });

  it("an unknown column inside ratio_difference or an expression is found too", () => {
    const p = clone();
    ((indicators(p)[2] as Json).formula as { subtrahend: Json }).subtrahend.denominator =
      "danish_labour_force";
    (indicators(p)[4] as Json).formula = { type: "expression", expression: "weeks / spells" };
    const lines = problems(p);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(
      "indicators[2].formula.subtrahend.denominator: unknown column 'danish_labour_force'",
    );
    expect(lines[1]).toContain("indicators[4].formula.expression: unknown column 'weeks'");
  });

  it("weights that do not sum to 1 within 1e-9 fail on `weights`", () => {
    const p = clone();
    (p.weights as Json).upskilling_share = 0.2 + 2e-9;
    expect(problems(p)).toEqual([
      expect.stringMatching(
        /broken\.json: error: weights: weights sum to 1\.000000002.*expected 1 \(within 1e-9\)/,
      ),
    ]);
    (p.weights as Json).upskilling_share = 0.2 + 5e-10;
    expect(problems(p)).toEqual([]);
  });

  it("weights must cover exactly the indicators", () => {
    const p = clone();
    p.weights = { upskilling_share: 0.5, sickness_duration: 0.5, speed: 0 };
    const lines = problems(p);
    expect(
      lines.some((l) => l.includes("weights.speed: weight for unknown indicator 'speed'")),
    ).toBe(true);
    expect(
      lines.some((l) => l.includes("weights: no weight for indicator 'activation_rate'")),
    ).toBe(true);
  });

  it("an unknown normalisation names normalisation.type and the choices", () => {
    const p = clone();
    p.normalisation = { type: "zscores" };
    expect(problems(p)).toEqual([
      expect.stringMatching(
        /normalisation\.type: unknown normalisation type; expected one of "zscore", "minmax", "rank", "percentile", "distance_to_best", "points"/,
      ),
    ]);
  });

  it("typos in field names, bad directions and bad expressions are named", () => {
    const p = clone();
    p.wieghts = p.weights;
    (indicators(p)[0] as Json).better = "up";
    (indicators(p)[1] as Json).formula = {
      type: "expression",
      expression: "sickness_spell_weeks / (sickness_spells_ended",
    };
    const lines = problems(p).join("\n");
    expect(lines).toContain("(profile): unknown field 'wieghts'");
    expect(lines).toContain('indicators[0].better: expected one of "higher", "lower"');
    const q = clone();
    (indicators(q)[1] as Json).formula = {
      type: "expression",
      expression: "sickness_spell_weeks / (sickness_spells_ended",
    };
    expect(problems(q).join("\n")).toContain(
      "indicators[1].formula.expression: cannot parse: missing ')'",
    );
  });

  it("constraints must name input columns", () => {
    const p = clone();
    p.constraints = [{ part: "activation_education_fte", total: "activations" }];
    expect(problems(p)[0]).toContain("constraints[0].total: unknown column 'activations'");
  });

  it("--method FILE reports problems with that file's name; bad JSON is one line", () => {
    const dir = join("test-artifacts");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "composite-bad-profile.json");
    const p = clone();
    p.aggregation = { type: "median" };
    writeFileSync(file, JSON.stringify(p));
    expect(() => loadMethod(file)).toThrow(
      /composite-bad-profile\.json: error: aggregation\.type: unknown aggregation type/,
    );
    writeFileSync(file, "{ not json");
    expect(() => loadMethod(file)).toThrow(/not valid JSON/);
  });

  it("a new indicator set needs only a profile", () => {
    const p = clone();
    p.name = "two";
    p.indicators = [
      {
        id: "a",
        label: "A",
        short: "A",
        formula: {
          type: "expression",
          expression: "(activation_fte - activation_education_fte) / gross_unemployed_fte",
        },
        unit: "share",
        better: "higher",
      },
      {
        id: "b",
        label: "B",
        short: "B",
        formula: {
          type: "ratio",
          numerator: "sickness_spell_weeks",
          denominator: "sickness_spells_ended",
        },
        unit: "weeks",
        better: "lower",
      },
    ];
    p.weights = { a: 0.75, b: 0.25 };
    const profile = parseMethodProfile(p, "two.json");
    expect(profile.weights).toEqual([0.75, 0.25]);
    expect(profile.indicators[0]?.columns).toEqual([
      "activation_fte",
      "activation_education_fte",
      "gross_unemployed_fte",
    ]);
  });

  it("the hash changes with any choice and withWeights revalidates", () => {
    const p = fhProfile();
    const q = withWeights(
      p,
      {
        upskilling_share: 0.6,
        sickness_duration: 0.1,
        nonwestern_excess_unemployment: 0.1,
        activation_rate: 0.1,
        unemployment_duration: 0.1,
      },
      "--weights",
    );
    expect(q.hash).not.toBe(p.hash);
    expect(q.weights[0]).toBe(0.6);
    expect(() => withWeights(p, { upskilling_share: 1 }, "--weights")).toThrow(
      /--weights: error: weights: no weight for indicator 'sickness_duration'/,
    );
  });
});
