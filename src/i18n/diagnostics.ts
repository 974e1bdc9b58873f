/**
 * Diagnostic messages in the run's language. Codes stay as they are; a message is
 * translated where the catalogue has a pattern for its code (`diag.<CODE>` or
 * `diag.<CODE>.<variant>`): the English message is matched against the English pattern
 * and its values carried over into the other language's. A message no pattern fits stays
 * English. A message that lists several problems carries them in a `{parts}` (or `{cause}`)
 * placeholder: each part is translated by the code's `diag.<CODE>.part.<name>` patterns;
 * a `{hint}` by the `diag.HINT.part.*` patterns shared by all codes.
 * The CLI (src/cli/messages.ts) and the sentences and notes that quote a warning use it.
 */
import { catalogue, currentLang, type Lang, translate } from "./index.js";

interface Matcher {
  key: string;
  re: RegExp;
  names: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The English pattern `text {a} more {b}` as a regular expression capturing a and b. A
 * whole message is matched from start to end; a part (`part`) is found anywhere in a list
 * of parts, its values never crossing the list's `;` (a leading value is one word).
 */
function matcher(key: string, pattern: string, part: boolean): Matcher {
  const names: string[] = [];
  const pieces = pattern.split(/(\{[a-z_0-9]+\})/i);
  const source = pieces
    .map((piece, i) => {
      const m = /^\{([a-z_0-9]+)\}$/i.exec(piece);
      if (m === null) return escapeRegExp(piece);
      names.push(m[1] as string);
      if (!part) return "(.*?)";
      // A part begins with its first word (a count) and ends at the list's `;` at most.
      if (i === 1 && pieces[0] === "") return "([^;,\\s]+)";
      return i === pieces.length - 2 && pieces.at(-1) === "" ? "([^;]*)" : "([^;]*?)";
    })
    .join("");
  return { key, re: part ? new RegExp(source, "g") : new RegExp(`^${source}$`, "s"), names };
}

let byCode: Map<string, Matcher[]> | undefined;

/**
 * The English patterns by code (`E_PERIOD`, or `E_PERIOD.part` for the parts of a list,
 * `HINT.part` for the hints of several codes), in catalogue order.
 */
function matchers(): Map<string, Matcher[]> {
  if (byCode === undefined) {
    byCode = new Map();
    for (const [key, text] of Object.entries(catalogue("en"))) {
      const m = /^diag\.([A-Z][A-Z0-9_]*)(\.part)?(?:\.|$)/.exec(key);
      if (m === null) continue;
      const code = `${m[1]}${m[2] ?? ""}`;
      const list = byCode.get(code) ?? [];
      list.push(matcher(key, text, m[2] !== undefined));
      byCode.set(code, list);
    }
  }
  return byCode;
}

/** The catalogue key whose English pattern `message` fits, with the values it carries. */
export function matchDiagnostic(
  code: string,
  message: string,
): { key: string; params: Record<string, string> } | undefined {
  for (const { key, re, names } of matchers().get(code) ?? []) {
    const m = re.exec(message);
    if (m === null) continue;
    return { key, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ""])) };
  }
  return undefined;
}

/** Every part of `text` that one of `code`'s part patterns finds, translated in place. */
function translateParts(code: string, text: string, lang: Lang): string {
  let out = text;
  for (const { key, re, names } of matchers().get(`${code}.part`) ?? []) {
    out = out.replace(re, (...m: string[]) =>
      translate(lang, key, Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ""]))),
    );
  }
  return out;
}

/** `line 3, column 2` in a quoted location and a range's `(4 periods)`, in `lang`'s words. */
function locationWords(text: string, lang: Lang): string {
  return text
    .replace(/\blines (?=\d)/g, `${translate(lang, "word.lines")} `)
    .replace(/\bline (?=\d)/g, `${translate(lang, "word.line")} `)
    .replace(/\bcolumn (?=\d)/g, `${translate(lang, "word.column")} `)
    .replace(
      /\((\d+) periods\)/g,
      (_, n: string) => `(${translate(lang, "word.n_periods", { n })})`,
    );
}

/** Values that are themselves English phrases: translated by their own patterns. */
const NESTED: Record<string, (code: string) => string> = {
  parts: (code) => code,
  cause: (code) => code,
  hint: () => "HINT",
};

/** `message` in `lang`, when one of the catalogue's patterns for `code` fits. */
export function translateDiagnostic(
  code: string | undefined,
  message: string,
  lang: Lang = currentLang(),
): string {
  if (lang === "en" || code === undefined) return message;
  const found = matchDiagnostic(code, message);
  if (found === undefined) return message;
  const params = Object.fromEntries(
    Object.entries(found.params).map(([name, value]) => {
      const nested = NESTED[name];
      const text = nested === undefined ? value : translateParts(nested(code), value, lang);
      return [name, locationWords(text, lang)];
    }),
  );
  return translate(lang, found.key, params);
}
