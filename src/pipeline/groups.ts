/**
 * Groups of units (the five regions, named cooperations such as the Trekantområdet
 * recruitment service): filter a ranking to one group, rank within groups, and total a
 * group's figures. Pure; the groups themselves live in data/registry/groups.json.
 *
 * A jobcentre belongs to a group when its lead (first) municipality does; all joint
 * jobcentres lie within one region, so for regions this is exact.
 */
import { UsageError } from "../diagnostics.js";
import { competitionRank } from "../rank.js";
import type { Group, Registry } from "../registry/types.js";
import type { ReportColumn } from "../report/types.js";

export interface GroupMember {
  /** Unit id: a municipality code or a jobcentre id. */
  id: string;
  /** Member municipality codes, lead first. */
  municipalities: readonly string[];
}

export function requireGroup(registry: Registry, text: string): Group {
  const group = registry.findGroup(text);
  if (group) return group;
  const known = registry.groups.map((g) => `${g.id} (${g.name})`).join(", ");
  throw new UsageError(`unknown group '${text}'; known groups: ${known}`);
}

export function belongsTo(group: Group, unit: GroupMember): boolean {
  const lead = unit.municipalities[0];
  return lead !== undefined && group.municipalities.includes(lead);
}

/** The region (DK-81 … DK-85) of a unit, by its lead municipality. */
export function regionOfUnit(registry: Registry, unit: GroupMember): Group | undefined {
  const lead = unit.municipalities[0];
  return lead === undefined ? undefined : registry.regionOf(lead);
}

export interface GroupRank {
  group: string;
  rank: number;
  tied: boolean;
}

/**
 * Competition ranks within each group, on the same value and order as the national
 * ranking (score descending for the index, residual ascending for the benchmark).
 */
export function rankWithinGroups<T extends GroupMember>(
  units: readonly T[],
  groupOf: (unit: T) => string | undefined,
  valueFor: (unit: T) => number,
  order: "asc" | "desc",
  decimals?: number,
): Map<string, GroupRank> {
  const byGroup = new Map<string, T[]>();
  for (const unit of units) {
    const group = groupOf(unit);
    if (group === undefined) continue;
    byGroup.set(group, [...(byGroup.get(group) ?? []), unit]);
  }
  const out = new Map<string, GroupRank>();
  for (const [group, members] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    const ranked = competitionRank(
      members.map((m) => ({ id: m.id, value: valueFor(m) })),
      decimals === undefined ? { order } : { order, decimals },
    );
    for (const r of ranked) out.set(r.id, { group, rank: r.rank, tied: r.tied });
  }
  return out;
}

/** Sums of the named numeric fields; a field with no finite value anywhere totals null. */
export function groupTotals<T>(
  units: readonly T[],
  fields: Record<string, (unit: T) => number | null | undefined>,
): Record<string, number | null> {
  const totals: Record<string, number | null> = {};
  for (const [name, get] of Object.entries(fields)) {
    const values = units
      .map(get)
      .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    totals[name] = values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  }
  return totals;
}

