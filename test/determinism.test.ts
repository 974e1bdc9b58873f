/**
 * The same input gives byte-identical output (ARCHITECTURE.md, Determinism): two runs of
 * the built binary, in separate processes, for every command and format. Separate
 * processes matter: they catch output that depends on time, hash seeds, Map order after
 * concurrent reads, or anything else that differs between runs but not within one.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { commandIsBuilt, ensureBuilt, runCli } from "./cli/helpers.js";

ensureBuilt();
const FORMATS = ["table", "json", "csv", "md", "html"] as const;
const RUNS: Array<{ name: string; args: string[] }> = [
  { name: "index", args: ["index"] },
  { name: "benchmark (published)", args: ["benchmark"] },
  { name: "benchmark (model)", args: ["benchmark", "--covariates", "default"] },
];
const built = new Map<string, boolean>();
for (const command of ["index", "benchmark"]) built.set(command, await commandIsBuilt(command));

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

describe("two runs on the same input give byte-identical output", () => {
  for (const run of RUNS) {
    for (const format of FORMATS) {
      it.skipIf(!built.get(run.args[0] as string))(`${run.name} --format ${format}`, async () => {
        const args = [...run.args, "--format", format];
        const [first, second] = await Promise.all([runCli(args), runCli(args)]);
        expect(first.stderr).toBe("");
        expect(first.code).toBe(0);
        expect(first.stdout.length).toBeGreaterThan(0);
        expect(second.code).toBe(0);
        // Digests keep a failure message short; the texts are compared when they differ.
        if (digest(first.stdout) !== digest(second.stdout)) {
          expect(second.stdout).toBe(first.stdout);
        }
      });
    }
  }

  it.skipIf(!built.get("benchmark"))("csv in the Danish locale too", async () => {
    const args = ["benchmark", "--format", "csv", "--locale", "da"];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });
});
