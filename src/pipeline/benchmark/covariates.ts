/**
 * The model's terms: `--covariates` expanded (`default` = the shipped set) and each
 * joined to the observations, from the input's own column or from the covariate data.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  type CovariateCell,
  type CovariateProvenance,
  type CovariateSpec,
  parseCovariateSpec,
  provenanceOf,
  splitCovariateList,
  termValues,
  valueAsOf,
} from "../../benchmark/covariates.js";
import type { Observation } from "../../benchmark/types.js";
import { DiagnosticBag, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import type { Period } from "../../period.js";
import type { Registry } from "../../registry/types.js";
import { noteRead } from "../files-read.js";
import type { TableReadOptions } from "../read-options.js";
import {
  catalogue,
  crossSectionFields,
  readCrossSectionField,
  readLongFile,
  SHIPPED_COVARIATE_DATA,
} from "./sources.js";

/** `default` expands to the shipped default set; the rest must be names or log(name). */
export async function expandCovariates(list: readonly string[]): Promise<CovariateSpec[]> {
  const texts: string[] = [];
  for (const item of list.flatMap(splitCovariateList)) {
    if (item.toLowerCase() === "default") texts.push(...(await defaultCovariates()));
    else texts.push(item);
  }
  const specs = texts.map((text) => {
    const spec = parseCovariateSpec(text);
    if (!spec)
      throw new UsageError(`--covariates: cannot read '${text}' (a column name or log(NAME))`);
    return spec;
  });
  const duplicate = specs.find((s, i) => specs.findIndex((t) => t.term === s.term) !== i);
  if (duplicate) throw new UsageError(`--covariates names ${duplicate.term} twice`);
  return specs;
}

export async function defaultCovariates(): Promise<string[]> {
  const file = dataPath("benchmark", "default-covariates.json");
  noteRead(file);
  const text = readFileSync(file, "utf8");
  return (JSON.parse(text) as { covariates: string[] }).covariates;
}

export interface JoinedCovariates {
  /** One column of design values per term, in observation order. */
  design: number[][];
  provenance: CovariateProvenance[];
  /** Rows skipped as totals or regions, per covariate file read. */
  skippedAggregates: Array<{ file: string; names: readonly string[] }>;
}

/** One warning counting the total and region rows of the covariate files, or none. */
export function covariateAggregateWarnings(
  skipped: JoinedCovariates["skippedAggregates"],
): Array<{ code: "W_SKIPPED_AGGREGATE_ROWS"; municipality: null; message: string }> {
  const files = skipped.filter((s) => s.names.length > 0);
  if (files.length === 0) return [];
  const count = files.reduce((n, s) => n + s.names.length, 0);
  const names = [...new Set(files.flatMap((s) => s.names))];
  return [
    {
      code: "W_SKIPPED_AGGREGATE_ROWS",
      municipality: null,
      message: `skipped ${count} covariate row(s) for totals or regions, not municipalities, in ${files.map((s) => `${basename(s.file)} (${s.names.length})`).join(", ")}: ${names.join(", ")}`,
    },
  ];
}

/**
 * Each term from the input's own column if it has one, else from the covariate data
 * (long files, then cross-sections), joined as of the period's year.
 */
export async function joinCovariates(
  observations: readonly Observation[],
  terms: readonly CovariateSpec[],
  period: Period | undefined,
  covariateData: readonly string[],
  registry: Registry,
  read: TableReadOptions = {},
): Promise<JoinedCovariates> {
  const bag = new DiagnosticBag();
  const names = observations.map((o) => o.name);
  const codes = observations.map((o) => o.municipality);
  const design: number[][] = [];
  const provenance: CovariateProvenance[] = [];
  const skippedAggregates: JoinedCovariates["skippedAggregates"] = [];
  const found = await catalogue(
    covariateData.length > 0 ? covariateData : [SHIPPED_COVARIATE_DATA],
  );
  const fields = found.crossSections.length > 0 ? await crossSectionFields() : {};
  for (const spec of terms) {
    const column = inputColumn(observations, spec.name);
    let cells: CovariateCell[];
    let source: string;
    if (column !== undefined) {
      cells = observations.map((o) => ({ value: o.columns[column], file: o.file, line: o.line }));
      source = "input";
    } else {
      const series = await findSeries(spec.name, found, fields, registry, read);
      if (!series) {
        throw new UsageError(
          `--covariates: no column or covariate file named '${spec.name}' (files: ${[...found.longFiles.keys(), ...Object.keys(fields)].join(", ")})`,
        );
      }
      if (period === undefined)
        throw new UsageError(`give --period: covariate ${spec.name} is dated, the input is not`);
      cells = observations.map((o) => {
        const joined = valueAsOf(series, o.municipality, period.year);
        return joined ?? { value: undefined, file: series.file, line: 1 };
      });
      source = series.file;
      if (series.skipped !== undefined && series.skipped.length > 0)
        skippedAggregates.push({ file: series.file, names: series.skipped });
    }
    design.push(termValues(spec, cells, names, bag));
    provenance.push(provenanceOf(spec, source, cells, codes));
  }
  bag.throwIfErrors();
  return { design, provenance, skippedAggregates };
}

/** The input column holding a covariate: its exact header, else one equal ignoring case. */
function inputColumn(observations: readonly Observation[], name: string): string | undefined {
  const headers = Object.keys(observations[0]?.columns ?? {});
  return (
    headers.find((h) => h === name) ??
    headers.find((h) => h.trim().toLowerCase() === name.toLowerCase())
  );
}

async function findSeries(
  name: string,
  found: Awaited<ReturnType<typeof catalogue>>,
  fields: Awaited<ReturnType<typeof crossSectionFields>>,
  registry: Registry,
  read: TableReadOptions,
) {
  const file = found.longFiles.get(name);
  if (file !== undefined) return readLongFile(name, file, registry, read);
  const field = fields[name];
  const crossSection = found.crossSections[0];
  if (field && crossSection !== undefined)
    return readCrossSectionField(name, field.path, crossSection, registry);
  return undefined;
}