/** `--by`: what results can be ranked within. Regions only, for now. */
export const GROUP_BY = ["region"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** What `--by` and `--only` ask for, resolved against the registry. */
export interface GroupRequest {
  by?: GroupBy;
  only?: Group;
}

/**
 * Checks `--by` and `--only` (from flags or from a golden file's options). The two are
 * not combined: `--only` a region already is one region, and a cooperation lies in one.
 */
export function groupRequest(registry: Registry, by: unknown, only: unknown): GroupRequest {
  if (by !== undefined && by !== null && !(GROUP_BY as readonly unknown[]).includes(by)) {
    throw new UsageError(`--by expects one of ${GROUP_BY.join(", ")}, got ${JSON.stringify(by)}`);
  }
  if (only !== undefined && only !== null && typeof only !== "string") {
    throw new UsageError(`--only expects a group name, got ${JSON.stringify(only)}`);
  }
  const request: GroupRequest = {};
  if (by === "region") request.by = "region";
  if (typeof only === "string") request.only = requireGroup(registry, only);
  if (request.by !== undefined && request.only !== undefined) {
    throw new UsageError("give either --by or --only, not both");
  }
  return request;
}

/** A ranked unit as the group views need it: its national rank decides its place within. */
export interface RankedMember extends GroupMember {
  rank: number;
}

export interface GroupPlace extends GroupRank {
  /** The group's display name ("Syddanmark", "Trekantområdet og Haderslev"). */
  name: string;
}

/**
 * Places within groups, ranked on the national rank: units that share a national place
 * share it within their group too, so the group ranks follow the national tie rule
 * (rounded residuals, score decimals) without repeating it here.
 */
function placesOn<T extends RankedMember>(
  registry: Registry,
  units: readonly T[],
  groupOf: (unit: T) => Group | undefined,
): Map<string, GroupPlace> {
  const ranks = rankWithinGroups(
    units,
    (u) => groupOf(u)?.id,
    (u) => u.rank,
    "asc",
  );
  const names = new Map(registry.groups.map((g) => [g.id, g.name]));
  return new Map([...ranks].map(([id, r]) => [id, { ...r, name: names.get(r.group) ?? r.group }]));
}

/** Each unit's region and its place within the region (units without a region are left out). */
export function regionPlaces<T extends RankedMember>(
  registry: Registry,
  units: readonly T[],
): Map<string, GroupPlace> {
  return placesOn(registry, units, (u) => regionOfUnit(registry, u));
}

/** The members of `group` among `units`, with their places within it. */
export function groupPlaces<T extends RankedMember>(
  registry: Registry,
  group: Group,
  units: readonly T[],
): Map<string, GroupPlace> {
  return placesOn(registry, units, (u) => (belongsTo(group, u) ? group : undefined));
}

/**
 * Units in group order (by group id, so regions go DK-81 … DK-85), then by their place
 * within the group; the sort is stable, so a shared place keeps the national order.
 */
export function sortByGroup<T extends { id: string }>(
  units: readonly T[],
  places: ReadonlyMap<string, GroupRank>,
): T[] {
  const key = (u: T) => places.get(u.id);
  return [...units].sort((a, b) => {
    const pa = key(a);
    const pb = key(b);
    if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
    if (pa.group !== pb.group) return pa.group < pb.group ? -1 : 1;
    return pa.rank - pb.rank;
  });
}

/** A ranking's group view: ranked within the regions, or filtered to one group. */
export type Grouping =
  | { kind: "by"; by: GroupBy; places: Map<string, GroupPlace> }
  | { kind: "only"; group: Group; places: Map<string, GroupPlace> };

/** The group view a request asks for, on a national ranking; undefined for none. */
export function groupingOf<T extends RankedMember>(
  registry: Registry,
  request: GroupRequest,
  units: readonly T[],
): Grouping | undefined {
  if (request.only !== undefined) {
    return {
      kind: "only",
      group: request.only,
      places: groupPlaces(registry, request.only, units),
    };
  }
  if (request.by === "region") {
    return { kind: "by", by: "region", places: regionPlaces(registry, units) };
  }
  return undefined;
}

// ---------------------------------------------------------------- shown in documents

/**
 * A unit's group fields, the same in JSON results and report rows: `region`,
 * `region_name`, `region_rank`, `region_tied` (`--by region`), or `group_rank`,
 * `group_tied` (`--only`). Empty when the unit has no place in the grouping.
 */
export function groupFields(
  grouping: Grouping,
  id: string,
): Record<string, string | number | boolean> {
  const place = grouping.places.get(id);
  if (place === undefined) return {};
  if (grouping.kind === "by") {
    return {
      region: place.group,
      region_name: place.name,
      region_rank: place.rank,
      region_tied: place.tied,
    };
  }
  return { group_rank: place.rank, group_tied: place.tied };
}

/** Columns for `groupFields`, to put first: sorted by region, the region leads the row. */
export function groupColumns(grouping: Grouping): ReportColumn[] {
  if (grouping.kind === "by") {
    return [
      { key: "region_name", header: "Region", kind: "text" },
      { key: "region_rank", header: "Region rank", kind: "rank", tiedKey: "region_tied" },
      { key: "region", header: "Region code", kind: "text", csvOnly: true },
      { key: "region_tied", header: "Region tied", kind: "text", csvOnly: true },
    ];
  }
  return [
    { key: "group_rank", header: "Group rank", kind: "rank", tiedKey: "group_tied" },
    { key: "group_tied", header: "Group tied", kind: "text", csvOnly: true },
  ];
}

/**
 * The units a grouping shows, in its order: `--only` keeps the group's members in
 * national order, `--by` sorts by region, then by place within it.
 */
export function groupedUnits<T>(
  grouping: Grouping,
  units: readonly T[],
  idOf: (u: T) => string,
): T[] {
  if (grouping.kind === "only") return units.filter((u) => grouping.places.has(idOf(u)));
  const keyed = units.map((unit) => ({ unit, id: idOf(unit) }));
  return sortByGroup(keyed, grouping.places).map((k) => k.unit);
}

/** The members of each group of the grouping, groups in id order (DK-81 … DK-85). */
export function membersByGroup<T>(
  grouping: Grouping,
  units: readonly T[],
  idOf: (u: T) => string,
): Array<{ id: string; name: string; members: T[] }> {
  const out = new Map<string, { id: string; name: string; members: T[] }>();
  for (const unit of units) {
    const place = grouping.places.get(idOf(unit));
    if (place === undefined) continue;
    const entry = out.get(place.group) ?? { id: place.group, name: place.name, members: [] };
    entry.members.push(unit);
    out.set(place.group, entry);
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
