/**
 * The rows of a CSV file as its records arrive, from csv-parse or the direct path: header,
 * field counts and sizes checked, rows kept by the period selection, the table's heap
 * bounded (src/read/limits.ts).
 */
import { type DiagnosticBag, InputError } from "../diagnostics.js";
import { CellSharing } from "./cell-sharing.js";
import { ReadCode } from "./codes.js";
import { nthField, widthPattern } from "./csv-direct.js";
import { fieldTooLarge } from "./csv-errors.js";
import type { DecimalEvidence } from "./decimal.js";
import { type Limits, overTableBound, rowBytes, stringBytes, tableTooLarge } from "./limits.js";
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

/** Lines below the data that say where it came from: `Kilde: …`, `Anm.: …`, `Note: …`. */
const FOOTNOTE = /^\s*(?:kilde|anm(?:ærkning)?|note|noter|fodnote|source|\*)\b|^\s*\*/i;

/** At most this many lines above the header are taken for title lines. */
const MAX_TITLE_LINES = 10;

function nonEmptyCells(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) if (cell.trim() !== "") n++;
  return n;
}

interface Held {
  record: string[];
  line: number;
}

/** Lines skipped as not data, for the warning (`W_SKIPPED_LINES`). */
export interface SkippedLines {
  titles: number[];
  empty: number[];
  footnotes: number[];
}

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
  /** Lines with at most one cell before any header: title lines, unless no header follows. */
  private titles: Held[] = [];
  /** Lines after the header that look like footnotes or are all empty, until data follows. */
  private trailing: Held[] = [];
  private rowsSeen = false;
  /** The period text of the last line judged by `addLine`, and what it was admitted as. */
  private lastPeriod: string | undefined;
  private lastAdmission: Admission | undefined;
  /** Matches a line of the header's width (`addLine`). */
  private width: RegExp | undefined;
  readonly skipped: SkippedLines = { titles: [], empty: [], footnotes: [] };

  /**
   * `sinkFor`: where the rows of a file with this header go instead of being held
   * (`ReadOptions.onRow`), or undefined: held.
   */
  constructor(
    readonly file: string,
    readonly bag: DiagnosticBag,
    readonly limits: Limits,
    private readonly options: ReadOptions,
    private readonly sinkFor?: (header: string[]) => ((row: TableRow) => void) | undefined,
  ) {}

  get rows(): TableRow[] {
    return this.held.rows();
  }

  /** The rows read into the table: held, or handed to the sink. */
  get rowCount(): number {
    return this.held.size;
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
      // A line of the header's width: its period field decides.
      this.width ??= widthPattern(separator, header.length);
      if (this.width.test(text)) {
        const period = nthField(text, separator, this.periodColumn) as string;
        let admission: Admission | null | undefined;
        if (period === "") admission = null;
        else if (period === this.lastPeriod) {
          // The same period text as the line before (files list a period's rows together)
          // is judged the same: left out again, or kept with the period just admitted.
          admission = this.lastAdmission;
          if (admission === undefined) judge.skipped++;
        } else {
          admission = this.held.admit(period);
          this.lastPeriod = period;
          this.lastAdmission = admission;
        }
        if (admission === null) {
          this.add(text.split(separator));
          return;
        }
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

  /**
   * Takes the lines of a quote-free file (the direct path), each as `addLine` would. Lines
   * that `addLine` would leave out as the line before (the header's width, the same period
   * text, a period left out) are counted in one loop here, without a call each: most of a
   * file when one period of many is kept, and code that runs cold at start-up.
   */
  addLines(lines: readonly string[], separator: string): void {
    for (let i = 0; i < lines.length; i++) {
      const { judge, width, lastPeriod } = this;
      if (
        judge !== undefined &&
        width !== undefined &&
        lastPeriod !== undefined &&
        this.lastAdmission === undefined
      ) {
        let next = i;
        while (next < lines.length) {
          const line = lines[next] as string;
          if (!width.test(line) || nthField(line, separator, this.periodColumn) !== lastPeriod)
            break;
          next++;
        }
        judge.skipped += next - i;
        this.line += next - i;
        i = next;
        if (i === lines.length) return;
      }
      this.addLine(lines[i] as string, separator);
    }
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
      // A title (one cell, or one cell padded by Excel with `;;;`) waits: it is the header
      // only if no line with more cells follows.
      if (nonEmptyCells(record) <= 1 && this.titles.length < MAX_TITLE_LINES) {
        this.titles.push({ record, line: start });
        return;
      }
      if (nonEmptyCells(record) > 1) {
        for (const t of this.titles) this.skipped.titles.push(t.line);
        this.titles = [];
      } else this.replayTitles();
      if (!this.header) {
        this.setHeader(record, start);
        return;
      }
    }
    this.take(record, start);
  }

  /** No header came after the lines held as titles: the first of them is the header. */
  private replayTitles(): void {
    const held = this.titles;
    this.titles = [];
    const [first, ...rest] = held;
    if (first === undefined) return;
    this.setHeader(first.record, first.line);
    for (const t of rest) this.take(t.record, t.line);
  }

  private setHeader(record: string[], start: number): void {
    this.header = record;
    this.headerLine = start;
    const sink = this.sinkFor?.(record);
    // The rows go to the sink as they are read: their columns first (`ReadOptions.onColumns`).
    if (sink !== undefined) this.options.onColumns?.(record, this.file);
    const column = this.options.select?.column(record);
    if (this.options.select !== undefined && column !== undefined) {
      this.judge = new PeriodJudge(this.options.select.keep);
      this.periodColumn = column;
      this.held = new HeldRows(this.judge, sink);
    } else if (sink !== undefined) this.held = new HeldRows<TableRow>(undefined, sink);
  }

  /**
   * A record after the header. All-empty records (Excel's `;;;;`) and footnote-like ones
   * (one cell, not padded to the header's width, or starting `Kilde:`/`Anm.:`) wait: they
   * are skipped if only such lines follow to the end, and read as rows otherwise.
   */
  private take(record: string[], start: number): void {
    const header = this.header ?? [];
    const cells = nonEmptyCells(record);
    if (cells === 0) {
      this.skipped.empty.push(start);
      return;
    }
    const footnote =
      header.length > 1 &&
      ((cells === 1 && record.length !== header.length) || FOOTNOTE.test(record[0] ?? ""));
    if (footnote) {
      this.trailing.push({ record, line: start });
      return;
    }
    if (this.trailing.length > 0) {
      const waiting = this.trailing;
      this.trailing = [];
      for (const t of waiting) this.row(t.record, t.line);
    }
    this.row(record, start);
  }

  /** At the end of the file: lines still waiting were titles or footnotes. */
  finish(): void {
    try {
      if (!this.header) this.replayTitles();
    } catch (error) {
      if (!(error instanceof StopReading)) throw error;
    }
    for (const t of this.trailing) this.skipped.footnotes.push(t.line);
    this.trailing = [];
  }

  private row(record: string[], start: number): void {
    const width = this.header?.length ?? 0;
    if (!this.rowsSeen && record.length >= 2 * width && width > 0) {
      // The "header" has half the fields of the first row or fewer: most likely a title
      // line with a separator in it. One line, not a ragged row for every record.
      this.bag.add({
        code: ReadCode.TitleLine,
        message: `line ${this.headerLine} has ${width} fields but the line below it ${record.length}: if line ${this.headerLine} is a title, remove it (the header must be the first line with the data's fields)`,
        file: this.file,
        line: this.headerLine,
        column: 1,
      });
      throw new StopReading();
    }
    if (record.length !== width) {
      this.reportRagged(record.length, start);
    } else {
      this.hold(record, start);
    }
    if (this.full) throw new StopReading();
  }

  private hold(record: string[], line: number, admitted?: Admission): void {
    this.rowsSeen = true;
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
    if (overTableBound(this.limits, this.held.bytes)) {
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
