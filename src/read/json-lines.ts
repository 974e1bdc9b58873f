/**
 * JSON lines: one object per line, streamed in chunks so memory holds the table, never the
 * file. Flat lines go through `JSON.parse` (src/read/flat-object.ts); the located parser
 * reads the rest, and says where a broken line is wrong.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import type { Period } from "../period.js";
import { ReadCode } from "./codes.js";
import { type FlatObject, flatObject } from "./flat-object.js";
import { type LineTemplate, lineTemplate, scanPeriod, templateCells } from "./json-line-scan.js";
import { JsonParseError, type JsonParseLimits, parseJson } from "./json-parse.js";
import {
  describe,
  finishJsonTable,
  isObject,
  type JsonRecord,
  type PendingRow,
  parseErrorDiagnostic,
  parseLimits,
  periodKeys,
  RecordRows,
} from "./json-records.js";
import { formatSize, type Limits, overTableBound, tableTooLarge } from "./limits.js";
import type { PeriodSelection, PeriodsKept, ReadOptions, TextEncoding } from "./options.js";
import { HeldRows, PeriodJudge } from "./select.js";
import {
  decodeLatin1,
  fatal,
  NotUtf8Error,
  readWithEncodingFallback,
  type Source,
  sniffEncoding,
  textChunks,
} from "./source.js";
import type { Table, TableFormat } from "./table.js";

export async function readJsonLines(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const sniffed = sniffEncoding(source.head, source.size <= source.head.length);
  return readWithEncodingFallback(sniffed, options.encoding, (encoding, lenient) =>
    parseJsonLinesFile(source, encoding, lenient, limits, options.select),
  );
}

/** One line of a JSON-lines file, parsed: a row's record, or what is wrong with it. */
type ParsedLine =
  | { line: number; flat: FlatObject }
  | { line: number; record: JsonRecord }
  | { line: number; problem: Diagnostic };

function parseLine(
  text: string,
  line: number,
  limits: JsonParseLimits,
  file: string,
): ParsedLine | undefined {
  if (text.trim() === "") return undefined;
  const flat = flatObject(text, limits.maxStringChars);
  if (flat !== undefined) return { line, flat };
  try {
    const { value } = parseJson(text, limits, line);
    if (isObject(value)) return { line, record: { line, entries: [...value.entries()] } };
    const message = `expected one object per line, found ${describe(value)}`;
    return { line, problem: { code: ReadCode.JsonShape, message, file, line } };
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    return { line, problem: parseErrorDiagnostic(error, file) };
  }
}

