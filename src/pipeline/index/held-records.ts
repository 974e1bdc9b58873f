/**
 * The count records of many quarters (`index --history`, and `--missing impute-previous`,
 * which reads the quarter before each one), held as numbers rather than as a table of
 * strings and one object per record (docs/performance.md, "Memory").
 *
 * While a file is read its rows are not held by the reader (`ReadOptions.onRow`): each row
 * is checked and converted as it arrives, exactly as `countRecords` does (the same
 * `recordReader`, 256 rows at a time), into `HeldRecords`: per quarter the municipality
 * codes, the counts (in tenths, `heldCount`) and where each row was, about 50 bytes a
 * record. A quarter's records are made as objects again only when that quarter is scored
 * (`get`).
 *
 * A count is read with the file's decimal mark, which the reader decides at the end of the
 * file (src/read/decimal.ts); `ArrivingRows` says how rows are converted before that.
 *
 * Inputs with problems are read this way too, and report them as `countRecords` does, the
 * same messages in the same order (`ArrivingRows`): reading them again as tables, to
 * report their problems, held every row and record of a broken extract.
 */
import type { MethodProfile } from "../../composite/profile.js";
import type { CountRecord, SourceLine } from "../../composite/types.js";
import { DiagnosticBag, InputError } from "../../diagnostics.js";
import { parsePeriod } from "../../period.js";
import {
  type Cell,
  type DecimalMark,
  isMissingCell,
  parseNumber,
  type ReadOptions,
  type RowRead,
  type Table,
  type TableRow,
} from "../../read/index.js";
import type { Registry } from "../../registry/index.js";
import { readInputTable } from "../read-table.js";
import { countSpecs, type RecordReader, recordReader, type SeenRows } from "./input.js";
import type { LoadedMethod } from "./method.js";

/** Joins a row's cells into the one text it is kept as; no cell of a kept row has it. */
const JOIN = "\u0000";

/** Rows checked and converted at a time. */
const BLOCK_ROWS = 256;

/** Bytes of each buffer the rows' texts are written into. */
const TEXT_CHUNK = 1 << 20;

/** A character beyond Latin-1: text without one is written as one byte a character. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** A typed array at least `size` long, with `array`'s contents (doubled when grown). */
function grown<T extends Int32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, 2 * array.length));
  next.set(array);
  return next;
}

/**
 * Rows waiting for the decimal mark (`ArrivingRows`), each the text of its cells joined,
 * in Latin-1 bytes in buffers outside the heap (a row with other characters, or cells that
 * are not text, is kept as it is). Nothing of a row is then a heap object that lives on,
 * which keeps the collector from growing the heap while a large file is read.
 */
class RowTexts {
  count = 0;
  private lines = new Int32Array(1024);
  /** Where each row's text is: its chunk (`chunkOf`), and where it starts and ends there. */
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private chunkOf = new Int32Array(1024);
  private readonly chunks: Buffer[] = [];
  private used = TEXT_CHUNK;
  /** Rows not written as bytes, by their place. */
  private readonly others = new Map<number, string | Cell[]>();

