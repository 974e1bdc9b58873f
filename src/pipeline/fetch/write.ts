/**
 * Writes a fetched file and its FILE.source.json together: each to a temporary file
 * beside its target, renamed only when both are written, so a failed run leaves no file.
 * An existing file is never written over.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../../diagnostics.js";

export interface OutFile {
  path: string;
  text: string;
}

/** Refuses targets that exist already (an earlier fetch, an input): nothing is written. */
export function assertFree(paths: readonly string[]): void {
  for (const path of paths) {
    if (existsSync(path)) {
      throw new UsageError(
        `${path} exists; refusing to write over it (remove it or choose another --out)`,
        "E_OUT_EXISTS",
      );
    }
  }
}

export function writeTogether(files: readonly OutFile[]): void {
  assertFree(files.map((f) => f.path));
  const tag = `${process.pid.toString(36)}-${Date.now().toString(36)}`;
  const temps = files.map((f, i) => join(dirname(resolve(f.path)), `.jobindex-${tag}-${i}.tmp`));
  const renamed: string[] = [];
  try {
    for (const [i, f] of files.entries()) writeFileSync(temps[i] as string, f.text, { flag: "wx" });
    files.forEach((f, i) => {
      renameSync(temps[i] as string, f.path);
      renamed.push(f.path);
    });
  } catch (error) {
    for (const t of temps) rmSync(t, { force: true });
    for (const r of renamed) rmSync(r, { force: true });
    throw error;
  }
}
