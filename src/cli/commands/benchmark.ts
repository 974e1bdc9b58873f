/**
 * `jobindex benchmark`: STAR's expected-vs-actual benchmark, published (Y30R21) or
 * estimated by a model from open data. Flags → options → runBenchmark → reporter.
 */
import type { Command } from "commander";
import { Option } from "commander";
import {
  addInputOptions,
  addOutputOptions,
  numberField,
  numberOption,
  outputOptions,
  withExamples,
} from "../options.js";
import { emit } from "../output.js";

interface BenchmarkFlags {
  input: string[];
  period?: string;
  group: string;
  covariates?: string;
  covariateData: string[];
  costPerFte?: string;
  weights?: "population";
  loo?: boolean;
  interval?: string;
  verify?: boolean;
  uncertainty?: string;
  seed?: string;
  distinguish?: "prediction" | "bootstrap";
  by?: "region";
  only?: string;
  [key: string]: unknown;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerBenchmark(program: Command): void {
  const cmd = program
    .command("benchmark")
    .description(
      "rank municipalities by actual minus expected share of 16–66-year-olds on public support (STAR Y30R21, or a model on open data)",
    );
  addInputOptions(cmd)
    .option("-g, --group <group>", "benefit group of a Y30R21 extract", "Ydelsesgrupper i alt")
    .option(
      "-c, --covariates <list>",
      "estimate expected values by OLS on these comma-separated covariates; log(NAME) takes the log; 'default' = the documented default set",
    )
    .option(
      "--covariate-data <path>",
      "a long file (municipality,year,value; stem = covariate name) or a folder of them; repeatable. Default: the shipped data/dst",
      collect,
      [],
    )
    .addOption(
      new Option("--weights <kind>", "weight the model (WLS) by population aged 16–66").choices([
        "population",
      ]),
    )
    .option("--loo", "leave-one-out: estimate each municipality's expectation without itself")
    .option(
      "--interval <level>",
      "prediction interval level (e.g. 0.9): marks municipalities clearly above or below",
    )
    .option(
      "--cost-per-fte <dkk>",
      "yearly cost of one full-time person on public support (DKK): adds cost/saving",
    )
    .option("--verify", "exit 1 if a published rank contradicts the order of the rounded residuals")
    .option(
      "--uncertainty <refits>",
      "model mode: rank intervals from REFITS bootstrap refits of the model (e.g. 2000; docs/uncertainty.md)",
    )
    .option("--seed <n>", "seed of the --uncertainty refits (default 20240601)")
    .addOption(
      new Option(
        "--distinguish <criterion>",
        "with --uncertainty: which interval decides '≠ expected': the prediction interval (default) or the bootstrap interval of the residual",
      ).choices(["prediction", "bootstrap"]),
    )
    .addOption(
      new Option("--by <grouping>", "also rank within the regions, with totals per region").choices(
        ["region"],
      ),
    )
    .option(
      "--only <group>",
      "only the municipalities of a region or named group (e.g. Syddanmark, trekant), national ranks kept, with the group's totals",
    );
  addOutputOptions(cmd);
  withExamples(cmd, [
    "jobindex benchmark                                   # latest shipped period, all benefits",
    "jobindex benchmark --period 2020QMAT04 --group Sygedagpenge --verify",
    "jobindex benchmark --covariates default --interval 0.9 --cost-per-fte 250000",
    'jobindex benchmark --covariates "log(population_density),education,immigration_share_pct" --format json',
    "jobindex benchmark --covariates default --uncertainty 2000 --seed 1   # how sure is each rank?",
    "jobindex benchmark --by region --cost-per-fte 400000                  # rank within regions, region totals",
    "jobindex benchmark --only trekant                                     # Trekantområdet og Haderslev, with totals",
  ]);
  cmd.action(async (flags: BenchmarkFlags) => {
    const { runBenchmark } = await import("../../pipeline/benchmark/run.js");
    const { document, exitCode } = await runBenchmark({
      command: "benchmark",
      inputs: flags.input,
      period: flags.period ?? null,
      group: flags.group,
      covariates: flags.covariates === undefined ? [] : [flags.covariates],
      covariateData: flags.covariateData,
      weights: flags.weights ?? null,
      loo: flags.loo === true,
      interval: numberOption("--interval", flags.interval) ?? null,
      costPerFte: numberOption("--cost-per-fte", flags.costPerFte) ?? null,
      verify: flags.verify === true,
      ...numberField("--uncertainty", "uncertainty", flags.uncertainty),
      ...numberField("--seed", "seed", flags.seed),
      ...(flags.distinguish !== undefined ? { distinguish: flags.distinguish } : {}),
      ...(flags.by !== undefined ? { by: flags.by } : {}),
      ...(flags.only !== undefined ? { only: flags.only } : {}),
    });
    await emit(
      document,
      outputOptions(flags),
      [...flags.input, ...flags.covariateData],
      process.stdout,
    );
    if (exitCode !== 0) process.exitCode = exitCode;
  });
}
