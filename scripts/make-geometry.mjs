#!/usr/bin/env node
/**
 * Builds data/geo/municipalities.json, the compact municipality map the HTML report draws,
 * from the 1.9 MB LAU-1 GeoJSON in the shared data folder.
 *
 *   node scripts/make-geometry.mjs [path/to/municipalities.geojson]
 *
 * Steps: project lon/lat to a plane (equirectangular, x scaled by cos 56°, fine at Denmark's
 * size), simplify with Douglas–Peucker, quantise to integers, encode each municipality as one
 * SVG path `d` (absolute move, then relative lines: short integers). Borders are simplified
 * once per shared run of vertices, so neighbours keep identical edges and no slivers appear.
 * Bornholm is moved into an inset box in the empty north-east (Kattegat/Sweden), so the map
 * is not mostly sea, below an enlarged Greater Copenhagen. Christiansø (411) is not a municipality and is dropped. Names come from
 * the project's registry (data/registry/municipalities.csv), whose names are current.
 *
 * Output is deterministic: same input, byte-identical file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = process.argv[2] ?? "/work/shared/data/geo/municipalities.geojson";
const target = join(root, "data", "geo", "municipalities.json");

/** Output units per degree of latitude: the mainland comes out about 1,000 units wide. */
const SCALE = 380;
/** Douglas–Peucker tolerance in output units (one unit is about 290 m). */
const TOLERANCE = 0.6;
/** Islets smaller than this (square units, about 0.25 km²) are dropped after simplifying. */
const MIN_AREA = 3;
const MARGIN = 8;
const COS_LAT = Math.cos((56 * Math.PI) / 180);
const BORNHOLM = "400";
/** Greater Copenhagen (lon, lat window) is drawn again, enlarged, in a second inset. */
const ZOOM_WINDOW = { west: 12.15, east: 12.74, south: 55.55, north: 55.87 };
const ZOOM_SCALE = 2.1;
/** Room between the two insets for the zoom inset's label. */
const INSET_GAP = 40;
const DROPPED = new Set(["411"]);