  add(row: RowRead): void {
    const i = this.count++;
    if (i === this.lines.length) {
      this.lines = grown(this.lines, i + 1);
      this.starts = grown(this.starts, i + 1);
      this.ends = grown(this.ends, i + 1);
      this.chunkOf = grown(this.chunkOf, i + 1);
    }
    this.lines[i] = row.line;
    const values = row.values;
    if (!joinable(values)) {
      this.others.set(i, values);
      this.chunkOf[i] = -1;
      return;
    }
    const text = values.join(JOIN);
    if (BEYOND_LATIN1.test(text) || text.length > TEXT_CHUNK) {
      this.others.set(i, text);
      this.chunkOf[i] = -1;
      return;
    }
    if (this.used + text.length > TEXT_CHUNK) {
      this.chunks.push(Buffer.allocUnsafeSlow(TEXT_CHUNK));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    this.starts[i] = this.used;
    this.used += (this.chunks[chunk] as Buffer).write(text, this.used, "latin1");
    this.ends[i] = this.used;
    this.chunkOf[i] = chunk;
  }

  /** The rows `from` to `to` (exclusive) as table rows. */
  take(from: number, to: number): TableRow[] {
    const out: TableRow[] = [];
    for (let i = from; i < to; i++) {
      const chunk = this.chunkOf[i] as number;
      const other = this.others.get(i);
      let values: Cell[];
      if (chunk < 0) values = typeof other === "string" ? other.split(JOIN) : (other as Cell[]);
      else {
        values = (this.chunks[chunk] as Buffer)
          .toString("latin1", this.starts[i] as number, this.ends[i] as number)
          .split(JOIN);
      }
      out.push({ line: this.lines[i] as number, values });
    }
    return out;
  }
}
/** Text cells only, none holding the joining character: then joining and splitting is exact. */
function joinable(values: readonly Cell[]): values is string[] {
  if (values.length === 0) return false;
  for (const cell of values) if (typeof cell !== "string" || cell.includes(JOIN)) return false;
  return true;
}

/** One quarter's records: their places in `HeldRecords`' arrays, in input order. */
interface Quarter {
  records: Int32Array;
  count: number;
  /** By municipality (its place in the registry): 1 + the record's place, or 0. */
  at: Int32Array;
}

/** Records per block of `HeldRecords`' arrays (a power of two: a place's block is a shift). */
const BLOCK_BITS = 12;
const RECORDS_PER_BLOCK = 1 << BLOCK_BITS;

/**
 * A count as `HeldRecords` holds it, in 32 bits: its tenths where they give the number
 * back exactly (whole counts, and full-time equivalents written to one decimal: what the
 * extracts hold), `MISSING` for no number, or `OTHER`, the number then kept beside it.
 * Half the memory of a double per count (on the bench's extract 3.2 MB of 6.4).
 */
const MISSING = -0x80000000;
const OTHER = -0x7fffffff;

function heldCount(value: number | null | undefined): number {
  if (value === null || value === undefined) return MISSING;
  const tenths = Math.round(value * 10);
  const exact = tenths / 10 === value && !Object.is(value, -0);
  return exact && tenths > OTHER && tenths <= 0x7fffffff ? tenths : OTHER;
}

/** The arrays of `RECORDS_PER_BLOCK` records. */
interface RecordBlock {
  /** `heldCount`s, `columns.length` a record. */
  counts: Int32Array;
  municipalities: Uint16Array;
  lines: Int32Array;
  /** Its records of quarters not let go: at none, the block is let go too. */
  live: number;
}

/**
 * The records of every quarter read: `get(period)` makes that quarter's records (the
 * objects `countRecords` gave), `delete` lets a quarter go. Each record is its counts
 * (`heldCount`), municipality and line in typed arrays, which grow a block of records at
 * a time (never copied, so never held twice while they grow) and are let go a block at a
 * time, once every quarter with records in it is (a file's quarters are mostly each in a
 * few blocks, so the memory shrinks as the run scores them); the records of a file are
 * consecutive. Also the `SeenRows` of the reading, so a repeated municipality × quarter is
 * found where it was first given.
 */
export class HeldRecords implements SeenRows {
  private readonly quarters = new Map<string, Quarter>();
  /** Each file's name, and the place of its first record. */
  private readonly files: string[] = [];
  private readonly fileStarts: number[] = [];
  private readonly place: Map<string, number>;
  private size = 0;
  private readonly blocks: Array<RecordBlock | undefined> = [];
  /** The counts held as `OTHER`, by their place among all records' counts. */
  private readonly others = new Map<number, number>();

  constructor(
    private readonly columns: readonly string[],
    private readonly codes: readonly string[],
  ) {
    this.place = new Map(codes.map((code, i) => [code, i]));
  }

  /** The records added next come from a file called `name` (until the next `beginFile`). */
  beginFile(name: string): number {
    this.files.push(name);
    this.fileStarts.push(this.size);
    return this.files.length - 1;
  }

  /** The file's name as its table gives it, known once it is read. */
  nameFile(file: number, name: string): void {
    this.files[file] = name;
  }

