/** Registry records, loaded from files in `data/` (each row carries its source). */

/** ISO 3166-2 region code: DK-81 Nordjylland … DK-85 Sjælland. */
export type RegionCode = "DK-81" | "DK-82" | "DK-83" | "DK-84" | "DK-85";

export interface Municipality {
  /** 3-digit code as text, e.g. "101", "530". */
  code: string;
  /** Current official Danish name, e.g. "Aarhus". */
  name: string;
  region: RegionCode;
  /** Spelling variants real sources use (Århus, Copenhagen, Vesthimmerlands, …). */
  aliases: string[];
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
}
