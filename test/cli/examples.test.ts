/**
 * Every example of every command's `--help` (src/cli/option-table.ts EXAMPLES) and every
 * `jobindex …` line in README.md's code blocks, run as written through the built binary,
 * in a temp folder that sees the package's `data/` and `fixtures/` (so the files they write,
 * golden.json and benchmark.csv, land there). Each must exit 0, or the exit the README
 * documents. The files the examples name as the reader's own are made here: copies of the
 * demo files (`my-extract.csv`, the survey's `export.csv`, continuity's `meetings.csv`, the
 * Ukraine extract `ukrainians.jsonl`), and `altered.json`, golden.json with Billund edited.
 */
import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES } from "../../src/cli/option-table.js";
import { ensureBuilt, root, runCli, tempDir } from "./helpers.js";

/** Shell words of one command line: quotes removed, a trailing `# comment` dropped. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const ch of line) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else word = (word ?? "") + ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word = word ?? "";
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "#" && word === null) {
      break;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (quote !== null) throw new Error(`unbalanced quote in: ${line}`);
  if (word !== null) words.push(word);
  return words;
}

/** The `jobindex` invocations of a line joined by `&&`, each as its arguments. */
function invocations(line: string): string[][] {
  const words = shellWords(line.replace(/^\$ /, ""));
  const commands: string[][] = [[]];
  for (const w of words) {
    if (w === "&&") commands.push([]);
    else (commands.at(-1) as string[]).push(w);
  }
  for (const c of commands) {
    if (c[0] !== "jobindex") throw new Error(`not a jobindex command: ${line}`);
  }
  return commands.map((c) => c.slice(1));
}

/** README lines that document another exit than 0. */
const README_EXIT: Record<string, number> = { "check --golden altered.json": 1 };

function readmeCommands(): string[] {
  const lines = readFileSync(join(root, "README.md"), "utf8").split("\n");
  const found: string[] = [];
  let inBlock = false;
  for (const line of lines) {
    if (line.startsWith("```")) {
      inBlock = !inBlock;
      continue;
    }
    if (inBlock && /^(\$ )?jobindex /.test(line)) found.push(line);
  }
  return found;
}

const work = tempDir("examples");

beforeAll(() => {
  ensureBuilt();
  symlinkSync(join(root, "data"), join(work.dir, "data"));
  symlinkSync(join(root, "fixtures"), join(work.dir, "fixtures"));
  const ownFiles: Record<string, string[]> = {
    "my-extract.csv": ["demo", "fh-synthetic-2019K1-2024K4.csv"],
    "export.csv": ["survey", "business-service-SYNTHETIC-demo.csv"],
    "meetings.csv": ["demo", "continuity-synthetic-2021K1-2022K4.csv"],
    "ukrainians.jsonl": ["demo", "ukraine-synthetic-2023K1-2024K4.jsonl"],
  };
  for (const [name, from] of Object.entries(ownFiles)) {
    copyFileSync(join(root, "data", ...from), join(work.dir, name));
  }
});

/** golden.json with Billund's (530) rank and expected share edited, as the README tells. */
function makeAltered(): void {
  const golden = JSON.parse(readFileSync(join(work.dir, "golden.json"), "utf8"));
  const billund = golden.results.find((r: { municipality: string }) => r.municipality === "530");
  billund.rank += 57;
  billund.expected_pct += 0.26;
  writeFileSync(join(work.dir, "altered.json"), JSON.stringify(golden));
}

async function runLine(line: string, expectedExit: number): Promise<void> {
  const commands = invocations(line);
  for (const [i, args] of commands.entries()) {
    if (args.join(" ") === "check --golden altered.json") makeAltered();
    const result = await runCli(args, { cwd: work.dir, timeoutMs: 120_000 });
    const last = i === commands.length - 1;
    expect(
      { line, args, code: result.code, stderr: result.stderr },
      `jobindex ${args.join(" ")}`,
    ).toEqual({ line, args, code: last ? expectedExit : 0, stderr: expect.any(String) });
    if (!last && result.code !== 0) return;
  }
}

/**
 * `fetch` examples, and the lines that use what they fetched, need the public APIs (and a
 * token), which no test machine reaches; test/fetch/fetch.test.ts runs the same command
 * lines against a local server in the APIs' shapes.
 */
const needsNetwork = (line: string) => /\bfetch\b|data-2023\//.test(line);

describe("every --help example runs as written", () => {
  for (const [command, examples] of Object.entries(EXAMPLES)) {
    for (const line of examples.filter((l) => !needsNetwork(l))) {
      it(`${command}: ${line}`, { timeout: 240_000 }, async () => {
        await runLine(line, 0);
      });
    }
  }
});

describe("every README command runs as written", () => {
  const commands = readmeCommands();
  it("finds the README's commands", () => {
    expect(commands.length).toBeGreaterThan(15);
  });
  for (const line of commands.filter((l) => !needsNetwork(l))) {
    const args = invocations(line)
      .map((a) => a.join(" "))
      .join(" && ");
    it(line, { timeout: 240_000 }, async () => {
      await runLine(line, README_EXIT[args] ?? 0);
    });
  }
});

describe("shellWords", () => {
  it("keeps quoted commas and parentheses, drops comments and quotes", () => {
    expect(shellWords(`jobindex benchmark --covariates "log(a),b" --x 'y z'   # note`)).toEqual([
      "jobindex",
      "benchmark",
      "--covariates",
      "log(a),b",
      "--x",
      "y z",
    ]);
  });
});
