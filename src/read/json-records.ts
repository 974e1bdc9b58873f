/**
 * Parsed JSON records into a table, shared by JSON documents and JSON lines: columns in
 * order of first appearance, absent keys null, rows kept by the period selection, the
 * decimal mark decided on the cells of strings held; and the diagnostics of values that
 * cannot be cells.
 */
import type { Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import type { DecimalEvidence } from "./decimal.js";
import type { FlatObject } from "./flat-object.js";
import type { JsonObject, JsonParseError, JsonParseLimits, JsonValue } from "./json-parse.js";
import { type Limits, MAX_JSON_DEPTH, rowBytes, stringBytes } from "./limits.js";
import type { PeriodSelection } from "./options.js";
import { HeldRows, PeriodJudge } from "./select.js";
import type { Cell, Table, TableRow } from "./table.js";

/** The line a parsed object or array starts on; primitives have none, so `fallback`. */
export type LineOf = (value: JsonValue | undefined, fallback?: number) => number;

/** A record on its way into a table: named values and the line it starts on. */
export interface JsonRecord {
  line: number;
  entries: Array<[string, JsonValue]>;
}

export function parseLimits(limits: Limits): JsonParseLimits {
  return { maxStringChars: limits.maxFieldChars, maxDepth: MAX_JSON_DEPTH };
}

export function parseErrorDiagnostic(error: JsonParseError, file: string): Diagnostic {
  return {
    code: error.kind === "field" ? ReadCode.FieldTooLarge : ReadCode.Json,
    message: error.kind === "field" ? error.message : `invalid JSON: ${error.message}`,
    file,
    line: error.line,
    column: error.column,
  };
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value instanceof Map;
}

export function describe(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isObject(value)) return "an object";
  return `a ${typeof value}`;
}

function toCell(
  value: JsonValue,
  key: string,
  line: number,
  index: number,
  file: string,
  bag: DiagnosticBag,
): Cell {
  if (Array.isArray(value) || isObject(value)) {
    bag.add({
      code: ReadCode.JsonNested,
      message: `expected a number, string, true, false or null for "${key}", found ${describe(value)}`,
      file,
      line,
      column: index + 1,
    });
    return null;
  }
  return value;
}

/**
 * Records → table; columns in order of first appearance, absent keys are null; with a
 * selection, only the rows of the selected periods (as the JSON-lines reader keeps them).
 */
export function recordsTable(
  records: JsonRecord[],
  file: string,
  bag: DiagnosticBag,
  select: PeriodSelection | undefined,
): Omit<Table, "file" | "format"> {
  const judge = select === undefined ? undefined : new PeriodJudge(select.keep);
  const isPeriodKey = select === undefined ? undefined : periodKeys(select.column);
  const rows = new RecordRows(file, bag, new HeldRows<PendingRow>(judge), isPeriodKey);
  for (const record of records) rows.add(record);
  return { ...rows.table(), ...rows.selected(judge) };
}

/**
 * A held record before it is a row: the object JSON.parse made (kept as is), or its cells
 * and their columns. Rows are built at the end, for the records still held then: a file
 * in period order has every record "the latest so far" while it streams.
 */
export interface PendingRow {
  line: number;
  object?: FlatObject;
  cells?: Cell[];
  columns?: readonly number[];
}

/** The columns of a file's lines of one shape, and which holds the period (-1: none). */
export interface CellLayout {
  columns: readonly number[];
  period: number;
}

export class RecordRows {
  private readonly index = new Map<string, number>();
  /** True once a record had the period key (so the selection applied). */
  sawPeriod = false;

  constructor(
    private readonly file: string,
    private readonly bag: DiagnosticBag,
    readonly held: HeldRows<PendingRow>,
    private readonly isPeriodKey?: (key: string) => boolean,
  ) {}

  // Scratch of the record being added: its cells and their columns (reused, not allocated).
  private readonly cells: Cell[] = [];
  private readonly columnsOf: number[] = [];
  private period: Cell = null;

  /** Adds a record parsed by the located parser; returns its row's estimated heap, or 0. */
  add(record: JsonRecord): number {
    let n = 0;
    for (const [key, value] of record.entries) {
      const i = this.column(key);
      this.note(n++, i, toCell(value, key, record.line, i, this.file, this.bag), key);
    }
    const cells = this.cells.slice(0, n);
    return this.hold({ line: record.line, cells, columns: this.columnsOf.slice(0, n) }, cells);
  }

