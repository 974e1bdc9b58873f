/**
 * Reads a meeting log record by record (src/read/csv-rows.ts) into the columns the
 * continuity core counts: citizens and caseworkers become indices at once, so memory is
 * the distinct ids plus a few bytes per meeting, never the file's text. No id, date or
 * other cell of a row is ever quoted in a diagnostic: a bad row is named by its line and
 * column only.
 */

import { parseIsoDate } from "../../continuity/quarter.js";
import type { MeetingColumns } from "../../continuity/types.js";
import { type Diagnostic, DiagnosticBag } from "../../diagnostics.js";
import { streamCsvRows } from "../../read/csv-rows.js";
import { normalizeColumnName, ReadCode } from "../../read/index.js";
import type { Registry } from "../../registry/index.js";

export const ContinuityCode = {
  MissingColumn: ReadCode.MissingColumn,
  UnknownMunicipality: "E_UNKNOWN_MUNICIPALITY",
  BadDate: "E_BAD_DATE",
  MissingValue: ReadCode.MissingValue,
  RaggedRow: ReadCode.RaggedRow,
  NoRows: ReadCode.NoRows,
} as const;

/** The log's columns and the names files give them (the data's own Danish words). */
export const LOG_COLUMNS = {
  citizen: ["citizen", "borger", "citizen_id", "borger_id"],
  municipality: ["municipality", "kommune"],
  caseworker: ["caseworker", "sagsbehandler", "caseworker_id", "sagsbehandler_id"],
  date: ["date", "dato", "meeting_date", "modedato"],
} as const;

type LogColumn = keyof typeof LOG_COLUMNS;

export interface MeetingLog {
  meetings: MeetingColumns;
  /** Municipality codes, by the index the meetings hold. */
  municipalities: string[];
  citizens: number;
  caseworkers: number;
}

class GrowingInts {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export async function readMeetingLog(
  file: string,
  registry: Registry,
  read: { sheet?: string } = {},
): Promise<MeetingLog> {
  const bag = new DiagnosticBag();
  // An .xlsx log's diagnostics name its sheet too: `log.xlsx[Ark1]:7:3` (src/read/xlsx.ts).
  let shown = file;
  const where = (line: number, column?: number): Pick<Diagnostic, "file" | "line" | "column"> => ({
    file: shown,
    line,
    ...(column !== undefined ? { column } : {}),
  });
  let index: Record<LogColumn, number> | undefined;
  let width = 0;
  let headerSeen = false;
  const citizens = new Map<string, number>();
  const caseworkers = new Map<string, number>();
  // Municipality cells repeat: each spelling is resolved once.
  const municipalityOf = new Map<string, number>();
  const municipalities: string[] = [];
  const codeIndex = new Map<string, number>();
  const columns = {
    citizen: new GrowingInts(),
    date: new GrowingInts(),
    caseworker: new GrowingInts(),
    municipality: new GrowingInts(),
  };

  const resolve = (text: string, line: number, column: number): number | undefined => {
    const known = municipalityOf.get(text);
    if (known !== undefined) return known;
    const r = registry.resolveMunicipality(text);
    if (!r.ok) {
      // The cell is not quoted: in a log with its columns mixed up it could be an id.
      const hint = r.suggestion !== undefined ? ` (did you mean ${r.suggestion}?)` : "";
      bag.add({
        code: ContinuityCode.UnknownMunicipality,
        message: `unknown municipality: not one of the 98 names or codes${hint}`,
        ...where(line, column),
      });
      return undefined;
    }
    let i = codeIndex.get(r.municipality.code);
    if (i === undefined) {
      i = municipalities.length;
      municipalities.push(r.municipality.code);
      codeIndex.set(r.municipality.code, i);
    }
    municipalityOf.set(text, i);
    return i;
  };

  const streaming = {
    ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
    onName: (name: string) => {
      shown = name;
    },
  };
  await streamCsvRows(
    file,
    (fields, line) => {
      if (!headerSeen) {
        headerSeen = true;
        index = headerIndex(fields, shown, line, bag);
        width = fields.length;
        if (index === undefined) bag.throwIfErrors();
        return;
      }
      const at = index as Record<LogColumn, number>;
      if (fields.length === 1 && fields[0]?.trim() === "") return;
      if (fields.length !== width) {
        bag.add({
          code: ContinuityCode.RaggedRow,
          message: `expected ${width} fields as in the header, found ${fields.length}`,
          ...where(line),
        });
        return;
      }
      const cell = (c: LogColumn) => (fields[at[c]] ?? "").trim();
      let bad = false;
      for (const c of ["citizen", "caseworker", "municipality", "date"] as const) {
        if (cell(c) === "") {
          bag.add({
            code: ContinuityCode.MissingValue,
            message: `empty ${c}`,
            ...where(line, at[c] + 1),
          });
          bad = true;
        }
      }
      if (bad) return;
      const date = parseIsoDate(cell("date"));
      if (date === undefined) {
        bag.add({
          code: ContinuityCode.BadDate,
          message: "date is not an ISO calendar date (YYYY-MM-DD)",
          ...where(line, at.date + 1),
        });
      }
      const m = resolve(cell("municipality"), line, at.municipality + 1);
      if (date === undefined || m === undefined || bag.hasErrors) return;
      columns.citizen.push(intern(citizens, cell("citizen")));
      columns.caseworker.push(intern(caseworkers, cell("caseworker")));
      columns.date.push(date);
      columns.municipality.push(m);
    },
    streaming,
  );
  if (!headerSeen) {
    bag.add({
      code: ContinuityCode.NoRows,
      message: "expected a header and meetings, found none",
      file: shown,
    });
  } else if (columns.date.length === 0 && !bag.hasErrors) {
    bag.add({
      code: ContinuityCode.NoRows,
      message: "expected meetings after the header, found none",
      ...where(1),
    });
  }
  bag.throwIfErrors();
  return {
    meetings: {
      length: columns.date.length,
      citizen: columns.citizen.trimmed(),
      date: columns.date.trimmed(),
      caseworker: columns.caseworker.trimmed(),
      municipality: columns.municipality.trimmed(),
    },
    municipalities,
    citizens: citizens.size,
    caseworkers: caseworkers.size,
  };
}

function intern(map: Map<string, number>, key: string): number {
  let i = map.get(key);
  if (i === undefined) {
    i = map.size;
    map.set(key, i);
  }
  return i;
}

function headerIndex(
  header: string[],
  file: string,
  line: number,
  bag: DiagnosticBag,
): Record<LogColumn, number> | undefined {
  const names = header.map((h) => normalizeColumnName(h));
  const found: Partial<Record<LogColumn, number>> = {};
  for (const [column, aliases] of Object.entries(LOG_COLUMNS) as Array<
    [LogColumn, readonly string[]]
  >) {
    const keys = aliases.map((a) => normalizeColumnName(a));
    const i = names.findIndex((n) => keys.includes(n));
    if (i === -1) {
      bag.add({
        code: ContinuityCode.MissingColumn,
        message: `missing column ${column} (or ${aliases.slice(1).join(", ")})`,
        file,
        line,
      });
    } else found[column] = i;
  }
  return Object.keys(found).length === 4 ? (found as Record<LogColumn, number>) : undefined;
}
