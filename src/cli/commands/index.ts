import type { Command } from "commander";
import { UsageError } from "../../diagnostics.js";

// Placeholder: the index command is being built (see the issue for it).
export function registerIndex(program: Command): void {
  program
    .command("index")
    .description("index (not built yet)")
    .allowUnknownOption(true)
    .action(() => {
      throw new UsageError("index is not built yet");
    });
}
