/**
 * The command line: parse arguments → run → report → exit code. The work happens in the
 * library (src/index.ts); this file only wires commander to it and turns errors into
 * one-line messages and exit codes (0 ok, 1 check failed, 2 bad usage or input).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { formatDiagnostic, InputError, setWarningSink, UsageError } from "../diagnostics.js";
import { registerAudit } from "./commands/audit.js";
import { registerBenchmark } from "./commands/benchmark.js";
import { registerCheck } from "./commands/check.js";
import { registerContinuity } from "./commands/continuity.js";
import { registerExplain } from "./commands/explain.js";
import { registerFetch } from "./commands/fetch.js";
import { registerIndex } from "./commands/index.js";
import { registerSurvey } from "./commands/survey.js";
import { addOptions, withExamples } from "./options.js";
import { type Progress, startProgress } from "./progress.js";

/** The spinner of the running command; stopped after the action or on an error. */
let progress: Progress | undefined;

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

setWarningSink((d) => process.stderr.write(`${formatDiagnostic(d)}\n`));

export function buildProgram(): Command {
  const program = new Command("jobindex")
    .description(
      "Benchmark Danish jobcentres: an FH-style jobcentre index and STAR's expected-vs-actual benchmark.",
    )
    .version(pkg.version, "-V, --version")
    .showSuggestionAfterError(true)
    // Descriptions come whole from the option table, choices and default included.
    .configureHelp({ optionDescription: (option) => option.description })
    .exitOverride();
  addOptions(program, "jobindex", ["debug"]);
  withExamples(program, "jobindex");
  program.hook("preAction", (_program, action) => {
    progress = startProgress(`jobindex ${action.name()}`);
  });
  program.hook("postAction", () => progress?.stop());
  registerIndex(program);
  registerBenchmark(program);
  registerExplain(program);
  registerCheck(program);
  registerFetch(program);
  registerSurvey(program);
  registerContinuity(program);
  registerAudit(program);
  return program;
}

/**
 * Errors writing standard output, which arrive after the command has returned. A reader
 * that stops early (`jobindex index | head -1`) closes the pipe: not an error, exit 0
 * quietly, as other Unix tools do. Anything else (a full disk, `> /dev/full`) is one line
 * on stderr and exit 2, never a stack trace.
 */
export function handleStdoutErrors(stdout: NodeJS.WriteStream): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    const why = error.code === "ENOSPC" ? "no space left on the device" : error.message;
    process.stderr.write(`error: cannot write standard output: ${why} [E_STDOUT_WRITE]\n`);
    process.exit(2);
  });
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    progress?.stop();
    return reportError(error, debug);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or help/version).
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return 0;
    return 2;
  }
  if (error instanceof InputError) {
    for (const d of error.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: internal error: ${message}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write("Run again with --debug for a stack trace, and report it as a bug.\n");
  return 2;
}
