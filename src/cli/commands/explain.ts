/**
 * `jobindex explain UNIT`: why a jobcentre or municipality lands where it does, in
 * sentences a journalist can quote. It explains the benchmark, the index, or both:
 * `--kind` chooses; by default the flags and the input decide (model/group flags or a
 * Y30R21-like extract → benchmark; method/unit flags or a counts extract → index); with
 * no input and no such flag, both are explained on the shipped data.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { EXPLAIN_UNCERTAINTY_RUNS } from "../../pipeline/explain/options.js";
import { addInputOptions, numberOption, withExamples } from "../options.js";
import { emit } from "../output.js";

export { EXPLAIN_UNCERTAINTY_RUNS };

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
    const { runExplain } = await import("../../pipeline/explain/run.js");
    const uncertainty = numberOption("--uncertainty", flags.uncertainty);
    const seed = numberOption("--seed", flags.seed);
    const { document } = await runExplain({
      unit,
      kind: flags.kind,
      inputs: flags.input,
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      ...(flags.unit !== undefined ? { unitKind: flags.unit } : {}),
      ...(flags.method !== undefined ? { method: flags.method } : {}),
      ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
      ...(flags.group !== undefined ? { group: flags.group } : {}),
      ...(flags.covariates !== undefined ? { covariates: flags.covariates } : {}),
      covariateData: flags.covariateData,
      ...(flags.weights !== undefined ? { weights: flags.weights } : {}),
      ...(flags.loo === true ? { loo: true } : {}),
      ...(uncertainty !== undefined ? { uncertainty } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(flags.distinguish !== undefined ? { distinguish: flags.distinguish } : {}),
    });
    await emit(
      document,
      { format: flags.format === "json" ? "json" : "text", locale: "en" },
      [],
      process.stdout,
    );
  });
}
