/**
 * Method profiles: a JSON file says which indicators an index uses, how each is computed
 * from counts, how values are normalised, aggregated and weighted. A new indicator set
 * needs a profile, not code. Validation is pure: the caller reads the file and passes the
 * parsed JSON; every mistake becomes a one-line diagnostic naming the JSON path.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import type { Diagnostic } from "../diagnostics.js";
import { InputError } from "../diagnostics.js";
import { type Expression, expressionColumns, parseExpression } from "./expression.js";

export const PROFILE_CODE = "E_METHOD_PROFILE";

export const NORMALISATIONS = [
  "zscore",
  "minmax",
  "rank",
  "percentile",
  "distance_to_best",
  "points",
  "goalposts",
] as const;

export const MISSING_MODES = [
  "error",
  "drop",
  "impute-mean",
  "impute-group-mean",
  "impute-previous",
] as const;
export type MissingMode = (typeof MISSING_MODES)[number];

/**
 * The zod schemas of a profile, built on first use (`profileSchemas`): a run whose profile
 * is the build's snapshot (src/pipeline/index/method-snapshot.ts) validates nothing and
 * builds none of them.
 */
function buildSchemas() {
  // zod/mini sets no locale (the full zod API set English on first use); without it every
  // message is "Invalid input". Import en.js directly and use z.config(): touching z.locales
  // or z.core as values makes esbuild bundle all of zod core and every locale (~660 KB).
  if (!z.config().localeError) z.config(en());

  const identifier = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, "expected a snake_case name"));
  const nonEmptyString = () => z.string().check(z.minLength(1));

  const ratioParts = z.strictObject({ numerator: identifier, denominator: identifier });

  const formulaSchema = z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("ratio"), numerator: identifier, denominator: identifier }),
    z.strictObject({
      type: z.literal("ratio_difference"),
      minuend: ratioParts,
      subtrahend: ratioParts,
    }),
    z.strictObject({ type: z.literal("expression"), expression: nonEmptyString() }),
  ]);

  const baseNormalisations = [
    z.strictObject({ type: z.literal("zscore") }),
    z.strictObject({ type: z.literal("minmax") }),
    z.strictObject({ type: z.literal("rank") }),
    z.strictObject({ type: z.literal("percentile") }),
    z.strictObject({ type: z.literal("distance_to_best") }),
    z.strictObject({
      type: z.literal("points"),
      bins: z._default(z.number().check(z.int(), z.gte(2), z.lte(100)), 10),
    }),
  ] as const;

  /** Fixed bounds per indicator id: values are capped at them and scaled 0–100 between. */
  const goalpostsSchema = z.strictObject({
    type: z.literal("goalposts"),
    goalposts: z.record(z.string(), z.strictObject({ lower: z.number(), upper: z.number() })),
  });

  const normalisationSchema = z.discriminatedUnion("type", [
    ...baseNormalisations,
    goalpostsSchema,
  ]);

  const shift = () => z._default(z.number().check(z.gte(0)), 0);

  /** The aggregations the uncertainty analysis can draw (its alternatives). */
  const baseAggregations = [
    z.strictObject({ type: z.literal("arithmetic") }),
    z.strictObject({ type: z.literal("geometric"), shift: shift() }),
    z.strictObject({ type: z.literal("sum") }),
  ] as const;

  const aggregationSchema = z.discriminatedUnion("type", [
    ...baseAggregations,
    z.strictObject({ type: z.literal("harmonic"), shift: shift() }),
    z.strictObject({
      type: z.literal("generalised"),
      power: z.number().check(z.gte(-10), z.lte(10)),
      shift: shift(),
    }),
    z.strictObject({ type: z.literal("copeland") }),
  ]);

  /**
   * Weights not written down but computed per quarter: from the first principal component
   * (`pca`) or, for each unit, the most favourable weights within share bounds
   * (`benefit_of_the_doubt`, a linear programme).
   */
  const weightingSchema = z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("pca") }),
    z.strictObject({
      type: z.literal("benefit_of_the_doubt"),
      lower: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
      upper: z._default(z.number().check(z.gte(0), z.lte(1)), 1),
    }),
  ]);

  /** COINr's default outlier treatment (treat.ts). */
  const treatmentSchema = z.strictObject({
    type: z.literal("coinr"),
    winsorise_max: z._default(z.number().check(z.int(), z.gte(0), z.lte(1000)), 5),
    skewness: z._default(z.number().check(z.positive()), 2),
    kurtosis: z._default(z.number(), 3.5),
  });

  const indicatorSchema = z.strictObject({
    id: identifier,
    label: nonEmptyString(),
    /** Column header in tables: keep it short. */
    short: z.string().check(z.minLength(1), z.maxLength(14)),
    description: z.optional(z.string()),
    formula: formulaSchema,
    scale: z._default(z.number().check(z.positive()), 1),
    unit: z.string(),
    better: z.enum(["higher", "lower"]),
    /** Decimals shown in tables and sentences (JSON keeps full precision). */
    digits: z._default(z.number().check(z.int(), z.gte(0), z.lte(6)), 1),
  });

  const profileSchema = z.strictObject({
    $schema: z.optional(z.string()),
    name: z
      .string()
      .check(
        z.regex(/^[a-z][a-z0-9_-]*$/, "expected a lower-case name (letters, digits, - and _)"),
      ),
    title: nonEmptyString(),
    description: nonEmptyString(),
    input: z.strictObject({
      /** Default input, relative to the package's data/ folder. */
      default: nonEmptyString(),
      synthetic: z._default(z.boolean(), false),
      source: nonEmptyString(),
      columns: z
        .array(
          z.strictObject({
            name: identifier,
            aliases: z._default(z.array(nonEmptyString()), []),
            description: z.optional(z.string()),
          }),
        )
        .check(z.minLength(1)),
    }),
    constraints: z._default(z.array(z.strictObject({ part: identifier, total: identifier })), []),
    indicators: z.array(indicatorSchema).check(z.minLength(1)),
    normalisation: z._default(normalisationSchema, { type: "zscore" }),
    aggregation: z._default(aggregationSchema, { type: "arithmetic" }),
    weights: z.optional(z.record(z.string(), z.number().check(z.gte(0)))),
    weighting: z.optional(weightingSchema),
    treatment: z.optional(treatmentSchema),
    winsorise: z.optional(
      z.strictObject({
        lower: z.number().check(z.gte(0), z.lte(0.5)),
        upper: z.number().check(z.gte(0.5), z.lte(1)),
      }),
    ),
    missing: z._default(z.enum(MISSING_MODES), "error"),
    alternatives: z.optional(
      z.strictObject({
        normalisations: z._default(z.array(normalisationSchema), []),
        aggregations: z._default(z.array(z.discriminatedUnion("type", [...baseAggregations])), []),
        /** Each weight may vary by ± this fraction of itself (then renormalised). */
        weight_spread: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
      }),
    ),
  });

  return {
    profileSchema,
    normalisationSchema,
    aggregationSchema,
    formulaSchema,
    weightingSchema,
    treatmentSchema,
  };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
