/**
 * The survey as a user runs it: bad input gives one line per problem (file:line:column,
 * stable code), exit 2 and no file; and no output format, nor the explanation, nor an
 * error message ever carries a respondent's id, answer text or free text.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, root, runCli, STACK_FRAME, stderrLines, tempDir } from "../cli/helpers.js";

const MAP = "data/survey/business-service-questions.json";
const POOLING = "fixtures/survey/pooling.csv";
const DEMO = "data/survey/business-service-SYNTHETIC-demo.csv";

beforeAll(() => ensureBuilt());

/** Respondent ids, company names and free text of an export (its first, second and last columns). */
function personal(file: string, columns: (header: string[]) => number[]): string[] {
  const lines = readFileSync(join(root, file), "utf8").trim().split("\n");
  const header = (lines[0] as string).split(",");
  const at = columns(header);
  const out = new Set<string>();
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    for (const i of at) {
      const cell = (cells[i] ?? "").trim();
      if (cell.length >= 4) out.add(cell);
    }
  }
  return [...out];
}

describe("survey: person-level data never in any output", () => {
  const formats = ["table", "json", "csv", "md", "html", "index-input"];
  const cases = [
    {
      name: "the pooling fixture",
      args: ["--input", POOLING, "--questions", MAP],
      secrets: personal(POOLING, (h) => [0, h.length - 1]),
      explain: "Esbjerg",
    },
    {
      name: "the SYNTHETIC demo export",
      args: [] as string[],
      secrets: personal(DEMO, (h) => [0, 1, h.length - 1]),
      explain: "Billund",
    },
  ];
  for (const c of cases) {
    it(`${c.name}: every format and the explanation`, async () => {
      expect(c.secrets.length).toBeGreaterThan(20);
      const outputs: string[] = [];
      for (const format of formats) {
        const r = await runCli(["survey", ...c.args, "--format", format]);
        expect(r.code, `${format}: ${r.stderr}`).toBe(0);
        outputs.push(r.stdout, r.stderr);
      }
      for (const format of ["table", "json"]) {
        const r = await runCli(["survey", ...c.args, "--explain", c.explain, "--format", format]);
        expect(r.code, r.stderr).toBe(0);
        outputs.push(r.stdout, r.stderr);
      }
      const all = outputs.join("\n");
      expect(all).toMatch(/Esbjerg|Billund/);
      const found = c.secrets.filter((s) => all.includes(s));
      expect(found).toEqual([]);
      if (c.args.length === 0) {
        for (const text of outputs.filter((_, i) => i % 2 === 0)) expect(text).toMatch(/SYNTHETIC/);
      }
    }, 60_000);
  }
});

describe("survey: bad input", () => {
  const tmp = tempDir("survey");

  it("an answer off the scale, an unknown municipality, a round that is no period", async () => {
    const out = join(tmp.dir, "a.csv");
    const r = await runCli([
      "survey",
      "-i",
      "fixtures/survey/bad-answers.csv",
      "-q",
      MAP,
      "-o",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(
        /^fixtures\/survey\/bad-answers\.csv:2:4: error: .*\[E_SURVEY_ANSWER\]$/,
      ),
      expect.stringMatching(
        /^fixtures\/survey\/bad-answers\.csv:3:3: error: .*\[E_UNKNOWN_MUNICIPALITY\]$/,
      ),
      expect.stringMatching(/^fixtures\/survey\/bad-answers\.csv:4:2: error: .*\[E_BAD_PERIOD\]$/),
    ]);
    expect(r.stderr).not.toMatch(/Rimelig god|PERSON-|FRITEKST|sidste år/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(out)).toBe(false);
  });

  it("a file without a round or date column needs --period (no default from today's date)", async () => {
    const lines = readFileSync(join(root, POOLING), "utf8").trim().split("\n");
    const dateAt = (lines[0] as string).split(",").indexOf("runde");
    expect(dateAt).toBeGreaterThan(0);
    const noDate = join(tmp.dir, "no-round.csv");
    writeFileSync(
      noDate,
      `${lines
        .map((l) =>
          l
            .split(",")
            .filter((_, i) => i !== dateAt)
            .join(","),
        )
        .join("\n")}\n`,
    );
    const r = await runCli(["survey", "-i", noDate, "-q", MAP]);
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(/:1: error: .*--period.*\[E_SURVEY_NO_ROUND\]$/),
    ]);
    const given = await runCli([
      "survey",
      "-i",
      noDate,
      "-q",
      MAP,
      "--period",
      "2024K2",
      "-f",
      "json",
    ]);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain("2024K2");
  });

  it("a date that is not a date", async () => {
    const r = await runCli(["survey", "-i", "fixtures/survey/bad-date.csv", "-q", MAP]);
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(/^fixtures\/survey\/bad-date\.csv:2:2: error: .*\[E_BAD_DATE\]$/),
    ]);
    expect(r.stderr).not.toMatch(/2023-02-30|PERSON-/);
  });

  it("a question of the map missing from the file, named where the map says it", async () => {
    const out = join(tmp.dir, "b.csv");
    const r = await runCli([
      "survey",
      "-i",
      POOLING,
      "-q",
      "fixtures/survey/map-extra-question.json",
      "-o",
      out,
    ]);
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(
        /^fixtures\/survey\/map-extra-question\.json:\d+:\d+: error: .*hjemmeside.*\[E_SURVEY_QUESTION_MISSING\]$/,
      ),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("a map that is not a map", async () => {
    const map = tmp.write(
      "map.json",
      JSON.stringify({ questions: { a: "Not An Area" }, extra: 1 }),
    );
    const r = await runCli(["survey", "-i", POOLING, "-q", map]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[E_SURVEY_MAP\]/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
