/**
 * The pipeline's one way to read a data table: a file (noted as read, for `--out`'s
 * check) or standard input (`-`), read once per process however often a run asks for it.
 */
import { UsageError } from "../diagnostics.js";
import { type ReadOptions, readTable, type Table } from "../read/index.js";
import { noteRead } from "./files-read.js";

/** The `--input` value that means standard input. */
export const STDIN = "-";

let stdin: Promise<Buffer> | undefined;

/** Standard input's bytes, read on first use and kept (a run may read its input twice). */
function stdinBytes(): Promise<Buffer> {
  if (stdin === undefined) {
    if (process.stdin.isTTY === true) {
      throw new UsageError(
        "--input -: standard input is a terminal; pipe a file into it",
        "E_STDIN_TTY",
      );
    }
    stdin = import("../read/stdin.js").then((m) => m.readAll());
  }
  return stdin;
}

export async function readInputTable(file: string, options: ReadOptions = {}): Promise<Table> {
  if (file === STDIN) {
    const { readTableFromBytes } = await import("../read/stdin.js");
    return readTableFromBytes(await stdinBytes(), options);
  }
  noteRead(file);
  return readTable(file, options);
}

/** Refuses `-` given more than once: standard input can be read only once. */
export function checkStdinOnce(inputs: readonly string[]): void {
  if (inputs.filter((i) => i === STDIN).length > 1) {
    throw new UsageError("--input - (standard input) may be given only once", "E_STDIN_TWICE");
  }
}
