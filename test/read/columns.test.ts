import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/diagnostics.js";
import {
  type ColumnSpec,
  closestName,
  loadColumnAliases,
  normalizeColumnName,
  resolveColumns,
  type Table,
} from "../../src/read/index.js";

const table = (columns: string[]): Table => ({ file: "in.csv", format: "csv", columns, rows: [] });

describe("normalizeColumnName", () => {
  it.each([
    ["Aktiverede fuldtid", "aktiveredefuldtid"],
    ["AKTIVEREDE-FULDTID", "aktiveredefuldtid"],
    ["Ledighedsforløb_afsluttede", "ledighedsforloebafsluttede"],
    ["OMRÅDE", "omraade"],
    ["Ærø", "aeroe"],
    ["  Café Ü ", "cafeu"],
  ])("%j → %j", (name, key) => expect(normalizeColumnName(name)).toBe(key));
});

describe("resolveColumns", () => {
  const specs: ColumnSpec[] = [
    { name: "municipality", aliases: ["kommune"], required: true },
    { name: "period", aliases: ["periode"], required: true },
    { name: "activation_fte", aliases: ["aktiverede_fuldtid"] },
  ];

  it("maps canonical names and aliases regardless of case, æøå and separators", () => {
    const bag = new DiagnosticBag();
    const resolved = resolveColumns(
      table(["Kommune", "PERIODE", "Aktiverede fuldtid"]),
      specs,
      bag,
    );
    expect(resolved).toEqual({ municipality: 0, period: 1, activation_fte: 2 });
    expect(bag.items).toEqual([]);
  });

  it("leaves optional columns undefined and reports missing required ones at line 1", () => {
    const bag = new DiagnosticBag();
    const resolved = resolveColumns(table(["kommune", "x"]), specs, bag);
    expect(resolved).toEqual({ municipality: 0, period: undefined, activation_fte: undefined });
    expect(bag.items).toEqual([
      {
        code: "E_MISSING_COLUMN",
        message: 'expected a column "period" (or periode), found "kommune", "x"',
        file: "in.csv",
        line: 1,
      },
    ]);
  });

  it("unknown columns: ignored by default, errors with a suggestion when asked", () => {
    const columns = ["kommune", "periode", "aktiverde_fuldtid", "remarks"];
    const quiet = new DiagnosticBag();
    resolveColumns(table(columns), specs, quiet);
    expect(quiet.items).toEqual([]);
    const strict = new DiagnosticBag();
    resolveColumns(table(columns), specs, strict, { unknown: "error" });
    expect(strict.items.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      [
        "E_UNKNOWN_COLUMN",
        1,
        3,
        'unknown column "aktiverde_fuldtid"; did you mean "aktiverede_fuldtid"?',
      ],
      ["E_UNKNOWN_COLUMN", 1, 4, 'unknown column "remarks"'],
    ]);
  });

  it("two columns for one canonical name → E_DUPLICATE_COLUMN", () => {
    const bag = new DiagnosticBag();
    const resolved = resolveColumns(table(["kommune", "periode", "municipality"]), specs, bag);
    expect(resolved.municipality).toBe(0);
    expect(bag.items.map((d) => [d.code, d.column])).toEqual([["E_DUPLICATE_COLUMN", 3]]);
  });

  it("closestName only suggests plausible typos", () => {
    expect(closestName("kommnue", specs)).toBe("kommune");
    expect(closestName("something else", specs)).toBeUndefined();
  });
});

describe("data/columns.json", () => {
  const aliases = loadColumnAliases();

  it("holds every input column of METHOD.md part A with its Danish alias", () => {
    const expected: Record<string, string> = {
      municipality: "kommune",
      period: "periode",
      activation_fte: "aktiverede_fuldtid",
      activation_education_fte: "aktiverede_uddannelse_fuldtid",
      gross_unemployed_fte: "bruttoledige_fuldtid",
      unemployment_spells_ended: "ledighedsforloeb_afsluttede",
      unemployment_spell_weeks: "ledighedsforloeb_uger",
      sickness_spells_ended: "sygedagpengeforloeb_afsluttede",
      sickness_spell_weeks: "sygedagpengeforloeb_uger",
      nonwestern_unemployed: "ledige_ikke_vestlige",
      nonwestern_labour_force: "arbejdsstyrke_ikke_vestlige",
      danish_origin_unemployed: "ledige_dansk_oprindelse",
      danish_origin_labour_force: "arbejdsstyrke_dansk_oprindelse",
    };
    for (const [name, alias] of Object.entries(expected)) {
      expect(aliases.find((a) => a.name === name)?.aliases).toContain(alias);
    }
    expect(aliases.map((a) => a.name)).toEqual(
      expect.arrayContaining(["public_support_fte", "population_16_66"]),
    );
  });

  it("no two columns share a name or alias after normalisation", () => {
    const keys = aliases.flatMap((a) => [a.name, ...a.aliases].map(normalizeColumnName));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is cached: the same array on every call", () => {
    expect(loadColumnAliases()).toBe(aliases);
  });
});
