/**
 * The period of a JSON line found without parsing the line: for a file read whole with a
 * period selection, most lines belong to periods left out, and `JSON.parse` of every line
 * (and building its record) was most of reading it (the shipped Y30R21 file holds eight
 * periods; the benchmark keeps one).
 *
 * One regular expression per file, made from the keys of its first flat line, matches a
 * line only if it is plain: one object, those keys in that order and no other, every value
 * a string without a backslash or a number, true, false or null (no object or array), and
 * the period's value a string of printable ASCII, which it captures. Any other line is
 * parsed as before. The expression runs as native code, which a scan written in
 * JavaScript does not in a process that has just started. A kept line the expression
 * matched is then given to `JSON.parse` (`templateCells`): its values come out in the
 * template's key order.
 */

/** The template of a file's plain lines: the expression and the keys, in order. */
export interface LineTemplate {
  /** Matches a plain line; captures its period. */
  pattern: RegExp;
  keys: readonly string[];
}

const SPACE = "[ \\t\\r]*";
/** A string value without escapes (so no `"` inside), or a bare number, true, false, null. */
const VALUE = '(?:"[^"\\\\]*"|[^\\s,{}\\[\\]"\\\\:]+)';
/** The period's value: a string of printable ASCII without `"` or `\`, captured. */
const PERIOD = '"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*)"';

/**
 * A template from a parsed flat line's keys, or undefined: a key with a quote, a backslash
 * or a control character (JSON would write it escaped), or not exactly one period key.
 * `spell` gives a key as the text scanned spells it (the reader scans UTF-8 files as their
 * bytes, one character each: json-lines.ts).
 */
export function lineTemplate(
  keys: readonly string[],
  isPeriodKey: (key: string) => boolean,
  spell: (key: string) => string = (key) => key,
): LineTemplate | undefined {
  let periods = 0;
  const fields: string[] = [];
  for (const key of keys) {
    if (!plainKey(key) || INDEX_KEY.test(key)) return undefined;
    const period = isPeriodKey(key);
    if (period) periods++;
    const name = `"${escapeRegExp(spell(key))}"${SPACE}:${SPACE}`;
    fields.push(`${name}${period ? PERIOD : VALUE}`);
  }
  if (periods !== 1) return undefined;
  const body = fields.join(`${SPACE},${SPACE}`);
  const pattern = new RegExp(`^${SPACE}\\{${SPACE}${body}${SPACE}\\}${SPACE}$`);
  return { pattern, keys: [...keys] };
}

/**
 * The values of a line `scanPeriod` answered for, in the template's key order, as
 * `JSON.parse` gives them (strings as the scanned text spells them); undefined where
 * `JSON.parse` refuses the line (a bare word that is not a JSON number, true, false or
 * null; a raw control character in a string), which the parser then reads and reports.
 * Such a line has exactly the template's keys, in its order and none integer-like, so
 * the parsed object's values are in that order (measured: `JSON.parse` of the line is
 * about half the instructions of an expression capturing each value and checking it).
 */
export function templateCells(line: string): Array<string | number | boolean | null> | undefined {
  try {
    return Object.values(JSON.parse(line) as Record<string, string | number | boolean | null>);
  } catch {
    return undefined;
  }
}

/** The period text of a plain line of the template's shape, else undefined. */
export function scanPeriod(line: string, template: LineTemplate): string | undefined {
  return template.pattern.exec(line)?.[1];
}

/** A key an object orders before the others (an array index), whatever its place. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/** No quote, backslash or control character: JSON writes such a key as it is. */
function plainKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
