/**
 * Every run reports the files it actually read (real paths, folders expanded), which is
 * what `--out`'s final check compares against (src/cli/output.ts).
 */
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emit } from "../../src/cli/output.js";
import { UsageError } from "../../src/diagnostics.js";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runCheck } from "../../src/pipeline/check/run.js";
import { identify, noteRead, trackReads } from "../../src/pipeline/files-read.js";
import { runIndex } from "../../src/pipeline/index/run.js";

const root = join(import.meta.dirname, "..", "..");
const data = (...parts: string[]) => realpathSync(join(root, "data", ...parts));
const paths = (run: { filesRead: { path: string }[] }) => run.filesRead.map((f) => f.path);
const tmp = mkdtempSync(join(tmpdir(), "jobindex-files-read-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("filesRead", () => {
  it("benchmark, published: the shipped extract read by default", async () => {
    const run = await runBenchmark({});
    expect(paths(run)).toContain(data("benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl"));
  });

  it("benchmark, model: every file of the covariate folder and the default set", async () => {
    const run = await runBenchmark({ covariates: ["default"] });
    const read = paths(run);
    for (const name of readdirSync(join(root, "data", "dst")))
      expect(read).toContain(data("dst", name));
    expect(read).toContain(data("benchmark", "default-covariates.json"));
  });

  it("index: the demo CSV by default and the method profile", async () => {
    const run = await runIndex({ period: "2024K4" });
    expect(paths(run)).toContain(data("demo", "fh-synthetic-2019K1-2024K4.csv"));
    expect(paths(run)).toContain(data("methods", "fh.json"));
  });

  it("index: a method profile given as a path", async () => {
    const file = join(tmp, "my.json");
    copyFileSync(join(root, "data", "methods", "fh.json"), file);
    const run = await runIndex({ period: "2024K4", method: file });
    expect(paths(run)).toContain(realpathSync(file));
  });

  it("check: the golden and what the re-run read", async () => {
    const golden = join(root, "fixtures", "golden", "benchmark-2021QMAT04-all.json");
    const run = await runCheck({ golden });
    expect(run.exitCode).toBe(0);
    expect(paths(run)).toContain(realpathSync(golden));
    expect(paths(run)).toContain(data("benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl"));
  });

  it("nothing is noted outside a tracked run, and runs keep apart", async () => {
    noteRead(join(root, "package.json"));
    const [a, b] = await Promise.all([
      trackReads(async () => {
        noteRead(join(root, "package.json"));
        return {};
      }),
      trackReads(async () => ({})),
    ]);
    expect(paths(a)).toEqual([realpathSync(join(root, "package.json"))]);
    expect(paths(b)).toEqual([]);
  });
});

describe("emit's final check, on the files read", () => {
  it("refuses an --out among them even when no input was named, and leaves it as it was", async () => {
    const file = join(tmp, "read.csv");
    copyFileSync(join(root, "data", "demo", "fh-synthetic-2019K1-2024K4.csv"), file);
    const before = readFileSync(file);
    const read = identify(file);
    expect(read).toBeDefined();
    const doc = { json: { command: "x" }, title: "x" } as never;
    const stdout = process.stdout;
    await expect(
      emit(doc, { format: "json", out: file, locale: "en" }, read ? [read] : [], stdout),
    ).rejects.toThrow(UsageError);
    await expect(
      emit(doc, { format: "json", out: file, locale: "en" }, read ? [read] : [], stdout),
    ).rejects.toThrow(/E_OUT_IS_INPUT/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
