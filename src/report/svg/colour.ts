/**
 * Colours for the map, the bars and the legend. Blue means better, orange-red worse, so
 * the page reads the same for residuals (lower is better) and scores (higher is better),
 * and stays readable for the common red–green colour blindness.
 */

export type Better = "higher" | "lower";

/** Neutral → strongly better / worse; stops picked by eye for even lightness steps. */
const NEUTRAL = "#f1efe9";
const GOOD_STOPS = [NEUTRAL, "#a9cbe3", "#5b9bc8", "#2a6ba3", "#17426e"];
const BAD_STOPS = [NEUTRAL, "#f3c2a2", "#e48a5e", "#c2532e", "#84301a"];
/** Sequential starts tinted, so the weakest unit is still told apart from "no data". */
const SEQUENTIAL_STOPS = ["#e3edf5", ...GOOD_STOPS.slice(1)];

export const BAR_GOOD = "#2a6ba3";
export const BAR_BAD = "#c2532e";
export const BAR_NEUTRAL = "#8a8f98";
export const NO_DATA = "#dcdcdc";

function parseHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** Piecewise-linear interpolation along the stops, t in [0, 1]. */
export function ramp(stops: readonly string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const scaled = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const a = parseHex(stops[i] ?? NEUTRAL);
  const b = parseHex(stops[i + 1] ?? NEUTRAL);
  const f = scaled - i;
  return toHex(a.map((c, k) => c + ((b[k] ?? c) - c) * f));
}

export interface ColourScale {
  /** Signed values get a diverging scale around 0; one-signed values a sequential one. */
  kind: "diverging" | "sequential";
  min: number;
  max: number;
  /** True when some values lie beyond min / max and get the end colour (legend says ≤, ≥). */
  clipped: { low: boolean; high: boolean };
  better: Better;
  colour(value: number): string;
}

/**
 * The magnitude the diverging scale saturates at: the largest one, unless a few outliers
 * would wash every other municipality out to near-neutral; then the 95th percentile.
 */
export function divergingExtent(values: readonly number[]): number {
  const magnitudes = values.map(Math.abs).sort((a, b) => a - b);
  const largest = magnitudes[magnitudes.length - 1] ?? 0;
  const p95 = magnitudes[Math.max(0, Math.ceil(0.95 * magnitudes.length) - 1)] ?? 0;
  return p95 > 0 && largest > 1.25 * p95 ? p95 : largest;
}

/**
 * Diverging when the values have both signs (residuals): symmetric around 0, so equal
 * distances from 0 get equal strength. Otherwise sequential from the worst to the best value.
 */
export function colourScale(values: readonly number[], better: Better): ColourScale {
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 0;
  const signed = min < 0 && max > 0;
  if (signed) {
    const extent = divergingExtent(values);
    return {
      kind: "diverging",
      min: -extent,
      max: extent,
      clipped: { low: min < -extent, high: max > extent },
      better,
      colour: (value) => {
        const goodness = Math.max(-1, Math.min(1, (better === "higher" ? value : -value) / extent));
        return goodness >= 0 ? ramp(GOOD_STOPS, goodness) : ramp(BAD_STOPS, -goodness);
      },
    };
  }
  const span = max - min;
  return {
    kind: "sequential",
    min,
    max,
    clipped: { low: false, high: false },
    better,
    colour: (value) => {
      const t = span === 0 ? 1 : (value - min) / span;
      return ramp(SEQUENTIAL_STOPS, better === "higher" ? t : 1 - t);
    },
  };
}

/** Bar colour by which side of 0 is better; one-signed values get one calm colour. */
export function barColour(value: number, scale: ColourScale): string {
  if (scale.kind === "sequential") return BAR_GOOD;
  if (value === 0) return BAR_NEUTRAL;
  const good = scale.better === "higher" ? value > 0 : value < 0;
  return good ? BAR_GOOD : BAR_BAD;
}
