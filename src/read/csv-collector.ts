/**
 * The rows of a CSV file as its records arrive, from csv-parse or the direct path: header,
 * field counts and sizes checked, rows kept by the period selection, the table's heap
 * bounded (src/read/limits.ts).
 */
import { type DiagnosticBag, InputError } from "../diagnostics.js";
import { CellSharing } from "./cell-sharing.js";
import { ReadCode } from "./codes.js";
import { fieldCount, nthField } from "./csv-direct.js";
import { fieldTooLarge } from "./csv-errors.js";
import type { DecimalEvidence } from "./decimal.js";
import { type Limits, rowBytes, stringBytes, tableTooLarge } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { type Admission, HeldRows, PeriodJudge } from "./select.js";
import type { TableRow } from "./table.js";

const NEWLINE = /\r\n|\r|\n/g;

function countNewlines(text: string): number {
  let n = 0;
  NEWLINE.lastIndex = 0;
  while (NEWLINE.exec(text) !== null) n++;
  return n;
}

/** Thrown inside the parser to end a read early: the diagnostics are full (see `CsvCollector`). */
export class StopReading extends Error {}

const LINE_BREAK = /[\r\n]/;

/**
 * Everything gathered while records stream past. Rows hold one exact-length array of
 * strings each (equal short cells shared); nothing else of a record is kept. The estimated
 * heap of the rows is tracked, and reading stops with `E_FILE_TOO_LARGE` once it crosses
 * `limits.maxTableBytes`, or silently (`full`) once the diagnostics are full.
 */
export class CsvCollector {
  header: string[] | undefined;
  headerLine = 1;
  /** The line the next record starts on. */
  line = 1;
  private held = new HeldRows<TableRow>(undefined);
  /** With a period selection whose column the header has: the judge and that column. */
  judge: PeriodJudge | undefined;
  private periodColumn = -1;
  private readonly sharing = new CellSharing();

  constructor(
    readonly file: string,
    readonly bag: DiagnosticBag,
    readonly limits: Limits,
    private readonly options: ReadOptions,
  ) {}

  get rows(): TableRow[] {
    return this.held.rows();
  }

  get evidence(): DecimalEvidence {
    return this.held.evidence();
  }

  /**
   * Takes one line of a quote-free file (the direct path). A row the selection leaves out
   * is judged by its period field and counted, not split: only its field count is checked.
   */
  addLine(text: string, separator: string): void {
    const { header, judge } = this;
    if (header !== undefined && judge !== undefined && text.trim() !== "") {
      const period = nthField(text, separator, this.periodColumn);
      if (period !== undefined && fieldCount(text, separator) === header.length) {
        const admission = this.held.admit(period);
        if (admission === undefined) {
          this.line++;
          return;
        }
        const start = this.line++;
        this.hold(text.split(separator), start, admission);
        if (this.full) throw new StopReading();
        return;
      }
    }
    this.add(text.split(separator));
  }

  /** True once the bag holds as many problems as it lists: reading on would find no more. */
  get full(): boolean {
    return this.bag.items.length > this.bag.limit;
  }

  /**
   * Takes one record. Its physical lines are its line end plus the line breaks inside its
   * fields (quoted), the same count as in csv-parse's raw text of the record.
   * @throws StopReading when the diagnostics are full; InputError when the table is too large.
   */
  add(record: string[]): void {
    const start = this.line;
    let lines = 1;
    for (const cell of record) if (LINE_BREAK.test(cell)) lines += countNewlines(cell);
    this.line += lines;
    if (record.length === 1 && record[0]?.trim() === "") return; // blank line
    this.checkFieldSizes(record, start);
    if (!this.header) {
      this.header = record;
      this.headerLine = start;
      const column = this.options.select?.column(record);
      if (this.options.select !== undefined && column !== undefined) {
        this.judge = new PeriodJudge(this.options.select.keep);
        this.periodColumn = column;
        this.held = new HeldRows(this.judge);
      }
      return;
    }
    if (record.length !== this.header.length) {
      this.reportRagged(record.length, start);
    } else {
      this.hold(record, start);
    }
    if (this.full) throw new StopReading();
  }

  private hold(record: string[], line: number, admitted?: Admission): void {
    const period = this.judge === undefined ? null : (record[this.periodColumn] ?? null);
    const admission = admitted ?? this.held.admit(period);
    if (admission === undefined) return;
    const evidence = this.held.evidenceOf(admission);
    for (let i = 0; i < record.length; i++) evidence.observe(record[i] ?? "", line, i);
    const values = new Array<string>(record.length);
    let strings = 0;
    for (let i = 0; i < record.length; i++) {
      const cell = record[i] ?? "";
      const shared = this.sharing.shared(i, cell);
      if (shared === undefined) strings += stringBytes(cell.length);
      values[i] = shared ?? cell;
    }
    this.held.push({ line, values }, rowBytes(record.length, strings), admission);
    if (this.held.bytes > this.limits.maxTableBytes) {
      throw new InputError([
        ...this.bag.items,
        tableTooLarge(this.file, this.limits.maxTableBytes, { line }),
      ]);
    }
  }

  private checkFieldSizes(record: string[], line: number): void {
    for (let i = 0; i < record.length; i++) {
      const size = record[i]?.length ?? 0;
      if (size > this.limits.maxFieldChars) {
        this.bag.add(fieldTooLarge(this.file, line, i + 1, size, this.limits.maxFieldChars));
      }
    }
  }

  private reportRagged(found: number, line: number): void {
    const expected = this.header?.length ?? 0;
    this.bag.add({
      code: ReadCode.RaggedRow,
      message: `expected ${expected} fields as in the header, found ${found}`,
      file: this.file,
      line,
      column: found > expected ? expected + 1 : Math.max(found, 1),
    });
  }
}
