/**
 * Limits every reader enforces, so a hostile or broken file yields a clean diagnostic
 * instead of an out-of-memory crash or a hang.
 *
 * - A field (one CSV cell, one JSON string) may hold at most `MAX_FIELD_CHARS` characters:
 *   real cells are short; a 1 MiB cell is a broken quote or the wrong file.
 * - A record (one CSV record, one JSON-lines line) may hold at most `MAX_RECORD_CHARS`
 *   characters. csv-parse stops buffering at this size, which is what bounds memory when a
 *   20 MB field arrives.
 * - A file may be at most `MAX_FILE_BYTES` bytes. CSV and JSON lines are streamed, so only
 *   the table itself is held in memory.
 * - A whole JSON document (not JSON lines) is parsed in memory, so it has its own, lower
 *   limit `MAX_JSON_DOCUMENT_BYTES` (V8 strings cannot exceed ~512 MiB anyway), and nesting
 *   deeper than `MAX_JSON_DEPTH` is refused rather than overflowing the stack.
 *
 * All are overridable per call through `ReadOptions`.
 */
export const MAX_FIELD_CHARS = 1024 * 1024;
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_JSON_DOCUMENT_BYTES = 256 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;
/** Bytes looked at for binary content, encoding, format and separator. */
export const SNIFF_BYTES = 64 * 1024;

export type DecimalMark = "," | ".";
export type Separator = ";" | "," | "\t";
export type TextEncoding = "utf-8" | "latin1";

export interface ReadOptions {
  /** Skip format detection. */
  format?: "csv" | "json" | "jsonl" | "statbank";
  /** Skip separator sniffing (CSV). */
  separator?: Separator;
  /** Skip decimal-mark detection; use when a file is ambiguous (e.g. only `1.234`). */
  decimalMark?: DecimalMark;
  /** Skip encoding detection. */
  encoding?: TextEncoding;
  maxFieldChars?: number;
  maxRecordChars?: number;
  maxFileBytes?: number;
  maxJsonDocumentBytes?: number;
}

export interface Limits {
  maxFieldChars: number;
  maxRecordChars: number;
  maxFileBytes: number;
  maxJsonDocumentBytes: number;
}

export function limitsFrom(options: ReadOptions = {}): Limits {
  return {
    maxFieldChars: options.maxFieldChars ?? MAX_FIELD_CHARS,
    maxRecordChars: options.maxRecordChars ?? MAX_RECORD_CHARS,
    maxFileBytes: options.maxFileBytes ?? MAX_FILE_BYTES,
    maxJsonDocumentBytes: options.maxJsonDocumentBytes ?? MAX_JSON_DOCUMENT_BYTES,
  };
}

/** `1048576` → `1 MiB`, for messages. */
export function formatSize(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return String(n);
}