  /** How many records there are: `truncate` goes back to such a count. */
  get length(): number {
    return this.size;
  }

  /** Adds a record of a registry municipality, of the file begun last. */
  add(record: CountRecord): void {
    let quarter = this.quarters.get(record.period);
    if (quarter === undefined) {
      quarter = { records: new Int32Array(128), count: 0, at: new Int32Array(this.codes.length) };
      this.quarters.set(record.period, quarter);
    }
    const i = this.size++;
    const width = this.columns.length;
    const offset = i & (RECORDS_PER_BLOCK - 1);
    if (offset === 0 && this.blocks.length === i >>> BLOCK_BITS) {
      this.blocks.push({
        counts: new Int32Array(RECORDS_PER_BLOCK * width),
        municipalities: new Uint16Array(RECORDS_PER_BLOCK),
        lines: new Int32Array(RECORDS_PER_BLOCK),
        live: 0,
      });
    }
    const block = this.blocks[i >>> BLOCK_BITS] as RecordBlock;
    block.live++;
    for (let k = 0; k < width; k++) {
      const value = record.counts[this.columns[k] as string];
      const held = heldCount(value);
      block.counts[offset * width + k] = held;
      if (held === OTHER) this.others.set(i * width + k, value as number);
    }
    const code = this.place.get(record.municipality) as number;
    block.municipalities[offset] = code;
    block.lines[offset] = record.source.line;
    quarter.records = grown(quarter.records, quarter.count + 1);
    quarter.records[quarter.count++] = i;
    quarter.at[code] = i + 1;
  }

  /**
   * Lets go of the records from place `length` on (those of a file read again from its
   * start), as if they had never been added.
   */
  truncate(length: number): void {
    for (const [period, quarter] of this.quarters) {
      while (quarter.count > 0 && (quarter.records[quarter.count - 1] as number) >= length) {
        const i = quarter.records[--quarter.count] as number;
        quarter.at[this.municipalityOf(i)] = 0;
        (this.blocks[i >>> BLOCK_BITS] as RecordBlock).live--;
      }
      if (quarter.count === 0) this.quarters.delete(period);
    }
    for (const at of this.others.keys()) {
      if (at >= length * this.columns.length) this.others.delete(at);
    }
    this.size = Math.min(this.size, length);
  }

  first(code: string, period: string): SourceLine | undefined {
    const place = this.place.get(code);
    const at = place === undefined ? 0 : (this.quarters.get(period)?.at[place] ?? 0);
    return at === 0 ? undefined : this.source(at - 1);
  }

  /** Records are noted as they are added (`add`). */
  note(): void {}

  /** Every quarter the records name. */
  periods(): IterableIterator<string> {
    return this.quarters.keys();
  }

  get(period: string): CountRecord[] | undefined {
    const quarter = this.quarters.get(period);
    if (quarter === undefined) return undefined;
    const width = this.columns.length;
    const out: CountRecord[] = [];
    for (let r = 0; r < quarter.count; r++) {
      const i = quarter.records[r] as number;
      const block = this.blocks[i >>> BLOCK_BITS] as RecordBlock;
      const offset = i & (RECORDS_PER_BLOCK - 1);
      const counts: Record<string, number | null> = {};
      for (let k = 0; k < width; k++) {
        const held = block.counts[offset * width + k] as number;
        counts[this.columns[k] as string] =
          held === MISSING
            ? null
            : held === OTHER
              ? (this.others.get(i * width + k) as number)
              : held / 10;
      }
      const municipality = this.codes[block.municipalities[offset] as number] as string;
      out.push({ municipality, period, counts, source: this.source(i) });
    }
    return out;
  }

  delete(period: string): boolean {
    const quarter = this.quarters.get(period);
    if (quarter === undefined) return false;
    const width = this.columns.length;
    for (let r = 0; r < quarter.count; r++) {
      const i = quarter.records[r] as number;
      const b = i >>> BLOCK_BITS;
      if (--(this.blocks[b] as RecordBlock).live === 0) this.blocks[b] = undefined;
      if (this.others.size > 0) for (let k = 0; k < width; k++) this.others.delete(i * width + k);
    }
    return this.quarters.delete(period);
  }

