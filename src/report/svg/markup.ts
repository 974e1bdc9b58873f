/** Small helpers shared by the SVG builders and the HTML page. */

/** Escapes text for element content and double-quoted attributes alike. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A coordinate with at most one decimal, never `-0`: short and byte-stable. */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** `<text>` with escaped content; attributes are passed already formatted. */
export function svgText(x: number, y: number, text: string, attributes = ""): string {
  const extra = attributes === "" ? "" : ` ${attributes}`;
  return `<text x="${coord(x)}" y="${coord(y)}"${extra}>${escapeXml(text)}</text>`;
}
