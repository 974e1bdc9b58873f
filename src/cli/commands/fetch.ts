/**
 * `jobindex fetch`: real data from the public APIs (jobindsats with the user's token,
 * StatBank without one), and named recipes of several requests. Flags → the fetch
 * pipeline (src/pipeline/fetch/run.ts) → one line per file written.
 */
import type { Command } from "commander";
import { UsageError } from "../../diagnostics.js";
import { addOptions, numberOption, withExamples } from "../options.js";
import { standardOutput, stderrIsTerminal } from "../stdio.js";

interface FetchFlags {
  period: string[];
  area: string[];
  filter: string[];
  var: string[];
  api: "v3" | "v2";
  timeout: string;
  out?: string;
  dir: string;
  year?: string;
}

function wrote(path: string, rows: number, periods?: string[]): void {
  const when = periods !== undefined && periods.length > 0 ? `, ${periods.join(", ")}` : "";
  standardOutput.write(`wrote ${path} (${rows} rows${when}) and ${path}.source.json\n`);
}

function out(flags: FetchFlags): string {
  if (flags.out === undefined) throw new UsageError("--out FILE is required", "E_USAGE");
  return flags.out;
}

export function registerFetch(program: Command): void {
  const fetch = program
    .command("fetch")
    .description(
      "fetch real data from jobindsats (token in JOBINDSATS_TOKEN) or StatBank into a file beside its FILE.source.json",
    );
  withExamples(fetch, "fetch");

  const jobindsats = fetch
    .command("jobindsats")
    .argument("<table>", "table id, e.g. y30r21")
    .description("one jobindsats table as JSON lines keyed by its labels");
  addOptions(jobindsats, "fetch", ["period", "area", "filter", "api", "timeout", "out"]);
  jobindsats.action(async (table: string, flags: FetchFlags) => {
    const P = await import("../../pipeline/fetch/run.js");
    const done = await P.runFetchJobindsats(
      {
        table,
        api: flags.api,
        periods: flags.period,
        areas: flags.area,
        filters: Object.fromEntries(flags.filter.map((f) => P.parseAssignment(f, "--filter"))),
        out: out(flags),
      },
      { env: process.env, timeout: numberOption("--timeout", flags.timeout) ?? 30 },
    );
    wrote(done.path, done.rows, done.periods);
  });

  const statbank = fetch
    .command("statbank")
    .argument("<table>", "table id, e.g. FOLK1A")
    .description("one StatBank table in BULK format, written as returned");
  addOptions(statbank, "fetch", ["var", "timeout", "out"]);
  statbank.action(async (table: string, flags: FetchFlags) => {
    const P = await import("../../pipeline/fetch/run.js");
    const done = await P.runFetchStatbank(
      {
        table,
        variables: flags.var.map((v) => {
          const [code, values] = P.parseAssignment(v, "--var");
          return { code, values };
        }),
        out: out(flags),
      },
      { env: process.env, timeout: numberOption("--timeout", flags.timeout) ?? 30 },
    );
    wrote(done.path, done.rows);
  });

  const recipe = fetch
    .command("recipe")
    .argument("<name>", "benchmark, covariates or fh (data/fetch/recipes.json)")
    .description("a named bundle of requests from data/fetch/recipes.json, written into --dir");
  addOptions(recipe, "fetch", ["period", "year", "api", "timeout", "dir"]);
  recipe.action(async (name: string, flags: FetchFlags) => {
    const P = await import("../../pipeline/fetch/run.js");
    const value = name === "covariates" ? flags.year : flags.period[0];
    if (value === undefined || flags.period.length > 1) {
      throw new UsageError(
        `recipe ${name} takes one ${name === "covariates" ? "--year" : "--period"}`,
        "E_USAGE",
      );
    }
    const tty = stderrIsTerminal();
    const files = await P.runRecipe(
      {
        name,
        value,
        outDir: flags.dir,
        api: flags.api,
        onProgress: (i, n, what) => {
          if (tty) process.stderr.write(`\r\u001b[2K[${i}/${n}] fetching ${what}…`);
        },
      },
      { env: process.env, timeout: numberOption("--timeout", flags.timeout) ?? 30 },
    ).finally(() => {
      if (tty) process.stderr.write("\r\u001b[2K");
    });
    for (const f of files) wrote(f.path, f.rows, f.periods);
  });
}
