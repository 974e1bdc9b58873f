/**
 * Re-runs a command from the `options` a JSON result recorded: what `check` needs.
 * The run modules are imported on demand so each command loads only its own code.
 */
import { UsageError } from "../../diagnostics.js";
import type { ReportDocument } from "../../report/types.js";

export interface CommandRun {
  document: ReportDocument;
  exitCode: 0 | 1;
}

export async function rerun(options: Record<string, unknown>): Promise<CommandRun> {
  switch (options.command) {
    case "index": {
      const { runIndex } = await import("../index/run.js");
      return runIndex(options as unknown as Parameters<typeof runIndex>[0]);
    }
    case "benchmark": {
      const { runBenchmark } = await import("../benchmark/run.js");
      return runBenchmark(options as unknown as Parameters<typeof runBenchmark>[0]);
    }
    case "audit": {
      const { runAudit } = await import("../audit/run.js");
      return runAudit(options as unknown as Parameters<typeof runAudit>[0]);
    }
    default:
      throw new UsageError(
        `the golden file records no command this version can re-run (options.command = ${JSON.stringify(options.command)})`,
      );
  }
}
