/**
 * `jobindex benchmark`: STAR's expected-vs-actual benchmark, published (Y30R21) or
 * estimated by a model from open data. Flags → options → runBenchmark → reporter.
 */
import type { Command } from "commander";
import { Option } from "commander";
import {
  addInputOptions,
  addOutputOptions,
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
    .option(
      "--verify",
      "exit 1 if a published rank contradicts the order of the rounded residuals",
    );
  addOutputOptions(cmd);
  withExamples(cmd, [
    "jobindex benchmark                                   # latest shipped period, all benefits",
    "jobindex benchmark --period 2020QMAT04 --group Sygedagpenge --verify",
    "jobindex benchmark --covariates default --interval 0.9 --cost-per-fte 250000",
    'jobindex benchmark --covariates "log(population_density),education,immigration_share_pct" --format json',
  ]);
  cmd.action(async (flags: BenchmarkFlags) => {
    const { runBenchmark } = await import("../../benchmark/run.js");
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
