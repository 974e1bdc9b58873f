/**
 * Turns the option table (option-table.ts) into commander options, and the parsed flags
 * into the options the library takes. A command names the options it takes; their
 * flags, wording, defaults and choices come from the table only.
 */
import { type Command, Option } from "commander";
import { UsageError } from "../diagnostics.js";
import {
  type CommandName,
  EXAMPLES,
  FORMATS,
  flagsOf,
  type OptionName,
  type OptionSpec,
  optionFor,
} from "./option-table.js";

export { FORMATS };
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format: Format;
  out?: string;
  locale: "en" | "da";
}

/** Commander's parser for a repeatable option: each value is appended to the list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The description as help and the README show it: the table's wording, then its choices,
 * default and repetition (commander's own suffix is switched off in `program.ts`).
 */
export function describeOption(spec: OptionSpec): string {
  const notes: string[] = [];
  if (spec.choices !== undefined) notes.push(`choices: ${spec.choices.join(", ")}`);
  const shown = spec.default ?? spec.shownDefault;
  if (shown !== undefined) notes.push(`default: ${shown}`);
  if (spec.repeatable === true) notes.push("repeatable");
  if (spec.required === true) notes.push("required");
  return notes.length > 0 ? `${spec.description} (${notes.join("; ")})` : spec.description;
}

/** The commander option for `name` as `command` takes it. */
export function commanderOption(name: OptionName, command: CommandName): Option {
  const spec = optionFor(name, command);
  const option = new Option(flagsOf(name), describeOption(spec));
  if (spec.choices !== undefined) option.choices([...spec.choices]);
  if (spec.repeatable === true) option.argParser(collect).default([]);
  else if (spec.default !== undefined) option.default(spec.default);
  if (spec.required === true) option.makeOptionMandatory();
  return option;
}

/** Adds the named options of the table to `cmd`, in the order given. */
export function addOptions(
  cmd: Command,
  command: CommandName,
  names: readonly OptionName[],
): Command {
  for (const name of names) cmd.addOption(commanderOption(name, command));
  return cmd;
}

export function outputOptions(opts: Record<string, unknown>): OutputOptions {
  return {
    format: (opts.format as Format | undefined) ?? "table",
    ...(typeof opts.out === "string" ? { out: opts.out } : {}),
    locale: opts.locale === "da" ? "da" : "en",
  };
}

/** Parses a number flag, refusing anything that is not a finite number. */
export function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`${name} expects a number, got '${text}'`);
  return n;
}

/** `{ [key]: n }` for a given number flag, `{}` when absent; ranges are checked by the analysis. */
export function numberField<K extends string>(
  flag: string,
  key: K,
  text: string | undefined,
): Partial<Record<K, number>> {
  const n = numberOption(flag, text);
  return n === undefined ? {} : ({ [key]: n } as Partial<Record<K, number>>);
}

/** Adds the command's runnable examples (from the table) to its --help. */
export function withExamples(cmd: Command, command: CommandName): Command {
  const lines = EXAMPLES[command].map((e) => `  $ ${e}`).join("\n");
  return cmd.addHelpText("after", `\nExamples:\n${lines}\n`);
}
