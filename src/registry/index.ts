/**
 * The registry: the 98 municipalities, the jobcentres serving them on any date, and the
 * groups (regions, cooperations) results can be filtered and summed over. Loaded from
 * data/registry once per process.
 */
import { type Period, periodEnd } from "../period.js";
import { parseRegistry, readRegistryTexts } from "./files.js";
import { compareText, nameKey } from "./normalize.js";
import { makeResolver } from "./resolve.js";

export { isAggregateArea } from "./aggregates.js";
export { resolutionHint } from "./resolve.js";

import { snapshotOf, snapshotSource } from "./snapshot.js";
import type {
  Group,
  GroupEntry,
  Jobcentre,
  Municipality,
  Registry,
  RegistrySource,
} from "./types.js";

export type { RegistryTexts } from "./files.js";
export { parseRegistry } from "./files.js";
export { editDistance, nameKey } from "./normalize.js";
export type {
  Group,
  Jobcentre,
  Municipality,
  MunicipalityResolution,
  RegionCode,
  Registry,
  RegistrySource,
} from "./types.js";
export { REGION_CODES } from "./types.js";

let cached: Registry | undefined;

/**
 * The shipped registry, read and validated on first use (it runs on every command); the
 * command line's runs take it from the build's snapshot when the files match it.
 */
export function loadRegistry(): Registry {
  if (cached === undefined) {
    const texts = readRegistryTexts();
    cached = createRegistry(snapshotSource(texts) ?? parseRegistry(texts));
  }
  return cached;
}

/** The snapshot of the shipped registry (validated now) for `useRegistrySnapshot`. */
export function registrySnapshot(): string {
  const texts = readRegistryTexts();
  return snapshotOf(texts, parseRegistry(texts));
}

/** A registry over already validated records; pure, so tests can build small ones. */
export function createRegistry(source: RegistrySource): Registry {
  const municipalities = [...source.municipalities].sort((a, b) => compareText(a.code, b.code));
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const groups = source.groups.map((g) => toGroup(g, municipalities));
  const groupByKey = groupLookup(groups);
  const unitsByDate = new Map<string, Jobcentre[]>();
  // One object per municipality that is its own jobcentre, whatever the date: a history
  // of 800 quarters would otherwise hold 800 copies of each.
  const ownByCode = new Map<string, Jobcentre>();
  const own = (m: Municipality): Jobcentre => {
    let unit = ownByCode.get(m.code);
    if (unit === undefined) {
      unit = ownJobcentre(m);
      ownByCode.set(m.code, unit);
    }
    return unit;
  };

  const jobcentresOn = (date: string): Jobcentre[] => {
    let units = unitsByDate.get(date);
    if (units === undefined) {
      units = jobcentresOnDate(date, source.jobcentres, municipalities, own);
      unitsByDate.set(date, units);
    }
    return units;
  };

  return {
    municipalities,
    municipality: (code) => byCode.get(code),
    resolveMunicipality: makeResolver(municipalities),
    jobcentresFor: (period) => jobcentresOn(periodEnd(period)),
    jobcentreOf: (code: string, period: Period) =>
      jobcentresOn(periodEnd(period)).find((j) => j.municipalities.includes(code)),
    groups,
    findGroup: (text) => groupByKey.get(nameKey(text)),
    regionOf: (code) => {
      const region = byCode.get(code)?.region;
      return region === undefined ? undefined : groups.find((g) => g.id === region);
    },
  };
}

/**
 * The units on an ISO date: the dated rows of jobcentres.csv valid that day, and every
 * municipality they do not cover as its own jobcentre (the file's documented default;
 * `own` makes that jobcentre, a new object by default).
 */
export function jobcentresOnDate(
  date: string,
  rows: readonly Jobcentre[],
  municipalities: readonly Municipality[],
  own: (m: Municipality) => Jobcentre = ownJobcentre,
): Jobcentre[] {
  const explicit = rows.filter(
    (r) =>
      (r.validFrom === null || r.validFrom <= date) && (r.validTo === null || date <= r.validTo),
  );
  const covered = new Set(explicit.flatMap((r) => r.municipalities));
  const implicit = municipalities.filter((m) => !covered.has(m.code)).map((m) => own(m));
  return [...explicit, ...implicit].sort((a, b) => compareText(a.id, b.id));
}

function ownJobcentre(m: Municipality): Jobcentre {
  return {
    id: m.code,
    name: m.name,
    municipalities: [m.code],
    validFrom: null,
    validTo: null,
    source: "own jobcentre: the default for a municipality not in data/registry/jobcentres.csv",
  };
}

function toGroup(entry: GroupEntry, municipalities: readonly Municipality[]): Group {
  // Region membership is derived, never listed, so it cannot drift from municipalities.csv.
  const members =
    entry.kind === "region"
      ? municipalities.filter((m) => m.region === entry.id).map((m) => m.code)
      : [...entry.municipalities].sort(compareText);
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    municipalities: members,
    source: entry.source,
    aliases: entry.aliases,
  };
}

/** Groups by id, name and alias; regions also as "Region <name>". */
function groupLookup(groups: readonly Group[]): Map<string, Group> {
  const byKey = new Map<string, Group>();
  for (const g of groups) {
    const spellings = [g.id, g.name, ...(g.aliases ?? [])];
    if (g.kind === "region") spellings.push(`Region ${g.name}`);
    for (const s of spellings) byKey.set(nameKey(s), g);
  }
  return byKey;
}
