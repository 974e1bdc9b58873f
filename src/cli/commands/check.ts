import type { Command } from "commander";
import { addOptions, numberOption, withExamples } from "../options.js";
import { emit } from "../output.js";
import { standardOutput } from "../stdio.js";

interface CheckFlags {
  golden: string;
  input: string[];
  tolerance?: string;
  format: "table" | "json" | "junit";
  out?: string;
}

export function registerCheck(program: Command): void {
  const cmd = program
    .command("check")
    .description(
      "recompute an earlier --format json result and compare: ranks exactly, numbers to a relative tolerance (exit 1 on any change)",
    );
  addOptions(cmd, "check", ["golden", "input", "tolerance", "format", "out"]);
  withExamples(cmd, "check");
  cmd.action(async (flags: CheckFlags) => {
    const { runCheck } = await import("../../pipeline/check/run.js");
    const tolerance = numberOption("--tolerance", flags.tolerance);
    const { document, exitCode, filesRead } = await runCheck({
      golden: flags.golden,
      inputs: flags.input,
      ...(tolerance !== undefined ? { tolerance } : {}),
    });
    const format = flags.format === "table" ? "text" : flags.format;
    await emit(
      document,
      { format, locale: "en", ...(flags.out !== undefined ? { out: flags.out } : {}) },
      filesRead,
      standardOutput,
    );
    if (exitCode !== 0) process.exitCode = exitCode;
  });
}
