/**
 * The logs of files read kept per process (`trackReadsPerProcess`, as the command line
 * runs): a run's log holds what it noted, a run inside it adds to it, runs one after
 * another keep apart, and nothing is noted outside a run. A file of its own: the mode
 * stays on for the module (vitest gives each test file its own).
 */
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { noteRead, trackReads, trackReadsPerProcess } from "../../src/pipeline/files-read.js";

const root = join(import.meta.dirname, "..", "..");
const real = (...parts: string[]) => realpathSync(join(root, ...parts));
const paths = (run: { filesRead: { path: string }[] }) => run.filesRead.map((f) => f.path);

describe("trackReads, per process", () => {
  trackReadsPerProcess();

  it("notes a run's reads, adds an inner run's to the outer, and keeps runs in turn apart", async () => {
    noteRead(join(root, "README.md"));
    let inner: string[] = [];
    const outer = await trackReads(async () => {
      noteRead(join(root, "package.json"));
      await Promise.resolve();
      inner = paths(
        await trackReads(async () => {
          await Promise.resolve();
          noteRead(join(root, "tsconfig.json"));
          return {};
        }),
      );
      noteRead(join(root, "biome.json"));
      return {};
    });
    expect(inner).toEqual([real("tsconfig.json")]);
    expect(paths(outer)).toEqual(
      [real("biome.json"), real("package.json"), real("tsconfig.json")].sort(),
    );
    const next = await trackReads(async () => ({}));
    expect(paths(next)).toEqual([]);
    noteRead(join(root, "README.md"));
    expect(paths(await trackReads(async () => ({})))).toEqual([]);
  });

  it("lets go of a run that fails: the next run's log is its own", async () => {
    await expect(
      trackReads(async () => {
        noteRead(join(root, "package.json"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const after = await trackReads(async () => {
      noteRead(join(root, "tsconfig.json"));
      return {};
    });
    expect(paths(after)).toEqual([real("tsconfig.json")]);
  });
});
