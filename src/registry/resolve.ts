/**
 * Free text → municipality: codes (`101`, `0101`, `101 København`), names and aliases in any
 * case, with or without Danish letters, hyphens or a trailing "Kommune".
 */
import { editDistance, nameKey } from "./normalize.js";
import type { Municipality, MunicipalityResolution } from "./types.js";

/** Christiansø has a municipality-like code in DST and geo files but is run by the state. */
const CHRISTIANSOE_CODE = "411";
const CHRISTIANSOE_REASON =
  "Christiansø (411) is not a municipality: it is administered by the state and has no jobcentre";

/** Area labels in StatBank files that look like names but cover more than one municipality. */
const WIDER_AREAS: ReadonlyArray<[RegExp, string]> = [
  [/^region\b/, "is a region, not a municipality"],
  [/^(province|landsdel)\b/, "is a province (landsdel), not a municipality"],
  [/^(all denmark|hele landet|denmark|danmark)$/, "is the whole country, not a municipality"],
];

const CODE_FORM = /^0?(\d{3})(?:\s+(.*))?$/;
const CHRISTIANSOE_KEY = nameKey("Christiansø");
/** Spellings remembered by a resolver (a real extract has a few hundred at most). */
const RESOLVED_MAX = 10_000;

export type Resolver = (text: string) => MunicipalityResolution;

/** What a failed resolution adds to "unknown municipality …": a likely name, or the reason. */
export function resolutionHint(resolution: MunicipalityResolution): string {
  if (resolution.ok) return "";
  if (resolution.suggestion !== undefined) return ` (did you mean "${resolution.suggestion}"?)`;
  return resolution.reason !== undefined ? ` (${resolution.reason})` : "";
}

export function makeResolver(municipalities: readonly Municipality[]): Resolver {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  // Names exactly as the registry spells them need no matching key; the keys of every
  // spelling are built only when a name is spelt otherwise.
  const exact = new Map<string, Municipality>();
  for (const m of municipalities)
    for (const spelling of [m.name, ...m.aliases]) exact.set(spelling, m);
  let byKey: Map<string, Municipality> | undefined;
  const keys = () => {
    if (byKey === undefined) {
      byKey = new Map();
      for (const [spelling, m] of exact) byKey.set(nameKey(spelling), m);
    }
    return byKey;
  };
  const byName = (text: string) => resolveName(text, keys());
  const resolve = (text: string): MunicipalityResolution => {
    const trimmed = text.trim();
    if (trimmed === "") return { ok: false, reason: "no municipality given" };
    const named = exact.get(trimmed);
    if (named !== undefined) return { ok: true, municipality: named };
    const code = CODE_FORM.exec(trimmed);
    if (code) return resolveCode(code[1] ?? "", code[2], byCode, byName);
    return byName(trimmed);
  };
  // An extract names the same ~100 municipalities on every row: each spelling is resolved
  // once. Resolutions are not changed by callers; the cache is bounded for hostile input.
  const cache = new Map<string, MunicipalityResolution>();
  return (text) => {
    let resolution = cache.get(text);
    if (resolution === undefined) {
      resolution = resolve(text);
      if (cache.size < RESOLVED_MAX) cache.set(text, resolution);
    }
    return resolution;
  };
}

function resolveCode(
  code: string,
  nameAfterCode: string | undefined,
  byCode: ReadonlyMap<string, Municipality>,
  byName: Resolver,
): MunicipalityResolution {
  if (code === CHRISTIANSOE_CODE) return { ok: false, reason: CHRISTIANSOE_REASON };
  const municipality = byCode.get(code);
  if (!municipality) return { ok: false, reason: `no municipality has code ${code}` };
  if (nameAfterCode === undefined) return { ok: true, municipality };
  // "101 Aarhus" is a broken row: refuse rather than guess which half is right.
  const named = byName(nameAfterCode);
  if (named.ok && named.municipality.code !== code) {
    return {
      ok: false,
      reason: `code ${code} is ${municipality.name}, but the name says ${named.municipality.name}`,
    };
  }
  return { ok: true, municipality };
}

function resolveName(
  text: string,
  byKey: ReadonlyMap<string, Municipality>,
): MunicipalityResolution {
  const key = nameKey(text);
  if (key === CHRISTIANSOE_KEY || key === "christianso") {
    return { ok: false, reason: CHRISTIANSOE_REASON };
  }
  for (const [pattern, what] of WIDER_AREAS) {
    if (pattern.test(key)) return { ok: false, reason: `"${text}" ${what}` };
  }
  for (const candidate of keyCandidates(key)) {
    const municipality = byKey.get(candidate);
    if (municipality) return { ok: true, municipality };
  }
  const suggestion = closestName(withoutKommune(key) ?? key, byKey);
  return suggestion === undefined ? { ok: false } : { ok: false, suggestion };
}

/** `Københavns Kommune` → `københavns`, then the genitive-less `københavn`. */
function keyCandidates(key: string): string[] {
  const bare = withoutKommune(key);
  if (bare === undefined) return [key];
  return bare.endsWith("s") ? [key, bare, bare.slice(0, -1)] : [key, bare];
}

function withoutKommune(key: string): string | undefined {
  return key.endsWith(" kommune") ? key.slice(0, -" kommune".length) : undefined;
}

/**
 * The official name behind the nearest spelling, if it is near enough to be a typo:
 * at most one edit per three letters (and at least one).
 */
function closestName(key: string, byKey: ReadonlyMap<string, Municipality>): string | undefined {
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: { distance: number; municipality: Municipality } | undefined;
  for (const [candidate, municipality] of byKey) {
    // Lengths alone bound the distance; skip the quadratic work for hopeless candidates.
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const distance = editDistance(key, candidate);
    const better =
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && municipality.code < best.municipality.code);
    if (distance <= limit && better) best = { distance, municipality };
  }
  return best?.municipality.name;
}
