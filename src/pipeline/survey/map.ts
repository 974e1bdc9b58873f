/**
 * The question map (CLI.md `survey`): which column is which question's area, and the
 * answer scale (the Danish five-point default when absent). Validated with zod/mini like
 * the method profiles; each mistake is one line naming the JSON path, with the line and
 * column where the key stands in the file when it can be found.
 */
import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { formatJsonPath } from "../../composite/profile.js";
import { type Diagnostic, InputError, UsageError } from "../../diagnostics.js";
import { DEFAULT_SCALE } from "../../survey/index.js";

if (!z.config().localeError) z.config(en());

export const MAP_CODE = "E_SURVEY_MAP";

const area = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, "expected a snake_case area name"));

const mapSchema = z.strictObject({
  title: z.optional(z.string()),
  source: z.optional(z.string()),
  /** Area names in display order, with a label each. */
  areas: z.optional(z.record(area, z.string())),
  questions: z.record(z.string().check(z.minLength(1)), area),
  scale: z.optional(z.record(z.string().check(z.minLength(1)), z.number().check(z.int()))),
});

export interface QuestionMap {
  file: string;
  title: string | undefined;
  /** Column header → area. */
  questions: ReadonlyMap<string, string>;
  /** Areas in display order (the map's `areas`, else first use). */
  areas: string[];
  labels: ReadonlyMap<string, string>;
  scale: ReadonlyMap<string, number>;
  /** Where each question key stands in the map file (for "missing from the input"). */
  where: ReadonlyMap<string, { line: number; column: number }>;
}

/** Line and column (1-based) of the first `"key":` in the text, when it is there. */
function locateKey(text: string, key: string): { line: number; column: number } | undefined {
  const at = text.indexOf(`${JSON.stringify(key)}`);
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - before.lastIndexOf("\n") };
}

export function parseQuestionMap(text: string, file: string): QuestionMap {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError([{ code: MAP_CODE, file, message: `not valid JSON: ${why}` }]);
  }
  const parsed = mapSchema.safeParse(raw);
  const diagnostics: Diagnostic[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      diagnostics.push({
        code: MAP_CODE,
        file,
        message: `${formatJsonPath(issue.path)}: ${issue.message}`,
      });
    }
    throw new InputError(diagnostics);
  }
  const json = parsed.data;
  const questions = new Map(Object.entries(json.questions));
  if (questions.size === 0) {
    throw new InputError([{ code: MAP_CODE, file, message: "questions: expected at least one" }]);
  }
  const labels = new Map(Object.entries(json.areas ?? {}));
  const used = [...new Set(questions.values())];
  for (const a of used) {
    if (json.areas !== undefined && !labels.has(a)) {
      diagnostics.push({
        code: MAP_CODE,
        file,
        ...(locateKey(text, a) ?? {}),
        message: `questions: area '${a}' is not one of the map's areas (${[...labels.keys()].join(", ")})`,
      });
    }
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const areas =
    json.areas === undefined ? used : [...labels.keys()].filter((a) => used.includes(a));
  const where = new Map<string, { line: number; column: number }>();
  for (const q of questions.keys()) {
    const at = locateKey(text, q);
    if (at !== undefined) where.set(q, at);
  }
  return {
    file,
    title: json.title,
    questions,
    areas,
    labels,
    scale: new Map(Object.entries(json.scale ?? DEFAULT_SCALE)),
    where,
  };
}

export function loadQuestionMap(path: string, shown = path): QuestionMap {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read the question map ${shown}`);
  }
  return parseQuestionMap(text, shown);
}
