/**
 * Opening a file for reading: the clean errors for missing files, directories and limits,
 * the first bytes for sniffing (binary, encoding, format), and a decoded text stream.
 */

import { isUtf8 } from "node:buffer";
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { type Diagnostic, InputError } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { formatSize, type Limits, SNIFF_BYTES } from "./limits.js";
import type { TextEncoding } from "./options.js";
import { isLegacyExcel, isZip } from "./sniff.js";

export interface Source {
  /** The path as given, for diagnostics. */
  file: string;
  size: number;
  /** The first `SNIFF_BYTES` bytes (fewer for small files). */
  head: Buffer;
  /** Lower-case extension without the dot (`csv`, `jsonl`, ``). */
  extension: string;
  /** The whole file when it is small (at most `WHOLE_FILE_BYTES`), read once when opened. */
  bytes?: Buffer;
}

/**
 * Files up to this size are read whole, in one synchronous call, when opened: the shipped
 * data and most extracts. Streaming them in 64 KiB chunks costs a round trip through the
 * thread pool per chunk, which is most of a small run's start-up (docs/performance.md).
 */
export const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/** Throws a single-diagnostic InputError: for problems after which nothing else can be read. */
export function fatal(d: Diagnostic): never {
  throw new InputError([d]);
}

export async function openSource(file: string, limits: Limits): Promise<Source> {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      fatal({ code: ReadCode.FileNotFound, message: "file not found", file });
    }
    unreadable(file, error);
  }
  if (!info.isFile()) {
    const what = info.isDirectory() ? "a directory" : "not a regular file";
    fatal({ code: ReadCode.NotAFile, message: `expected a data file, found ${what}`, file });
  }
  if (info.size > limits.maxFileBytes) {
    fatal({
      code: ReadCode.FileTooLarge,
      message: `file is ${info.size} bytes; the limit is ${formatSize(limits.maxFileBytes)}`,
      file,
    });
  }
  let bytes: Buffer | undefined;
  let head: Buffer;
  try {
    if (info.size <= WHOLE_FILE_BYTES) {
      bytes = readFileSync(file);
      head = bytes.subarray(0, SNIFF_BYTES);
    } else head = readHead(file, SNIFF_BYTES);
  } catch (error) {
    unreadable(file, error);
  }
  const source: Source = {
    file,
    size: bytes?.length ?? info.size,
    head,
    extension: extname(file).slice(1).toLowerCase(),
    ...(bytes !== undefined ? { bytes } : {}),
  };
  checkNotEmpty(source);
  checkNotBinary(source);
  return source;
}

function unreadable(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  fatal({ code: ReadCode.FileUnreadable, message: `cannot read file (${code})`, file });
}

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const bytesRead = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.subarray(0, 3).equals(UTF8_BOM);
}

function checkNotEmpty(source: Source): void {
  if (source.size > source.head.length) return;
  const text = source.head.subarray(hasUtf8Bom(source.head) ? 3 : 0).toString("latin1");
  if (text.trim() === "") {
    fatal({
      code: ReadCode.Empty,
      message: "expected a header and rows, found an empty file",
      file: source.file,
    });
  }
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f;
}

/**
 * Text files have no NUL bytes and few control characters. Checking the first KiB is enough
 * to catch an archive, image or old .xls workbook passed by mistake before it is parsed as
 * CSV. A zip archive is let through: it is read as an .xlsx workbook (src/read/xlsx.ts).
 */
export function checkNotBinary(source: Pick<Source, "file" | "head">): void {
  if (isZip(source.head)) return;
  const sample = source.head.subarray(0, 1024);
  const utf16 =
    (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  let controls = 0;
  let nul = false;
  for (const b of sample) {
    if (b === 0) nul = true;
    if (isControlByte(b)) controls++;
  }
  if (utf16 || nul || controls > sample.length * 0.1) {
    const hint = utf16
      ? "; it looks like UTF-16: save it as UTF-8 or Latin-1"
      : isLegacyExcel(sample)
        ? "; it looks like an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV"
        : "";
    fatal({
      code: ReadCode.Binary,
      message: `expected text (CSV or JSON) or an .xlsx workbook, found binary content${hint}`,
      file: source.file,
    });
  }
}

/** Raised inside a UTF-8 read when the bytes are not UTF-8; the reader then restarts as Latin-1. */
export class NotUtf8Error extends Error {
  constructor() {
    super("not UTF-8");
    this.name = "NotUtf8Error";
  }
}

/**
 * UTF-8 if the sample is valid UTF-8 (a multi-byte character cut at the sample's end is
 * fine), else Latin-1. Pure ASCII counts as UTF-8; if Latin-1 bytes appear only later, the
 * streaming decoder notices and the read is restarted (see `readWithEncodingFallback`).
 */
export function sniffEncoding(head: Buffer, complete: boolean): TextEncoding {
  if (hasUtf8Bom(head)) return "utf-8";
  // Valid as it stands (node's native check, no text made): the decoder would agree.
  if (isUtf8(head)) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
    return "utf-8";
  } catch {
    return "latin1";
  }
}

/**
 * Windows-1252 names for bytes 0x80–0x9F, which ISO Latin-1 leaves as control characters.
 * Danish spreadsheets saved as "ANSI" use them for €, dashes and curly quotes; everything
 * else in Windows-1252 equals Latin-1, so this is the useful reading of a "Latin-1" file.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeLatin1(bytes: Buffer): string {
  const text = bytes.toString("latin1");
  // Fast path: most files have no bytes in 0x80–0x9F.
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * The file as a stream of decoded text chunks (one, for a file read whole), BOM removed. In `utf-8` mode invalid bytes
 * raise `NotUtf8Error` unless `lenient` (the user forced the encoding): then they become U+FFFD.
 */
export async function* textChunks(
  source: Pick<Source, "file" | "bytes">,
  encoding: TextEncoding,
  lenient = false,
): AsyncGenerator<string> {
  const decoder = encoding === "utf-8" ? new TextDecoder("utf-8", { fatal: !lenient }) : undefined;
  const chunks = source.bytes
    ? [source.bytes]
    : createReadStream(source.file, { highWaterMark: SNIFF_BYTES });
  for await (const chunk of chunks) {
    const bytes = chunk as Buffer;
    if (!decoder) {
      yield decodeLatin1(bytes);
      continue;
    }
    try {
      // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
      yield decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8Error();
    }
  }
  if (decoder) {
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new NotUtf8Error();
    }
    if (tail) yield tail;
  }
}

/** Runs a read as UTF-8 and, if the bytes turn out not to be UTF-8, once more as Latin-1. */
export async function readWithEncodingFallback<T>(
  sniffed: TextEncoding,
  forced: TextEncoding | undefined,
  read: (encoding: TextEncoding, lenient: boolean) => Promise<T>,
): Promise<T> {
  if (forced) return read(forced, true);
  if (sniffed === "latin1") return read("latin1", false);
  try {
    return await read("utf-8", false);
  } catch (error) {
    if (error instanceof NotUtf8Error) return read("latin1", false);
    throw error;
  }
}
