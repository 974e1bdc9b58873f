/**
 * Every option shared by several commands is declared once here, with its help text,
 * so help, README and behaviour cannot drift apart.
 */
import { type Command, Option } from "commander";
import { UsageError } from "../diagnostics.js";

export const FORMATS = ["table", "json", "csv", "md", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format: Format;
  out?: string;
  locale: "en" | "da";
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option(
      "-i, --input <file>",
      "input extract (csv, json, jsonl, StatBank bulk csv); repeatable. Default: the data shipped in data/",
      collect,
      [],
    )
    .option(
      "-p, --period <period>",
      "period: 2019K4, 2019Q4, 2021QMAT04, 2024M06, 2022 (default: latest)",
    );
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("-f, --format <format>", "output format").choices([...FORMATS]).default("table"),
    )
    .option("-o, --out <file>", "write to FILE (atomically; never overwrites an input)")
    .addOption(
      new Option("--locale <locale>", "csv number style: en (, and .) or da (; and decimal comma)")
        .choices(["en", "da"])
        .default("en"),
    );
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

/** Adds a runnable example block to a command's --help. */
export function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`);
}
