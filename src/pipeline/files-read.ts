/**
 * The files a run reads, so that `--out` can refuse to replace any of them (CLI.md:
 * "`--out` never replaces a file that the run reads, by any route"). Every read in the
 * pipeline notes its file here; `trackReads` collects the notes of one run. The log is
 * per asynchronous context (AsyncLocalStorage), so runs in parallel keep apart and code
 * outside a tracked run notes nothing. The command line runs one command a process, so it
 * keeps the logs per process instead (`trackReadsPerProcess`): AsyncLocalStorage turns on
 * node's promise hooks for the rest of the run, which cost a short run about 2 % of its
 * instructions (docs/performance.md).
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

type ReadLog = Map<string, FileRead>;

let perContext: AsyncLocalStorage<ReadLog> | undefined;
let perProcess: ReadLog[] | undefined;

/**
 * Keeps the logs per process from now on: the log of the run in progress, runs inside it
 * (`check` re-running `index`) above it. Only for a process that never runs two tracked
 * runs at once: the command line's entry (src/cli/main.ts) calls it.
 */
export function trackReadsPerProcess(): void {
  perProcess ??= [];
}

function currentLog(): ReadLog | undefined {
  return perProcess !== undefined ? perProcess.at(-1) : perContext?.getStore();
}

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
  const log = currentLog();
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
  const log: ReadLog = new Map();
  const outer = currentLog();
  let value: T;
  if (perProcess !== undefined) {
    perProcess.push(log);
    try {
      value = await work();
    } finally {
      perProcess.pop();
    }
  } else {
    perContext ??= new AsyncLocalStorage<ReadLog>();
    value = await perContext.run(log, work);
  }
  // A run inside a run (`check` re-running `index`): the outer one read these too.
  if (outer !== undefined) for (const [key, read] of log) outer.set(key, read);
  const filesRead = [...log.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return { ...value, filesRead };
}
