import type { Command } from "commander";
import { UsageError } from "../../diagnostics.js";

// Placeholder: the explain command is being built (see the issue for it).
export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("explain (not built yet)")
    .allowUnknownOption(true)
    .action(() => {
      throw new UsageError("explain is not built yet");
    });
}
