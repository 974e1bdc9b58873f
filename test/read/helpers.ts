import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { type Diagnostic, InputError } from "../../src/diagnostics.js";
import { type ReadOptions, readTable, type Table } from "../../src/read/index.js";

export const root = join(import.meta.dirname, "..", "..");
export const real = (name: string) => join(root, "fixtures", "real", name);
export const fixture = (name: string) => join(root, "fixtures", "read", name);
export const bad = (name: string) => join(root, "fixtures", "read", "bad", name);
export const Y30R21_JSONL = real("y30r21-2020QMAT02-2021QMAT04.jsonl");

/** The diagnostics a read throws; fails the test if it does not throw an InputError. */
export async function readFailure(path: string, options?: ReadOptions): Promise<Diagnostic[]> {
  try {
    const table: Table = await readTable(path, options);
    throw new Error(`expected ${path} to fail, read ${table.rows.length} rows`);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
}

/** A temp folder for generated inputs, removed after the file's tests. */
export function tempFolder(): {
  path: (name: string) => string;
  write: (name: string, data: string | Buffer) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), "jobindex-read-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    write: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
  };
}
