/**
 * The command line's entry: bundled into dist/cli/main.cjs, which bin/jobindex.js loads
 * (with the build's V8 code cache) and calls `run` on. Importing it runs nothing.
 */
import { fileURLToPath } from "node:url";
import { trackReadsPerProcess } from "../pipeline/files-read.js";
import { useMethodSnapshot } from "../pipeline/index/method-snapshot.js";
import { useRegistrySnapshot } from "../registry/snapshot.js";
import { main } from "./program.js";
import { writeDirectly } from "./stdio.js";

let snapshotsUsed = false;

/** Runs one command line (`process.argv` shape); resolves to the exit code. */
export function run(argv: string[]): Promise<number> {
  if (!snapshotsUsed) {
    snapshotsUsed = true;
    writeDirectly();
    // One command a process, one after another (the build's training runs several).
    trackReadsPerProcess();
    // Beside the bundle, written by the build with the code cache (bin/jobindex.js).
    useRegistrySnapshot(fileURLToPath(new URL("registry-snapshot.json", import.meta.url)));
    useMethodSnapshot(fileURLToPath(new URL("method-snapshot.json", import.meta.url)));
  }
  return main(argv);
}

/** The registry snapshot the build writes (src/registry/snapshot.ts). */
export async function registrySnapshot(): Promise<string> {
  const { registrySnapshot } = await import("../registry/index.js");
  return registrySnapshot();
}

/** The snapshot of the shipped method profiles the build writes (src/pipeline/index/method-snapshot.ts). */
export async function methodSnapshot(): Promise<string> {
  const { methodSnapshot } = await import("../pipeline/index/method-snapshot-build.js");
  return methodSnapshot();
}
