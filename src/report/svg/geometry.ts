/**
 * The municipality map shipped in data/geo/municipalities.json (made by
 * scripts/make-geometry.mjs): SVG paths already projected and simplified.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../../paths.js";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MunicipalityShape {
  /** 3-digit municipality code, as in data/registry/municipalities.csv. */
  code: string;
  name: string;
  /** SVG path data in map units. */
  d: string;
}

export interface MapGeometry {
  width: number;
  height: number;
  attribution: string;
  /** Bornholm's box: its path is already placed inside it. */
  inset: Box & { code: string };
  /** Greater Copenhagen drawn again, enlarged: `window` (map units) is shown at x, y. */
  zoom: { window: Box; scale: number; x: number; y: number };
  municipalities: MunicipalityShape[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isBox(value: unknown): value is Box & Record<string, unknown> {
  return (
    isRecord(value) && ["x", "y", "width", "height"].every((k) => typeof value[k] === "number")
  );
}

function isShape(value: unknown): value is MunicipalityShape {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    typeof value.name === "string" &&
    typeof value.d === "string"
  );
}

/** Checks the file's shape, so a hand-edited or stale file fails loudly, not as a blank map. */
export function parseGeometry(value: unknown): MapGeometry {
  if (
    !isRecord(value) ||
    typeof value.width !== "number" ||
    typeof value.height !== "number" ||
    typeof value.attribution !== "string" ||
    !isBox(value.inset) ||
    typeof value.inset.code !== "string" ||
    !isRecord(value.zoom) ||
    !isBox(value.zoom.window) ||
    typeof value.zoom.scale !== "number" ||
    typeof value.zoom.x !== "number" ||
    typeof value.zoom.y !== "number" ||
    !Array.isArray(value.municipalities) ||
    !value.municipalities.every(isShape)
  ) {
    throw new Error("data/geo/municipalities.json is not a map geometry; re-run make-geometry");
  }
  return value as unknown as MapGeometry;
}

let cached: MapGeometry | undefined;

/** Reads the shipped geometry once per process. */
export function loadGeometry(): MapGeometry {
  cached ??= parseGeometry(
    JSON.parse(readFileSync(dataPath("geo", "municipalities.json"), "utf8")),
  );
  return cached;
}
