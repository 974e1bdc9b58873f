import { afterEach, describe, expect, it } from "vitest";
import { diagnosticLine } from "../../src/cli/messages.js";
import {
  catalogue,
  formatNumberIn,
  LANGS,
  langFromEnv,
  placeholders,
  translate,
  useLang,
} from "../../src/i18n/index.js";

afterEach(() => useLang("en"));

describe("message catalogues (data/messages)", () => {
  it("every key is in every language, with the same placeholders", () => {
    const keys = new Set(LANGS.flatMap((lang) => Object.keys(catalogue(lang))));
    const problems: string[] = [];
    for (const key of keys) {
      const en = catalogue("en")[key];
      for (const lang of LANGS) {
        const text = catalogue(lang)[key];
        if (text === undefined || text === "") problems.push(`${lang} lacks ${key}`);
        else if (en !== undefined && placeholders(text).join() !== placeholders(en).join()) {
          problems.push(`${lang} ${key}: {${placeholders(text)}} against en {${placeholders(en)}}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(keys.size).toBeGreaterThan(100);
  });

  it("uses the data's own Danish terms", () => {
    const da = Object.values(catalogue("da")).join("\n");
    for (const term of [
      "fuldtidspersoner",
      "offentlig forsørgelse",
      "Forventet",
      "Faktisk",
      "Forskel",
      "procentpoint",
      "Placering",
      "jobcenter",
      "kommune",
      "Aktiveringsgrad",
      "Uddannelsesandel",
      "sygedagpengeforløb",
      "Merledighed",
    ]) {
      expect(da).toContain(term);
    }
  });

  it("fills placeholders and falls back to English, then to the key", () => {
    expect(translate("da", "word.period", { period: "2024K4" })).toBe("Periode 2024K4");
    expect(translate("da", "no.such.key")).toBe("no.such.key");
  });
});

describe("language from the locale", () => {
  it("takes the first of LC_ALL, LC_MESSAGES, LANG that is set", () => {
    expect(langFromEnv({ LANG: "da_DK.UTF-8" })).toBe("da");
    expect(langFromEnv({ LC_ALL: "en_GB.UTF-8", LANG: "da_DK.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_MESSAGES: "da", LANG: "C" })).toBe("da");
    expect(langFromEnv({ LC_ALL: "", LANG: "da_DK" })).toBe("da");
    expect(langFromEnv({})).toBe("en");
  });
});

describe("numbers as people read them", () => {
  it("Danish: decimal comma, thousands with a point; one true minus", () => {
    expect(formatNumberIn(1234.5, 1, "da", true)).toBe("1.234,5");
    expect(formatNumberIn(1234.5, 1, "en", true)).toBe("1,234.5");
    expect(formatNumberIn(-0.028, 3, "da")).toBe("\u22120,028");
    expect(formatNumberIn(-0.0001, 2, "en")).toBe("0.00");
  });
});

describe("diagnostics in Danish", () => {
  it("translates the frame and the common messages, keeps the code", () => {
    useLang("da");
    expect(
      diagnosticLine({ code: "E_FILE_NOT_FOUND", message: "file not found", file: "x.csv" }),
    ).toBe("x.csv: fejl: filen findes ikke [E_FILE_NOT_FOUND]");
    expect(diagnosticLine({ code: "E_ODD", message: "odd", severity: "warning" })).toBe(
      "advarsel: odd [E_ODD]",
    );
  });
});