  private municipalityOf(i: number): number {
    const block = this.blocks[i >>> BLOCK_BITS] as RecordBlock;
    return block.municipalities[i & (RECORDS_PER_BLOCK - 1)] as number;
  }

  private source(i: number): SourceLine {
    let file = this.fileStarts.length - 1;
    while (file > 0 && (this.fileStarts[file] as number) > i) file--;
    const block = this.blocks[i >>> BLOCK_BITS] as RecordBlock;
    return {
      file: this.files[file] as string,
      line: block.lines[i & (RECORDS_PER_BLOCK - 1)] as number,
    };
  }
}

/**
 * How a row's counts read: `either` mark (every count the same number with both), with
 * one mark only, or `unclear` (numbers that differ by mark, like `1.234`, or a count that
 * is no number with either, whose diagnostic names the mark).
 */
type Reading = "either" | DecimalMark | "unclear";

/**
 * One file's rows, converted into `HeldRecords` as the reader hands them over
 * (`onColumns`, then `onRow`), and finished once the file is read (`finish`).
 *
 * A count is read with the file's decimal mark, decided when the file is read. Until
 * then a row is converted at once when its counts read the same with either mark
 * (integers, missing cells) or when the mark is known: given (`--decimal-mark`), or
 * assumed from the first row whose counts read with one mark only (`12.5` or `12,5`:
 * the cells that decide the file's mark, src/read/decimal.ts). A row whose counts do not
 * read alike (`1.234`, or a count that is no number), while no mark is known, waits as
 * text (`RowTexts`), and so does every row after it, until a mark is known. At the end
 * the mark decided must be the one assumed, else `finish` says so and the file is read
 * again with that mark known (a JSON file decides its mark by its cells, whatever
 * `--decimal-mark` says); waiting rows are converted with the mark decided.
 *
 * The problems are those `countRecords` finds on the file read as a table, in its order:
 * the columns', then every row's cell checks, then every row's conversion (unknown
 * municipality, duplicate, a sub-count above its total). Rows are checked and converted
 * in input order, the cell checks' diagnostics kept apart from the conversion's, each list
 * only as long as the run lists (`room`), and handed to the run in that order (`report`).
 * Once the conversion's list is that long, later rows are only checked (`converted`); once
 * the cell checks' is, what the run reports is known and later rows are let go
 * (`settled`): a broken extract costs what a valid one does, not a table of its rows.
 */
class ArrivingRows {
  /** The columns' diagnostics, then the conversion's (`RecordReader.record`), in row order. */
  private rowProblems: DiagnosticBag;
  /** The cell checks' diagnostics (`RecordReader.validate`), in row order. */
  private cellProblems: DiagnosticBag;
  private reader: Partial<Record<DecimalMark, RecordReader>> = {};
  private columns: readonly string[] | undefined;
  /** The table's name, as diagnostics give it (`Table.file`). */
  private name: string;
  /** The mark rows are converted with, once known (given, or assumed). */
  private mark: DecimalMark | undefined;
  private waiting: RowTexts | undefined;
  private block: TableRow[] = [];
  /** The columns are wrong (in `rowProblems`): no row is checked, as in `countRecords`. */
  private wrongColumns = false;
  private readonly file: number;
  /** Where this file's records and skipped areas begin: a file read again starts there. */
  private readonly firstRecord: number;
  private readonly firstSkipped: number;

  /**
   * `known`: the mark to convert with (`--decimal-mark`, or the file's, read again);
   * `room`: how many more diagnostics the run's bag takes, the one that makes it stop
   * listing included (it names that one's file).
   */
  constructor(
    path: string,
    private readonly profile: MethodProfile,
    private readonly registry: Registry,
    private readonly records: HeldRecords,
    private readonly skipped: string[],
    private readonly known: DecimalMark | undefined,
    private readonly room: number,
  ) {
    this.mark = known;
    this.name = path;
    this.rowProblems = this.problems();
    this.cellProblems = this.problems();
    this.firstRecord = records.length;
    this.firstSkipped = skipped.length;
    this.file = records.beginFile(path);
  }

