/**
 * `jobindex audit` in Danish and English: titles, headers, notes, flag cells and the HTML
 * section come from the catalogues; CSV headers and values and the JSON do not change with
 * the language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli } from "../cli/helpers.js";

beforeAll(() => ensureBuilt());

const base = ["audit", "--period", "2024K4", "--uncertainty", "100", "--seed", "5"];

async function run(lang: string, ...more: string[]): Promise<string> {
  const r = await runCli(["--lang", lang, ...base, ...more]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe("audit output language", () => {
  it("tables and notes in Danish, with Danish numbers", async () => {
    const da = await run("da");
    expect(da).toMatch(/^Gennemgang: /);
    for (const word of [
      "Skævhed",
      "Spredning",
      "Cronbachs alfa",
      "Sobol-indeks",
      "Periode 2024K4",
    ]) {
      expect(da).toContain(word);
    }
    expect(da).toMatch(/Cronbachs alfa for de normaliserede indikatorer: \d,\d{3}\./);
    expect(da).not.toMatch(/Correlations of|Leave one indicator out|Cronbach's alpha/);
  });

  it("English as before", async () => {
    const en = await run("en");
    expect(en).toMatch(/^Audit: /);
    for (const word of ["Skew", "Cronbach's alpha", "Principal components", "Period 2024K4"]) {
      expect(en).toContain(word);
    }
    expect(en).toMatch(/Cronbach's alpha of the normalised indicators: \d\.\d{3}\./);
  });

  it("HTML: lang attribute and the section's captions", async () => {
    const da = await run("da", "--format", "html");
    expect(da).toContain('<html lang="da">');
    expect(da).toContain("Hvordan indikatorerne hænger sammen");
    expect(da).not.toContain("How the indicators relate");
    const en = await run("en", "--format", "html");
    expect(en).toContain("How the indicators relate");
  });

  it("CSV and JSON are the same in both languages", async () => {
    expect(await run("da", "--format", "csv")).toBe(await run("en", "--format", "csv"));
    expect(await run("da", "--format", "json")).toBe(await run("en", "--format", "json"));
  });
});
