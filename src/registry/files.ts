/**
 * Reading and validating the registry files in data/registry. Every problem becomes a
 * Diagnostic naming the file and line; all of them are thrown together as one InputError.
 */
import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { type Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { dataPath } from "../paths.js";
import { type CsvRecord, parseCsv } from "./csv.js";
import { nameKey } from "./normalize.js";
import { type Jobcentre, type Municipality, REGION_CODES, type RegionCode } from "./types.js";

/** A parsed record and the line it came from, kept until cross-file checks are done. */
export interface Located<T> {
  line: number;
  value: T;
}

/** A group as the file states it: regions list no members (they come from municipalities.csv). */
export type GroupEntry =
  | { kind: "region"; id: RegionCode; name: string; aliases: string[]; source: string }
  | {
      kind: "cooperation";
      id: string;
      name: string;
      aliases: string[];
      municipalities: string[];
      source: string;
    };

export interface RegistrySource {
  municipalities: Municipality[];
  jobcentres: Jobcentre[];
  groups: GroupEntry[];
}

export interface RegistryTexts {
  municipalities: { file: string; text: string };
  jobcentres: { file: string; text: string };
  groups: { file: string; text: string };
}

const CODE = /^\d{3}$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/**
 * The zod schemas of the three files, built on first use: a run whose registry matches the
 * build's snapshot (src/registry/snapshot.ts) validates nothing and builds none of them.
 */
function buildSchemas() {
  // zod/mini sets no locale (the full zod API set English on first use); without it every
  // message is "Invalid input". Import en.js directly and use z.config(): touching z.locales
  // or z.core as values makes esbuild bundle all of zod core and every locale (~660 KB).
  if (!z.config().localeError) z.config(en());

  const nonEmpty = z.string().check(z.trim(), z.minLength(1, "must not be empty"));

  const municipalityRow = z.object({
    code: z.string().check(z.regex(CODE, "must be a 3-digit code like 101")),
    name: nonEmpty,
    region: z.enum(REGION_CODES as [RegionCode, ...RegionCode[]], {
      error: `must be one of ${REGION_CODES.join(", ")}`,
    }),
    aliases: z.string(),
    source: nonEmpty,
  });

  const optionalDate = z
    .string()
    .check(
      z.refine<string>(
        (s) => s === "" || ISO_DATE.test(s),
        "must be empty or an ISO date like 2022-01-01",
      ),
    );

  const jobcentreFields = z.object({
    id: z
      .string()
      .check(z.regex(/^\d{3}(-\d{3})*$/, "must be member codes joined by '-', like 561-563")),
    name: nonEmpty,
    municipalities: z
      .string()
      .check(z.regex(/^\d{3}(\|\d{3})*$/, "must be 3-digit codes separated by '|', lead first")),
    valid_from: optionalDate,
    valid_to: optionalDate,
    source: nonEmpty,
  });
  type JobcentreFields = z.output<typeof jobcentreFields>;

  const jobcentreRow = jobcentreFields.check(
    z.refine<JobcentreFields>((r) => r.id === r.municipalities.replaceAll("|", "-"), {
      message: "id must be the member codes joined by '-' in the same order",
      path: ["id"],
    }),
    z.refine<JobcentreFields>(
      (r) => r.valid_from === "" || r.valid_to === "" || r.valid_from <= r.valid_to,
      { message: "valid_from must not be after valid_to", path: ["valid_to"] },
    ),
  );

  const groupsFile = z.object({
    groups: z.array(
      z.discriminatedUnion("kind", [
        z.strictObject({
          kind: z.literal("region"),
          id: z.enum(REGION_CODES as [RegionCode, ...RegionCode[]]),
          name: nonEmpty,
          aliases: z._default(z.array(nonEmpty), []),
          source: nonEmpty,
        }),
        z.strictObject({
          kind: z.literal("cooperation"),
          id: z
            .string()
            .check(z.regex(/^[a-z][a-z0-9-]*$/, "must be a lower-case slug like trekant")),
          name: nonEmpty,
          aliases: z._default(z.array(nonEmpty), []),
          municipalities: z
            .array(z.string().check(z.regex(CODE, "must be a 3-digit code")))
            .check(z.minLength(1)),
          source: nonEmpty,
        }),
      ]),
    ),
  });
  return { municipalityRow, jobcentreRow, groupsFile };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const registrySchemas = () => {
  schemas ??= buildSchemas();
  return schemas;
};

/** The shipped registry files. */
export function readRegistryTexts(): RegistryTexts {
  const read = (name: string) => {
    const file = dataPath("registry", name);
    return { file, text: readFileSync(file, "utf8") };
  };
  return {
    municipalities: read("municipalities.csv"),
    jobcentres: read("jobcentres.csv"),
    groups: read("groups.json"),
  };
}

/** Parses and validates all three files together; throws one InputError listing every problem. */
export function parseRegistry(texts: RegistryTexts): RegistrySource {
  const bag = new DiagnosticBag();
  const municipalities = parseMunicipalities(
    texts.municipalities.text,
    texts.municipalities.file,
    bag,
  );
  const jobcentres = parseJobcentres(texts.jobcentres.text, texts.jobcentres.file, bag);
  const groups = parseGroups(texts.groups.text, texts.groups.file, bag);
  if (!bag.hasErrors) {
    checkMunicipalities(municipalities, texts.municipalities.file, bag);
    checkJobcentres(jobcentres, municipalities, texts.jobcentres.file, bag);
    checkGroups(groups, municipalities, texts.groups.file, bag);
  }
  bag.throwIfErrors();
  return {
    municipalities: municipalities.map((m) => m.value).sort((a, b) => compareText(a.code, b.code)),
    jobcentres: jobcentres.map((j) => j.value),
    groups: groups.map((g) => g.value),
  };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- CSV files ---------------------------------------------------------------------------

type Row = Record<string, string>;

/** Checks the header and turns records into objects keyed by column name. */
function csvRows(
  text: string,
  file: string,
  header: readonly string[],
  bag: DiagnosticBag,
): Array<{ line: number; row: Row }> {
  const [head, ...records] = parseCsv(text);
  if (head === undefined || head.fields.join(",") !== header.join(",")) {
    bag.add({
      code: "E_REGISTRY_HEADER",
      message: `expected the header ${header.join(",")}`,
      file,
      line: 1,
    });
    return [];
  }
  const rows: Array<{ line: number; row: Row }> = [];
  for (const record of records) {
    if (record.fields.length !== header.length) {
      bag.add({
        code: "E_REGISTRY_ROW",
        message: `expected ${header.length} fields, found ${record.fields.length}`,
        file,
        line: record.line,
      });
      continue;
    }
    rows.push({ line: record.line, row: toRow(record, header) });
  }
  return rows;
}

function toRow(record: CsvRecord, header: readonly string[]): Row {
  return Object.fromEntries(header.map((name, i) => [name, record.fields[i] ?? ""]));
}

/** One diagnostic per zod issue, pointing at the CSV column the issue is about. */
function reportIssues(
  error: z.core.$ZodError,
  where: { file: string; line?: number },
  header: readonly string[] | undefined,
  bag: DiagnosticBag,
): void {
  for (const issue of error.issues) {
    const field = issue.path.join(".");
    const column = header ? header.indexOf(String(issue.path[0])) + 1 : 0;
    const diagnostic: Diagnostic = {
      code: "E_REGISTRY_ROW",
      message: field ? `${field}: ${issue.message}` : issue.message,
      file: where.file,
    };
    if (where.line !== undefined) diagnostic.line = where.line;
    if (column > 0) diagnostic.column = column;
    bag.add(diagnostic);
  }
}

const MUNICIPALITY_HEADER = ["code", "name", "region", "aliases", "source"] as const;

export function parseMunicipalities(
  text: string,
  file: string,
  bag: DiagnosticBag,
): Array<Located<Municipality>> {
  const out: Array<Located<Municipality>> = [];
  for (const { line, row } of csvRows(text, file, MUNICIPALITY_HEADER, bag)) {
    const parsed = registrySchemas().municipalityRow.safeParse(row);
    if (!parsed.success) {
      reportIssues(parsed.error, { file, line }, MUNICIPALITY_HEADER, bag);
      continue;
    }
    const { code, name, region, aliases, source } = parsed.data;
    const aliasList = aliases
      .split("|")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    out.push({ line, value: { code, name: name.trim(), region, aliases: aliasList, source } });
  }
  return out;
}

const JOBCENTRE_HEADER = [
  "id",
  "name",
  "municipalities",
  "valid_from",
  "valid_to",
  "source",
] as const;

export function parseJobcentres(
  text: string,
  file: string,
  bag: DiagnosticBag,
): Array<Located<Jobcentre>> {
  const out: Array<Located<Jobcentre>> = [];
  for (const { line, row } of csvRows(text, file, JOBCENTRE_HEADER, bag)) {
    const parsed = registrySchemas().jobcentreRow.safeParse(row);
    if (!parsed.success) {
      reportIssues(parsed.error, { file, line }, JOBCENTRE_HEADER, bag);
      continue;
    }
    const r = parsed.data;
    out.push({
      line,
      value: {
        id: r.id,
        name: r.name.trim(),
        municipalities: r.municipalities.split("|"),
        validFrom: r.valid_from === "" ? null : r.valid_from,
        validTo: r.valid_to === "" ? null : r.valid_to,
        source: r.source,
      },
    });
  }
  return out;
}

// --- groups.json -------------------------------------------------------------------------

export function parseGroups(
  text: string,
  file: string,
  bag: DiagnosticBag,
): Array<Located<GroupEntry>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    bag.add({ code: "E_REGISTRY_JSON", message: `not valid JSON: ${message}`, file });
    return [];
  }
  const parsed = registrySchemas().groupsFile.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, index] = issue.path;
      const entry = typeof index === "number" ? parsedEntryId(json, index) : undefined;
      const diagnostic: Diagnostic = {
        code: "E_REGISTRY_ROW",
        message: `${issue.path.join(".")}: ${issue.message}`,
        file,
      };
      const line = entry === undefined ? undefined : lineOfId(text, entry);
      if (line !== undefined) diagnostic.line = line;
      bag.add(diagnostic);
    }
    return [];
  }
  return parsed.data.groups.map((value) => ({ line: lineOfId(text, value.id) ?? 1, value }));
}

function parsedEntryId(json: unknown, index: number): string | undefined {
  if (typeof json !== "object" || json === null || !("groups" in json)) return undefined;
  const groups: unknown = json.groups;
  if (!Array.isArray(groups)) return undefined;
  const entry: unknown = groups[index];
  if (typeof entry !== "object" || entry === null || !("id" in entry)) return undefined;
  return typeof entry.id === "string" ? entry.id : undefined;
}

/** JSON.parse keeps no positions; the line of `"id": "<id>"` is what a reader needs to fix it. */
function lineOfId(text: string, id: string): number | undefined {
  const at = text.search(
    new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}

// --- checks across rows and files --------------------------------------------------------

function checkMunicipalities(
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

function checkJobcentres(
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

function checkGroups(
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
