import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { InputError, UsageError } from "../../diagnostics.js";
import { compareDocuments, formatChangeLine } from "../../pipeline/check/compare.js";
import { rerun } from "../../pipeline/check/rerun.js";
import { numberOption, withExamples } from "../options.js";

interface CheckFlags {
  golden: string;
  input: string[];
  tolerance?: string;
}

function readGolden(path: string): Record<string, unknown> {
  if (!existsSync(path)) {
    throw new InputError([
      { code: "E_FILE_NOT_FOUND", message: "golden file not found", file: path },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError([
      {
        code: "E_JSON",
        message: `not a JSON document (${(error as Error).message}); expected an earlier --format json output`,
        file: path,
      },
    ]);
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc !== "object" || doc === null || typeof doc.options !== "object") {
    throw new InputError([
      {
        code: "E_GOLDEN_NO_OPTIONS",
        message:
          "the golden file has no 'options' record; expected an earlier --format json output",
        file: path,
      },
    ]);
  }
  return doc;
}

/** Recorded relative inputs are tried from the working directory, then beside the golden file. */
function locateInputs(recorded: unknown, goldenPath: string): string[] {
  if (!Array.isArray(recorded)) return [];
  return recorded.map((input) => {
    const text = String(input);
    if (existsSync(text)) return text;
    const beside = resolve(dirname(goldenPath), text);
    return existsSync(beside) ? beside : text;
  });
}

export function registerCheck(program: Command): void {
  const cmd = program
    .command("check")
    .description(
      "recompute an earlier --format json result and compare: ranks exactly, numbers to a relative tolerance (exit 1 on any change)",
    )
    .requiredOption("-g, --golden <file>", "an earlier `--format json` output")
    .option(
      "-i, --input <file>",
      "recompute on this input instead of the recorded one; repeatable",
      (v: string, p: string[] = []) => [...p, v],
      [],
    )
    .option("-t, --tolerance <relative>", "relative tolerance for numbers", "1e-9");
  withExamples(cmd, [
    "jobindex benchmark --format json --out golden.json",
    "jobindex check --golden golden.json",
    "jobindex check --golden fixtures/golden/benchmark-2021QMAT04.json --tolerance 1e-6",
  ]);
  cmd.action(async (flags: CheckFlags) => {
    const tolerance = numberOption("--tolerance", flags.tolerance) ?? 1e-9;
    if (tolerance < 0) throw new UsageError("--tolerance must not be negative");
    const golden = readGolden(flags.golden);
    const options = { ...(golden.options as Record<string, unknown>) };
    options.inputs =
      flags.input.length > 0 ? flags.input : locateInputs(options.inputs, flags.golden);
    const run = await rerun(options);
    const changes = compareDocuments(golden, run.document.json, { tolerance });
    if (changes.length === 0) {
      const n = Array.isArray(golden.results) ? golden.results.length : 0;
      process.stdout.write(
        `ok: ${flags.golden}: ${n} results agree (relative tolerance ${tolerance})\n`,
      );
      return;
    }
    process.stdout.write(`${flags.golden}: ${changes.length} change(s) (unit  field: old → new)\n`);
    for (const change of changes) process.stdout.write(`  ${formatChangeLine(change)}\n`);
    process.exitCode = 1;
  });
}