async function parseJsonLinesFile(
  source: Source,
  encoding: TextEncoding,
  lenient: boolean,
  limits: Limits,
  select: PeriodSelection | undefined,
): Promise<Table> {
  const { file } = source;
  const bag = new DiagnosticBag();
  const jsonLimits = parseLimits(limits);
  const isPeriodKey = select === undefined ? undefined : periodKeys(select.column);
  let rows: RecordRows | undefined;
  let judge: PeriodJudge | undefined;
  const start = (keep: PeriodsKept | undefined) => {
    judge = keep === undefined ? undefined : new PeriodJudge(keep);
    rows = new RecordRows(file, bag, new HeldRows<PendingRow>(judge), isPeriodKey);
    return rows;
  };
  const checkBound = (into: RecordRows, line: number) => {
    if (overTableBound(limits, into.held.bytes)) {
      fatal(tableTooLarge(file, limits.maxTableBytes, { line }));
    }
  };
  const take = (into: RecordRows, p: ParsedLine) => {
    if ("problem" in p) {
      bag.add(p.problem);
      return;
    }
    if ("flat" in p) into.addFlat(p.line, p.flat);
    else into.add(p.record);
    checkBound(into, p.line);
  };
  const tooLong = (line: number): ParsedLine => ({
    line,
    problem: {
      code: ReadCode.RecordTooLarge,
      message: `expected a line of at most ${formatSize(limits.maxRecordChars)} characters, found more`,
      file,
      line,
    },
  });
  const { bytes } = source;
  if (bytes !== undefined && select !== undefined && isPeriodKey !== undefined) {
    // A file read whole, with a selection: lines are judged by their period field before
    // they are decoded and parsed (json-line-scan.ts), and the latest period is found first.
    const view = textView(bytes, encoding, lenient);
    const { lines, template } = scanWholeLines(
      view,
      limits.maxRecordChars,
      isPeriodKey,
      (line, at) => parseLine(line, at, jsonLimits, file),
    );
    let keep = select.keep;
    if (keep === "latest") {
      const latest = latestPeriodOf(lines, isPeriodKey);
      if (latest !== undefined) keep = { exactly: latest };
    }
    const into = start(keep);
    const prejudge = keep !== "latest" ? (judge as PeriodJudge) : undefined;
    const layout = template === undefined ? undefined : into.layoutOf(template.keys, isPeriodKey);
    for (const entry of lines) {
      // With a period fixed (not "the latest so far") a verdict does not depend on the rows
      // before: a line judged "skip" here is counted and never decoded or parsed; others are
      // read and judged again as they are held, to the same verdict.
      if ("period" in entry) {
        if (prejudge !== undefined && prejudge.judge(entry.period) === "skip") continue;
        const text = view.text.slice(entry.start, entry.end);
        // The line's values by JSON.parse of its scanned text, in the template's key
        // order; the parser reads any line they cannot be taken from that way.
        const cells =
          layout !== undefined && text.length <= jsonLimits.maxStringChars
            ? templateCells(text)
            : undefined;
        if (cells !== undefined && layout !== undefined) {
          for (let i = 0; i < cells.length; i++) {
            const cell = cells[i];
            if (typeof cell === "string") cells[i] = view.spelt(cell);
          }
          into.addLaidOut(entry.line, layout, cells);
          checkBound(into, entry.line);
          continue;
        }
        const p = parseLine(view.decode(entry.start, entry.end), entry.line, jsonLimits, file);
        if (p !== undefined) take(into, p);
      } else if ("tooLong" in entry) take(into, tooLong(entry.line));
      else if (entry.parsed !== undefined) take(into, entry.parsed);
    }
  } else {
    start(select?.keep);
    await forEachLine(
      textChunks(source, encoding, lenient),
      limits.maxRecordChars,
      (text, line) => {
        const p = parseLine(text, line, jsonLimits, file);
        if (p !== undefined && rows !== undefined) take(rows, p);
      },
      (line) => {
        const p = tooLong(line);
        if ("problem" in p) bag.add(p.problem);
      },
    );
  }
  const format: TableFormat = "jsonl";
  const done = rows as RecordRows;
  return finishJsonTable({ file, format, encoding, ...done.table(), ...done.selected(judge) }, bag);
}

/**
 * One line of a file read whole: parsed already (the lines the scan could not judge, and
 * the first flat line, whose keys make the template), judged by its period field only
 * (`period`, with where its text is in the view, for decoding and parsing if kept), or over
 * the record limit.
 */
type WholeLine =
  | { line: number; parsed: ParsedLine | undefined }
  | { line: number; start: number; end: number; period: string }
  | { line: number; tooLong: true };

/**
 * A file read whole, as text to scan: `text` holds one character per byte where the bytes
 * are valid UTF-8 that is not all ASCII (their Latin-1 reading, native and without UTF-8
 * decoding), so that lines left out by the selection are never decoded; `decode` gives the
 * real text of a range of it. Otherwise `text` is the decoded file and `decode` a slice.
 */
interface TextView {
  text: string;
  decode(start: number, end: number): string;
  /** A key as it is spelt in `text`. */
  spell(key: string): string;
  /** The real text of a string `text` spells (one of its values). */
  spelt(value: string): string;
}

/** A character that stands for a byte of a multi-byte UTF-8 sequence in the byte view. */
const HIGH = /[\u0080-\u00ff]/;
/** Distinct non-ASCII values remembered decoded (a hostile file could vary every one). */
const MAX_DECODED = 4096;

