/**
 * `jobindex explain UNIT`: why a jobcentre or municipality lands where it does, in
 * sentences a journalist can quote. It explains the benchmark, the index, or both:
 * `--kind` chooses; by default the flags and the input decide (model/group flags or a
 * Y30R21-like extract → benchmark; method/unit flags or a counts extract → index); with
 * no input and no such flag, both are explained on the shipped data.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { UsageError } from "../../diagnostics.js";
import { parsePeriod } from "../../period.js";
import { addInputOptions, numberOption, withExamples } from "../options.js";

/**
 * Draws (index) or refits (benchmark, model mode) behind explain's "how sure" sentence
 * when --uncertainty is not given: about 0.1 s each on the shipped data, so explain runs
 * them by default; `--uncertainty 0` leaves the sentence out.
 */
export const EXPLAIN_UNCERTAINTY_RUNS = 2000;

/** The uncertainty options explain passes on: none for `--uncertainty 0`. */
function uncertaintyOptions(flags: ExplainFlags): { uncertainty?: number; seed?: number } {
  const runs = numberOption("--uncertainty", flags.uncertainty) ?? EXPLAIN_UNCERTAINTY_RUNS;
  const seed = numberOption("--seed", flags.seed);
  if (runs === 0) {
    if (seed !== undefined) throw new UsageError("--seed applies with --uncertainty");
    return {};
  }
  return { uncertainty: runs, ...(seed !== undefined ? { seed } : {}) };
}

type Kind = "index" | "benchmark";

interface ExplainFlags {
  input: string[];
  period?: string;
  kind: "auto" | Kind;
  format: "text" | "json";
  unit?: string;
  method?: string;
  missing?: string;
  group?: string;
  covariates?: string;
  covariateData: string[];
  weights?: "population";
  loo?: boolean;
  uncertainty: string;
  seed?: string;
  distinguish?: "prediction" | "bootstrap";
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Columns that only a benchmark extract carries (Y30R21 labels or model-mode counts). */
const BENCHMARK_COLUMN = /forventet|expected|public_support|offentlig forsørgelse|placering/i;

async function inputKind(path: string): Promise<Kind> {
  const { readTable } = await import("../../read/index.js");
  const table = await readTable(path);
  return table.columns.some((c) => BENCHMARK_COLUMN.test(c)) ? "benchmark" : "index";
}

async function kindsToExplain(flags: ExplainFlags): Promise<Kind[]> {
  if (flags.kind !== "auto") return [flags.kind];
  const benchmarkFlags =
    flags.group !== undefined || flags.covariates !== undefined || flags.covariateData.length > 0;
  const indexFlags =
    flags.unit !== undefined || flags.method !== undefined || flags.missing !== undefined;
  if (benchmarkFlags && indexFlags) {
    throw new UsageError("explain: give either benchmark flags or index flags, or say --kind");
  }
  if (benchmarkFlags) return ["benchmark"];
  if (indexFlags) return ["index"];
  const first = flags.input[0];
  if (first !== undefined) return [await inputKind(first)];
  // Shipped data: a moving-window period belongs to the benchmark, a quarter to the index.
  const period = flags.period === undefined ? undefined : parsePeriod(flags.period);
  if (period?.kind === "mat") return ["benchmark"];
  if (period?.kind === "quarter") return ["index"];
  return ["benchmark", "index"];
}

async function explainOne(
  kind: Kind,
  unit: string,
  flags: ExplainFlags,
): Promise<{ lines: string[]; data: unknown }> {
  if (kind === "benchmark") {
    const { explainBenchmark } = await import("../../pipeline/benchmark/explain.js");
    return explainBenchmark({
      unit,
      inputs: flags.input,
      period: flags.period ?? null,
      ...(flags.group !== undefined ? { group: flags.group } : {}),
      covariates: flags.covariates === undefined ? [] : [flags.covariates],
      covariateData: flags.covariateData,
      weights: flags.weights ?? null,
      loo: flags.loo === true,
      // Published mode has no model to refit: the sentence is for model mode only.
      ...(flags.covariates !== undefined ? uncertaintyOptions(flags) : {}),
      ...(flags.distinguish !== undefined ? { distinguish: flags.distinguish } : {}),
    });
  }
  const { explainIndex } = await import("../../pipeline/index/explain.js");
  return explainIndex({
    unit,
    inputs: flags.input,
    ...(flags.period !== undefined ? { period: flags.period } : {}),
    ...(flags.method !== undefined ? { method: flags.method } : {}),
    ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
    ...(flags.unit === "municipality" ? { unitKind: "municipality" as const } : {}),
    ...uncertaintyOptions(flags),
  });
}

export function registerExplain(program: Command): void {
  const cmd = program
    .command("explain")
    .argument(
      "<unit>",
      "a municipality or jobcentre: name, code or jobcentre id (e.g. Billund, 530, 561-563)",
    )
    .description(
      "explain in plain sentences why a unit ranks where it does, with the numbers behind it",
    );
  addInputOptions(cmd)
    .addOption(
      new Option("--kind <kind>", "what to explain; auto decides from flags and input")
        .choices(["auto", "index", "benchmark"])
        .default("auto"),
    )
    .addOption(
      new Option("-f, --format <format>", "text or json").choices(["text", "json"]).default("text"),
    )
    .option("--unit <unit>", "index: explain a jobcentre (default) or a municipality on its own")
    .option("--method <name|file>", "index: method profile (default fh)")
    .option("--missing <mode>", "index: error, drop or impute-mean")
    .option("-g, --group <group>", "benchmark: benefit group")
    .option("-c, --covariates <list>", "benchmark: explain the model estimate on these covariates")
    .option(
      "--covariate-data <path>",
      "benchmark: covariate file or folder; repeatable",
      collect,
      [],
    )
    .addOption(new Option("--weights <kind>", "benchmark: WLS weights").choices(["population"]))
    .option("--loo", "benchmark: leave-one-out expected values")
    .option(
      "--uncertainty <runs>",
      `how sure is the rank: draws of the method (index) or model refits (benchmark with --covariates); 0 = leave it out`,
      String(EXPLAIN_UNCERTAINTY_RUNS),
    )
    .option("--seed <n>", "seed of those draws (default 20240601)")
    .addOption(
      new Option(
        "--distinguish <criterion>",
        "benchmark: which interval decides 'clearly above/below' (default prediction)",
      ).choices(["prediction", "bootstrap"]),
    );
  withExamples(cmd, [
    "jobindex explain Billund                       # the benchmark (real) and the index (demo data)",
    "jobindex explain Esbjerg --kind index --period 2024K4",
    "jobindex explain Gladsaxe --covariates default  # what drives Gladsaxe's expected value",
  ]);
  cmd.action(async (unit: string, flags: ExplainFlags) => {
    const kinds = await kindsToExplain(flags);
    const explanations = [];
    for (const kind of kinds) explanations.push({ kind, ...(await explainOne(kind, unit, flags)) });
    if (flags.format === "json") {
      const data = Object.fromEntries(explanations.map((e) => [e.kind, e.data]));
      process.stdout.write(`${JSON.stringify({ command: "explain", unit, ...data }, null, 2)}\n`);
      return;
    }
    const blocks = explanations.map((e) =>
      [kinds.length > 1 ? `${e.kind === "benchmark" ? "Benchmark" : "Index"}:` : "", ...e.lines]
        .filter((line) => line !== "")
        .join("\n"),
    );
    process.stdout.write(`${blocks.join("\n\n")}\n`);
  });
}
