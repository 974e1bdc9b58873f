/**
 * Delimited text, streamed so memory holds the table, never the file: quote-free lines are
 * split directly (csv-direct.ts) at any size, and csv-parse reads from the first line with
 * a quote on (small quote-free files, at most 4 MiB, are read whole: see `directLines`).
 * Records are numbered by the physical line they start on, counted from each record's raw
 * text (csv-parse's own line counter drifts on CRLF inside quoted fields).
 *
 * Beside this file: the direct path (csv-direct.ts), the rows as records arrive
 * (csv-collector.ts), csv-parse's errors as diagnostics (csv-errors.ts) and the up-front
 * size estimate (table-size.ts).
 */
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { CsvCollector, type SkippedLines, StopReading } from "./csv-collector.js";
import {
  type DirectSettings,
  directLines,
  LineSplitter,
  latestStreamed,
  withLatestKnown,
} from "./csv-direct.js";
import { csvErrorDiagnostic, expectLength } from "./csv-errors.js";
import type { Limits } from "./limits.js";
import type { ReadOptions, TextEncoding } from "./options.js";
import { selectRows } from "./select.js";
import { separatorSample, sniffSeparator } from "./sniff.js";
import {
  fatal,
  readWithEncodingFallback,
  type Source,
  sniffEncoding,
  textChunks,
} from "./source.js";
import { isStatBankHeader, toStatBankLong } from "./statbank.js";
import type { Table } from "./table.js";
import { checkTableFits } from "./table-size.js";

async function drain(records: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of records) {
    // on_record keeps every record; nothing flows downstream
  }
}

