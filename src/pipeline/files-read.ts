/**
 * The files a run reads, so that `--out` can refuse to replace any of them (CLI.md:
 * "`--out` never replaces a file that the run reads, by any route"). Every read in the
 * pipeline notes its file here; `trackReads` collects the notes of one run. The log is
 * per asynchronous context (AsyncLocalStorage), so runs in parallel keep apart and code
 * outside a tracked run notes nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { readdirSync, realpathSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** A file a run read: its real path (symlinks resolved) and identity (hard links). */
export interface FileRead {
  /** Absolute real path. */
  path: string;
  dev: number;
  ino: number;
}

const current = new AsyncLocalStorage<Map<string, FileRead>>();

/** The file's real path and identity; undefined when it does not exist (nothing to protect). */
export function identify(path: string): FileRead | undefined {
  try {
    const real = realpathSync(resolve(path));
    const info = statSync(real);
    return { path: real, dev: info.dev, ino: info.ino };
  } catch {
    return undefined;
  }
}

/**
 * Notes a file (or every file inside a folder, recursively) as read by the current run.
 * Standard input (`-`) is not a file and is never noted.
 */
export function noteRead(path: string): void {
  const log = current.getStore();
  if (log === undefined || path === "-") return;
  for (const file of expand(path)) {
    const read = identify(file);
    if (read !== undefined) log.set(`${read.dev}:${read.ino}:${read.path}`, read);
  }
}

/** A path, or the files inside it when it is a folder. */
export function expand(path: string): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!isFolder) return [path];
  let names: string[] = [];
  try {
    names = readdirSync(path).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => expand(join(path, name)));
}

/** Runs `work` and returns what it gives with the files it read, in a stable order. */
export async function trackReads<T>(
  work: () => Promise<T>,
): Promise<T & { filesRead: FileRead[] }> {
  const log = new Map<string, FileRead>();
  const value = await current.run(log, work);
  // A run inside a run (`check` re-running `index`): the outer one read these too.
  const outer = current.getStore();
  if (outer !== undefined) for (const [key, read] of log) outer.set(key, read);
  const filesRead = [...log.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return { ...value, filesRead };
}