/** The schemas, built on the first call. */
export const profileSchemas = (): ReturnType<typeof buildSchemas> => {
  schemas ??= buildSchemas();
  return schemas;
};

type Schemas = ReturnType<typeof buildSchemas>;

export type ProfileJson = z.output<Schemas["profileSchema"]>;
export type IndicatorJson = ProfileJson["indicators"][number];
export type Normalisation = z.output<Schemas["normalisationSchema"]>;
export type Aggregation = z.output<Schemas["aggregationSchema"]>;
export type FormulaJson = z.output<Schemas["formulaSchema"]>;
export type Weighting = z.output<Schemas["weightingSchema"]>;
export type Treatment = z.output<Schemas["treatmentSchema"]>;

/** One indicator ready to compute: its formula compiled, scale applied. */
export interface IndicatorDefinition {
  id: string;
  label: string;
  short: string;
  unit: string;
  better: "higher" | "lower";
  digits: number;
  expression: Expression;
  /** Input columns the formula reads. */
  columns: string[];
}

/** A validated profile: the JSON as written (with defaults) plus what the code uses. */
export interface MethodProfile {
  json: ProfileJson;
  indicators: IndicatorDefinition[];
  /** Weights in indicator order; they sum to 1. */
  weights: number[];
}

export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** `indicators[2].formula.numerator`: the JSON path people see in their editor. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(profile)" : out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      if ("options" in issue && Array.isArray(issue.options)) {
        return `unknown ${String(issue.path.at(-2) ?? "type")} type; expected one of ${issue.options
          .map((o) => JSON.stringify(o))
          .join(", ")}`;
      }
      return issue.message;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    case "invalid_type":
      return issue.message.replace(/^Invalid input: /, "");
    default:
      return issue.message;
  }
}

