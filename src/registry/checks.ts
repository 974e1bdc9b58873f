/**
 * Checks across rows and files, once every row is valid on its own: no code or spelling
 * twice, every member a known municipality, no municipality in two jobcentres at once,
 * every region present.
 */
import type { DiagnosticBag } from "../diagnostics.js";
import { nameKey } from "./normalize.js";
import {
  type GroupEntry,
  type Jobcentre,
  type Located,
  type Municipality,
  REGION_CODES,
} from "./types.js";

export function checkMunicipalities(
  rows: Array<Located<Municipality>>,
  file: string,
  bag: DiagnosticBag,
): void {
  const codes = new Map<string, number>();
  const keys = new Map<string, { code: string; line: number }>();
  for (const { line, value } of rows) {
    const first = codes.get(value.code);
    if (first !== undefined) {
      bag.add({
        code: "E_REGISTRY_DUPLICATE",
        message: `code ${value.code} already on line ${first}`,
        file,
        line,
      });
    }
    codes.set(value.code, line);
    // A spelling that names two municipalities would make resolution depend on file order.
    for (const spelling of [value.name, ...value.aliases]) {
      const key = nameKey(spelling);
      const owner = keys.get(key);
      if (owner !== undefined && owner.code !== value.code) {
        bag.add({
          code: "E_REGISTRY_DUPLICATE",
          message: `"${spelling}" also names ${owner.code} (line ${owner.line})`,
          file,
          line,
        });
      }
      keys.set(key, { code: value.code, line });
    }
  }
}

export function checkJobcentres(
  rows: Array<Located<Jobcentre>>,
  municipalities: Array<Located<Municipality>>,
  file: string,
  bag: DiagnosticBag,
): void {
  const known = new Set(municipalities.map((m) => m.value.code));
  for (const { line, value } of rows) {
    for (const code of value.municipalities) {
      if (!known.has(code)) {
        bag.add({
          code: "E_REGISTRY_UNKNOWN_CODE",
          message: `municipality ${code} is not in municipalities.csv`,
          file,
          line,
          column: 3,
        });
      }
    }
  }
  // Two rows may share a member only at different times, or a municipality would be in two units.
  rows.forEach((a, i) => {
    for (const b of rows.slice(i + 1)) {
      const shared = a.value.municipalities.find((c) => b.value.municipalities.includes(c));
      if (shared !== undefined && overlaps(a.value, b.value)) {
        bag.add({
          code: "E_REGISTRY_OVERLAP",
          message: `${b.value.id} and ${a.value.id} (line ${a.line}) both hold ${shared} at the same time`,
          file,
          line: b.line,
        });
      }
    }
  });
}

function overlaps(a: Jobcentre, b: Jobcentre): boolean {
  const startsBeforeEnd = (x: Jobcentre, y: Jobcentre) =>
    x.validFrom === null || y.validTo === null || x.validFrom <= y.validTo;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

export function checkGroups(
  rows: Array<Located<GroupEntry>>,
  municipalities: Array<Located<Municipality>>,
  file: string,
  bag: DiagnosticBag,
): void {
  const known = new Set(municipalities.map((m) => m.value.code));
  const ids = new Set<string>();
  for (const { line, value } of rows) {
    if (ids.has(value.id)) {
      bag.add({
        code: "E_REGISTRY_DUPLICATE",
        message: `group id ${value.id} repeated`,
        file,
        line,
      });
    }
    ids.add(value.id);
    if (value.kind !== "cooperation") continue;
    for (const code of value.municipalities) {
      if (!known.has(code)) {
        bag.add({
          code: "E_REGISTRY_UNKNOWN_CODE",
          message: `group ${value.id}: municipality ${code} is not in municipalities.csv`,
          file,
          line,
        });
      }
    }
  }
  for (const region of REGION_CODES) {
    if (!ids.has(region)) {
      bag.add({ code: "E_REGISTRY_ROW", message: `region ${region} is missing`, file });
    }
  }
}
