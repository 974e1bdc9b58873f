/**
 * The command line: parse arguments → run → report → exit code. The work happens in the
 * library (src/index.ts); this file only wires commander to it and turns errors into
 * one-line messages and exit codes (0 ok, 1 check failed, 2 bad usage or input).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { InputError, setWarningSink, UsageError } from "../diagnostics.js";
import { isLang, langFromEnv, t, useLang } from "../i18n/index.js";
import { registerAudit } from "./commands/audit.js";
import { registerBenchmark } from "./commands/benchmark.js";
import { registerCheck } from "./commands/check.js";
import { registerContinuity } from "./commands/continuity.js";
import { registerExplain } from "./commands/explain.js";
import { registerFetch } from "./commands/fetch.js";
import { registerIndex } from "./commands/index.js";
import { registerSurvey } from "./commands/survey.js";
import { diagnosticLine, translateUsage } from "./messages.js";
import { addOptions, withExamples } from "./options.js";
import { type Progress, startProgress } from "./progress.js";

/** The spinner of the running command; stopped after the action or on an error. */
let progress: Progress | undefined;

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

setWarningSink((d) => process.stderr.write(`${diagnosticLine(d)}\n`));

/** `error: …` lines of commander with ` [E_USAGE]` at the end, as the project's usage errors. */
export function withUsageCode(text: string): string {
  const end = text.indexOf("\n");
  const first = end < 0 ? text : text.slice(0, end);
  if (!first.startsWith("error: ") || /\[E_[A-Z0-9_]+\]$/.test(first)) return text;
  return `${first} [E_USAGE]${end < 0 ? "" : text.slice(end)}`;
}

export function buildProgram(): Command {
  const program = new Command("jobindex")
    .description(
      "Benchmark Danish jobcentres: an FH-style jobcentre index and STAR's expected-vs-actual benchmark.",
    )
    .version(pkg.version, "-V, --version")
    .showSuggestionAfterError(true)
    // Descriptions come whole from the option table, choices and default included.
    .configureHelp({ optionDescription: (option) => option.description })
    // Commander's own usage errors (an unknown option, a choice not allowed) get the code
    // every other usage error has; subcommands inherit this when they are created.
    .configureOutput({ outputError: (text, write) => write(withUsageCode(text)) })
    .exitOverride();
  // --lang is the program's, so it reads the same before or after the command's name.
  addOptions(program, "jobindex", ["debug", "lang"]);
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

/**
 * The run's language: `--lang` (read before commander, so its own messages and every
 * error are in it too), else the locale. A bad value is left to commander to refuse.
 */
function chooseLang(argv: readonly string[]): void {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const given = at < 0 ? undefined : argv[at]?.includes("=") ? argv[at]?.slice(7) : argv[at + 1];
  useLang(isLang(given) ? given : langFromEnv(process.env));
}

export async function main(argv: string[]): Promise<number> {
  chooseLang(argv);
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
    for (const d of error.diagnostics) process.stderr.write(`${diagnosticLine(d)}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${t("cli.error")}: ${translateUsage(error.message)}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${t("cli.error")}: ${t("cli.internal")}: ${message}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`${t("cli.bug_hint")}\n`);
  return 2;
}
