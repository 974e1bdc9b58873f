/** Registry records, loaded from files in `data/` (each row carries its source). */

import type { Period } from "../period.js";

/** ISO 3166-2 region code: DK-81 Nordjylland … DK-85 Sjælland. */
export type RegionCode = "DK-81" | "DK-82" | "DK-83" | "DK-84" | "DK-85";

export const REGION_CODES: readonly RegionCode[] = ["DK-81", "DK-82", "DK-83", "DK-84", "DK-85"];

export interface Municipality {
  /** 3-digit code as text, e.g. "101", "530". */
  code: string;
  /** Current official Danish name, e.g. "Aarhus". */
  name: string;
  region: RegionCode;
  /** Spelling variants real sources use (Århus, Copenhagen, Vesthimmerlands, …). */
  aliases: string[];
  /** Where the row's facts come from (data/registry/municipalities.csv `source`). */
  source?: string;
}

export interface Jobcentre {
  /** Member codes joined by "-", lead municipality first: "561-563"; a single one: "530". */
  id: string;
  /** e.g. "Esbjerg-Fanø". */
  name: string;
  /** Member municipality codes, lead first. */
  municipalities: string[];
  /** ISO date the mapping is valid from (inclusive); null = since before any data. */
  validFrom: string | null;
  /** ISO date the mapping is valid to (inclusive); null = still valid. */
  validTo: string | null;
  source: string;
}

export interface Group {
  /** e.g. "DK-84" for a region, "trekant" for a cooperation. */
  id: string;
  name: string;
  kind: "region" | "cooperation";
  municipalities: string[];
  source: string;
  /** Other names the group is known by ("Region Hovedstaden", "Capital Region"). */
  aliases?: string[];
}

/** Outcome of reading a municipality from free text (a data cell or a CLI argument). */
export type MunicipalityResolution =
  | { ok: true; municipality: Municipality }
  | {
      ok: false;
      /** Closest official name when the text looks like a misspelling ("Vesthimmerlands"). */
      suggestion?: string;
      /** Why the text is refused, when known ("Christiansø (411) is not a municipality …"). */
      reason?: string;
    };

export interface Registry {
  /** The 98 municipalities, sorted by code. */
  municipalities: Municipality[];
  municipality(code: string): Municipality | undefined;
  resolveMunicipality(text: string): MunicipalityResolution;
  /** The jobcentres on the period's last day, each municipality in exactly one, sorted by id. */
  jobcentresFor(period: Period): Jobcentre[];
  jobcentreOf(code: string, period: Period): Jobcentre | undefined;
  /** The five regions (DK-81 … DK-85), then the named cooperations. */
  groups: Group[];
  findGroup(text: string): Group | undefined;
  regionOf(code: string): Group | undefined;
}

/** A parsed record and the line it came from, kept until cross-file checks are done. */
export interface Located<T> {
  line: number;
  value: T;
}

/** A group as the file states it: regions list no members (they come from municipalities.csv). */
export type GroupEntry =
  | { kind: "region"; id: RegionCode; name: string; aliases: string[]; source: string }
  | {
      kind: "cooperation";
      id: string;
      name: string;
      aliases: string[];
      municipalities: string[];
      source: string;
    };

/** The registry files' validated records, from which `createRegistry` builds a Registry. */
export interface RegistrySource {
  municipalities: Municipality[];
  jobcentres: Jobcentre[];
  groups: GroupEntry[];
}
