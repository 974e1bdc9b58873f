/**
 * Every option of every command, declared once: its flag, argument, description, default,
 * choices and whether it repeats. Commander's options, each command's `--help` and the
 * README's option lists (scripts/readme-options.mjs) are all made from this table, so
 * they cannot drift apart. A command file names the options it takes (`addOptions`);
 * where one option reads differently in one command, `per` holds that command's wording.
 * The help examples of every command live here too, as plain strings.
 */

import { EXPLAIN_UNCERTAINTY_RUNS } from "../pipeline/explain/options.js";
import { DEFAULT_SEED } from "../uncertainty/random.js";

/** The program itself (global options) and its commands. */
export type CommandName = "jobindex" | "index" | "benchmark" | "explain" | "check";

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
    description: "input extract (csv, json, jsonl, StatBank bulk csv)",
    repeatable: true,
    shownDefault: "the data shipped in data/",
    per: {
      check: {
        description: "recompute on this input instead of the recorded one",
        shownDefault: "the recorded inputs",
      },
    },
  },
  period: {
    short: "p",
    argument: "period",
    description: "period: 2019K4, 2019Q4, 2021QMAT04, 2024M06, 2022",
    shownDefault: "latest",
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
      "missing indicator values: error (list them), drop the unit, or impute-mean (marked *)",
    choices: ["error", "drop", "impute-mean"],
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
          "how sure is the rank: draws of the method (index) or model refits (benchmark with --covariates); 0 = leave it out",
        default: String(EXPLAIN_UNCERTAINTY_RUNS),
      },
    },
  },
  seed: {
    argument: "n",
    description: "seed of the --uncertainty runs, a whole number from 0 to 4294967295",
    shownDefault: String(DEFAULT_SEED),
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
  },
  only: {
    argument: "group",
    description:
      "only the units of a region or named group (e.g. Syddanmark, trekant), national ranks kept, with the group's totals",
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
    description: "write to FILE (atomically; never overwrites an input)",
  },
  locale: {
    argument: "locale",
    description: "csv number style: en (, and .) or da (; and decimal comma)",
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
 * one runs on the shipped data (test/cli checks the first of each command).
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
    "jobindex index --input counts.csv --missing impute-mean --weights upskilling_share=0.4,sickness_duration=0.15,nonwestern_excess_unemployment=0.15,activation_rate=0.15,unemployment_duration=0.15",
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
  ],
  check: [
    "jobindex benchmark --format json --out golden.json",
    "jobindex check --golden golden.json",
    "jobindex check --golden fixtures/golden/benchmark-2021QMAT04.json --tolerance 1e-6",
  ],
};
