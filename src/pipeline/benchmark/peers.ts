/**
 * `--peers K` (METHOD.md D): the model's terms (after any log) in model mode; in published
 * mode the default covariate set, joined to the period as the model would join it.
 */
import { nearestPeers, type Peer } from "../../benchmark/peers.js";
import type { Observation } from "../../benchmark/types.js";
import type { Period } from "../../period.js";
import type { Registry } from "../../registry/types.js";
import type { TableReadOptions } from "../read-options.js";
import { expandCovariates, joinCovariates } from "./covariates.js";

export interface PeersOutcome {
  terms: string[];
  byMunicipality: Map<string, Peer[]>;
}

/** From a model's design rows (code → values in term order). */
export function peersFromDesign(
  terms: readonly string[],
  design: ReadonlyMap<string, readonly number[]>,
  k: number,
): PeersOutcome {
  const codes = [...design.keys()].sort();
  return {
    terms: [...terms],
    byMunicipality: nearestPeers(
      codes,
      codes.map((c) => design.get(c) as readonly number[]),
      k,
    ),
  };
}

/** Published mode: the default covariate set, from the covariate data. */
export async function defaultPeers(
  observations: readonly Observation[],
  period: Period | undefined,
  covariateData: readonly string[],
  registry: Registry,
  k: number,
  read: TableReadOptions = {},
): Promise<PeersOutcome> {
  const terms = await expandCovariates(["default"]);
  const joined = await joinCovariates(observations, terms, period, covariateData, registry, read);
  const design = new Map(
    observations.map((o, i) => [
      o.municipality,
      joined.design.map((column) => column[i] as number),
    ]),
  );
  return peersFromDesign(
    terms.map((t) => t.term),
    design,
    k,
  );
}
