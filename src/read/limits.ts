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
 * - The table held in memory may take at most `maxTableBytes` of heap (estimated with
 *   `rowBytes`), by default `TABLE_HEAP_SHARE` of V8's heap limit (`defaultMaxTableBytes`):
 *   a table costs several times its file (3–6× for the 13-column index format), so well
 *   below `MAX_FILE_BYTES` a file can need more heap than node has. A file whose estimated
 *   table is over the limit is refused up front (estimated from its first 64 KiB), and a
 *   read stops as soon as the rows held so far cross it: `E_FILE_TOO_LARGE`, never a
 *   "heap out of memory" abort. `JOBINDEX_MAX_TABLE_BYTES` in the environment overrides it.
 *   V8's heap limit is asked for only when a table's estimate passes `TABLE_ALWAYS_FITS`
 *   (`overTableBound`): `node:v8` loads node's streams with it, a millisecond or two of
 *   every run that reads a small file (the command line's bundle loads it on first use,
 *   scripts/build.mjs).
 * - A whole JSON document (not JSON lines) is parsed in memory, so it has its own, lower
 *   limit `MAX_JSON_DOCUMENT_BYTES` (V8 strings cannot exceed ~512 MiB anyway), and nesting
 *   deeper than `MAX_JSON_DEPTH` is refused rather than overflowing the stack.
 *
 * All are overridable per call through `ReadOptions`.
 */
import { getHeapStatistics } from "node:v8";
import type { ReadOptions } from "./options.js";

export const MAX_FIELD_CHARS = 1024 * 1024;
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_JSON_DOCUMENT_BYTES = 256 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;
/**
 * Estimated heap cost of a held table (64-bit V8 without pointer compression, as node
 * ships), checked against measurement in test/cli/limits.test.ts: each row is an object with
 * its line and an array of values (`TABLE_ROW_BYTES`), each cell an 8-byte slot
 * (`TABLE_CELL_BYTES`), and each string not shared with an equal cell above it a header
 * and its characters (`stringBytes`): 200 (every cell shared) to 450 bytes a row for the
 * 13-column index format. With node's default heap of about 4 GiB the bound is 2 GiB of
 * table: an index extract of about 330 MB of rarely repeating numbers, up to about 750 MB
 * when most cells repeat.
 */
export const TABLE_ROW_BYTES = 96;
export const TABLE_CELL_BYTES = 8;
/** The share of V8's heap limit a table may take; the rest is for parsing, checks and ranking. */
export const TABLE_HEAP_SHARE = 0.5;
/** Environment variable that sets `maxTableBytes` (bytes), e.g. to test the limit. */
export const MAX_TABLE_BYTES_ENV = "JOBINDEX_MAX_TABLE_BYTES";
/**
 * A table estimated at no more than this is held without looking its bound up: half of any
 * heap node can run jobindex in is more. An explicit bound (`ReadOptions.maxTableBytes`,
 * `JOBINDEX_MAX_TABLE_BYTES`) applies from the first byte.
 */
export const TABLE_ALWAYS_FITS = 8 * 1024 * 1024;
/** Bytes looked at for binary content, encoding, format and separator. */
export const SNIFF_BYTES = 64 * 1024;

export interface Limits {
  maxFieldChars: number;
  maxRecordChars: number;
  maxFileBytes: number;
  maxJsonDocumentBytes: number;
  /** The bound on a held table's estimated bytes (looked up on first read when not given). */
  readonly maxTableBytes: number;
  /** Estimated bytes below which a table is within its bound without reading `maxTableBytes`. */
  readonly tableAlwaysFits: number;
}

export function limitsFrom(options: ReadOptions = {}): Limits {
  const given = options.maxTableBytes ?? tableBytesFromEnv(process.env);
  let bound = given;
  return {
    maxFieldChars: options.maxFieldChars ?? MAX_FIELD_CHARS,
    maxRecordChars: options.maxRecordChars ?? MAX_RECORD_CHARS,
    maxFileBytes: options.maxFileBytes ?? MAX_FILE_BYTES,
    maxJsonDocumentBytes: options.maxJsonDocumentBytes ?? MAX_JSON_DOCUMENT_BYTES,
    get maxTableBytes() {
      bound ??= defaultMaxTableBytes();
      return bound;
    },
    tableAlwaysFits: given === undefined ? TABLE_ALWAYS_FITS : 0,
  };
}

/** True when a table of `bytes` (estimated) is over the limits' bound. */
export function overTableBound(limits: Limits, bytes: number): boolean {
  return bytes > limits.tableAlwaysFits && bytes > limits.maxTableBytes;
}

/** `JOBINDEX_MAX_TABLE_BYTES` when set to a positive number. */
function tableBytesFromEnv(env: Record<string, string | undefined>): number | undefined {
  const set = Number(env[MAX_TABLE_BYTES_ENV]);
  return Number.isFinite(set) && set > 0 ? Math.floor(set) : undefined;
}

/**
 * The in-memory bound for a table: `JOBINDEX_MAX_TABLE_BYTES` if set to a positive number,
 * else `TABLE_HEAP_SHARE` of V8's heap limit (which `--max-old-space-size` raises).
 */
export function defaultMaxTableBytes(
  heapLimit: number = getHeapStatistics().heap_size_limit,
  env: Record<string, string | undefined> = process.env,
): number {
  return tableBytesFromEnv(env) ?? Math.floor(heapLimit * TABLE_HEAP_SHARE);
}

/** Heap taken by a one-byte string of `chars` characters: 16 bytes of header, 8-byte aligned. */
export function stringBytes(chars: number): number {
  return 16 + ((chars + 7) & ~7);
}

/** Estimated heap held by one row of `cells` cells whose own strings take `strings` bytes. */
export function rowBytes(cells: number, strings: number): number {
  return TABLE_ROW_BYTES + cells * TABLE_CELL_BYTES + strings;
}

/**
 * The diagnostic for a table over `maxTableBytes`: the bound, and the two ways around it.
 * `estimate` is the table's estimated size when known (up front), `line` where reading
 * stopped when it is not.
 */
export function tableTooLarge(
  file: string,
  limit: number,
  found: { estimate: number } | { line: number },
): { code: "E_FILE_TOO_LARGE"; message: string; file: string; line?: number } {
  const what =
    "estimate" in found
      ? `this file needs about ${formatApprox(found.estimate)} (estimated from its first lines)`
      : "the rows up to here already need that much";
  return {
    code: "E_FILE_TOO_LARGE",
    message: `expected a table that fits in the reader's in-memory limit of ${formatApprox(limit)}; ${what}. Filter the extract to the periods you need, or give node more memory: NODE_OPTIONS=--max-old-space-size=${suggestedHeapMiB(found, limit)}`,
    file,
    ...("line" in found ? { line: found.line } : {}),
  };
}

function suggestedHeapMiB(found: { estimate: number } | { line: number }, limit: number): number {
  const need = "estimate" in found ? found.estimate : limit * 2;
  return Math.ceil(((need / TABLE_HEAP_SHARE) * 1.25) / 1024 ** 2 / 1024) * 1024;
}

/** `3.2 GiB`, `740 MiB`: sizes in messages where exactness does not matter. */
export function formatApprox(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}

/** `1048576` → `1 MiB`, for messages. */
export function formatSize(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return String(n);
}