const RATIO_SCALE_ONE = 1;

function compileFormula(formula: FormulaJson, scale: number): Expression | string {
  let core: Expression;
  const ratio = (n: string, d: string): Expression => ({
    kind: "binary",
    op: "/",
    left: { kind: "column", name: n },
    right: { kind: "column", name: d },
  });
  switch (formula.type) {
    case "ratio":
      core = ratio(formula.numerator, formula.denominator);
      break;
    case "ratio_difference":
      core = {
        kind: "binary",
        op: "-",
        left: ratio(formula.minuend.numerator, formula.minuend.denominator),
        right: ratio(formula.subtrahend.numerator, formula.subtrahend.denominator),
      };
      break;
    case "expression": {
      const parsed = parseExpression(formula.expression);
      if (!parsed.ok) return parsed.message;
      core = parsed.expression;
    }
  }
  // scale · (formula): the scale is applied last, as METHOD.md writes 100 · (a/b − c/d).
  return scale === RATIO_SCALE_ONE
    ? core
    : { kind: "binary", op: "*", left: { kind: "number", value: scale }, right: core };
}

/** Paths of the column names inside a formula, for messages that point at the right field. */
function formulaColumnPaths(formula: FormulaJson): Array<[string, Array<string>]> {
  switch (formula.type) {
    case "ratio":
      return [
        [formula.numerator, ["numerator"]],
        [formula.denominator, ["denominator"]],
      ];
    case "ratio_difference":
      return [
        [formula.minuend.numerator, ["minuend", "numerator"]],
        [formula.minuend.denominator, ["minuend", "denominator"]],
        [formula.subtrahend.numerator, ["subtrahend", "numerator"]],
        [formula.subtrahend.denominator, ["subtrahend", "denominator"]],
      ];
    case "expression":
      return [];
  }
}

/** Cross-field checks zod cannot express: names, columns, weights. */
function checkReferences(json: ProfileJson, problem: (path: PropertyKey[], msg: string) => void) {
  const columns = new Set(json.input.columns.map((c) => c.name));
  const columnList = [...columns].join(", ");
  const seenColumns = new Set<string>();
  json.input.columns.forEach((c, i) => {
    if (seenColumns.has(c.name))
      problem(["input", "columns", i, "name"], `duplicate column '${c.name}'`);
    seenColumns.add(c.name);
    if (c.name === "municipality" || c.name === "period") {
      problem(["input", "columns", i, "name"], `'${c.name}' is a key column, not a count`);
    }
  });
  const ids = new Set<string>();
  json.indicators.forEach((indicator, i) => {
    if (ids.has(indicator.id))
      problem(["indicators", i, "id"], `duplicate indicator '${indicator.id}'`);
    ids.add(indicator.id);
    for (const [name, sub] of formulaColumnPaths(indicator.formula)) {
      if (!columns.has(name)) {
        problem(
          ["indicators", i, "formula", ...sub],
          `unknown column '${name}'; the profile's input columns are ${columnList}`,
        );
      }
    }
    if (indicator.formula.type === "expression") {
      const parsed = parseExpression(indicator.formula.expression);
      if (!parsed.ok) {
        problem(["indicators", i, "formula", "expression"], `cannot parse: ${parsed.message}`);
      } else {
        for (const name of expressionColumns(parsed.expression)) {
          if (!columns.has(name)) {
            problem(
              ["indicators", i, "formula", "expression"],
              `unknown column '${name}'; the profile's input columns are ${columnList}`,
            );
          }
        }
      }
    }
  });
  json.constraints.forEach((c, i) => {
    for (const key of ["part", "total"] as const) {
      if (!columns.has(c[key])) {
        problem(
          ["constraints", i, key],
          `unknown column '${c[key]}'; the profile's input columns are ${columnList}`,
        );
      }
    }
  });
  if (json.weights !== undefined) {
    for (const key of Object.keys(json.weights)) {
      if (!ids.has(key)) problem(["weights", key], `weight for unknown indicator '${key}'`);
    }
    for (const id of ids) {
      if (json.weights[id] === undefined) problem(["weights"], `no weight for indicator '${id}'`);
    }
    const sum = Object.values(json.weights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      problem(["weights"], `weights sum to ${sum}, expected 1 (within ${WEIGHT_SUM_TOLERANCE})`);
    }
  }
  if (json.winsorise !== undefined && json.winsorise.lower >= json.winsorise.upper) {
    problem(["winsorise"], "lower quantile must be below the upper one");
  }
  checkMethodChoices(json, ids, problem);
}

