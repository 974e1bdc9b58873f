/**
 * The count records of many quarters (`index --history`, and `--missing impute-previous`,
 * which reads the quarter before each one), held as numbers rather than as a table of
 * strings and one object per record (docs/performance.md, "Memory").
 *
 * While a file is read its rows are not held by the reader (`ReadOptions.onRow`): each row
 * is kept as one string, its cells joined (`RowTexts`), about the size of its line in the
 * file. Once the file is read, and so its decimal mark known, the rows are checked and
 * converted exactly as `countRecords` does (the same `recordReader`), a block at a time,
 * into `HeldRecords`: per quarter the municipality codes, the counts (NaN for an empty
 * cell) and where each row was, about 100 bytes a record. A quarter's records are made as
 * objects again only when that quarter is scored (`get`).
 *
 * Only inputs without problems are read this way: at the first diagnostic (a reader's, a
 * cell's, the registry's) `readHeld` says so, and the run reads its inputs again the way
 * that reports them (run.ts), so every message and its order are the same as before.
 */
import type { CountRecord, SourceLine } from "../../composite/types.js";
import { DiagnosticBag, InputError } from "../../diagnostics.js";
import { parsePeriod } from "../../period.js";
import type { Cell, ReadOptions, RowRead, Table, TableRow } from "../../read/index.js";
import type { Registry } from "../../registry/index.js";
import { readInputTable } from "../read-table.js";
import { countSpecs, recordReader, type SeenRows } from "./input.js";
import type { LoadedMethod } from "./method.js";

/** Joins a row's cells into the one text it is kept as; no cell of a kept row has it. */
const JOIN = "\u0000";

/** Rows decoded and converted at a time, once a file is read. */
const BLOCK_ROWS = 256;

/** Bytes of each buffer the rows' texts are written into. */
const TEXT_CHUNK = 1 << 20;

/** A character beyond Latin-1: text without one is written as one byte a character. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** A typed array at least `size` long, with `array`'s contents (doubled when grown). */
function grown<T extends Int32Array | Float64Array | Uint16Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, 2 * array.length));
  next.set(array);
  return next;
}

/**
 * A file's rows as they are read, each the text of its cells joined, in Latin-1 bytes in
 * buffers outside the heap (a row with other characters, or cells that are not text, is
 * kept as it is). Nothing of a row is then a heap object that lives on, which keeps the
 * collector from growing the heap while a large file is read.
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

  readonly onRow = (row: RowRead): void => {
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
  };

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

/**
 * The records of every quarter read: `get(period)` makes that quarter's records (the
 * objects `countRecords` gave), `delete` lets a quarter go. Each record is its counts
 * (NaN for none), municipality, file and line in typed arrays. Also the `SeenRows` of the
 * reading, so a repeated municipality × quarter is found where it was first given.
 */
export class HeldRecords implements SeenRows {
  private readonly quarters = new Map<string, Quarter>();
  private readonly files: string[] = [];
  private readonly place: Map<string, number>;
  private size = 0;
  private counts = new Float64Array(0);
  private municipalities = new Uint16Array(0);
  private fileOf = new Int32Array(0);
  private lines = new Int32Array(0);

  constructor(
    private readonly columns: readonly string[],
    private readonly codes: readonly string[],
  ) {
    this.place = new Map(codes.map((code, i) => [code, i]));
  }

  /** Room for `more` records; the index of the file they come from. */
  reserve(more: number, file: string): number {
    const size = this.size + more;
    this.counts = grown(this.counts, size * this.columns.length);
    this.municipalities = grown(this.municipalities, size);
    this.fileOf = grown(this.fileOf, size);
    this.lines = grown(this.lines, size);
    const at = this.files.indexOf(file);
    if (at >= 0) return at;
    this.files.push(file);
    return this.files.length - 1;
  }

  /** Adds a record of a registry municipality, room for it reserved. */
  add(record: CountRecord, file: number): void {
    let quarter = this.quarters.get(record.period);
    if (quarter === undefined) {
      quarter = { records: new Int32Array(128), count: 0, at: new Int32Array(this.codes.length) };
      this.quarters.set(record.period, quarter);
    }
    const i = this.size++;
    const width = this.columns.length;
    this.columns.forEach((column, k) => {
      this.counts[i * width + k] = record.counts[column] ?? Number.NaN;
    });
    const code = this.place.get(record.municipality) as number;
    this.municipalities[i] = code;
    this.fileOf[i] = file;
    this.lines[i] = record.source.line;
    quarter.records = grown(quarter.records, quarter.count + 1);
    quarter.records[quarter.count++] = i;
    quarter.at[code] = i + 1;
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
      const counts: Record<string, number | null> = {};
      this.columns.forEach((column, k) => {
        const value = this.counts[i * width + k] as number;
        counts[column] = Number.isNaN(value) ? null : value;
      });
      const municipality = this.codes[this.municipalities[i] as number] as string;
      out.push({ municipality, period, counts, source: this.source(i) });
    }
    return out;
  }

  delete(period: string): boolean {
    return this.quarters.delete(period);
  }

  private source(i: number): SourceLine {
    return { file: this.files[this.fileOf[i] as number] as string, line: this.lines[i] as number };
  }
}

/** What `readHeld` read: the records, or the first file at which a problem was found. */
export type HeldRead =
  | { records: HeldRecords; quarters: Set<string>; skipped: string[] }
  | { problemAt: number };

/**
 * The inputs' count records, held as `HeldRecords`, or where the first problem is: the
 * index of the file whose reading or rows gave a diagnostic (the run then reads them again
 * as `countRecords` does, which reports it).
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
  const quarters = new Set<string>();
  const skipped: string[] = [];
  for (let f = 0; f < files.length; f++) {
    const bag = new DiagnosticBag();
    const rows = new RowTexts();
    let table: Table;
    try {
      table = await readInputTable(files[f] as string, { ...read, onRow: rows.onRow });
    } catch (error) {
      if (error instanceof InputError) return { problemAt: f };
      throw error;
    }
    for (const p of table.periods ?? []) if (parsePeriod(p)?.kind === "quarter") quarters.add(p);
    const reader = recordReader(table, method.profile, registry, bag, records, skipped);
    if (reader === undefined) return { problemAt: f };
    const count = rows.count;
    const file = records.reserve(count, table.file);
    for (let from = 0; from < count; from += BLOCK_ROWS) {
      const block = rows.take(from, Math.min(count, from + BLOCK_ROWS));
      reader.validate({ ...table, rows: block });
      if (bag.items.length > 0) return { problemAt: f };
      for (const row of block) {
        const record = reader.record(row);
        if (bag.items.length > 0) return { problemAt: f };
        if (record !== undefined) records.add(record, file);
      }
    }
  }
  for (const period of records.periods()) quarters.add(period);
  return { records, quarters, skipped };
}
