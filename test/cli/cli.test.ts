/**
 * End-to-end: the built binary as a user meets it. Help that shows a runnable example,
 * --version, exit codes with one-line causes and no stack traces, --out that never
 * clobbers an input or leaves a partial file, and no escape codes when piped.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ANSI,
  commandIsBuilt,
  ensureBuilt,
  root,
  runCli,
  STACK_FRAME,
  stderrLines,
  tempDir,
} from "./helpers.js";

ensureBuilt();
const COMMANDS = ["index", "benchmark", "explain", "check"] as const;
const built = new Map<string, boolean>();
for (const command of COMMANDS) built.set(command, await commandIsBuilt(command));
const shippedExtract = join(root, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl");
const work = tempDir("cli");

/** Each `$ jobindex …` example line's first command, in order. */
function exampleCommands(help: string): string[][] {
  return help
    .split("\n")
    .filter((l) => /^\s*\$ jobindex\b/.test(l))
    .map((l) => firstExampleCommand(l))
    .filter((words): words is string[] => words !== undefined);
}

/** `$ jobindex a "b c" # note` → the first command's arguments: ["a", "b c"]. */
function firstExampleCommand(help: string): string[] | undefined {
  const line = help.split("\n").find((l) => /^\s*\$ jobindex\b/.test(l));
  if (line === undefined) return undefined;
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  let started = false;
  for (const ch of line.replace(/^\s*\$\s*/, "")) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === "#" && !started) break;
    else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = "";
      started = false;
    } else {
      word += ch;
      started = true;
    }
    // A chained second command is not part of the first.
    if (words.at(-1) === "&&") {
      words.pop();
      break;
    }
  }
  if (started) words.push(word);
  return words[0] === "jobindex" ? words.slice(1) : undefined;
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

describe("help", () => {
  it("top-level --help lists the commands and a runnable example", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command);
    const example = firstExampleCommand(result.stdout);
    expect(example, "an Examples block with `$ jobindex …`").toBeDefined();
    const run = await runCli(example ?? [], { cwd: work.dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  for (const command of COMMANDS) {
    // The examples run in order up to the first of this command, since an example may
    // need an earlier one's output (check needs the golden file benchmark writes).
    it.skipIf(!built.get(command))(`${command} --help shows an example that runs`, async () => {
      const help = await runCli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:/);
      const examples = exampleCommands(help.stdout);
      const upTo = examples.findIndex((words) => words[0] === command);
      expect(upTo, `an example that runs ${command}`).toBeGreaterThanOrEqual(0);
      const { dir } = tempDir(`cli-example-${command}`);
      for (const words of examples.slice(0, upTo + 1)) {
        const run = await runCli(words, { cwd: dir });
        expect(
          stderrLines(run).filter((l) => !l.startsWith("warning:")),
          words.join(" "),
        ).toEqual([]);
        expect(run.code, words.join(" ")).toBe(0);
      }
    });
  }

  it("the example parser reads quotes, comments and chains", () => {
    expect(firstExampleCommand('  $ jobindex b --c "log(x),y" --f json  # note')).toEqual([
      "b",
      "--c",
      "log(x),y",
      "--f",
      "json",
    ]);
    expect(firstExampleCommand("  $ jobindex b --out g.json && jobindex check")).toEqual([
      "b",
      "--out",
      "g.json",
    ]);
  });
});

describe("--version", () => {
  it("prints the package version and exits 0", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const result = await runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(pkg.version);
    }
  });
});

describe("bad input and usage: exit 2, one line per cause, no stack", () => {
  const cases: Array<[string, string[]]> = [
    ["benchmark, missing file", ["benchmark", "--input", "no/such/extract.csv"]],
    ["index, missing file", ["index", "--input", "no/such/extract.csv"]],
  ];
  for (const [name, args] of cases) {
    it.skipIf(!built.get(args[0] as string))(name, async () => {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      const lines = stderrLines(result);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("no/such/extract.csv");
      expect(lines[0]).toMatch(/E_FILE_NOT_FOUND/);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe("");
    });
  }

  it("a cell holding a line break is quoted on one line", async () => {
    const header = readFileSync(
      join(root, "data", "demo", "fh-synthetic-2019K1-2024K4.csv"),
      "utf8",
    ).split("\n")[0];
    const input = work.write(
      "line-break.csv",
      `${header}\n"Nowhere\nTown",2024K4,1,1,1,1,1,1,1,1,1,1,1\n`,
    );
    const result = await runCli(["index", "--input", input]);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([
      `${input}:2:1: error: unknown municipality "Nowhere\\nTown" [E_UNKNOWN_MUNICIPALITY]`,
    ]);
  });

  it("an unknown flag is a usage error (exit 2), not a crash", async () => {
    const result = await runCli(["benchmark", "--no-such-flag"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("an unknown command is exit 2", async () => {
    const result = await runCli(["bencmark"]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("--out", () => {
  it("refuses to overwrite an input: exit 2, input untouched", async () => {
    const input = work.write("extract.jsonl", readFileSync(shippedExtract));
    const before = sha256(input);
    const result = await runCli(["benchmark", "--input", input, "--format", "csv", "--out", input]);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toHaveLength(1);
    expect(result.stderr).toMatch(/refusing to overwrite/);
    expect(sha256(input)).toBe(before);
  });

  it("refuses an --out that names the input by another spelling of its path", async () => {
    const input = work.write("same.jsonl", readFileSync(shippedExtract));
    const before = sha256(input);
    const result = await runCli(
      ["benchmark", "--input", "same.jsonl", "--format", "json", "--out", "./sub/../same.jsonl"],
      { cwd: work.dir },
    );
    expect(result.code).toBe(2);
    expect(sha256(input)).toBe(before);
  });

  it("a failing run writes no --out file, not even a partial or temporary one", async () => {
    const { dir, write } = tempDir("cli-out");
    const bad = write("bad.csv", "municipality;period\nNowhere;2021QMAT04\n");
    const out = join(dir, "result.json");
    const result = await runCli(["benchmark", "--input", bad, "--format", "json", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad.csv");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(["bad.csv"]);
  });

  it("a successful run writes the whole document and leaves no temporary file", async () => {
    const { dir } = tempDir("cli-out-ok");
    const out = join(dir, "result.json");
    const result = await runCli(["benchmark", "--format", "json", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const doc = JSON.parse(readFileSync(out, "utf8")) as { command: string };
    expect(doc.command).toBe("benchmark");
    expect(readdirSync(dir)).toEqual(["result.json"]);
  });
});

describe("no escape codes when piped or with NO_COLOR", () => {
  let piped: string;
  beforeAll(async () => {
    piped = (await runCli(["benchmark"])).stdout;
  });

  it("piped table output is plain text", () => {
    expect(piped.length).toBeGreaterThan(0);
    expect(piped).not.toMatch(ANSI);
  });

  for (const env of [{ NO_COLOR: "1" }, { NO_COLOR: "1", TERM: "xterm-256color" }]) {
    it(`NO_COLOR (${JSON.stringify(env)}): no escapes in stdout or stderr`, async () => {
      const ok = await runCli(["benchmark"], { env });
      expect(ok.stdout).not.toMatch(ANSI);
      const bad = await runCli(["benchmark", "--input", "missing.csv"], { env });
      expect(bad.stderr).not.toMatch(ANSI);
    });
  }

  for (const format of ["csv", "md", "json"]) {
    it(`--format ${format} has no escapes`, async () => {
      const result = await runCli(["benchmark", "--format", format]);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(ANSI);
    });
  }
});
