/**
 * `jobindex survey`: a business-service survey per unit and area (METHOD.md G). Flags →
 * options → runSurvey → reporter. `--explain UNIT` prints one unit's results in
 * sentences; `--format index-input` writes the counts the `quality` profile ranks.
 */
import type { Command } from "commander";
import { addOptions, outputOptions, withExamples } from "../options.js";
import { emit } from "../output.js";
import { standardOutput } from "../stdio.js";

interface SurveyFlags {
  input?: string;
  questions?: string;
  unit: string;
  only?: string;
  period?: string;
  explain?: string;
  format: string;
  out?: string;
  decimalMark?: "," | ".";
  sheet?: string;
  [key: string]: unknown;
}

export function registerSurvey(program: Command): void {
  const cmd = program
    .command("survey")
    .description(
      "a business-service survey per jobcentre and area: n, mean, satisfied share with its Wilson interval, ranks; without --input, on the SYNTHETIC demo export",
    );
  addOptions(cmd, "survey", [
    "input",
    "questions",
    "unit",
    "only",
    "period",
    "explain",
    "decimal-mark",
    "sheet",
    "format",
    "out",
    "locale",
  ]);
  withExamples(cmd, "survey");
  cmd.action(async (flags: SurveyFlags) => {
    const { runSurvey } = await import("../../pipeline/survey/run.js");
    const indexInput = flags.format === "index-input";
    const { document } = await runSurvey({
      ...(flags.input !== undefined ? { input: flags.input } : {}),
      ...(flags.questions !== undefined ? { questions: flags.questions } : {}),
      unit: flags.unit,
      ...(flags.only !== undefined ? { only: flags.only } : {}),
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      ...(flags.explain !== undefined ? { explain: flags.explain } : {}),
      indexInput,
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    });
    const output = outputOptions({ ...flags, format: indexInput ? "csv" : flags.format });
    const inputs = [flags.input, flags.questions].filter((x): x is string => x !== undefined);
    if (flags.explain !== undefined && !indexInput) {
      await emit(
        document,
        { ...output, format: flags.format === "json" ? "json" : "text" },
        inputs,
        standardOutput,
      );
      return;
    }
    await emit(document, output, inputs, standardOutput);
  });
}
