/**
 * `--decimal-mark , | .` on every command that reads tables: it decides files that leave
 * the mark unclear (only `1.234`-like cells), and it is recorded in the JSON `options` (so
 * `check` reads the inputs the same way) only when given.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, root, runCli, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const temp = tempDir("decimal-mark");

/**
 * data/dst/income.csv (whole kroner, 5–6 digits) as a Danish export writes it: `;` and `.`
 * grouping thousands (`239.958`), every value ambiguous on its own. The clean copy beside
 * it, in its own folder, has the same stem.
 */
const income = readFileSync(join(root, "data", "dst", "income.csv"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const danish = income
  .map((line, i) => {
    if (i === 0) return line.replaceAll(",", ";");
    const [municipality, year, value] = line.split(",");
    const grouped = Number(value).toLocaleString("da-DK", { useGrouping: true });
    return `${municipality};${year};${grouped}`;
  })
  .join("\n");
const danishFile = temp.write("danish-income.csv", `${danish}\n`);
const cleanDir = join(temp.dir, "clean");
const danishDir = join(temp.dir, "danish");
mkdirSync(cleanDir);
mkdirSync(danishDir);
temp.write("clean/income.csv", `${income.join("\n")}\n`);
temp.write("danish/income.csv", readFileSync(danishFile));

interface Json {
  results: unknown[];
  options: Record<string, unknown>;
}

describe("--decimal-mark", () => {
  it("the Danish covariate file is ambiguous without it", async () => {
    expect(danish).toMatch(/;\d{3}\.\d{3}\n/);
    const result = await runCli([
      "benchmark",
      "--covariates",
      "income",
      "--covariate-data",
      danishDir,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /danish[/\\]income\.csv:2:3: error: .*\[E_DECIMAL_MARK_AMBIGUOUS\]/,
    );
  });

  it("benchmark: `,` reads the covariate file's thousands; the model equals the clean file's; recorded", async () => {
    const given = await runCli([
      "benchmark",
      "--covariates",
      "income",
      "--covariate-data",
      danishDir,
      "--decimal-mark",
      ",",
      "--format",
      "json",
    ]);
    expect(given.code, given.stderr).toBe(0);
    const clean = await runCli([
      "benchmark",
      "--covariates",
      "income",
      "--covariate-data",
      cleanDir,
      "--format",
      "json",
    ]);
    type Model = { model: { coefficients: unknown[]; r2: number } };
    const a = JSON.parse(given.stdout) as Json & Model;
    const b = JSON.parse(clean.stdout) as Json & Model;
    expect(a.results).toEqual(b.results);
    expect(a.model.coefficients).toEqual(b.model.coefficients);
    expect(a.model.r2).toBe(b.model.r2);
    expect(a.options.decimalMark).toBe(",");
    expect(b.options).not.toHaveProperty("decimalMark");
  });

  it("benchmark: `.` reads the same cells as decimals (239.958), so the model differs", async () => {
    const point = await runCli([
      "benchmark",
      "-i",
      "fixtures/exports/benchmark-y30r21.xlsx",
      "--covariates",
      "income",
      "--covariate-data",
      danishDir,
      "--decimal-mark",
      ".",
      "--format",
      "json",
    ]);
    expect(point.code, point.stderr).toBe(0);
    const comma = await runCli([
      "benchmark",
      "-i",
      "fixtures/exports/benchmark-y30r21.xlsx",
      "--covariates",
      "income",
      "--covariate-data",
      danishDir,
      "--decimal-mark",
      ",",
      "--format",
      "json",
    ]);
    type Coefficients = { model: { coefficients: Array<{ term: string; estimate: number }> } };
    const slope = (text: string) =>
      (JSON.parse(text) as Coefficients).model.coefficients.find((c) => c.term === "income")
        ?.estimate as number;
    // Income read 1000 times smaller: the slope 1000 times larger.
    expect(slope(point.stdout) / slope(comma.stdout)).toBeCloseTo(1000, 6);
  });

  it("index: recorded in the options, and check re-reads the input with it", async () => {
    const golden = join(temp.dir, "index-golden.json");
    const made = await runCli([
      "index",
      "--method",
      "open",
      "--decimal-mark",
      ",",
      "-i",
      "fixtures/exports/index-open-danish-integers.csv",
      "--format",
      "json",
      "--out",
      golden,
    ]);
    expect(made.code, made.stderr).toBe(0);
    const json = JSON.parse(readFileSync(golden, "utf8")) as Json;
    expect(json.options.decimalMark).toBe(",");
    const checked = await runCli(["check", "--golden", golden]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  });

  it("explain: passed on to the benchmark it explains", async () => {
    const without = await runCli([
      "explain",
      "Billund",
      "--covariates",
      "income",
      "--covariate-data",
      danishDir,
      "--uncertainty",
      "0",
    ]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("[E_DECIMAL_MARK_AMBIGUOUS]");
    const given = await runCli([
      "explain",
      "Billund",
      "--covariates",
      "income",
      "--covariate-data",
      danishDir,
      "--uncertainty",
      "0",
      "--decimal-mark",
      ",",
    ]);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).toContain("Billund");
  });

  it("survey and continuity: recorded in the options", async () => {
    const survey = await runCli(["survey", "--decimal-mark", ",", "--format", "json"]);
    expect(survey.code, survey.stderr).toBe(0);
    expect((JSON.parse(survey.stdout) as Json).options.decimalMark).toBe(",");
    const continuity = await runCli([
      "continuity",
      "--decimal-mark",
      ".",
      "--period",
      "2022K1",
      "--format",
      "json",
    ]);
    expect(continuity.code, continuity.stderr).toBe(0);
    expect((JSON.parse(continuity.stdout) as Json).options.decimalMark).toBe(".");
  });

  it("a recorded mark that is neither , nor . is refused by check, naming the flag", async () => {
    const golden = join(temp.dir, "bad-golden.json");
    const made = await runCli(["index", "--method", "open", "--format", "json", "--out", golden]);
    expect(made.code, made.stderr).toBe(0);
    const json = JSON.parse(readFileSync(golden, "utf8")) as Json;
    json.options.decimalMark = ";";
    temp.write("bad-golden.json", JSON.stringify(json));
    const checked = await runCli(["check", "--golden", golden]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('--decimal-mark expects , or ., got ";"');
  });

  it("every command that reads tables lists --decimal-mark and --sheet in its help", async () => {
    for (const command of ["index", "benchmark", "explain", "survey", "continuity"]) {
      const help = await runCli([command, "--help"]);
      expect(help.stdout, command).toContain("--decimal-mark <mark>");
      expect(help.stdout, command).toContain("--sheet <name>");
    }
  });
});
