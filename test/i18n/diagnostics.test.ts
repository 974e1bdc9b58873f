/**
 * Diagnostics in Danish: the English message is matched against its code's pattern in
 * data/messages/en.json and the values carried into the Danish one; lists of problems,
 * hints and locations inside a message are translated part by part. A message no pattern
 * fits stays English, its code never changes.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { translateDiagnostic } from "../../src/i18n/diagnostics.js";
import { catalogue } from "../../src/i18n/index.js";
import { ensureBuilt, runCli, tempDir } from "../cli/helpers.js";

const da = (code: string, message: string) => translateDiagnostic(code, message, "da");

describe("diagnostic messages in Danish", () => {
  it("carries the values of a message into its Danish pattern", () => {
    expect(da("E_RAGGED_ROW", "expected 5 fields as in the header, found 4")).toBe(
      "forventede 5 felter som i overskriftslinjen, fandt 4",
    );
    expect(
      da(
        "E_MISSING_COLUMN",
        'expected a column "period" (or periode, tid), found municipality, value',
      ),
    ).toBe('forventede en kolonne "period" (or periode, tid), fandt municipality, value');
  });

  it("translates a hint, with or without one", () => {
    expect(
      da("E_UNKNOWN_MUNICIPALITY", 'unknown municipality "Kobenhavn" (did you mean "København"?)'),
    ).toBe('ukendt kommune "Kobenhavn" (mente du "København"?)');
    expect(da("E_UNKNOWN_MUNICIPALITY", 'unknown municipality "Xyz"')).toBe('ukendt kommune "Xyz"');
  });

  it("translates each part of a list of problems", () => {
    expect(
      da(
        "W_SKIPPED_LINES",
        "skipped 4 line(s) that are not data: 2 title line(s) above the header (lines 1–2), 1 footnote line(s) below the data (line 40), 1 empty row(s) (line 12)",
      ),
    ).toBe(
      "sprang 4 linje(r) over, som ikke er data: 2 titellinje(r) over overskriftslinjen (linjer 1–2), 1 fodnotelinje(r) under data (linje 40), 1 tom(me) række(r) (linje 12)",
    );
    expect(
      da(
        "W_PUBLISHED_INCONSISTENT",
        "Gladsaxe (159): the published row is inconsistent: actual share 6.97 − expected share 8.11 = -1.14 pct. points, but the published difference is -1.2; published rank 3 is also given to Ballerup (151), Furesø (190)",
      ),
    ).toBe(
      "Gladsaxe (159): den offentliggjorte række hænger ikke sammen: faktisk andel 6.97 − forventet andel 8.11 = -1.14 procentpoint, men den offentliggjorte forskel er -1.2; offentliggjort placering 3 er også givet til Ballerup (151), Furesø (190)",
    );
    expect(
      da(
        "E_MISSING_INDICATOR",
        "Læsø, 2024K4, activation_rate: zero denominator (persons = 0); use --missing drop or --missing impute-mean to rank anyway",
      ),
    ).toBe(
      "Læsø, 2024K4, activation_rate: nævneren er nul (persons = 0); brug --missing drop eller --missing impute-mean for at placere alligevel",
    );
  });

  it("names lines and columns in Danish inside a message", () => {
    expect(
      da(
        "E_DECIMAL_MARK_MIXED",
        'decimal mark unclear: "1,5" (line 3, column 2) uses a decimal comma but "1.5" (line 4, column 2) a decimal point; use one mark throughout or set the decimal mark explicitly',
      ),
    ).toBe(
      'decimaltegnet er uklart: "1,5" (linje 3, kolonne 2) bruger decimalkomma, men "1.5" (linje 4, kolonne 2) decimalpunktum; brug ét tegn hele vejen igennem, eller angiv decimaltegnet',
    );
  });

  it("leaves English a message no pattern fits, and English output untouched", () => {
    expect(da("E_ODD", "odd")).toBe("odd");
    expect(da("E_RAGGED_ROW", "something else")).toBe("something else");
    expect(
      translateDiagnostic("E_RAGGED_ROW", "expected 5 fields as in the header, found 4", "en"),
    ).toBe("expected 5 fields as in the header, found 4");
  });

  it("has a Danish wording for every diagnostic code the sources raise, but the listed ones", () => {
    const codes = new Set(
      Object.keys(catalogue("da")).flatMap((k) => /^diag\.([EW]_[A-Z0-9_]+)/.exec(k)?.[1] ?? []),
    );
    // The codes README "Output language" names as English (registry files, network answers).
    const english = new Set(LEFT_ENGLISH);
    const missing = SOURCE_CODES.filter((c) => !codes.has(c) && !english.has(c));
    expect(missing).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const SOURCE_CODES = [
  ...new Set(
    sources("src").flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/"([EW]_[A-Z0-9]+(?:_[A-Z0-9]+)*)"/g)].map(
        (m) => m[1] as string,
      ),
    ),
  ),
].sort();

const LEFT_ENGLISH = [
  // data/registry files, checked at build time: their messages are for maintainers.
  "E_REGISTRY_DUPLICATE",
  "E_REGISTRY_HEADER",
  "E_REGISTRY_JSON",
  "E_REGISTRY_OVERLAP",
  "E_REGISTRY_ROW",
  "E_REGISTRY_UNKNOWN_CODE",
  // fetch: the wording quotes the remote service's own (English) answer.
  "E_FETCH_EMPTY",
  "E_FETCH_HTTP",
  "E_FETCH_NETWORK",
  "E_FETCH_SHAPE",
  "E_FETCH_TIMEOUT",
  "E_FETCH_TOKEN",
  "E_RECIPE",
  "E_USAGE",
];

describe("the command line's diagnostics with --lang da", () => {
  beforeAll(() => ensureBuilt());
  const { write } = tempDir("lang-diag");

  it("one Danish line per problem, file:line:column and code kept, exit 2", async () => {
    const file = write("ragged.csv", "municipality,period,value\nBillund,2024K4,1,2\n");
    const ragged = await runCli(["index", "--lang", "da", "--input", file]);
    expect(ragged.code).toBe(2);
    expect(ragged.stderr).toBe(
      `${file}:2:4: fejl: forventede 3 felter som i overskriftslinjen, fandt 4 [E_RAGGED_ROW]\n`,
    );
    const period = await runCli(["benchmark", "--lang", "da", "--period", "1999QMAT04"]);
    expect(period.code).toBe(2);
    expect(period.stderr).toBe(
      "fejl: --period 1999QMAT04 er ikke i inddata, som har 2020QMAT02–2021QMAT04 (4 perioder) [E_PERIOD]\n",
    );
    const english = await runCli(["benchmark", "--lang", "en", "--period", "1999QMAT04"]);
    expect(english.stderr).toBe(
      "error: --period 1999QMAT04 is not in the input, which has 2020QMAT02–2021QMAT04 (4 periods) [E_PERIOD]\n",
    );
  });
});

describe("usage errors in Danish", () => {
  it("the common ones, with their values", () => {
    const usage = (m: string) => translateDiagnostic("USAGE", m, "da");
    expect(usage("give either --by or --only, not both")).toBe(
      "angiv enten --by eller --only, ikke begge",
    );
    expect(usage("unknown group 'Fyn'; known groups: Nordjylland, Trekantområdet")).toBe(
      "ukendt gruppe 'Fyn'; kendte grupper: Nordjylland, Trekantområdet",
    );
    expect(
      usage(
        'no jobcentre or municipality "Bilund" in the ranking of 2024K4; did you mean "Billund"?',
      ),
    ).toBe(
      'intet jobcenter eller nogen kommune "Bilund" i placeringen for 2024K4; mente du "Billund"?',
    );
    expect(
      usage("Læsø is not ranked in 2024K4: it is not in the input or was dropped for missing data"),
    ).toBe(
      "Læsø er ikke placeret i 2024K4: den er ikke i inddata eller blev udeladt for manglende data",
    );
  });
});