  /** Adds a flat object (see `flatObject`); returns its row's estimated heap, or 0. */
  addFlat(line: number, object: FlatObject): number {
    let n = 0;
    for (const key in object) {
      this.note(n++, this.column(key), object[key] ?? null, key);
    }
    return this.hold({ line, object }, this.cells, n);
  }

  /**
   * Where the values of lines with these keys, in this order, go: their columns, and
   * which is the period's (or -1). Asked once per file, so a line's cells are added
   * without a look-up per key (`addLaidOut`).
   */
  layoutOf(keys: readonly string[], isPeriodKey: (key: string) => boolean): CellLayout {
    return {
      columns: keys.map((key) => this.column(key)),
      period: keys.findIndex((key) => isPeriodKey(key)),
    };
  }

  /** Adds a line's values in its layout's key order; its row's estimated heap, or 0. */
  addLaidOut(line: number, layout: CellLayout, cells: Cell[]): number {
    if (layout.period >= 0) {
      this.period = cells[layout.period] ?? null;
      this.sawPeriod = true;
    }
    return this.hold({ line, cells, columns: layout.columns }, cells, cells.length, layout.columns);
  }

  private column(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(key, i);
    }
    return i;
  }

  /** The n-th cell of the record. */
  private note(n: number, column: number, cell: Cell, key: string): void {
    this.cells[n] = cell;
    this.columnsOf[n] = column;
    if (this.isPeriodKey?.(key) === true) {
      this.period = cell;
      this.sawPeriod = true;
    }
  }

  /** Holds the record if the selection wants it; its estimated heap as a row, or 0. */
  private hold(
    row: PendingRow,
    cells: readonly Cell[],
    n = cells.length,
    columns: readonly number[] = this.columnsOf,
  ): number {
    const period = this.period;
    this.period = null;
    const admission = this.held.admit(period);
    if (admission === undefined) return 0;
    // The cells of rows held are the evidence of the decimal mark.
    const evidence = this.held.evidenceOf(admission);
    let strings = 0;
    for (let k = 0; k < n; k++) {
      const cell = cells[k] ?? null;
      evidence.observe(cell, row.line, columns[k] ?? 0);
      if (typeof cell === "string") strings += stringBytes(cell.length);
    }
    const bytes = rowBytes(this.index.size, strings);
    this.held.push(row, bytes, admission);
    return bytes;
  }

  /** What a selection saw: every period, and the rows left out (when the key was there). */
  selected(judge: PeriodJudge | undefined): Pick<Table, "periods" | "skippedRows"> {
    return judge !== undefined && this.sawPeriod
      ? { periods: judge.periods(), skippedRows: judge.skipped }
      : {};
  }

  table(): Omit<Table, "file" | "format"> {
    const columns = [...this.index.keys()];
    const rows = this.held.rows().map((pending): TableRow => {
      const values: Cell[] = new Array(columns.length).fill(null);
      if (pending.object !== undefined) {
        for (const key in pending.object)
          values[this.index.get(key) ?? 0] = pending.object[key] ?? null;
      } else {
        pending.cells?.forEach((cell, k) => {
          values[pending.columns?.[k] ?? 0] = cell;
        });
      }
      return { line: pending.line, values };
    });
    return { columns, rows, ...decimalMarkOf(this.held.evidence(), this.file, this.bag) };
  }
}

/** JSON numbers are numbers; the mark matters for numbers written as strings (`"9,08"`). */
function decimalMarkOf(
  evidence: DecimalEvidence,
  file: string,
  bag: DiagnosticBag,
): { decimalMark?: "," | "." } {
  const decided = evidence.decide(undefined, file);
  if (typeof decided === "string") return { decimalMark: decided };
  bag.add(decided);
  return {};
}

export function finishJsonTable(table: Table, bag: DiagnosticBag): Table {
  // A selection that left every row out is not an empty file: the caller names the periods.
  if (table.rows.length === 0 && (table.skippedRows ?? 0) === 0 && !bag.hasErrors) {
    bag.add({
      code: ReadCode.NoRows,
      message: "expected at least one record, found none",
      file: table.file,
      line: 1,
    });
  }
  bag.throwIfErrors();
  return table;
}

/** Whether a key names the period column, asked once per key. */
export function periodKeys(column: PeriodSelection["column"]): (key: string) => boolean {
  const known = new Map<string, boolean>();
  return (key) => {
    let is = known.get(key);
    if (is === undefined) {
      is = column([key]) === 0;
      known.set(key, is);
    }
    return is;
  };
}
