import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Command, CommanderError, Option } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { type CommandName, EXAMPLES, OPTIONS, optionFor } from "../../src/cli/option-table.js";
import { describeOption } from "../../src/cli/options.js";
import { buildProgram } from "../../src/cli/program.js";
import {
  markers,
  optionSections,
  optionsTable,
  staleOptionSections,
  withOptionSections,
} from "../../src/cli/readme-options.js";
import { DEFAULT_SEED } from "../../src/uncertainty/random.js";

const root = join(import.meta.dirname, "..", "..");
const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const commandNames = [
  "index",
  "benchmark",
  "explain",
  "check",
  "survey",
  "continuity",
  "audit",
] as const;
/** `fetch` has subcommands only; each has its own README block. */
const fetchSections = ["fetch-jobindsats", "fetch-statbank", "fetch-recipe"];

function subcommand(program: Command, name: string): Command {
  const cmd = program.commands.find((c) => c.name() === name);
  if (cmd === undefined) throw new Error(`no command ${name}`);
  return cmd;
}

/** Parses a command line without printing; resolves to commander's error code, or "ok". */
async function parseCode(argv: string[]): Promise<string> {
  const program = buildProgram();
  for (const cmd of [program, ...program.commands]) {
    cmd.configureOutput({ writeErr: () => {}, writeOut: () => {} }).exitOverride();
    cmd.action(() => {});
  }
  try {
    await program.parseAsync(["node", "jobindex", ...argv]);
    return "ok";
  } catch (error) {
    if (error instanceof CommanderError) return error.code;
    throw error;
  }
}

describe("README option lists", () => {
  it("are what the option table makes (run `npm run readme` after changing an option)", () => {
    const sections = optionSections(buildProgram());
    expect([...sections.keys()].sort()).toEqual(
      [...commandNames, ...fetchSections, "jobindex"].sort(),
    );
    expect(staleOptionSections(readme, sections)).toEqual([]);
  });

  it("a hand edit inside a block is found, and rewriting restores it", () => {
    const sections = optionSections(buildProgram());
    const edited = readme.replace(
      "| `--wls <weights>` | weighted",
      "| `--wls <weights>` | WEIGHTED",
    );
    expect(edited).not.toBe(readme);
    expect(staleOptionSections(edited, sections)).toEqual(["benchmark"]);
    expect(withOptionSections(edited, sections)).toBe(readme);
  });

  it("a missing block is an error that names the markers to add", () => {
    const { begin } = markers("check");
    const without = readme.replace(begin, "");
    expect(() => withOptionSections(without, optionSections(buildProgram()))).toThrow(
      /README.md has no block for 'check'/,
    );
  });

  it("an option added outside the table is refused", () => {
    const program = buildProgram();
    const cmd = subcommand(program, "index");
    cmd.addOption(new Option("--stray <x>", "not in the table"));
    expect(() => optionsTable(cmd, "index")).toThrow(
      /--stray <x> is not in src\/cli\/option-table/,
    );
  });

  const script = join(root, "scripts", "readme-options.mjs");
  const built = existsSync(join(root, "dist", "cli", "readme-options.js"));
  const dir = mkdtempSync(join(tmpdir(), "jobindex-readme-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!built)(
    "scripts/readme-options.mjs --check passes on README.md, fails on drift",
    () => {
      const current = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
      expect(current.stderr).toBe("");
      expect(current.status).toBe(0);

      const copy = join(dir, "README.md");
      writeFileSync(copy, readme.replace("relative tolerance for numbers |", "tolerance |"));
      const drift = spawnSync(process.execPath, [script, "--check", "--readme", copy], {
        encoding: "utf8",
      });
      expect(drift.status).toBe(1);
      expect(drift.stderr).toMatch(/option lists out of date: check/);

      const rewrite = spawnSync(process.execPath, [script, "--readme", copy], { encoding: "utf8" });
      expect(rewrite.status).toBe(0);
      expect(readFileSync(copy, "utf8")).toBe(readme);
    },
  );
});

describe("the option table", () => {
  it("every option in it is taken by some command, and every command's help shows its own", () => {
    const program = buildProgram();
    const taken = new Set<string>(program.options.map((o) => o.long ?? ""));
    const commands: Array<[Command, CommandName]> = [
      ...commandNames.map((name): [Command, CommandName] => [subcommand(program, name), name]),
      ...subcommand(program, "fetch").commands.map((c): [Command, CommandName] => [c, "fetch"]),
    ];
    for (const [cmd, name] of commands) {
      const help = cmd.helpInformation().replace(/\s+/g, " ");
      for (const option of cmd.options) {
        taken.add(option.long ?? "");
        const key = (option.long ?? "").replace(/^--/, "") as keyof typeof OPTIONS;
        expect(help).toContain(describeOption(optionFor(key, name)).replace(/\s+/g, " "));
      }
    }
    for (const name of Object.keys(OPTIONS)) expect(taken).toContain(`--${name}`);
  });

  it("the --seed default is DEFAULT_SEED, typed nowhere else", () => {
    for (const name of ["index", "benchmark", "explain"] as const) {
      expect(describeOption(optionFor("seed", name))).toContain(`default: ${DEFAULT_SEED})`);
    }
    const help = subcommand(buildProgram(), "benchmark").helpInformation();
    expect(help).toContain(String(DEFAULT_SEED));
  });

  it("--weights is the index's indicator weights; the benchmark's WLS is --wls", async () => {
    expect(await parseCode(["index", "--weights", "upskilling_share=1"])).toBe("ok");
    expect(await parseCode(["benchmark", "--weights", "population"])).toBe(
      "commander.unknownOption",
    );
    expect(await parseCode(["explain", "Billund", "--weights", "population"])).toBe(
      "commander.unknownOption",
    );
    expect(await parseCode(["benchmark", "--wls", "population"])).toBe("ok");
    expect(await parseCode(["benchmark", "--wls", "people"])).toBe("commander.invalidArgument");
    expect(await parseCode(["explain", "Billund", "--wls", "population"])).toBe("ok");
  });

  it("a repeatable option collects its values; defaults and choices apply per command", async () => {
    const program = buildProgram();
    const benchmark = subcommand(program, "benchmark");
    benchmark.action(() => {});
    await program.parseAsync([
      "node",
      "jobindex",
      "benchmark",
      "--covariate-data",
      "a",
      "--covariate-data",
      "b",
    ]);
    expect(benchmark.opts()).toMatchObject({
      covariateData: ["a", "b"],
      input: [],
      group: "Ydelsesgrupper i alt",
      format: "table",
      locale: "en",
    });
    // In explain, an index or benchmark flag chooses what is explained: no default applied.
    const explain = subcommand(program, "explain");
    expect(explain.options.find((o) => o.long === "--group")?.defaultValue).toBeUndefined();
    expect(explain.options.find((o) => o.long === "--format")?.argChoices).toEqual([
      "text",
      "json",
    ]);
    expect(await parseCode(["explain", "Billund", "--format", "csv"])).toBe(
      "commander.invalidArgument",
    );
  });

  it("every command has examples, each a jobindex command line", () => {
    for (const [command, examples] of Object.entries(EXAMPLES)) {
      expect(examples.length, command).toBeGreaterThan(0);
      for (const example of examples) expect(example).toMatch(/^jobindex /);
    }
  });
});
