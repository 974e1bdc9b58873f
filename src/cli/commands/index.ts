/**
 * `jobindex index`: the FH-style jobcentre index (METHOD.md A). Flags → options →
 * runIndex → reporter. The computation lives in src/composite.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { UsageError } from "../../diagnostics.js";
import {
  addInputOptions,
  addOutputOptions,
  numberField,
  outputOptions,
  withExamples,
} from "../options.js";
import { emit } from "../output.js";

interface IndexFlags {
  input: string[];
  period?: string;
  unit: string;
  method: string;
  missing?: string;
  history?: boolean;
  weights?: string;
  uncertainty?: string;
  seed?: string;
  by?: string;
  only?: string;
  [key: string]: unknown;
}

/** `upskilling_share=0.3,sickness_duration=0.1,…` → { upskilling_share: 0.3, … }. */
export function parseWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const match = /^([a-z][a-z0-9_]*)\s*=\s*(\S+)$/.exec(part);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value) || value < 0) {
      throw new UsageError(
        `--weights expects indicator=weight pairs separated by commas (weights ≥ 0 summing to 1), got '${part}'`,
      );
    }
    weights[match[1] as string] = value;
  }
  return weights;
}

export function registerIndex(program: Command): void {
  const cmd = program
    .command("index")
    .description(
      "rank jobcentres (or municipalities) on an FH-style index of five effort indicators; without --input, on the shipped synthetic demo data",
    );
  addInputOptions(cmd)
    .addOption(
      new Option("-u, --unit <unit>", "what to rank")
        .choices(["jobcentre", "municipality"])
        .default("jobcentre"),
    )
    .option(
      "-m, --method <name|file>",
      "method profile: a name in data/methods (fh, fh-points, open) or a profile JSON file",
      "fh",
    )
    .addOption(
      new Option(
        "--missing <mode>",
        "missing indicator values: error (list them), drop the unit, or impute-mean (marked *). Default: the profile's (error for fh)",
      ).choices(["error", "drop", "impute-mean"]),
    )
    .option(
      "--history",
      "show each unit's rank in every quarter up to --period and the change since the quarter before",
    )
    .option(
      "-w, --weights <list>",
      "override the profile's weights: indicator=weight,… summing to 1",
    )
    .option(
      "--uncertainty <runs>",
      "rank intervals: vary the method's weights, normalisation and aggregation in RUNS Monte Carlo draws (e.g. 10000; docs/uncertainty.md)",
    )
    .option("--seed <n>", "seed of the --uncertainty draws (default 20240601)")
    .addOption(
      new Option("--by <grouping>", "also rank within the regions, with totals per region").choices(
        ["region"],
      ),
    )
    .option(
      "--only <group>",
      "only the units of a region or named group (e.g. Syddanmark, trekant), national ranks kept, with the group's totals",
    );
  addOutputOptions(cmd);
  withExamples(cmd, [
    "jobindex index                                   # demo data (synthetic), latest quarter, by jobcentre",
    "jobindex index --unit municipality --period 2023K2 --format json",
    "jobindex index --history --period 2024K4         # each jobcentre's rank per quarter, ▲▼ since last quarter",
    "jobindex index --method fh-points                # 1–10 decile points per indicator: ties as in FH's lists",
    "jobindex index --method open                     # a real-data ranking from jobindsats (not FH's index)",
    "jobindex index --uncertainty 10000 --seed 1      # how sure is each rank? rank intervals, P(top 10)",
    "jobindex index --by region                       # rank within each region, region totals",
    "jobindex index --only trekant                    # Trekantområdet og Haderslev only, with totals",
    "jobindex index --input counts.csv --missing impute-mean --weights upskilling_share=0.4,sickness_duration=0.15,nonwestern_excess_unemployment=0.15,activation_rate=0.15,unemployment_duration=0.15",
  ]);
  cmd.action(async (flags: IndexFlags) => {
    const { runIndex } = await import("../../pipeline/index/run.js");
    const { document } = await runIndex({
      command: "index",
      inputs: flags.input,
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      unit: flags.unit,
      method: flags.method,
      ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
      history: flags.history === true,
      ...(flags.weights !== undefined ? { weights: parseWeights(flags.weights) } : {}),
      ...numberField("--uncertainty", "uncertainty", flags.uncertainty),
      ...numberField("--seed", "seed", flags.seed),
      ...(flags.by !== undefined ? { by: flags.by } : {}),
      ...(flags.only !== undefined ? { only: flags.only } : {}),
    });
    await emit(document, outputOptions(flags), flags.input, process.stdout);
  });
}
