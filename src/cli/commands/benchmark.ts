/**
 * `jobindex benchmark`: STAR's expected-vs-actual benchmark, published (Y30R21) or
 * estimated by a model from open data. Flags → options → runBenchmark → reporter.
 */
import type { Command } from "commander";
import { addOptions, numberField, numberOption, outputOptions, withExamples } from "../options.js";
import { assertNotAnInput, emit } from "../output.js";
import { standardOutput, writeStderr } from "../stdio.js";

interface BenchmarkFlags {
  input: string[];
  period?: string;
  group: string;
  covariates?: string;
  covariateData: string[];
  costPerFte?: string;
  /** WLS weights (`--wls`); recorded as `weights` in the options. */
  wls?: "population";
  loo?: boolean;
  interval?: string;
  verify?: boolean;
  published?: string;
  uncertainty?: string;
  seed?: string;
  distinguish?: "prediction" | "bootstrap";
  by?: "region";
  only?: string;
  peers?: string;
  history?: boolean;
  decimalMark?: "," | ".";
  sheet?: string;
  [key: string]: unknown;
}

export function registerBenchmark(program: Command): void {
  const cmd = program
    .command("benchmark")
    .description(
      "rank municipalities by actual minus expected share of 16–66-year-olds on public support (STAR Y30R21, or a model on open data)",
    );
  addOptions(cmd, "benchmark", [
    "input",
    "period",
    "group",
    "covariates",
    "covariate-data",
    "wls",
    "loo",
    "interval",
    "cost-per-fte",
    "verify",
    "published",
    "uncertainty",
    "seed",
    "distinguish",
    "by",
    "only",
    "peers",
    "history",
    "decimal-mark",
    "sheet",
    "format",
    "out",
    "locale",
  ]);
  withExamples(cmd, "benchmark");
  cmd.action(async (flags: BenchmarkFlags) => {
    const output = outputOptions(flags);
    // Early, on the files named; emit checks again on the files actually read.
    if (output.out !== undefined)
      assertNotAnInput(output.out, [...flags.input, ...flags.covariateData]);
    const { runBenchmark } = await import("../../pipeline/benchmark/run.js");
    const { document, exitCode, filesRead, messages } = await runBenchmark({
      command: "benchmark",
      inputs: flags.input,
      period: flags.period ?? null,
      group: flags.group,
      covariates: flags.covariates === undefined ? [] : [flags.covariates],
      covariateData: flags.covariateData,
      weights: flags.wls ?? null,
      loo: flags.loo === true,
      interval: numberOption("--interval", flags.interval) ?? null,
      costPerFte: numberOption("--cost-per-fte", flags.costPerFte) ?? null,
      verify: flags.verify === true,
      ...(flags.published !== undefined ? { publishedLists: flags.published } : {}),
      ...numberField("--uncertainty", "uncertainty", flags.uncertainty),
      ...numberField("--seed", "seed", flags.seed),
      ...(flags.distinguish !== undefined ? { distinguish: flags.distinguish } : {}),
      ...(flags.by !== undefined ? { by: flags.by } : {}),
      ...(flags.only !== undefined ? { only: flags.only } : {}),
      ...numberField("--peers", "peers", flags.peers),
      ...(flags.history === true ? { history: true } : {}),
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    });
    await emit(document, output, filesRead, standardOutput);
    for (const line of messages) writeStderr(`${line}\n`);
    if (exitCode !== 0) process.exitCode = exitCode;
  });
}
