import type { ReportDocument } from "./types.js";

/** The CLI.md JSON document, full precision, stable key order as built by the command. */
export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify(doc.json, null, 2)}\n`;
}

/** Pieces are handed on once they hold about this many characters. */
const PIECE_CHARS = 64 * 1024;

/**
 * `renderJson`'s text in pieces of about 64 KiB, each given to `write` as soon as it is
 * made: a large document (`ReportDocument.large`, a history of hundreds of quarters) is
 * never one string, and what its JSON reads lazily (a unit's points) is built one part at
 * a time. The text is exactly `renderJson`'s (test/report/json-pieces.test.ts).
 */
export function writeJson(doc: ReportDocument, write: (piece: string) => void): void {
  const out = new Pieces(write);
  writeValue(doc.json, "", 0, out);
  out.add("\n");
  out.flush();
}

/** Containers nested deeper than this are written by `JSON.stringify` whole. */
const OPENED_DEPTH = 3;

class Pieces {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly write: (piece: string) => void) {}

  add(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(""));
    this.parts = [];
    this.chars = 0;
  }
}

/** A plain object or array, which is opened here rather than given to `JSON.stringify`. */
function opened(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !("toJSON" in value);
}

/** `JSON.stringify(value, null, 2)` at this indentation; undefined where it writes nothing. */
function wholeText(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // JSON text has no line break inside a string: every one is a break between lines.
  return text === undefined || indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would at this indentation, or returns
 * false where it would write nothing (undefined, a function: left out of an object, null
 * in an array).
 */
function writeValue(value: unknown, indent: string, depth: number, out: Pieces): boolean {
  if (depth >= OPENED_DEPTH || !opened(value)) {
    const text = wholeText(value, indent);
    if (text !== undefined) out.add(text);
    return text !== undefined;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.add("[]");
      return true;
    }
    out.add(`[\n${inner}`);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.add(`,\n${inner}`);
      if (!writeValue(value[i], inner, depth + 1, out)) out.add("null");
    }
    out.add(`\n${indent}]`);
    return true;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const child = value[key];
    const whole = depth + 1 >= OPENED_DEPTH || !opened(child);
    // A child written whole is made first: where it writes nothing, neither does its key.
    const text = whole ? wholeText(child, inner) : "";
    if (text === undefined) continue;
    out.add(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
    if (whole) out.add(text);
    else writeValue(child, inner, depth + 1, out);
    first = false;
  }
  out.add(first ? "{}" : `\n${indent}}`);
  return true;
}
