/** The benchmark document's further tables (model, covariates, contradictions) and notes. */
import type { CovariateProvenance } from "../../benchmark/covariates.js";
import type { ReportSection } from "../../report/types.js";
import { displayPath } from "./document-json.js";
import type { BenchmarkOutcome } from "./outcome.js";

export function sections(outcome: BenchmarkOutcome): ReportSection[] {
  const out: ReportSection[] = [];
  if (outcome.model) {
    const s = outcome.model.summary;
    out.push({
      title: `Model: OLS${outcome.model.weights ? " weighted by population" : ""}, n = ${s.n}, k = ${s.k}, R² = ${s.r2.toFixed(3)}, adjusted R² = ${s.adjR2.toFixed(3)}, σ = ${s.sigma.toFixed(3)}`,
      columns: [
        { key: "term", header: "Term", kind: "text" },
        { key: "estimate", header: "Estimate", kind: "number", digits: 4 },
        { key: "std_error", header: "Std. error", kind: "number", digits: 4 },
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
      title: "Covariates: source and year used",
      columns: [
        { key: "term", header: "Term", kind: "text" },
        { key: "source", header: "Source", kind: "text" },
        { key: "years", header: "Year(s) used", kind: "text" },
        { key: "fallback", header: "Later/undated values used for", kind: "text" },
      ],
      rows: outcome.model.covariates.map((c) => ({
        term: c.term,
        source: displayPath(c.source),
        years: yearsText(c),
        fallback:
          c.fallback.length === 0
            ? ""
            : c.fallback.length === outcome.results.length
              ? "all"
              : c.fallback.join(" "),
      })),
    });
  }
  if (outcome.contradictions.length > 0) {
    out.push({
      title: "Contradictions: published ranks not consistent with the rounded residuals",
      columns: [
        { key: "better", header: "Smaller residual", kind: "text" },
        { key: "better_rank", header: "its published rank", kind: "rank" },
        { key: "worse", header: "Larger residual", kind: "text" },
        { key: "worse_rank", header: "its published rank", kind: "rank" },
      ],
      rows: outcome.contradictions.map((c) => ({
        better: `${c.better.name} (${c.better.residualPp.toFixed(2)})`,
        better_rank: c.better.publishedRank,
        worse: `${c.worse.name} (${c.worse.residualPp.toFixed(2)})`,
        worse_rank: c.worse.publishedRank,
      })),
    });
  }
  return out;
}

function yearsText(c: CovariateProvenance): string {
  if (c.source === "input") return "as in the input";
  return c.years.map((y) => (y === null ? "undated (latest)" : String(y))).join(", ");
}

export function notes(outcome: BenchmarkOutcome): string[] {
  const out: string[] = [];
  const { present, expected, missing } = outcome.coverage;
  if (present < expected) {
    out.push(
      `Partial input: ${present} of the period's ${expected} municipalities are present; ranks are among these ${present} only. Missing: ${missing.length <= 20 ? missing.join(", ") : `${missing.slice(0, 20).join(", ")} and ${missing.length - 20} more`}.`,
    );
  }
  for (const w of outcome.warnings) out.push(`Warning: ${w.message} [${w.code}].`);
  const tied = outcome.results.some((r) => r.tied);
  if (outcome.mode === "published") {
    out.push(
      "Expected values are STAR's own (jobindsats Y30R21, estimated by VIVE); residual = actual − expected share in pct. points; rank 1 is furthest below expectation.",
    );
    if (tied)
      out.push(
        "Published shares are rounded to two decimals: equal rounded residuals share the best rank, marked '='.",
      );
    if (outcome.results.some((r) => r.publishedRank !== undefined)) {
      out.push(
        outcome.contradictions.length === 0
          ? present < expected
            ? `The published ranks of the ${present} municipalities present are consistent with the order of their rounded residuals (no contradictions among them); the published ranks are among all ${expected}, so they are not this table's ranks, and the input is partial.`
            : "Every published rank is consistent with the order of the rounded residuals (no contradictions)."
          : `${outcome.contradictions.length} pair(s) of published ranks contradict the order of the rounded residuals; see the contradictions table.`,
      );
    }
  } else if (outcome.model) {
    const terms = outcome.model.summary.coefficients
      .slice(1)
      .map((c) => c.term)
      .join(", ");
    out.push(
      `Expected share estimated by least squares (QR decomposition) on ${terms}${outcome.model.weights ? ", weighted by population aged 16–66" : ""}; residual = actual − expected, rank 1 is furthest below expectation.`,
    );
    if (outcome.model.loo)
      out.push("Leave-one-out: each municipality's expected share is estimated without itself.");
    if (outcome.model.interval !== null) {
      out.push(
        `A ${Math.round(outcome.model.interval * 100)}% prediction interval marks municipalities clearly below or above expectation ('vs interval').`,
      );
    }
    for (const c of outcome.model.covariates) {
      if (c.fallback.length > 0) {
        out.push(
          `${c.term}: no value at or before ${outcome.period ?? "the period"} for ${c.fallback.length === outcome.results.length ? "any municipality" : c.fallback.join(", ")}; the ${c.years.includes(null) ? "undated latest" : "earliest later"} value is used.`,
        );
      }
    }
    if (outcome.results.some((r) => r.expectedStarPct !== undefined)) {
      out.push("STAR's own expected share (Y30R21) is shown beside the model's for comparison.");
    }
  }
  if (outcome.mode === "published") {
    // Published residual persons are STAR's own difference, rounded to tens.
  } else if (outcome.population === "implied") {
    out.push(
      "Population aged 16–66 is implied by the Y30R21 extract itself (actual full-time persons / actual share × 100); no separate population source is used.",
    );
  } else if (outcome.population === "none") {
    out.push("No population aged 16–66 is known for this input, so residual persons are empty.");
  }
  if (outcome.options.costPerFte !== null) {
    out.push(
      `Cost = residual persons × ${outcome.options.costPerFte} DKK a year per full-time person: positive is a cost, negative a saving against expectation.`,
    );
  }
  return out;
}
