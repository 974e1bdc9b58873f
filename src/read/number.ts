/**
 * Numbers as real files write them: `1234`, `-1.5`, `9,08` (decimal comma), `1.234.567`
 * (Danish thousands), `1,234.5` (English thousands), `−3` (Unicode minus).
 */

import type { DecimalMark } from "./options.js";
import type { Cell } from "./table.js";

export type { DecimalMark };

const EXPONENT = "(?:[eE][+-]?\\d+)?";

/** Per decimal mark: plain (`-1234,5`) and grouped (`1.234,5`, `1 234,5`) spellings. */
const SPELLINGS: Record<DecimalMark, { plain: RegExp; grouped: RegExp; group: RegExp }> = {
  ".": {
    plain: new RegExp(`^[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)${EXPONENT}$`),
    grouped: /^[+-]?\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:\.\d+)?$/,
    group: /[, \u00a0\u202f]/g,
  },
  ",": {
    plain: new RegExp(`^[+-]?(?:\\d+(?:,\\d+)?|,\\d+)${EXPONENT}$`),
    grouped: /^[+-]?\d{1,3}(?:(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?:,\d+)?$/,
    group: /[. \u00a0\u202f]/g,
  },
};

/** Digits, maybe after `-`, maybe with the mark and more digits: no spaces, groups or exponent. */
const SIMPLE: Record<DecimalMark, RegExp> = {
  ".": /^-?\d+(?:\.\d+)?$/,
  ",": /^-?\d+(?:,\d+)?$/,
};

function simpleValue(text: string, decimalMark: DecimalMark): number | undefined {
  const value = Number(decimalMark === "," ? text.replace(",", ".") : text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The number a cell holds, or undefined. JSON numbers pass through (if finite); strings
 * must use the file's decimal mark. Thousands separators are accepted only in correct
 * groups of three and only when they cannot be the decimal mark: with `,` as the mark,
 * `1.234.567` is 1234567 and `1.5` is rejected; with `.`, `1,234` is 1234.
 * Empty strings, `NaN`, `Infinity`, booleans and null give undefined.
 *
 * @example parseNumber("9,08", ",") // 9.08
 * @example parseNumber("1.234,5", ",") // 1234.5
 * @example parseNumber("1,5", ".") // undefined
 */
export function parseNumber(cell: Cell, decimalMark: DecimalMark): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  // The common spelling (`9,08`, `-0,06`, `1234`) read without trimming and rewriting it
  // first; it is one of `plain`'s, so the value is the one the general path gives.
  if (SIMPLE[decimalMark].test(cell)) return simpleValue(cell, decimalMark);
  const text = cell.trim().replace(/^\u2212/, "-");
  if (text === "") return undefined;
  const { plain, grouped, group } = SPELLINGS[decimalMark];
  let normal: string;
  if (plain.test(text)) normal = text;
  else if (grouped.test(text)) normal = text.replace(group, "");
  else return undefined;
  const value = Number(decimalMark === "," ? normal.replace(",", ".") : normal);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * jobindsats.dk writes shares as strings with a decimal comma (`"9,08"`, `"-0,20"`) and
 * counts as JSON numbers; this reads both.
 *
 * @example parseJobindsatsNumber("9,08") // 9.08
 * @example parseJobindsatsNumber(43070) // 43070
 */
export function parseJobindsatsNumber(cell: Cell): number | undefined {
  return parseNumber(cell, ",");
}
