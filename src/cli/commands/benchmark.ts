import type { Command } from "commander";
import { UsageError } from "../../diagnostics.js";

// Placeholder: the benchmark command is being built (see the issue for it).
export function registerBenchmark(program: Command): void {
  program
    .command("benchmark")
    .description("benchmark (not built yet)")
    .allowUnknownOption(true)
    .action(() => {
      throw new UsageError("benchmark is not built yet");
    });
}
