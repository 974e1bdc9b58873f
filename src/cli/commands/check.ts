import type { Command } from "commander";
import { UsageError } from "../../diagnostics.js";

// Placeholder: the check command is being built (see the issue for it).
export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check (not built yet)")
    .allowUnknownOption(true)
    .action(() => {
      throw new UsageError("check is not built yet");
    });
}
