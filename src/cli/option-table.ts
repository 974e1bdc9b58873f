/**
 * Every option of every command, declared once: its flag, argument, description, default,
 * choices and whether it repeats. Commander's options, each command's `--help` and the
 * README's option lists (scripts/readme-options.mjs) are all made from this table, so
 * they cannot drift apart. A command file names the options it takes (`addOptions`);
 * where one option reads differently in one command, `per` holds that command's wording.
 * The help examples of every command live here too, as plain strings.
 */

import { AUDIT_SOBOL_RUNS } from "../pipeline/audit/defaults.js";
import { EXPLAIN_UNCERTAINTY_RUNS } from "../pipeline/explain/options.js";
import { DEFAULT_SEED } from "../uncertainty/random.js";

/** The program itself (global options) and its commands. */
export type CommandName =
  | "jobindex"
  | "index"
  | "benchmark"
  | "explain"
  | "check"
  | "fetch"
  | "survey"
  | "continuity"
  | "audit";

export interface OptionSpec {
  /** One-letter alias, without the dash. */
  short?: string;
  /** Name of the option's value, shown as `<argument>`; none for a switch. */
  argument?: string;
  description: string;
  /** Applied by commander when the option is absent. */
  default?: string;
  /** Shown in help and README only: the default that the analysis applies downstream. */
  shownDefault?: string;
  choices?: readonly string[];
  /** Given several times, the values are collected into a list. */
  repeatable?: boolean;
  required?: boolean;
  /** How this option reads in one command, where that differs. */
  per?: Partial<Record<CommandName, Partial<Omit<OptionSpec, "per" | "short" | "argument">>>>;
}

/** The output formats of the report commands. */
export const FORMATS = ["table", "json", "csv", "md", "html"] as const;

/** Explain's default draws or refits for its "how sure" sentence, defined by the pipeline. */
export { EXPLAIN_UNCERTAINTY_RUNS };

/**
 * Explain takes the index's and the benchmark's options to choose what it explains; a
 * default applied there would make every run look as if the flag were given, so the
 * default is shown but left to the analysis.
 */
function forExplain(kind: "index" | "benchmark", description: string, shownDefault?: string) {
  return {
    description: `${kind}: ${description}`,
    default: undefined,
    ...(shownDefault !== undefined ? { shownDefault } : {}),
  };
}