  readonly onColumns = (columns: readonly string[], file: string): void => {
    // Given again: the file is read again from its start (as Latin-1), its rows with it.
    this.discard();
    this.rowProblems = this.problems();
    this.cellProblems = this.problems();
    this.reader = {};
    this.mark = this.known;
    this.waiting = undefined;
    this.block = [];
    this.name = file;
    this.records.nameFile(this.file, file);
    this.columns = columns;
    this.wrongColumns = this.readerFor(".") === undefined;
  };

  readonly onRow = (row: RowRead): void => {
    if (this.wrongColumns || this.settled) return;
    this.block.push(row);
    if (this.block.length === BLOCK_ROWS) this.takeBlock();
  };

  /**
   * Converts what is left once `table`, the file as read, is: undefined, or the mark the
   * file decided when rows were converted with another (then the file is to be read again,
   * with this mark `known`, after `discard`).
   */
  finish(table: Table): DecimalMark | undefined {
    this.records.nameFile(this.file, table.file);
    if (this.columns === undefined) {
      // No row was handed over: the columns are checked as `countRecords` checks them.
      this.name = table.file;
      this.columns = table.columns;
      this.wrongColumns = this.readerFor(".") === undefined;
    }
    if (this.wrongColumns) return undefined;
    this.takeBlock();
    const decided = table.decimalMark ?? ".";
    if (this.mark !== undefined && this.mark !== decided) return decided;
    this.mark = decided;
    this.convertWaiting();
    return undefined;
  }

  /** Lets go of this file's records and skipped areas: the file gives none (its read failed). */
  discard(): void {
    this.records.truncate(this.firstRecord);
    this.skipped.length = this.firstSkipped;
  }

  /** Hands the file's problems to the run's bag, in `countRecords`' order. */
  report(bag: DiagnosticBag): void {
    for (const d of this.cellProblems.items) bag.add(d);
    for (const d of this.rowProblems.items) bag.add(d);
  }

  /** A list of problems as long as the run lists: what it lists is then as with every problem. */
  private problems(): DiagnosticBag {
    return new DiagnosticBag(this.room);
  }

  /**
   * True once the cell checks fill the run's bag: they are reported first, so later rows
   * change nothing.
   */
  private get settled(): boolean {
    return this.cellProblems.items.length >= this.room;
  }

  /** True once the conversion's problems fill the run's bag: later rows are only checked. */
  private get converted(): boolean {
    return this.rowProblems.items.length >= this.room;
  }

  private takeBlock(): void {
    const rows = this.block;
    this.block = [];
    if (this.settled) return;
    if (this.mark !== undefined && this.waiting === undefined) {
      this.convert(rows);
      return;
    }
    let ready: TableRow[] = [];
    for (const row of rows) {
      if (this.mark !== undefined && this.waiting === undefined) {
        ready.push(row);
        continue;
      }
      const reading = this.readingOf(row);
      if (reading === "." || reading === ",") this.mark = reading;
      if (this.mark !== undefined) {
        this.convert(ready);
        ready = [];
        this.convertWaiting();
        ready.push(row);
      } else if (this.waiting !== undefined || reading === "unclear") {
        this.convert(ready);
        ready = [];
        this.waiting ??= new RowTexts();
        this.waiting.add(row);
      } else ready.push(row);
    }
    this.convert(ready);
  }

  /** How the row's counts read (`Reading`). */
  private readingOf(row: TableRow): Reading {
    let point = true;
    let comma = true;
    let same = true;
    for (const at of (this.readerFor(".") as RecordReader).countColumns) {
      const cell = row.values[at] ?? null;
      if (isMissingCell(cell)) continue;
      const withPoint = parseNumber(cell, ".");
      const withComma = parseNumber(cell, ",");
      if (withPoint === undefined) point = false;
      if (withComma === undefined) comma = false;
      if (withPoint !== withComma) same = false;
    }
    if (point && comma) return same ? "either" : "unclear";
    return point ? "." : comma ? "," : "unclear";
  }