/** The new method choices: goalposts for every indicator, weighting that fits. */
function checkMethodChoices(
  json: ProfileJson,
  ids: ReadonlySet<string>,
  problem: (path: PropertyKey[], msg: string) => void,
): void {
  const normalisations = [
    { path: ["normalisation"], n: json.normalisation },
    ...(json.alternatives?.normalisations ?? []).map((n, i) => ({
      path: ["alternatives", "normalisations", i],
      n,
    })),
  ];
  for (const { path, n } of normalisations) {
    if (n.type !== "goalposts") continue;
    for (const [key, posts] of Object.entries(n.goalposts)) {
      if (!ids.has(key))
        problem([...path, "goalposts", key], `goalposts for unknown indicator '${key}'`);
      else if (!(posts.lower < posts.upper))
        problem([...path, "goalposts", key], "lower goalpost must be below the upper one");
    }
    for (const id of ids) {
      if (n.goalposts[id] === undefined)
        problem([...path, "goalposts"], `no goalposts for indicator '${id}'`);
    }
  }
  const a = json.aggregation;
  if (a.type === "generalised" && a.power === 0) {
    problem(["aggregation", "power"], "power 0 is the geometric mean: use aggregation geometric");
  }
  const w = json.weighting;
  if (w !== undefined && json.weights !== undefined) {
    problem(["weighting"], "weighting computes the weights: leave out 'weights'");
  }
  if (w?.type === "benefit_of_the_doubt") {
    const equal = 1 / ids.size;
    if (a.type !== "arithmetic") {
      problem(
        ["aggregation"],
        "benefit_of_the_doubt weights a mean of normalised values: aggregation must be arithmetic",
      );
    }
    if (!(w.lower <= equal + WEIGHT_SUM_TOLERANCE && equal <= w.upper + WEIGHT_SUM_TOLERANCE)) {
      problem(
        ["weighting"],
        `share bounds ${w.lower}–${w.upper} must admit equal weights 1/${ids.size}`,
      );
    }
  }
  if (json.treatment !== undefined && json.winsorise !== undefined) {
    problem(["treatment"], "treatment and winsorise both treat outliers: give one of them");
  }
}

/**
 * Validates parsed profile JSON. Throws an InputError with one diagnostic per mistake,
 * each `file: error: <json path>: <what was expected> [E_METHOD_PROFILE]`.
 */
export function parseMethodProfile(raw: unknown, file: string): MethodProfile {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: ReadonlyArray<PropertyKey>, message: string): void => {
    diagnostics.push({ code: PROFILE_CODE, file, message: `${formatJsonPath(path)}: ${message}` });
  };
  const parsed = profileSchemas().profileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(issue.path, issueMessage(issue));
    throw new InputError(diagnostics);
  }
  const json = parsed.data;
  checkReferences(json, problem);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const indicators = json.indicators.map((indicator): IndicatorDefinition => {
    const expression = compileFormula(indicator.formula, indicator.scale);
    if (typeof expression === "string") throw new Error(`unreachable: ${expression}`);
    return {
      id: indicator.id,
      label: indicator.label,
      short: indicator.short,
      unit: indicator.unit,
      better: indicator.better,
      digits: indicator.digits,
      expression,
      columns: expressionColumns(expression),
    };
  });
  const weights = indicators.map((i) => json.weights?.[i.id] ?? 1 / indicators.length);
  return { json, indicators, weights };
}

/**
 * The same profile with other weights (`--weights`), validated like the file's own.
 * `source` names where the weights came from in messages.
 */
export function withWeights(
  profile: MethodProfile,
  weights: Readonly<Record<string, number>>,
  source: string,
): MethodProfile {
  // Weights given for the run replace any computed weighting.
  const { weighting: _computed, ...json } = profile.json;
  return parseMethodProfile({ ...json, weights: { ...weights } }, source);
}
