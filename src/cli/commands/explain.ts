/**
 * `jobindex explain UNIT`: why a jobcentre or municipality lands where it does, in
 * sentences a journalist can quote. It explains the benchmark, the index, or both:
 * `--kind` chooses; by default the flags and the input decide (model/group flags or a
 * Y30R21-like extract → benchmark; method/unit flags or a counts extract → index); with
 * no input and no such flag, both are explained on the shipped data.
 */
import type { Command } from "commander";
import { EXPLAIN_UNCERTAINTY_RUNS } from "../../pipeline/explain/options.js";
import { addOptions, numberOption, withExamples } from "../options.js";
import { emit } from "../output.js";
import { standardOutput } from "../stdio.js";

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
  /** WLS weights (`--wls`). */
  wls?: "population";
  loo?: boolean;
  uncertainty: string;
  seed?: string;
  distinguish?: "prediction" | "bootstrap";
  peers?: string;
  decimalMark?: "," | ".";
  sheet?: string;
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
  addOptions(cmd, "explain", [
    "input",
    "period",
    "kind",
    "format",
    "unit",
    "method",
    "missing",
    "group",
    "covariates",
    "covariate-data",
    "wls",
    "loo",
    "uncertainty",
    "seed",
    "distinguish",
    "peers",
    "decimal-mark",
    "sheet",
  ]);
  withExamples(cmd, "explain");
  cmd.action(async (unit: string, flags: ExplainFlags) => {
    const { runExplain } = await import("../../pipeline/explain/run.js");
    const uncertainty = numberOption("--uncertainty", flags.uncertainty);
    const seed = numberOption("--seed", flags.seed);
    const peers = numberOption("--peers", flags.peers);
    const { document, filesRead } = await runExplain({
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
      ...(flags.wls !== undefined ? { weights: flags.wls } : {}),
      ...(flags.loo === true ? { loo: true } : {}),
      ...(uncertainty !== undefined ? { uncertainty } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(flags.distinguish !== undefined ? { distinguish: flags.distinguish } : {}),
      ...(peers !== undefined ? { peers } : {}),
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    });
    await emit(
      document,
      { format: flags.format === "json" ? "json" : "text", locale: "en" },
      filesRead,
      standardOutput,
    );
  });
}
