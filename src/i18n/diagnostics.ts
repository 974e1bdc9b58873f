/**
 * Diagnostic messages in the run's language. Codes stay as they are; a message is
 * translated where the catalogue has a pattern for its code (`diag.<CODE>` or
 * `diag.<CODE>.<variant>`): the English message is matched against the English pattern
 * and its values carried over into the other language's. A message no pattern fits stays
 * English. A message that lists several problems carries them in a `{parts}` placeholder,
 * joined by "; ": each part is translated by the code's `diag.<CODE>.part.<name>` patterns.
 * The CLI (src/cli/messages.ts) and the sentences and notes that quote a warning use it.
 */
import { catalogue, currentLang, type Lang, translate } from "./index.js";

interface Matcher {
  key: string;
  re: RegExp;
  names: string[];
}

/** The English pattern `text {a} more {b}` as a regular expression capturing a and b. */
function matcher(key: string, pattern: string): Matcher {
  const names: string[] = [];
  const source = pattern
    .split(/(\{[a-z_0-9]+\})/i)
    .map((part) => {
      const m = /^\{([a-z_0-9]+)\}$/i.exec(part);
      if (m) {
        names.push(m[1] as string);
        return "(.+?)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { key, re: new RegExp(`^${source}$`, "s"), names };
}

let byCode: Map<string, Matcher[]> | undefined;

/**
 * The English patterns by code (`E_PERIOD`, or `E_PERIOD.part` for the parts of a list),
 * in catalogue order: a variant key after the plain one.
 */
function matchers(): Map<string, Matcher[]> {
  if (byCode === undefined) {
    byCode = new Map();
    for (const [key, text] of Object.entries(catalogue("en"))) {
      const m = /^diag\.([A-Z][A-Z0-9_]*)(\.part)?(?:\.|$)/.exec(key);
      if (m === null) continue;
      const code = `${m[1]}${m[2] ?? ""}`;
      const list = byCode.get(code) ?? [];
      list.push(matcher(key, text));
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

/** `message` in `lang`, when one of the catalogue's patterns for `code` fits. */
export function translateDiagnostic(
  code: string | undefined,
  message: string,
  lang: Lang = currentLang(),
): string {
  if (lang === "en" || code === undefined) return message;
  const found = matchDiagnostic(code, message);
  if (found === undefined) return message;
  const { parts } = found.params;
  if (parts !== undefined) {
    found.params.parts = parts
      .split("; ")
      .map((part) => {
        const inner = matchDiagnostic(`${code}.part`, part);
        return inner === undefined ? part : translate(lang, inner.key, inner.params);
      })
      .join("; ");
  }
  return translate(lang, found.key, found.params);
}