/** Keyed by the long flag without its dashes; listed in the order help shows them. */
export const OPTIONS = {
  debug: { description: "show stack traces for unexpected errors" },
  golden: {
    short: "g",
    argument: "file",
    description: "an earlier `--format json` output",
    required: true,
  },
  input: {
    short: "i",
    argument: "file",
    description:
      "input extract (csv, json, jsonl, StatBank bulk csv, xlsx); - reads standard input",
    repeatable: true,
    shownDefault: "the data shipped in data/",
    per: {
      survey: {
        description:
          "a survey tool's export (csv, json, jsonl, xlsx): one row per respondent; - reads standard input",
        repeatable: false,
        shownDefault: "the SYNTHETIC demo export in data/survey",
      },
      check: {
        description: "recompute on this input instead of the recorded one",
        shownDefault: "the recorded inputs",
      },
      continuity: {
        description:
          "pseudonymised meeting log (csv streamed, or xlsx read whole): citizen, municipality, caseworker, date (or borger, kommune, sagsbehandler, dato)",
        shownDefault: "the shipped synthetic demo log in data/demo",
      },
    },
  },
  period: {
    short: "p",
    argument: "period",
    description: "period: 2019K4, 2019Q4, 2021QMAT04, 2024M06, 2022",
    shownDefault: "latest",
    per: {
      fetch: {
        description:
          "jobindsats period id (2023QMAT04, 2024Q1, 2024M01, 2024) or latest; a recipe's period (2023QMAT04, 2019K4)",
        repeatable: true,
      },
      survey: {
        description:
          "the round of an export without a round or date column: 2024, 2024K2, 2024M06 (required then)",
        shownDefault: "the export's rounds",
      },
      continuity: {
        description: "one quarter: 2022K1 or 2022Q1",
        shownDefault: "every quarter of the log",
      },
      audit: { description: "the quarter to audit: 2024K4 or 2024Q4" },
    },
  },
  api: {
    argument: "version",
    description: "jobindsats API version: v3 (Bearer token) or v2 (STAR's guide of 2022)",
    choices: ["v3", "v2"],
    default: "v3",
  },
  area: {
    short: "a",
    argument: "area",
    description: "jobindsats area names (Billund, Hele landet) or * for all",
    repeatable: true,
    shownDefault: "*",
  },
  filter: {
    argument: "ID=V1,V2",
    description:
      "jobindsats dimension filter by variable id, e.g. _ygrp_y30r21=Sygedagpenge mv. (* for all)",
    repeatable: true,
  },
  var: {
    argument: "CODE=V1,V2",
    description:
      "StatBank variable selection, e.g. OMRÅDE=* or Tid=2024K1; BULK needs every variable",
    repeatable: true,
  },
  year: {
    argument: "year",
    description: "the year of a StatBank recipe (covariates)",
  },
  dir: {
    argument: "folder",
    description: "folder the recipe's files are written to",
    default: ".",
  },
  timeout: {
    argument: "seconds",
    description: "give up on a request after this many seconds",
    default: "30",
  },
  questions: {
    short: "q",
    argument: "file",
    description:
      "question map JSON: column header → area, optional answer scale (CLI.md survey; data/survey/README.md)",
    shownDefault: "data/survey/business-service-questions.json with the demo export",
  },
  explain: {
    short: "e",
    argument: "unit",
    description:
      "explain one unit's results in sentences (name, code or jobcentre id) instead of the table; with --format json the numbers behind them",
  },
  kind: {
    argument: "kind",
    description: "what to explain; auto decides from the flags and the input",
    choices: ["auto", "index", "benchmark"],
    default: "auto",
  },
  unit: {
    short: "u",
    argument: "unit",
    description: "what to rank",
    choices: ["jobcentre", "municipality"],
    default: "jobcentre",
    per: {
      explain: forExplain("index", "explain a jobcentre or a municipality on its own", "jobcentre"),
    },
  },
  method: {
    short: "m",
    argument: "name|file",
    description:
      "method profile: a name in data/methods (fh, fh-points, open) or a profile JSON file",
    default: "fh",
    per: { explain: forExplain("index", "method profile", "fh") },
  },
  missing: {
    argument: "mode",
    description:
      "missing indicator values: error (list them), drop the unit, impute-mean, impute-group-mean (the region's mean) or impute-previous (the quarter before), marked *",
    choices: ["error", "drop", "impute-mean", "impute-group-mean", "impute-previous"],
    shownDefault: "the profile's (error for fh)",
    per: { explain: forExplain("index", "missing indicator values", "the profile's") },
  },
  history: {
    description:
      "show each unit's rank in every quarter up to --period and the change since the quarter before",
    per: {
      benchmark: {
        description:
          "published mode: rank every period of the input up to --period, with the change (▲▼) and the Spearman persistence between consecutive periods",
      },
    },
  },
  weights: {
    short: "w",
    argument: "list",
    description: "override the profile's indicator weights: indicator=weight,… summing to 1",
  },
  group: {
    short: "g",
    argument: "group",
    description: "benefit group of a Y30R21 extract",
    default: "Ydelsesgrupper i alt",
    per: { explain: forExplain("benchmark", "benefit group", "Ydelsesgrupper i alt") },
  },
  covariates: {
    short: "c",
    argument: "list",
    description:
      "estimate expected values by OLS on these comma-separated covariates; log(NAME) takes the log; 'default' = the documented default set",
    per: {
      explain: forExplain("benchmark", "explain the model estimate on these covariates"),
    },
  },
  "covariate-data": {
    argument: "path",
    description: "a long file (municipality,year,value; stem = covariate name) or a folder of them",
    repeatable: true,
    shownDefault: "the shipped data/dst",
    per: { explain: forExplain("benchmark", "covariate file or folder", "the shipped data/dst") },
  },
  wls: {
    argument: "weights",
    description: "weighted least squares: weight the model by population aged 16–66",
    choices: ["population"],
    per: { explain: forExplain("benchmark", "weighted least squares by population aged 16–66") },
  },
  loo: {
    description: "leave-one-out: estimate each municipality's expectation without itself",
    per: { explain: forExplain("benchmark", "leave-one-out expected values") },
  },
  interval: {
    argument: "level",
    description:
      "prediction interval level (e.g. 0.9): marks municipalities clearly above or below",
  },
  "cost-per-fte": {
    argument: "dkk",
    description: "yearly cost of one full-time person on public support (DKK): adds cost/saving",
  },
  verify: {
    description: "exit 1 if a published rank contradicts the order of the rounded residuals",
    per: {
      index: {
        description:
          "exit 1 if the jobcentre ranking differs from the places LO or FH published for the quarter (data/published/fh-lo-jobcentre-index-lists.csv)",
      },
    },
  },
  published: {
    argument: "file",
    description:
      "with --verify: compare with the top lists in FILE (columns period, group, rank, municipality as data/published/star-benchmark-top-lists.csv) instead of the shipped ones",
    per: {
      index: {
        description:
          "with --verify: compare with the places in FILE (columns index, data_period, rank, jobcentre as data/published/fh-lo-jobcentre-index-lists.csv) instead of the shipped ones",
      },
    },
  },
  uncertainty: {
    argument: "runs",
    description: "rank intervals from RUNS runs (docs/uncertainty.md)",
    per: {
      index: {
        description:
          "rank intervals: vary the method's weights, normalisation and aggregation in RUNS Monte Carlo draws (e.g. 10000; docs/uncertainty.md)",
      },
      benchmark: {
        description:
          "rank intervals: published mode from RUNS funnel draws (e.g. 10000), model mode from RUNS bootstrap refits of the model (e.g. 2000); docs/uncertainty.md",
      },
      explain: {
        description:
          "how sure is the rank: RUNS draws of the method (index) or model refits (benchmark with --covariates), e.g. 2000; none unless asked",
        default: String(EXPLAIN_UNCERTAINTY_RUNS),
      },
      audit: {
        description:
          "Sobol indices: base sample N of the Saltelli design (N × (factors + 2) rankings, 1000 bootstrap resamples); 0 leaves them out",
        shownDefault: String(AUDIT_SOBOL_RUNS),
      },
    },
  },
  seed: {
    argument: "n",
    description: "seed of the --uncertainty runs, a whole number from 0 to 4294967295",
    shownDefault: String(DEFAULT_SEED),
    per: {
      audit: {
        description:
          "seed of the Sobol design and its bootstrap, a whole number from 0 to 4294967295",
      },
    },
  },
  distinguish: {
    argument: "criterion",
    description:
      "with --uncertainty: which interval decides '≠ expected': the prediction interval or the bootstrap interval of the residual",
    choices: ["prediction", "bootstrap"],
    shownDefault: "prediction",
    per: {
      explain: forExplain(
        "benchmark",
        "which interval decides 'clearly above/below' with --uncertainty",
        "prediction",
      ),
    },
  },
  by: {
    argument: "grouping",
    description: "also rank within the regions, with totals per region",
    choices: ["region"],
  },
  peers: {
    argument: "k",
    description:
      "list each municipality's K most similar municipalities by framework conditions (the model's covariates, else the default set)",
    per: {
      explain: forExplain(
        "benchmark",
        "name the K municipalities with the most similar framework conditions, with their ranks",
      ),
    },
  },
  only: {
    argument: "group",
    description:
      "only the units of a region or named group (e.g. Syddanmark, trekant), national ranks kept, with the group's totals",
    per: {
      survey: {
        description:
          "only the units of a region or named group (e.g. trekant); ranks among all units of the input kept",
      },
    },
  },
  tolerance: {
    short: "t",
    argument: "relative",
    description: "relative tolerance for numbers",
    default: "1e-9",
  },
  format: {
    short: "f",
    argument: "format",
    description: "output format",
    choices: FORMATS,
    default: "table",
    per: {
      survey: {
        description:
          "output format; index-input writes counts per municipality and quarter for `index --method quality`",
        choices: [...FORMATS, "index-input"],
      },
      continuity: {
        description:
          "output format; index-input: counts per municipality and quarter as index input columns (data/methods/README.md)",
        choices: [...FORMATS, "index-input"],
      },
      check: {
        description:
          "the verdict as text (table), the changes as JSON, or JUnit XML for CI (one test case per unit)",
        choices: ["table", "json", "junit"],
      },
      explain: {
        description: "sentences (text) or the numbers behind them (json)",
        choices: ["text", "json"],
        default: "text",
      },
    },
  },
  out: {
    short: "o",
    argument: "file",
    description: "write to FILE (atomically; never overwrites an input); - writes standard output",
    per: {
      fetch: {
        description:
          "write the rows to FILE and FILE.source.json beside it (atomically; never over an existing file)",
        required: true,
      },
    },
  },
  "decimal-mark": {
    argument: "mark",
    description:
      "the decimal mark of the inputs' text cells (csv, and text in json or xlsx), where a file leaves it unclear (only cells like 1.234): , or .",
    choices: [",", "."],
    shownDefault: "decided from each file",
    per: {
      continuity: {
        description:
          "the decimal mark of the log's text cells: , or . (a log has no number columns; recorded for check)",
      },
    },
  },
  sheet: {
    argument: "name",
    description: "the sheet of an .xlsx input to read (other formats ignore it)",
    shownDefault: "the first sheet",
  },
  lang: {
    argument: "language",
    description:
      "language of every human-readable output (titles, labels, sentences, HTML, messages): en or da; JSON field names never change",
    choices: ["en", "da"],
    shownDefault: "da when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with da, else en",
  },
  locale: {
    argument: "locale",
    description:
      "csv number style: en (, and .) or da (; and decimal comma, with a UTF-8 byte order mark for Excel)",
    choices: ["en", "da"],
    default: "en",
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** The option as `command` takes it: its own wording (`per`) over the shared one. */
export function optionFor(name: OptionName, command: CommandName): OptionSpec {
  const spec: OptionSpec = OPTIONS[name];
  const { per, ...shared } = spec;
  return { ...shared, ...per?.[command] };
}

/** `-i, --input <file>`: the flags as commander reads them and help shows them. */
export function flagsOf(name: OptionName): string {
  const spec: OptionSpec = OPTIONS[name];
  const long = `--${name}${spec.argument !== undefined ? ` <${spec.argument}>` : ""}`;
  return spec.short !== undefined ? `-${spec.short}, ${long}` : long;
}

/**
 * Runnable examples shown at the end of each `--help`, as typed at a shell prompt; each
 * one runs on the shipped data as written, from the package folder (test/cli/examples.test.ts
 * runs every one).
 */
export const EXAMPLES: Record<CommandName, readonly string[]> = {
  jobindex: [
    "jobindex index                         # rank jobcentres on the shipped (synthetic) demo data",
    "jobindex benchmark                     # STAR's published ranking, latest shipped period",
    "jobindex explain Billund               # why Billund lands where it does",
    "jobindex benchmark --format json --out golden.json && jobindex check --golden golden.json",
  ],
  index: [
    "jobindex index                                   # demo data (synthetic), latest quarter, by jobcentre",
    "jobindex index --unit municipality --period 2023K2 --format json",
    "jobindex index --history --period 2024K4         # each jobcentre's rank per quarter, ▲▼ since last quarter",
    "jobindex index --method fh-points                # 1–10 decile points per indicator: ties as in FH's lists",
    "jobindex index --method open                     # a real-data ranking from jobindsats (not FH's index)",
    "jobindex index --uncertainty 10000 --seed 1      # how sure is each rank? rank intervals, P(top 10)",
    "jobindex index --by region                       # rank within each region, region totals",
    "jobindex index --only trekant                    # Trekantområdet og Haderslev only, with totals",
    "jobindex index --input data/demo/fh-synthetic-2019K1-2024K4.csv --missing impute-mean --weights upskilling_share=0.4,sickness_duration=0.15,nonwestern_excess_unemployment=0.15,activation_rate=0.15,unemployment_duration=0.15",
  ],
  benchmark: [
    "jobindex benchmark                                   # latest shipped period, all benefits",
    "jobindex benchmark --period 2020QMAT04 --group Sygedagpenge --verify",
    "jobindex benchmark --covariates default --interval 0.9 --cost-per-fte 250000",
    'jobindex benchmark --covariates "log(population_density),education,immigration_share_pct" --format json',
    "jobindex benchmark --covariates default --wls population --loo             # weighted, leave-one-out",
    "jobindex benchmark --covariates default --uncertainty 2000 --seed 1   # how sure is each rank?",
    "jobindex benchmark --uncertainty 10000 --seed 1   # published mode: rank intervals from funnel draws",
    "jobindex benchmark --history --peers 5   # rank per period, and each municipality's peers",
    "jobindex benchmark --by region --cost-per-fte 400000                  # rank within regions, region totals",
    "jobindex benchmark --only trekant                                     # Trekantområdet og Haderslev, with totals",
  ],
  explain: [
    "jobindex explain Billund                       # the benchmark (real) and the index (demo data)",
    "jobindex explain Esbjerg --kind index --period 2024K4",
    "jobindex explain Gladsaxe --covariates default  # what drives Gladsaxe's expected value",
    "jobindex explain Billund --peers 5              # and the five most similar municipalities",
  ],
  fetch: [
    "jobindex fetch recipe benchmark --period 2023QMAT04 --dir data-2023   # with JOBINDSATS_TOKEN set",
    "jobindex fetch jobindsats y30r21 --period 2023QMAT04 --out y30r21.jsonl",
    "jobindex fetch jobindsats y30r21 --api v2 --period latest --area Billund --out billund.jsonl",
    "jobindex fetch statbank FOLK1A --var OMRÅDE=* --var KØN=TOT --var ALDER=* --var CIVILSTAND=TOT --var Tid=2024K1 --out folk1a.csv",
    "jobindex fetch recipe covariates --year 2024 --dir dst-2024",
    "jobindex benchmark --input data-2023/y30r21-2023QMAT04.jsonl --verify",
  ],
  survey: [
    "jobindex survey                                  # the SYNTHETIC demo export, Trekant jobcentres, two rounds",
    "jobindex survey --input export.csv --questions data/survey/business-service-questions.json --format html --out survey.html",
    "jobindex survey --explain Billund                # one jobcentre's results in sentences",
    "jobindex survey --format index-input --out quality-input.csv && jobindex index --method quality --input quality-input.csv --missing drop",
  ],
  continuity: [
    "jobindex continuity                                  # synthetic demo log, every quarter, by jobcentre",
    "jobindex continuity --input meetings.csv --period 2022K1 --format json",
    "jobindex continuity --unit municipality --format index-input --out continuity.csv",
  ],
  audit: [
    "jobindex audit                                   # the demo data (synthetic), latest quarter, method fh",
    "jobindex audit --method open --format md         # the real-data profile, as Markdown",
    "jobindex audit --period 2023K2 --uncertainty 2000 --seed 7 --format json",
    "jobindex audit --format html --out audit.html    # with the correlation heat map and the rank shifts",
  ],
  check: [
    "jobindex benchmark --format json --out golden.json",
    "jobindex check --golden golden.json",
    "jobindex check --golden fixtures/golden/benchmark-2021QMAT04-all.json --tolerance 1e-6",
  ],
};
