/**
 * Groups of units (the five regions, named cooperations such as the Trekantområdet
 * recruitment service): filter a ranking to one group, rank within groups, and total a
 * group's figures. Pure; the groups themselves live in data/registry/groups.json.
 *
 * A jobcentre belongs to a group when its lead (first) municipality does; all joint
 * jobcentres lie within one region, so for regions this is exact.
 */
import { UsageError } from "./diagnostics.js";
import { competitionRank } from "./rank.js";
import type { Group, Registry } from "./registry/types.js";

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