function readRegistryNames() {
  const lines = readFileSync(join(root, "data", "registry", "municipalities.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.length > 0);
  // The registry's first two fields never hold commas or quotes.
  return new Map(lines.map((l) => l.split(",").slice(0, 2)));
}

const project = ([lon, lat]) => [lon * COS_LAT * SCALE, -lat * SCALE];
const keyOf = (p) => `${p[0]},${p[1]}`;

function distanceToSegment(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker on an open polyline; both ends are always kept. */
function douglasPeucker(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = -1;
    let worstAt = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > worst) {
        worst = d;
        worstAt = i;
      }
    }
    if (worst > tolerance) {
      keep[worstAt] = 1;
      stack.push([first, worstAt], [worstAt, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies a run in a canonical direction, so the two municipalities sharing a border
 * (which walk it in opposite directions) get the same vertices.
 */
function simplifyRun(run, originals) {
  const forward = originals[0] <= originals[originals.length - 1];
  if (forward) return douglasPeucker(run, TOLERANCE);
  return douglasPeucker([...run].reverse(), TOLERANCE).reverse();
}

/** Which municipalities use each original vertex: borders are the vertices used twice. */
function vertexOwners(features) {
  const owners = new Map();
  for (const f of features) {
    for (const ring of f.geometry.coordinates) {
      for (const p of ring) {
        const k = keyOf(p);
        const set = owners.get(k) ?? new Set();
        set.add(f.properties.lau_1);
        owners.set(k, set);
      }
    }
  }
  return new Map([...owners].map(([k, s]) => [k, [...s].sort().join("|")]));
}

/**
 * Splits a closed ring at junctions (where the set of owning municipalities changes) and
 * simplifies each run. A ring without junctions (an island, or an enclave such as
 * Frederiksberg) is anchored at its smallest vertex and the vertex farthest from it, which
 * both sides of an enclave border find alike.
 */
function simplifyRing(ring, owners) {
  const open = ring.slice(0, -1);
  const n = open.length;
  const keys = open.map(keyOf);
  const own = keys.map((k) => owners.get(k));
  let anchors = [];
  for (let i = 0; i < n; i++) {
    const prev = own[(i - 1 + n) % n];
    const next = own[(i + 1) % n];
    const meeting = own[i].split("|").length >= 3;
    if (own[i] !== prev || own[i] !== next || meeting) {
      anchors.push(i);
    }
  }
  if (anchors.length < 2) {
    const start = keys.reduce((best, k, i) => (k < keys[best] ? i : best), 0);
    let far = start;
    for (let i = 0; i < n; i++) {
      const d = Math.hypot(open[i][0] - open[start][0], open[i][1] - open[start][1]);
      if (d > Math.hypot(open[far][0] - open[start][0], open[far][1] - open[start][1])) far = i;
    }
    anchors = [...new Set([start, far])].sort((a, b) => a - b);
  }
  const projected = open.map(project);
  const out = [];
  for (let a = 0; a < anchors.length; a++) {
    const from = anchors[a];
    const to = anchors[(a + 1) % anchors.length];
    const idx = [];
    for (let i = from; ; i = (i + 1) % n) {
      idx.push(i);
      if (i === to && idx.length > 1) break;
    }
    const run = simplifyRun(
      idx.map((i) => projected[i]),
      idx.map((i) => keys[i]),
    );
    out.push(...run.slice(0, -1));
  }
  return out;
}

function ringArea(points) {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

function bbox(rings) {
  const box = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -Infinity, -Infinity];
  for (const r of rings) {
    for (const [x, y] of r) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** Numbers joined the SVG way: a minus sign separates, so only non-negatives need a space. */
function joinNumbers(numbers) {
  return numbers.map((v, i) => (i > 0 && v >= 0 ? ` ${v}` : String(v))).join("");
}

function pathOf(rings) {
  return rings
    .map((r) => {
      const deltas = [];
      for (let i = 1; i < r.length; i++) deltas.push(r[i][0] - r[i - 1][0], r[i][1] - r[i - 1][1]);
      return `M${joinNumbers(r[0])}l${joinNumbers(deltas)}z`;
    })
    .join("");
}

function main() {
  const geo = JSON.parse(readFileSync(source, "utf8"));
  const features = geo.features.filter((f) => !DROPPED.has(f.properties.lau_1));
  const owners = vertexOwners(features);
  const names = readRegistryNames();

  const byCode = new Map();
  for (const f of features) {
    const code = f.properties.lau_1;
    if (!/^\d{3}$/.test(code)) throw new Error(`unexpected municipality code ${code}`);
    const rings = byCode.get(code) ?? [];
    for (const ring of f.geometry.coordinates) {
      const simple = simplifyRing(ring, owners);
      if (simple.length >= 3 && ringArea(simple) >= MIN_AREA) rings.push(simple);
    }
    byCode.set(code, rings);
  }

  // Place the mainland at the margin.
  const mainland = [...byCode].filter(([c]) => c !== BORNHOLM).flatMap(([, r]) => r);
  const [x0, y0, x1, y1] = bbox(mainland);
  const shift = (rings, dx, dy) => rings.map((r) => r.map(([x, y]) => [x + dx, y + dy]));
  for (const [code, rings] of byCode) byCode.set(code, shift(rings, MARGIN - x0, MARGIN - y0));
  const width = Math.ceil(x1 - x0 + 2 * MARGIN);
  const height = Math.ceil(y1 - y0 + 2 * MARGIN);
  // Top right, in the empty Kattegat/Sweden corner: Greater Copenhagen enlarged at the
  // edge, Bornholm below it (clear of Skagen, Læsø and Anholt). The zoom inset repeats
  // the mainland's paths, so only its window and placement are stored.
  const [zx0, zy1] = project([ZOOM_WINDOW.west, ZOOM_WINDOW.south]);
  const [zx1, zy0] = project([ZOOM_WINDOW.east, ZOOM_WINDOW.north]);
  const windowBox = {
    x: Math.round(zx0 + MARGIN - x0),
    y: Math.round(zy0 + MARGIN - y0),
    width: Math.round(zx1 - zx0),
    height: Math.round(zy1 - zy0),
  };
  const zoom = {
    window: windowBox,
    scale: ZOOM_SCALE,
    x: Math.round(width - MARGIN - windowBox.width * ZOOM_SCALE),
    y: MARGIN,
  };
  const [bx0, by0, bx1, by1] = bbox(byCode.get(BORNHOLM));
  const pad = 10;
  const insetWidth = Math.round(bx1 - bx0 + 2 * pad);
  const inset = {
    code: BORNHOLM,
    x: width - MARGIN - insetWidth,
    y: Math.round(zoom.y + windowBox.height * ZOOM_SCALE + INSET_GAP),
    width: insetWidth,
    height: Math.round(by1 - by0 + 2 * pad),
  };
  byCode.set(BORNHOLM, shift(byCode.get(BORNHOLM), inset.x + pad - bx0, inset.y + pad - by0));

  const municipalities = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, rings]) => {
      const quantised = rings
        .map((r) =>
          r
            .map(([x, y]) => [Math.round(x), Math.round(y)])
            .filter((p, i, all) => i === 0 || keyOf(p) !== keyOf(all[i - 1])),
        )
        .filter((r) => r.length >= 3);
      const name = names.get(code);
      if (name === undefined) throw new Error(`municipality ${code} is not in the registry`);
      if (quantised.length === 0) throw new Error(`municipality ${code} vanished when simplified`);
      return { code, name, d: pathOf(quantised) };
    });

  if (municipalities.length !== 98)
    throw new Error(`expected 98 municipalities, got ${municipalities.length}`);
  const out = {
    source:
      "Geodatastyrelsen & Danske Kommuner, via magnuslarsen/geoJSON-Danish-Municipalities; simplified by scripts/make-geometry.mjs",
    attribution: "Geodatastyrelsen & Danske Kommuner",
    width,
    height,
    inset,
    zoom,
    municipalities,
  };
  const text = `${JSON.stringify(out)}\n`;
  writeFileSync(target, text);
  process.stdout.write(
    `${target}: ${municipalities.length} municipalities, ${text.length} bytes\n`,
  );
}

main();
