/**
 * Guessing what a file is from its first bytes: an Excel workbook, JSON, JSON lines or
 * delimited text, and for delimited text which separator it uses.
 */
import type { Separator } from "./options.js";

export type SniffedFormat = "csv" | "json" | "jsonl" | "xlsx";

/** A zip archive's local file header, `PK\x03\x04`: how every .xlsx file starts. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The compound-file header of Excel 97–2003 workbooks (.xls), which are not read. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/** True when the bytes start as a zip archive: an .xlsx workbook, whatever its name. */
export function isZip(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC);
}

/** True for the old binary Excel format (.xls), refused with a hint to save as .xlsx. */
export function isLegacyExcel(head: Uint8Array): boolean {
  return startsWith(head, OLE2_MAGIC);
}

/** The format of a file from its first bytes: a zip archive is a workbook, else as text. */
export function sniffFormatOf(head: Uint8Array, extension: string): SniffedFormat {
  if (isZip(head)) return "xlsx";
  // Text whose first character (after a byte order mark) is printable ASCII other than `[`
  // and `{` is CSV, as `sniffFormat` finds, without decoding the head.
  const first = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head[3] : head[0];
  if (first !== undefined && first > 0x20 && first < 0x7f && first !== 0x5b && first !== 0x7b) {
    return "csv";
  }
  return sniffFormat(new TextDecoder("utf-8").decode(head), extension);
}

/**
 * Content decides; the extension only breaks the tie between a JSON document and JSON
 * lines. A first line that is a whole JSON object means JSON lines, unless the object is a
 * jobindsats API response (`Variables` and `Data`), which is one document.
 */
export function sniffFormat(headText: string, extension: string): SniffedFormat {
  const text = headText.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[")) return "json";
  if (!text.startsWith("{")) return "csv";
  if (extension === "jsonl" || extension === "ndjson") return "jsonl";
  const firstLine = text.split("\n", 1)[0] ?? "";
  try {
    const first: unknown = JSON.parse(firstLine);
    const isApiResponse =
      typeof first === "object" && first !== null && "Variables" in first && "Data" in first;
    return isApiResponse ? "json" : "jsonl";
  } catch {
    return "json";
  }
}

const CANDIDATES: Separator[] = [";", "\t", ","];
const SAMPLE_RECORDS = 20;
/** The head's first bytes decoded for the separator, when they hold the records it counts. */
const SAMPLE_PREFIX_BYTES = 8 * 1024;

/**
 * The text `sniffSeparator` reads of a head: its first 8 KiB when they hold the records it
 * counts (it stops there, so the answer is the whole head's), else the whole head.
 */
export function separatorSample(head: Uint8Array, decode: (bytes: Uint8Array) => string): string {
  if (head.length > SAMPLE_PREFIX_BYTES) {
    const prefix = decode(head.subarray(0, SAMPLE_PREFIX_BYTES));
    if (countPerRecord(prefix.replace(/^\uFEFF/, "")).length >= SAMPLE_RECORDS) return prefix;
  }
  return decode(head);
}

/**
 * Counts each candidate outside quotes in the first records. The separator is the one the
 * header uses that appears equally often in most records; `;` wins a tie because Danish
 * exports use it with decimal commas (where `,` counts would mislead). When the first
 * record agrees with few of the others (a title line above the header, `Ledighed, 2024`),
 * the separator is the one most records agree on, and the header is found after it
 * (src/read/csv-collector.ts).
 */
export function sniffSeparator(headText: string): Separator {
  const counts = countPerRecord(headText.replace(/^\uFEFF/, ""));
  const header = counts[0];
  if (!header) return ",";
  let best: Separator = ",";
  let bestScore = -1;
  for (const candidate of CANDIDATES) {
    const inHeader = header[candidate];
    if (inHeader === 0) continue;
    const agreeing = counts.filter((c) => c[candidate] === inHeader).length;
    const score = agreeing / counts.length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (counts.length < 3 || bestScore >= 0.5) return best;
  return byMajority(counts) ?? best;
}

/** The candidate whose most common non-zero count most records share (ties: more fields, then `;`). */
function byMajority(counts: readonly Counts[]): Separator | undefined {
  let best: Separator | undefined;
  let bestAgreeing = 0;
  let bestWidth = 0;
  for (const candidate of CANDIDATES) {
    const frequency = new Map<number, number>();
    for (const c of counts) {
      const n = c[candidate];
      if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    for (const [width, agreeing] of frequency) {
      if (agreeing > bestAgreeing || (agreeing === bestAgreeing && width > bestWidth)) {
        best = candidate;
        bestAgreeing = agreeing;
        bestWidth = width;
      }
    }
  }
  return bestAgreeing * 2 > counts.length ? best : undefined;
}

type Counts = Record<Separator, number>;

function countPerRecord(text: string): Counts[] {
  const records: Counts[] = [];
  let current: Counts = { ";": 0, "\t": 0, ",": 0 };
  let inQuotes = false;
  let empty = true;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (!empty) records.push(current);
      current = { ";": 0, "\t": 0, ",": 0 };
      empty = true;
      continue;
    } else if (!inQuotes && (c === ";" || c === "\t" || c === ",")) current[c]++;
    empty = false;
  }
  // The sample may end mid-record; count that record only if the sample is all there is.
  if (!empty && records.length === 0) records.push(current);
  return records;
}
