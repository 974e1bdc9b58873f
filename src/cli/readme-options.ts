/**
 * The README's option lists, made from the option table as the program registers it:
 * one markdown table per command between marker comments. scripts/readme-options.mjs
 * rewrites them (`npm run readme`) or, with `--check`, fails when they differ; a test
 * runs the same check in `npm test`.
 */
import type { Command } from "commander";
import { type CommandName, OPTIONS, type OptionName, optionFor } from "./option-table.js";

/** Options commander adds by itself; every other option must come from the table. */
const BUILT_IN = new Set(["--help", "--version"]);

/** The marker comments around a generated block in README.md. */
export function markers(section: string): { begin: string; end: string } {
  return {
    begin: `<!-- options:${section}:begin (generated from src/cli/option-table.ts by \`npm run readme\`; edit there) -->`,
    end: `<!-- options:${section}:end -->`,
  };
}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** Text safe in a markdown table cell: no column break, no stray emphasis. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("*", "\\*");
}

function row(flags: string, name: OptionName, command: CommandName): string {
  const spec = optionFor(name, command);
  const notes = [
    ...(spec.choices !== undefined
      ? [`one of ${spec.choices.map((c) => `\`${c}\``).join(", ")}`]
      : []),
    ...(spec.repeatable === true ? ["repeatable"] : []),
    ...(spec.required === true ? ["required"] : []),
  ];
  const description = [spec.description, ...notes].join("; ");
  // Applied or left to the analysis, the user sees the same default: no distinction here.
  const shown = spec.default ?? spec.shownDefault ?? "";
  return `| \`${cell(flags)}\` | ${cell(description)} | ${cell(shown)} |`;
}

/** The markdown table of one command's options, in its help's order. */
export function optionsTable(cmd: Command, command: CommandName): string {
  const rows = cmd.options
    .filter((option) => option.long === undefined || !BUILT_IN.has(option.long))
    .map((option) => {
      const name = option.long?.replace(/^--/, "") ?? "";
      if (!isOptionName(name)) {
        throw new Error(`${command}: option ${option.flags} is not in src/cli/option-table.ts`);
      }
      return row(option.flags, name, command);
    });
  return ["| Option | What it does | Default |", "|---|---|---|", ...rows].join("\n");
}

/** Every generated block: the program's global options and each command's. */
export function optionSections(program: Command): Map<string, string> {
  const sections = new Map<string, string>([["jobindex", optionsTable(program, "jobindex")]]);
  for (const cmd of program.commands) {
    if (cmd.commands.length === 0 || cmd.options.length > 1) {
      sections.set(cmd.name(), optionsTable(cmd, cmd.name() as CommandName));
    }
    // Subcommands (`fetch jobindsats`) take their wording from their parent's name.
    for (const sub of cmd.commands) {
      sections.set(`${cmd.name()}-${sub.name()}`, optionsTable(sub, cmd.name() as CommandName));
    }
  }
  return sections;
}

/** The README with each block between its markers replaced; throws on a missing marker. */
export function withOptionSections(readme: string, sections: Map<string, string>): string {
  let text = readme;
  for (const [section, table] of sections) {
    const { begin, end } = markers(section);
    const from = text.indexOf(begin);
    const to = text.indexOf(end, from);
    if (from < 0 || to < 0) {
      throw new Error(`README.md has no block for '${section}': add the lines\n${begin}\n${end}`);
    }
    text = `${text.slice(0, from + begin.length)}\n\n${table}\n\n${text.slice(to)}`;
  }
  return text;
}

/** The sections whose README block differs from what the table makes. */
export function staleOptionSections(readme: string, sections: Map<string, string>): string[] {
  return [...sections.keys()].filter((section) => {
    const one = new Map([[section, sections.get(section) ?? ""]]);
    return withOptionSections(readme, one) !== readme;
  });
}
