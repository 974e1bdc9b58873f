/**
 * `jobindex continuity`: caseworker changes per unit and quarter (METHOD.md H). Flags →
 * options → runContinuity → reporter; `--format index-input` writes the counts an index
 * profile can take as columns.
 */
import type { Command } from "commander";
import { addOptions, outputOptions, withExamples } from "../options.js";
import { assertNotAnInput, emit, writeAtomically } from "../output.js";
import { standardOutput } from "../stdio.js";

interface ContinuityFlags {
  input?: string[];
  period?: string;
  unit: "jobcentre" | "municipality";
  format?: string;
  decimalMark?: "," | ".";
  sheet?: string;
  [key: string]: unknown;
}

export function registerContinuity(program: Command): void {
  const cmd = program
    .command("continuity")
    .description(
      "caseworker changes per 100 citizens and the share of citizens with a change, per unit and quarter, from a pseudonymised meeting log; without --input, on a synthetic demo log",
    );
  addOptions(cmd, "continuity", [
    "input",
    "period",
    "unit",
    "decimal-mark",
    "sheet",
    "format",
    "out",
    "locale",
  ]);
  withExamples(cmd, "continuity");
  cmd.action(async (flags: ContinuityFlags) => {
    const { runContinuity } = await import("../../pipeline/continuity/run.js");
    const inputs = flags.input ?? [];
    if (inputs.length > 1) {
      const { UsageError } = await import("../../diagnostics.js");
      throw new UsageError("continuity reads one meeting log: give --input once");
    }
    // The index pools municipalities itself, so its input is per municipality.
    const indexInput = flags.format === "index-input";
    const { document, run } = await runContinuity({
      ...(inputs[0] !== undefined ? { input: inputs[0] } : {}),
      unit: indexInput ? "municipality" : flags.unit,
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    });
    const output = outputOptions(flags);
    if (indexInput) {
      const { indexInputCsv } = await import("../../pipeline/continuity/index-input.js");
      const text = indexInputCsv(run);
      if (output.out === undefined) standardOutput.write(text);
      else {
        assertNotAnInput(output.out, inputs);
        writeAtomically(output.out, text);
      }
      return;
    }
    await emit(document, output, inputs, standardOutput);
  });
}
