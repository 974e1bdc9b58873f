/**
 * The language of every human-readable output (`--lang en|da`): message catalogues in
 * data/messages/<lang>.json, one per language, flat keys with `{placeholder}`s, each read
 * once. The CLI chooses the language once per run (`useLang`, from `--lang` or the
 * locale); document builders and reporters look their words up here. JSON field names and
 * JSON numbers never depend on it.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

export const LANGS = ["en", "da"] as const;
export type Lang = (typeof LANGS)[number];

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

const catalogues = new Map<Lang, Record<string, string>>();

/** The catalogue of `lang`, read from data/messages once. */
export function catalogue(lang: Lang): Record<string, string> {
  let found = catalogues.get(lang);
  if (found === undefined) {
    found = JSON.parse(readFileSync(dataPath("messages", `${lang}.json`), "utf8")) as Record<
      string,
      string
    >;
    catalogues.set(lang, found);
  }
  return found;
}

/** `da` when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with `da`, else `en`. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const first = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return first?.toLowerCase().startsWith("da") === true ? "da" : "en";
}

export function isLang(text: unknown): text is Lang {
  return text === "en" || text === "da";
}

let active: Lang = "en";

/** Sets the language of this run's outputs (the CLI, once; tests and API callers too). */
export function useLang(lang: Lang): void {
  active = lang;
}

export function currentLang(): Lang {
  return active;
}

/** The `{name}`s of a message, sorted: both catalogues must agree on them. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z_0-9]+)\}/gi)].map((m) => m[1] as string))].sort();
}

/** The message `key` in `lang` with its placeholders filled; English, then the key, if missing. */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const text = catalogue(lang)[key] ?? catalogue("en")[key] ?? key;
  return text.replace(/\{([a-z_0-9]+)\}/gi, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A lookup bound to one language. */
export function translator(lang: Lang = active): Translate {
  return (key, params) => translate(lang, key, params);
}

/** The message in the run's language. */
export const t: Translate = (key, params) => translate(active, key, params);

/** A message key that may be absent (e.g. a label for a user's own indicator). */
export function has(key: string, lang: Lang = active): boolean {
  return catalogue(lang)[key] !== undefined;
}

/** The true minus sign of text outputs; CSV and JSON keep ASCII. */
export const MINUS = "\u2212";

/**
 * A number as people read it in `lang`: fixed decimals, the true minus (U+2212), never
 * "−0"; Danish with a decimal comma, English with a point. `group` adds thousands
 * separators (`1,234` / `1.234`).
 */
export function formatNumberIn(
  value: number,
  digits: number,
  lang: Lang = active,
  group = false,
): string {
  if (!Number.isFinite(value)) return "–";
  const fixed = Math.abs(value).toFixed(digits);
  const zero = Number(fixed) === 0;
  const [whole = "0", fraction] = fixed.split(".");
  const thousands = lang === "da" ? "." : ",";
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : whole;
  const mark = lang === "da" ? "," : ".";
  const body = fraction === undefined ? grouped : `${grouped}${mark}${fraction}`;
  return value < 0 && !zero ? `${MINUS}${body}` : body;
}

/** `+0.35` / `−0.35` in `lang`: a signed difference, zero without a sign. */
export function formatSigned(value: number, digits: number, lang: Lang = active): string {
  const text = formatNumberIn(value, digits, lang);
  if (text.startsWith(MINUS) || Number(Math.abs(value).toFixed(digits)) === 0) return text;
  return `+${text}`;
}

/** "A", "A and B", "A, B and C" (og in Danish). */
export function listing(names: readonly string[], lang: Lang = active): string {
  const and = translate(lang, "word.and");
  return names.length < 2
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`;
}

/** 1st, 2nd, 3rd, 11th (en); 1., 2., 3. (da). */
export function ordinalIn(n: number, lang: Lang = active): string {
  if (lang === "da") return `${n}.`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
