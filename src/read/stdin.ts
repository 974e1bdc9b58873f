/**
 * Standard input as a data source (`--input -`): read whole into memory, then read like a
 * small file whose format comes from the content alone. Diagnostics name it `<stdin>`.
 */
import { type Diagnostic, InputError } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { limitsFrom, SNIFF_BYTES } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { readSource } from "./read-source.js";
import { checkNotBinary, type Source } from "./source.js";
import type { Table } from "./table.js";

/** How diagnostics name standard input. */
export const STDIN_NAME = "<stdin>";

/** All of a stream's bytes (standard input by default). */
export async function readAll(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Reads bytes held in memory (standard input) into a Table, as `readTable` reads a file. */
export async function readTableFromBytes(
  bytes: Buffer,
  options: ReadOptions = {},
  name: string = STDIN_NAME,
): Promise<Table> {
  const limits = limitsFrom(options);
  const fail = (d: Omit<Diagnostic, "file">): never => {
    throw new InputError([{ ...d, file: name }]);
  };
  if (bytes.length > limits.maxFileBytes) {
    fail({ code: ReadCode.FileTooLarge, message: `input is ${bytes.length} bytes; too large` });
  }
  if (
    bytes
      .toString("latin1")
      .replace(/^\u00ef\u00bb\u00bf/, "")
      .trim() === ""
  ) {
    fail({ code: ReadCode.Empty, message: "expected a header and rows, found empty input" });
  }
  const source: Source = {
    file: name,
    size: bytes.length,
    head: bytes.subarray(0, SNIFF_BYTES),
    extension: "",
    bytes,
  };
  checkNotBinary(source);
  return readSource(source, options, limits);
}
