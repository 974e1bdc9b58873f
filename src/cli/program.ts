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
import { standardOutput, writeStderr } from "./stdio.js";

/** The spinner of the running command; stopped after the action or on an error. */
let progress: Progress | undefined;

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

setWarningSink((d) => writeStderr(`${diagnosticLine(d)}\n`));

/** `error: …` lines of commander with ` [E_USAGE]` at the end, as the project's usage errors. */
export function withUsageCode(text: string): string {
  const end = text.indexOf("\n");
  const first = end < 0 ? text : text.slice(0, end);
  if (!first.startsWith("error: ") || /\[E_[A-Z0-9_]+\]$/.test(first)) return text;
  return `${first} [E_USAGE]${end < 0 ? "" : text.slice(end)}`;
}

/** Each command's name and what adds it (with its options) to the program. */
const COMMANDS: ReadonlyArray<readonly [string, (program: Command) => void]> = [
  ["index", registerIndex],
  ["benchmark", registerBenchmark],
  ["explain", registerExplain],
  ["check", registerCheck],
  ["fetch", registerFetch],
  ["survey", registerSurvey],
  ["continuity", registerContinuity],
  ["audit", registerAudit],
];

/**
 * The command a command line runs, when its first word that is not a program option
 * (`--debug`, `--lang X`) names one; undefined otherwise (`--help`, `help index`, a
 * misspelt command, none at all), when the program needs every command for its help and
 * suggestions.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === "--debug" || word.startsWith("--lang=")) continue;
    if (word === "--lang") {
      i++;
      continue;
    }
    return COMMANDS.some(([name]) => name === word) ? word : undefined;
  }
  return undefined;
}

/**
 * The program with every command, or with `only` that one: building a command's options
 * costs a run that uses another command start-up time, and the parse, the help of that
 * command and its errors are the same without the others.
 */
export function buildProgram(only?: string): Command {
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
    .configureOutput({
      outputError: (text, write) => write(withUsageCode(text)),
      // Help, the version and errors through the project's writers (stdio.ts).
      writeOut: (text) => standardOutput.write(text),
      writeErr: (text) => writeStderr(text),
    })
    .exitOverride();
  // --lang is the program's, so it reads the same before or after the command's name.
  addOptions(program, "jobindex", ["debug", "lang"]);
  withExamples(program, "jobindex");
  program.hook("preAction", (_program, action) => {
    progress = startProgress(`jobindex ${action.name()}`);
  });
  program.hook("postAction", () => progress?.stop());
  for (const [name, register] of COMMANDS)
    if (only === undefined || name === only) register(program);
  return program;
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
  const program = buildProgram(commandOf(argv));
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
    for (const d of error.diagnostics) writeStderr(`${diagnosticLine(d)}\n`);
    if (debug) writeStderr(`${error.stack}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    writeStderr(`${t("cli.error")}: ${translateUsage(error.message)}\n`);
    if (debug) writeStderr(`${error.stack}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  writeStderr(`${t("cli.error")}: ${t("cli.internal")}: ${message}\n`);
  if (debug && error instanceof Error) writeStderr(`${error.stack}\n`);
  else writeStderr(`${t("cli.bug_hint")}\n`);
  return 2;
}