/** The file's view as `textChunks` would decode it: invalid UTF-8 raises `NotUtf8Error`. */
function textView(bytes: Buffer, encoding: TextEncoding, lenient: boolean): TextView {
  const decoded = (text: string): TextView => ({
    text,
    decode: (start, end) => text.slice(start, end),
    spell: (key) => key,
    spelt: (value) => value,
  });
  if (encoding === "latin1") return decoded(decodeLatin1(bytes));
  if (isAscii(bytes)) return decoded(bytes.toString("latin1"));
  if (!isUtf8(bytes)) {
    if (!lenient) throw new NotUtf8Error();
    return decoded(new TextDecoder("utf-8").decode(bytes));
  }
  // TextDecoder would drop a byte order mark.
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Values repeat (a municipality's name on every line of it): each spelling decoded once.
  const realText = new Map<string, string>();
  return {
    text: bytes.toString("latin1", from),
    decode: (start, end) => bytes.toString("utf8", from + start, from + end),
    spell: (key) => Buffer.from(key, "utf8").toString("latin1"),
    spelt: (value) => {
      if (!HIGH.test(value)) return value;
      let text = realText.get(value);
      if (text === undefined) {
        text = Buffer.from(value, "latin1").toString("utf8");
        if (realText.size < MAX_DECODED) realText.set(value, text);
      }
      return text;
    },
  };
}

/** The lines of a file read whole, each parsed or judged by the scan (see `WholeLine`). */
function scanWholeLines(
  view: TextView,
  maxLine: number,
  isPeriodKey: (key: string) => boolean,
  parse: (text: string, line: number) => ParsedLine | undefined,
): { lines: WholeLine[]; template: LineTemplate | undefined } {
  const { text } = view;
  const out: WholeLine[] = [];
  let template: LineTemplate | undefined;
  let at = 0;
  for (let line = 1; at < text.length; line++) {
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    // The view may spell a character in several: only a line that might be too long is
    // decoded to measure it.
    const tooLong = end - at > maxLine && view.decode(at, end).length > maxLine;
    const period =
      template === undefined || tooLong ? undefined : scanPeriod(text.slice(at, end), template);
    if (tooLong) out.push({ line, tooLong: true });
    else if (period !== undefined) out.push({ line, start: at, end, period });
    else {
      const parsed = parse(view.decode(at, end), line);
      out.push({ line, parsed });
      if (template === undefined && parsed !== undefined && "flat" in parsed) {
        template = lineTemplate(Object.keys(parsed.flat), isPeriodKey, view.spell);
      }
    }
    if (newline < 0) break;
    at = newline + 1;
  }
  return { lines: out, template };
}

/** The latest period the lines name, judged or parsed. */
function latestPeriodOf(
  lines: readonly WholeLine[],
  isPeriodKey: (key: string) => boolean,
): Period | undefined {
  const judge = new PeriodJudge("latest");
  let last: string | undefined;
  for (const entry of lines) {
    if ("period" in entry) {
      // Files list a period's lines together: the same text again judges the same.
      if (entry.period !== last) judge.judge(entry.period);
      last = entry.period;
      continue;
    }
    const p = "parsed" in entry ? entry.parsed : undefined;
    if (p === undefined) continue;
    if ("flat" in p) {
      for (const key in p.flat) if (isPeriodKey(key)) judge.judge(p.flat[key] ?? null);
    } else if ("record" in p) {
      for (const [key, value] of p.record.entries) {
        if (isPeriodKey(key) && (typeof value !== "object" || value === null)) judge.judge(value);
      }
    }
  }
  return judge.latestPeriod();
}

/**
 * Splits decoded chunks into lines without ever holding more than `maxLine` characters of
 * one line: an over-long line is reported once and skipped up to its end.
 */
export async function forEachLine(
  chunks: AsyncIterable<string>,
  maxLine: number,
  onLine: (text: string, line: number) => void,
  onTooLong: (line: number) => void,
): Promise<void> {
  let pending = "";
  let line = 1;
  let skipping = false;
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf("\n", from);
      if (newline < 0) break;
      if (skipping) {
        // the rest of an over-long line, already reported
      } else if (pending.length + newline - from > maxLine) onTooLong(line);
      else onLine(pending + chunk.slice(from, newline), line);
      pending = "";
      skipping = false;
      line++;
      from = newline + 1;
    }
    if (skipping) continue;
    pending += chunk.slice(from);
    if (pending.length > maxLine) {
      onTooLong(line);
      pending = "";
      skipping = true;
    }
  }
  if (!skipping && pending !== "") onLine(pending, line);
}
