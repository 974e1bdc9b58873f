/**
 * Choropleth of the 98 municipalities. A jobcentre row colours each of its member
 * municipalities. Bornholm sits in its inset box (placed there by make-geometry); Greater
 * Copenhagen is repeated enlarged with <use>, so each municipality is still one path.
 */
import { type Lang, translate } from "../../i18n/index.js";
import { type ColourScale, NO_DATA } from "./colour.js";
import type { MapGeometry, MunicipalityShape } from "./geometry.js";
import type { ChartData, ChartItem } from "./items.js";
import { coord, escapeXml, svgText } from "./markup.js";

/** Legend text size in map units (the map is drawn at about half its unit size). */
const FONT = 22;

function tooltip(
  shape: MunicipalityShape,
  item: ChartItem | undefined,
  label: string,
  lang: Lang,
): string {
  if (item === undefined || item.value === null) {
    return `${shape.name}: ${translate(lang, "chart.bars.no_data")}`;
  }
  const who =
    item.label === shape.name || item.label === "" ? shape.name : `${shape.name} (${item.label})`;
  const rank = item.rank === "" ? "" : translate(lang, "chart.map.rank", { rank: item.rank });
  return `${who}: ${label} ${item.text}${rank}`;
}

function itemsByCode(items: readonly ChartItem[]): Map<string, ChartItem> {
  const byCode = new Map<string, ChartItem>();
  for (const item of items) {
    for (const code of item.codes) if (!byCode.has(code)) byCode.set(code, item);
  }
  return byCode;
}

/** Gradient, end labels and a "no data" swatch, in the empty sea at the top left. */
function legend(data: ChartData, scale: ColourScale, lang: Lang): string {
  const x = 12;
  const y = 30;
  const width = 300;
  const stops = Array.from({ length: 11 }, (_, i) => {
    const value = scale.min + ((scale.max - scale.min) * i) / 10;
    return `<stop offset="${i * 10}%" stop-color="${scale.colour(value)}"/>`;
  });
  // Both scales run from min to max, so the better end is the right one for "higher".
  const [leftWord, rightWord] = (
    data.better === "higher" ? ["worse", "better"] : ["better", "worse"]
  ).map((side) => translate(lang, `chart.bars.${side}`));
  const parts = [
    `<g class="legend" font-size="${FONT}">`,
    `<defs><linearGradient id="legend-ramp">${stops.join("")}</linearGradient></defs>`,
    svgText(x, y, data.valueLabel, 'class="head"'),
    `<rect x="${x}" y="${y + 12}" width="${width}" height="22" fill="url(#legend-ramp)" stroke="#999" stroke-width="0.5"/>`,
    svgText(x, y + 60, `${scale.clipped.low ? "≤ " : ""}${data.format(scale.min)}`, ""),
    svgText(
      x + width,
      y + 60,
      `${scale.clipped.high ? "≥ " : ""}${data.format(scale.max)}`,
      'text-anchor="end"',
    ),
  ];
  if (scale.kind === "diverging") {
    parts.push(
      `<line x1="${x + width / 2}" y1="${y + 8}" x2="${x + width / 2}" y2="${y + 38}" stroke="#555" stroke-width="1"/>`,
      svgText(x + width / 2, y + 60, data.format(0), 'text-anchor="middle"'),
    );
  }
  parts.push(
    svgText(x, y + 86, `← ${leftWord}`, 'class="hint"'),
    svgText(x + width, y + 86, `${rightWord} →`, 'class="hint" text-anchor="end"'),
    `<rect x="${x}" y="${y + 102}" width="22" height="18" fill="${NO_DATA}" stroke="#999" stroke-width="0.5"/>`,
    svgText(x + 30, y + 118, translate(lang, "chart.bars.no_data"), ""),
    "</g>",
  );
  return parts.join("\n");
}

function zoomInset(geometry: MapGeometry, shapes: readonly MunicipalityShape[]): string {
  const { window: w, scale, x, y } = geometry.zoom;
  const width = w.width * scale;
  const height = w.height * scale;
  const uses = shapes.map((s) => `<use href="#m${s.code}"/>`).join("");
  return [
    `<rect class="frame" x="${w.x}" y="${w.y}" width="${w.width}" height="${w.height}"/>`,
    `<clipPath id="zoom-clip"><rect x="${coord(x)}" y="${coord(y)}" width="${coord(width)}" height="${coord(height)}"/></clipPath>`,
    `<rect class="inset-bg" x="${coord(x)}" y="${coord(y)}" width="${coord(width)}" height="${coord(height)}"/>`,
    `<g clip-path="url(#zoom-clip)"><g transform="translate(${coord(x)} ${coord(y)}) scale(${scale}) translate(${-w.x} ${-w.y})">${uses}</g></g>`,
    `<rect class="frame" x="${coord(x)}" y="${coord(y)}" width="${coord(width)}" height="${coord(height)}"/>`,
    svgText(
      x + width,
      y + height + FONT,
      "Greater Copenhagen",
      `class="inset-label" font-size="${FONT}" text-anchor="end"`,
    ),
  ].join("\n");
}

function bornholmInset(geometry: MapGeometry): string {
  const b = geometry.inset;
  return [
    `<rect class="frame" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}"/>`,
    svgText(
      b.x + b.width,
      b.y + b.height + FONT,
      "Bornholm",
      `class="inset-label" font-size="${FONT}" text-anchor="end"`,
    ),
  ].join("\n");
}

export function municipalityMap(
  geometry: MapGeometry,
  data: ChartData,
  scale: ColourScale,
  lang: Lang = "en",
): string {
  const byCode = itemsByCode(data.items);
  const paths = geometry.municipalities.map((shape) => {
    const item = byCode.get(shape.code);
    const value = item?.value ?? null;
    const fill = value === null ? NO_DATA : scale.colour(value);
    const title = escapeXml(tooltip(shape, item, data.valueLabel, lang));
    return `<path id="m${shape.code}" class="muni" data-code="${shape.code}" fill="${fill}" d="${shape.d}"><title>${title}</title></path>`;
  });
  return [
    `<svg class="chart map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${geometry.width} ${geometry.height + FONT + 8}" role="img" aria-label="${escapeXml(translate(lang, "chart.map.aria", { label: data.valueLabel }))}">`,
    `<g class="municipalities" fill-rule="evenodd">`,
    ...paths,
    "</g>",
    bornholmInset(geometry),
    zoomInset(geometry, geometry.municipalities),
    legend(data, scale, lang),
    "</svg>",
  ].join("\n");
}
