/**
 * Standard output and error as the commands use them, without node's stream objects where
 * they are not needed. `process.stdout` and `process.stderr` are built on first touch, and
 * building one loads node's streams (and, for a pipe, its sockets): a few milliseconds of a
 * run that writes one JSON document into a pipe or a file (docs/performance.md). Where the
 * descriptor is a pipe, a socket or a regular file, the text is written to it directly, in
 * full, with `fs.writeSync`; a terminal or anything else goes through `process.stdout`, as
 * before.
 */
import { fstatSync, writeSync } from "node:fs";

/** What `emit` writes to: standard output, or a test's stand-in. */
export interface Stdout {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * True when the descriptor is a pipe, a socket (node's and libuv's child processes get
 * socket pairs for their pipes) or a regular file: never a terminal.
 */
function pipeOrFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

let allowed = false;

/**
 * Lets standard output and error be written directly from now on: the command line's entry
 * (src/cli/main.ts) does. Code that calls `main` in a process of its own (tests that watch
 * `process.stdout`) keeps node's streams.
 */
export function writeDirectly(): void {
  allowed = true;
}

const kinds = new Map<number, boolean>();
function direct(fd: number): boolean {
  if (!allowed) return false;
  let known = kinds.get(fd);
  if (known === undefined) {
    known = pipeOrFile(fd);
    kinds.set(fd, known);
  }
  return known;
}

/**
 * Errors writing standard output. A reader that stops early (`jobindex index | head -1`)
 * closes the pipe: not an error, exit 0 quietly, as other Unix tools do. Anything else (a
 * full disk, `> /dev/full`) is one line on stderr and exit 2, never a stack trace.
 */
function stdoutFailed(error: NodeJS.ErrnoException): never {
  if (error.code === "EPIPE") process.exit(0);
  const why = error.code === "ENOSPC" ? "no space left on the device" : error.message;
  writeStderr(`error: cannot write standard output: ${why} [E_STDOUT_WRITE]\n`);
  process.exit(2);
}

let streamHandled = false;
function stdoutStream(): NodeJS.WriteStream {
  if (!streamHandled) {
    streamHandled = true;
    // Errors arrive after the command has returned, as events.
    process.stdout.on("error", stdoutFailed);
  }
  return process.stdout;
}

/** For `writeAll`'s waits: a millisecond's sleep while a full pipe is emptied. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to `fd` with `writeSync`, before the caller goes on (a large
 * output's pieces are made one after another: none is queued). A pipe another process
 * left non-blocking answers EAGAIN when full: wait a millisecond and go on.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/** Standard output: written directly where it is a pipe or a file. */
export const standardOutput: Stdout = {
  get isTTY() {
    return direct(1) ? false : process.stdout.isTTY === true;
  },
  get columns() {
    return direct(1) ? undefined : process.stdout.columns;
  },
  write(text: string) {
    if (!direct(1)) return stdoutStream().write(text);
    try {
      writeAll(1, text);
    } catch (error) {
      return stdoutFailed(error as NodeJS.ErrnoException);
    }
    return true;
  },
};

/** Whether standard error is a terminal, without building `process.stderr` for a pipe or file. */
export function stderrIsTerminal(): boolean {
  return direct(2) ? false : process.stderr.isTTY === true;
}

/** Writes to standard error: directly where it is a pipe or a file. */
export function writeStderr(text: string): void {
  if (!direct(2)) {
    process.stderr.write(text);
    return;
  }
  try {
    writeAll(2, text);
  } catch {
    // nowhere left to say so
  }
}
