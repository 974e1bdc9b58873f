import type { Command } from "commander";
import { numberOption, withExamples } from "../options.js";
import { emit } from "../output.js";

interface CheckFlags {
  golden: string;
  input: string[];
  tolerance?: string;
}

export function registerCheck(program: Command): void {
  const cmd = program
    .command("check")
    .description(
      "recompute an earlier --format json result and compare: ranks exactly, numbers to a relative tolerance (exit 1 on any change)",
    )
    .requiredOption("-g, --golden <file>", "an earlier `--format json` output")
    .option(
      "-i, --input <file>",
      "recompute on this input instead of the recorded one; repeatable",
      (v: string, p: string[] = []) => [...p, v],
      [],
    )
    .option("-t, --tolerance <relative>", "relative tolerance for numbers", "1e-9");
  withExamples(cmd, [
    "jobindex benchmark --format json --out golden.json",
    "jobindex check --golden golden.json",
    "jobindex check --golden fixtures/golden/benchmark-2021QMAT04.json --tolerance 1e-6",
  ]);
  cmd.action(async (flags: CheckFlags) => {
    const { runCheck } = await import("../../pipeline/check/run.js");
    const tolerance = numberOption("--tolerance", flags.tolerance);
    const { document, exitCode } = await runCheck({
      golden: flags.golden,
      inputs: flags.input,
      ...(tolerance !== undefined ? { tolerance } : {}),
    });
    await emit(document, { format: "text", locale: "en" }, [], process.stdout);
    if (exitCode !== 0) process.exitCode = exitCode;
  });
}
