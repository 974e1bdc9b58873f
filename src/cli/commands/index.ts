/**
 * `jobindex index`: the FH-style jobcentre index (METHOD.md A). Flags → options →
 * runIndex → reporter. The computation lives in src/composite.
 */
import type { Command } from "commander";
import { addOptions, numberField, outputOptions, withExamples } from "../options.js";
import { assertNotAnInput, emit } from "../output.js";
import { standardOutput, writeStderr } from "../stdio.js";

interface IndexFlags {
  input: string[];
  period?: string;
  unit: string;
  method: string;
  missing?: string;
  history?: boolean;
  weights?: string;
  uncertainty?: string;
  seed?: string;
  by?: string;
  only?: string;
  decimalMark?: "," | ".";
  verify?: boolean;
  published?: string;
  sheet?: string;
  [key: string]: unknown;
}

export function registerIndex(program: Command): void {
  const cmd = program
    .command("index")
    .description(
      "rank jobcentres (or municipalities) on an FH-style index of five effort indicators; without --input, on the shipped synthetic demo data",
    );
  addOptions(cmd, "index", [
    "input",
    "period",
    "unit",
    "method",
    "missing",
    "history",
    "weights",
    "uncertainty",
    "seed",
    "by",
    "only",
    "decimal-mark",
    "verify",
    "published",
    "sheet",
    "format",
    "out",
    "locale",
  ]);
  withExamples(cmd, "index");
  cmd.action(async (flags: IndexFlags) => {
    const output = outputOptions(flags);
    // Early, on the files named; emit checks again on the files actually read.
    if (output.out !== undefined) assertNotAnInput(output.out, [...flags.input, flags.method]);
    // Hundreds of quarters ranked one after another: see src/cli/heap.ts.
    if (flags.history === true) await (await import("../heap.js")).keepHeapSmall();
    const { runIndex } = await import("../../pipeline/index/run.js");
    const { document, filesRead, exitCode, messages } = await runIndex({
      command: "index",
      inputs: flags.input,
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      unit: flags.unit,
      method: flags.method,
      ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
      history: flags.history === true,
      // Parsed (and checked) when the pipeline normalises the options.
      ...(flags.weights !== undefined ? { weights: flags.weights } : {}),
      ...numberField("--uncertainty", "uncertainty", flags.uncertainty),
      ...numberField("--seed", "seed", flags.seed),
      ...(flags.by !== undefined ? { by: flags.by } : {}),
      ...(flags.only !== undefined ? { only: flags.only } : {}),
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
      ...(flags.verify === true ? { verify: true } : {}),
      ...(flags.published !== undefined ? { publishedLists: flags.published } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    });
    await emit(document, output, filesRead, standardOutput);
    for (const line of messages) writeStderr(`${line}\n`);
    if (exitCode !== 0) process.exitCode = exitCode;
  });
}
