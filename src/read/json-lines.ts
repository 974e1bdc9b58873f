/**
 * JSON lines: one object per line, streamed in chunks so memory holds the table, never the
 * file. Flat lines go through `JSON.parse` (src/read/flat-object.ts); the located parser
 * reads the rest, and says where a broken line is wrong.
 */
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import type { Period } from "../period.js";
import { ReadCode } from "./codes.js";
import { type FlatObject, flatObject } from "./flat-object.js";
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
import { formatSize, type Limits, tableTooLarge } from "./limits.js";
import type { PeriodSelection, PeriodsKept, ReadOptions, TextEncoding } from "./options.js";
import { HeldRows, PeriodJudge } from "./select.js";
import {
  fatal,
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
  const parsed: ParsedLine[] = [];
  // A file read whole is parsed first, so "the latest period" can be found before any row is
  // built: files list periods in ascending order, and streaming would build every row as
  // the latest so far. A large file streams, line by line.
  const whole = source.bytes !== undefined && select?.keep === "latest";
  let rows: RecordRows | undefined;
  let judge: PeriodJudge | undefined;
  const start = (keep: PeriodsKept | undefined) => {
    judge = keep === undefined ? undefined : new PeriodJudge(keep);
    rows = new RecordRows(file, bag, new HeldRows<PendingRow>(judge), isPeriodKey);
    return rows;
  };
  const take = (into: RecordRows, p: ParsedLine) => {
    if ("problem" in p) {
      bag.add(p.problem);
      return;
    }
    if ("flat" in p) into.addFlat(p.line, p.flat);
    else into.add(p.record);
    if (into.held.bytes > limits.maxTableBytes) {
      fatal(tableTooLarge(file, limits.maxTableBytes, { line: p.line }));
    }
  };
  if (!whole) start(select?.keep);
  await forEachLine(
    textChunks(source, encoding, lenient),
    limits.maxRecordChars,
    (text, line) => {
      const p = parseLine(text, line, jsonLimits, file);
      if (p === undefined) return;
      if (whole) parsed.push(p);
      else if (rows !== undefined) take(rows, p);
    },
    (line) => {
      const problem: Diagnostic = {
        code: ReadCode.RecordTooLarge,
        message: `expected a line of at most ${formatSize(limits.maxRecordChars)} characters, found more`,
        file,
        line,
      };
      if (whole) parsed.push({ line, problem });
      else bag.add(problem);
    },
  );
  if (whole) {
    const latest = latestPeriodOf(parsed, isPeriodKey);
    const into = start(latest === undefined ? "latest" : { exactly: latest });
    for (const p of parsed) take(into, p);
  }
  const format: TableFormat = "jsonl";
  const done = rows as RecordRows;
  return finishJsonTable({ file, format, encoding, ...done.table(), ...done.selected(judge) }, bag);
}

/** The latest period the parsed lines name. */
function latestPeriodOf(
  parsed: readonly ParsedLine[],
  isPeriodKey: ((key: string) => boolean) | undefined,
): Period | undefined {
  if (isPeriodKey === undefined) return undefined;
  const judge = new PeriodJudge("latest");
  for (const p of parsed) {
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