  /** The rows waiting, converted with the mark now known. */
  private convertWaiting(): void {
    const waiting = this.waiting;
    if (waiting === undefined) return;
    this.waiting = undefined;
    for (let from = 0; from < waiting.count && !this.settled; from += BLOCK_ROWS) {
      this.convert(waiting.take(from, Math.min(waiting.count, from + BLOCK_ROWS)));
    }
  }

  /** Checks and converts rows, in order, with the mark known (or any: they read alike). */
  private convert(rows: TableRow[]): void {
    if (rows.length === 0 || this.settled) return;
    const mark = this.mark ?? ".";
    const reader = this.readerFor(mark) as RecordReader;
    reader.validate({ file: this.name, rows, decimalMark: mark }, this.cellProblems);
    for (const row of rows) {
      if (this.converted) return;
      const record = reader.record(row);
      if (record !== undefined) this.records.add(record);
    }
  }

  /** The record reader of these columns with this mark; undefined when the columns are wrong. */
  private readerFor(mark: DecimalMark): RecordReader | undefined {
    const known = this.reader[mark];
    if (known !== undefined) return known;
    const head = { file: this.name, columns: [...(this.columns ?? [])], decimalMark: mark };
    const reader = recordReader(
      head,
      this.profile,
      this.registry,
      this.rowProblems,
      this.records,
      this.skipped,
    );
    if (reader !== undefined) this.reader[mark] = reader;
    return reader;
  }
}

/** What `readHeld` read. */
export interface HeldRead {
  records: HeldRecords;
  quarters: Set<string>;
  skipped: string[];
}

/** Reads `path` with its rows handed to `rows`: the table, or the reader's problems. */
async function readArriving(
  path: string,
  rows: ArrivingRows,
  read: ReadOptions,
): Promise<Table | InputError> {
  try {
    return await readInputTable(path, { ...read, onColumns: rows.onColumns, onRow: rows.onRow });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/**
 * The inputs' count records, held as `HeldRecords`. Every problem is thrown together
 * (`InputError`), the same diagnostics in the same order as `countRecords` gives for each
 * file read as a table (run.ts, `readRecords`); a file the reader refuses gives its
 * reader's diagnostics and no records.
 */
export async function readHeld(
  files: readonly string[],
  method: LoadedMethod,
  registry: Registry,
  read: ReadOptions,
): Promise<HeldRead> {
  const columns = countSpecs(method.profile).map((s) => s.name);
  const records = new HeldRecords(
    columns,
    registry.municipalities.map((m) => m.code),
  );
  const bag = new DiagnosticBag();
  const quarters = new Set<string>();
  const skipped: string[] = [];
  // The bag's `limit` problems, and the one that makes it stop listing.
  const room = () => bag.limit + 1 - bag.items.length;
  const arriving = (path: string, known: DecimalMark | undefined) =>
    new ArrivingRows(path, method.profile, registry, records, skipped, known, room());
  for (const path of files) {
    let rows = arriving(path, read.decimalMark);
    let table = await readArriving(path, rows, read);
    const decided = table instanceof InputError ? undefined : rows.finish(table);
    if (decided !== undefined) {
      // Rows were converted with a mark the file does not use: again with the one it does
      // (its warnings are given).
      rows.discard();
      rows = arriving(path, decided);
      table = await readArriving(path, rows, { ...read, onWarning: () => {} });
      if (!(table instanceof InputError) && rows.finish(table) !== undefined) {
        throw new Error(`unreachable: ${path} decided another decimal mark when read again`);
      }
    }
    if (table instanceof InputError) {
      rows.discard();
      for (const d of table.diagnostics) bag.add(d);
      continue;
    }
    for (const p of table.periods ?? []) if (parsePeriod(p)?.kind === "quarter") quarters.add(p);
    rows.report(bag);
  }
  bag.throwIfErrors();
  for (const period of records.periods()) quarters.add(period);
  return { records, quarters, skipped };
}