function decode(bytes: Uint8Array, encoding: TextEncoding): string {
  return encoding === "utf-8"
    ? new TextDecoder("utf-8").decode(bytes)
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

export async function readCsv(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const sniffed = sniffEncoding(source.head, source.size <= source.head.length);
  const separator =
    options.separator ??
    sniffSeparator(separatorSample(source.head, (b) => decode(b, options.encoding ?? sniffed)));
  // With a period selection the table is the rows kept, which the head cannot predict: the
  // bound is checked on those rows while reading.
  if (options.select === undefined) {
    checkTableFits(source, decode(source.head, options.encoding ?? sniffed), separator, limits);
  }
  const table = await readWithEncodingFallback(sniffed, options.encoding, (encoding, lenient) =>
    parseCsvFile(source, { encoding, lenient, separator, limits, options }),
  );
  return table;
}

interface CsvSettings extends DirectSettings {
  options: ReadOptions;
}

async function parseCsvFile(source: Source, settings: CsvSettings): Promise<Table> {
  const { file } = source;
  const bag = new DiagnosticBag();
  const lines = directLines(source, settings);
  if (lines !== undefined) {
    const collector = new CsvCollector(
      file,
      bag,
      settings.limits,
      withLatestKnown(settings.options, lines, settings),
      rowSink(settings.options),
    );
    try {
      collector.addLines(lines, settings.separator);
    } catch (error) {
      if (!(error instanceof StopReading)) throw error;
    }
    return finishTable(collector, settings);
  }
  // Streamed: quote-free lines are split directly as the chunks arrive, at any size, and
  // csv-parse takes over from the first line the direct path cannot take (a quote in it).
  const chunks = () => textChunks(source, settings.encoding, settings.lenient);
  const options =
    source.bytes === undefined
      ? ((await latestStreamed(chunks(), settings.options, settings)) ?? settings.options)
      : settings.options;
  const collector = new CsvCollector(file, bag, settings.limits, options, rowSink(options));
  const stream = chunks()[Symbol.asyncIterator]();
  const splitter = new LineSplitter(settings.limits);
  const onLine = (line: string) => collector.addLine(line, settings.separator);
  let rest: string | undefined;
  try {
    for (;;) {
      const next = await stream.next();
      rest = next.done ? splitter.end(onLine) : splitter.push(next.value, onLine);
      if (next.done || rest !== undefined) break;
    }
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
    await stream.return?.(undefined);
    return finishTable(collector, settings);
  }
  if (rest === undefined) return finishTable(collector, settings);
  // csv-parse and node's streams load only for files that need them (quoted, or a line
  // too long for the direct path): the shipped data and most extracts never load them.
  const [{ CsvError, parse }, { pipeline }] = await Promise.all([
    import("csv-parse"),
    import("node:stream/promises"),
  ]);
  const parser = parse({
    delimiter: settings.separator,
    // Field counts are the collector's to check (E_RAGGED_ROW). csv-parse still compares
    // each record with the first one and builds an Error (with a stack trace) for every
    // mismatch, so `on_record` keeps that first length at the header's (a blank first line
    // would otherwise make every record a mismatch), and the read stops once the
    // diagnostics are full: at most ~200 of those Errors per file.
    relax_column_count: true,
    // Both endings, so a file that mixes them (edited on two systems) still reads.
    record_delimiter: ["\r\n", "\n"],
    max_record_size: settings.limits.maxRecordChars,
    // Records are collected synchronously inside the parser, not downstream, so the line
    // count is exact when csv-parse stops with an error (downstream would lag behind).
    // Records are arrays of strings (typed loosely as unknown); a throw here ends the read.
    on_record: (record: unknown) => {
      collector.add(record as string[]);
      if (collector.header) expectLength(parser, collector.header.length);
      return null;
    },
  });
  if (collector.header) expectLength(parser, collector.header.length);
  const from = rest;
  async function* remainder(): AsyncGenerator<string> {
    yield from;
    for (;;) {
      const next = await stream.next();
      if (next.done) return;
      yield next.value;
    }
  }
  try {
    await pipeline(remainder(), parser, drain);
  } catch (error) {
    if (error instanceof StopReading) return finishTable(collector, settings);
    if (!(error instanceof CsvError)) throw error;
    bag.add(csvErrorDiagnostic(error, file, collector.line, parser, settings.limits));
    bag.throwIfErrors();
  }
  return finishTable(collector, settings);
}

/** A StatBank table is made long once read whole: only another file's rows go to `onRow` as read. */
function wantStatBank(header: string[], options: ReadOptions): boolean {
  return (
    options.format === "statbank" || (options.format === undefined && isStatBankHeader(header))
  );
}

/** Where the collector hands rows as they are read (`ReadOptions.onRow`), by the header. */
function rowSink(options: ReadOptions): CsvCollector["sinkFor"] {
  const { onRow } = options;
  if (onRow === undefined) return undefined;
  return (header) => (wantStatBank(header, options) ? undefined : onRow);
}

function finishTable(collector: CsvCollector, settings: CsvSettings): Table {
  const { bag, file } = collector;
  collector.finish();
  const header = collector.header;
  if (!header) {
    fatal({
      code: ReadCode.Empty,
      message: "expected a header and rows, found only blank lines",
      file,
    });
  }
  const rows = collector.rows;
  const { judge } = collector;
  // A selection that left every row out is not an empty file: the caller says which
  // periods there are.
  if (collector.rowCount === 0 && (judge?.skipped ?? 0) === 0 && !bag.hasErrors) {
    bag.add({
      code: ReadCode.NoRows,
      message: `expected rows after the header, found none (header: ${header.join(settings.separator)})`,
      file,
      line: collector.headerLine,
    });
  }
  let decimalMark = settings.options.decimalMark;
  if (!decimalMark) {
    const counts = new Set(settings.options.countColumns?.(header) ?? []);
    const decided = collector.evidence.decide(settings.separator, file, counts);
    if (typeof decided === "string") decimalMark = decided;
    else bag.add(decided);
  }
  const warning = skippedWarning(file, collector.skipped);
  let table: Table = {
    file,
    format: "csv",
    columns: header,
    rows,
    separator: settings.separator,
    encoding: settings.encoding,
    ...(decimalMark ? { decimalMark } : {}),
    ...(judge ? { periods: judge.periods(), skippedRows: judge.skipped } : {}),
    ...(warning ? { warnings: [warning] } : {}),
  };
  if (wantStatBank(header, settings.options)) {
    table = selectRows(toStatBankLong(table, bag), settings.options.select);
  }
  bag.throwIfErrors();
  return table;
}

/** `lines 1–2`, `line 7`, `lines 3, 9, 12`. */
function lineList(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const first = lines[0] as number;
  const last = lines.at(-1) as number;
  if (last - first === lines.length - 1) return `lines ${first}–${last}`;
  const shown = lines.slice(0, 5).join(", ");
  return `lines ${shown}${lines.length > 5 ? ", …" : ""}`;
}

/** One warning for every line skipped as not data, or undefined when none was. */
export function skippedWarning(file: string, skipped: SkippedLines): Diagnostic | undefined {
  const parts: string[] = [];
  if (skipped.titles.length > 0) {
    parts.push(
      `${skipped.titles.length} title line(s) above the header (${lineList(skipped.titles)})`,
    );
  }
  if (skipped.footnotes.length > 0) {
    parts.push(
      `${skipped.footnotes.length} footnote line(s) below the data (${lineList(skipped.footnotes)})`,
    );
  }
  if (skipped.empty.length > 0) {
    parts.push(`${skipped.empty.length} empty row(s) (${lineList(skipped.empty)})`);
  }
  const total = skipped.titles.length + skipped.footnotes.length + skipped.empty.length;
  if (total === 0) return undefined;
  const first = Math.min(...skipped.titles, ...skipped.footnotes, ...skipped.empty);
  return {
    code: ReadCode.SkippedLines,
    message: `skipped ${total} line(s) that are not data: ${parts.join(", ")}`,
    file,
    line: first,
    severity: "warning",
  };
}
