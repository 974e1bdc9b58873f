/** The benchmark document's further tables (model, covariates, contradictions) and notes. */
import type { CovariateProvenance } from "../../benchmark/covariates.js";
import { translateDiagnostic } from "../../i18n/diagnostics.js";
import { currentLang, formatNumberIn, MINUS, t } from "../../i18n/index.js";
import type { ReportSection } from "../../report/types.js";
import { displayPath } from "./document-json.js";
import type { BenchmarkOutcome } from "./outcome.js";

/** A number in the run's language, with the ASCII minus of a table cell. */
const num = (x: number, digits: number) => formatNumberIn(x, digits).replace(MINUS, "-");

/** A plain amount: as given in English, with thousands points in Danish. */
const amount = (x: number) =>
  currentLang() === "en"
    ? String(x)
    : formatNumberIn(x, Number.isInteger(x) ? 0 : 2, currentLang(), true);

export function sections(outcome: BenchmarkOutcome): ReportSection[] {
  const out: ReportSection[] = [];
  if (outcome.model) {
    const s = outcome.model.summary;
    out.push({
      title: t("benchmark.model.title", {
        weighted: outcome.model.weights ? t("benchmark.model.weighted") : "",
        n: s.n,
        k: s.k,
        r2: num(s.r2, 3),
        adj_r2: num(s.adjR2, 3),
        sigma: num(s.sigma, 3),
      }),
      columns: [
        { key: "term", header: t("benchmark.col.term"), kind: "text" },
        { key: "estimate", header: t("benchmark.col.estimate"), kind: "number", digits: 4 },
        { key: "std_error", header: t("benchmark.col.std_error"), kind: "number", digits: 4 },
        { key: "t", header: "t", kind: "number", digits: 2 },
        { key: "p", header: "p", kind: "number", digits: 4 },
      ],
      rows: s.coefficients.map((c) => ({
        term: c.term,
        estimate: c.estimate,
        std_error: c.stdError,
        t: c.t,
        p: c.p,
      })),
    });
    out.push({
      title: t("benchmark.covariates.title"),
      columns: [
        { key: "term", header: t("benchmark.col.term"), kind: "text" },
        { key: "source", header: t("benchmark.col.source"), kind: "text" },
        { key: "years", header: t("benchmark.col.years"), kind: "text" },
        { key: "fallback", header: t("benchmark.col.fallback"), kind: "text" },
      ],
      rows: outcome.model.covariates.map((c) => ({
        term: c.term,
        source: displayPath(c.source),
        years: yearsText(c),
        fallback:
          c.fallback.length === 0
            ? ""
            : c.fallback.length === outcome.results.length
              ? t("benchmark.covariates.all")
              : c.fallback.join(" "),
      })),
    });
  }
  if (outcome.contradictions.length > 0) {
    out.push({
      title: t("benchmark.contradictions.title"),
      columns: [
        { key: "better", header: t("benchmark.col.smaller_residual"), kind: "text" },
        { key: "better_rank", header: t("benchmark.col.its_published_rank"), kind: "rank" },
        { key: "worse", header: t("benchmark.col.larger_residual"), kind: "text" },
        { key: "worse_rank", header: t("benchmark.col.its_published_rank"), kind: "rank" },
      ],
      rows: outcome.contradictions.map((c) => ({
        better: `${c.better.name} (${num(c.better.residualPp, 2)})`,
        better_rank: c.better.publishedRank,
        worse: `${c.worse.name} (${num(c.worse.residualPp, 2)})`,
        worse_rank: c.worse.publishedRank,
      })),
    });
  }
  return out;
}

function yearsText(c: CovariateProvenance): string {
  if (c.source === "input") return t("benchmark.covariates.as_input");
  return c.years
    .map((y) => (y === null ? t("benchmark.covariates.undated") : String(y)))
    .join(", ");
}

export function notes(outcome: BenchmarkOutcome): string[] {
  const out: string[] = [];
  const { present, expected, missing } = outcome.coverage;
  if (present < expected) {
    const shown =
      missing.length <= 20
        ? missing.join(", ")
        : t("benchmark.note.more", {
            list: missing.slice(0, 20).join(", "),
            n: missing.length - 20,
          });
    out.push(t("benchmark.note.partial", { present, expected, missing: shown }));
  }
  for (const w of outcome.warnings) {
    out.push(
      t("benchmark.note.warning", {
        message: translateDiagnostic(w.code, w.message),
        code: w.code,
      }),
    );
  }
  const tied = outcome.results.some((r) => r.tied);
  if (outcome.mode === "published") {
    out.push(t("benchmark.note.published"));
    if (tied) out.push(t("benchmark.note.rounded"));
    if (outcome.results.some((r) => r.publishedRank !== undefined)) {
      out.push(
        outcome.contradictions.length === 0
          ? present < expected
            ? t("benchmark.note.consistent_partial", { present, expected })
            : t("benchmark.note.consistent")
          : t("benchmark.note.contradictions", { n: outcome.contradictions.length }),
      );
    }
  } else if (outcome.model) {
    const terms = outcome.model.summary.coefficients
      .slice(1)
      .map((c) => c.term)
      .join(", ");
    out.push(
      t("benchmark.note.model", {
        terms,
        weighted: outcome.model.weights ? t("benchmark.note.model_weighted") : "",
      }),
    );
    if (outcome.model.loo) out.push(t("benchmark.note.loo"));
    if (outcome.model.interval !== null) {
      out.push(t("benchmark.note.interval", { level: Math.round(outcome.model.interval * 100) }));
    }
    for (const c of outcome.model.covariates) {
      if (c.fallback.length > 0) {
        out.push(
          t("benchmark.note.fallback", {
            term: c.term,
            period: outcome.period ?? t("benchmark.note.fallback_period"),
            which:
              c.fallback.length === outcome.results.length
                ? t("benchmark.note.fallback_any")
                : c.fallback.join(", "),
            value: t(
              c.years.includes(null)
                ? "benchmark.note.fallback_undated"
                : "benchmark.note.fallback_later",
            ),
          }),
        );
      }
    }
    if (outcome.results.some((r) => r.expectedStarPct !== undefined)) {
      out.push(t("benchmark.note.star_beside"));
    }
  }
  if (outcome.mode === "published") {
    // Published residual persons are STAR's own difference, rounded to tens.
  } else if (outcome.population === "implied") {
    out.push(t("benchmark.note.implied_population"));
  } else if (outcome.population === "none") {
    out.push(t("benchmark.note.no_population"));
  }
  if (outcome.options.costPerFte !== null) {
    out.push(t("benchmark.note.cost", { per_fte: amount(outcome.options.costPerFte) }));
  }
  return out;
}
