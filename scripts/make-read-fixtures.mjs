#!/usr/bin/env node
/**
 * Derives the reader fixtures in fixtures/read/ from the real files in fixtures/real/
 * (copied unchanged from the shared data; see fixtures/real/README.md) and writes the
 * small bad-input cases. Re-runnable: `node scripts/make-read-fixtures.mjs`. Figures are
 * never changed, only re-encoded (separator, decimal mark, encoding, JSON shape).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const real = join(root, "fixtures", "real");
const out = join(root, "fixtures", "read");
const bad = join(out, "bad");
mkdirSync(bad, { recursive: true });

const y30r21 = readFileSync(join(real, "y30r21-2020QMAT02-2021QMAT04.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));
const columns = Object.keys(y30r21[0]);

/** A CSV cell: decimal commas as the source writes them, quoted only when needed. */
function csvCell(value, separator) {
  const text = value === null ? "" : String(value);
  return /["\r\n]/.test(text) || text.includes(separator)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

function toCsv(rows, separator, newline) {
  const lines = [columns.map((c) => csvCell(c, separator)).join(separator)];
  for (const row of rows)
    lines.push(columns.map((c) => csvCell(row[c], separator)).join(separator));
  return lines.join(newline) + newline;
}

// The whole extract as a Danish spreadsheet would save it: UTF-8 with BOM, `;`, CRLF.
// Shares are already strings with a decimal comma; counts are integers.
writeFileSync(
  join(out, "y30r21-semicolon-decimal-comma.csv"),
  `\uFEFF${toCsv(y30r21, ";", "\r\n")}`,
);

// One period and benefit group (98 municipalities, with æ/ø/å in names) in Latin-1.
const latest = y30r21.filter(
  (r) => r.Periode === "2021QMAT04" && r.Ydelsesgrupper === "Ydelsesgrupper i alt",
);
writeFileSync(join(out, "y30r21-latin1.csv"), Buffer.from(toCsv(latest, ";", "\n"), "latin1"));

// The first rows in the jobindsats API v2 response shape: Variables (labels = the
// JSON-lines keys) and Data (one array per row), one Data row per line.
const apiRows = y30r21.slice(0, 6);
const variables = columns.map((label, i) => ({ Name: `v${i + 1}`, Label: label }));
const api = [
  "[",
  "  {",
  '    "Dataset": "y30r21",',
  `    "Variables": ${JSON.stringify(variables)},`,
  '    "Data": [',
  apiRows.map((r) => `      ${JSON.stringify(columns.map((c) => r[c]))}`).join(",\n"),
  "    ]",
  "  }",
  "]",
  "",
].join("\n");
writeFileSync(join(out, "y30r21-api.json"), api);

// --- bad inputs: one problem each, in the FH-style index input (METHOD.md part A) -------

const header =
  "kommune;periode;aktiverede_fuldtid;aktiverede_uddannelse_fuldtid;bruttoledige_fuldtid;" +
  "ledighedsforloeb_afsluttede;ledighedsforloeb_uger;sygedagpengeforloeb_afsluttede;" +
  "sygedagpengeforloeb_uger;ledige_ikke_vestlige;arbejdsstyrke_ikke_vestlige;" +
  "ledige_dansk_oprindelse;arbejdsstyrke_dansk_oprindelse";
const row = (municipality, period, first = "1200,5", rest = "310,25") =>
  [
    municipality,
    period,
    first,
    rest,
    "9800",
    "2100",
    "31500",
    "1500",
    "14200",
    "820",
    "6100",
    "5300",
    "118000",
  ].join(";");
const good = [row("101", "2019K4"), row("147", "2019K4"), row("751", "2019K4")];
const lines = (...ls) => `${ls.join("\n")}\n`;

const badFiles = {
  "empty.csv": "",
  "header-only.csv": lines(header),
  // line 1, column 3: a typo of aktiverede_fuldtid
  "unknown-column.csv": lines(header.replace("aktiverede_fuldtid", "aktiverde_fuldtid"), ...good),
  // line 4 repeats 101 × 2019K4 (for the registry-aware validation layer)
  "duplicate-municipality-period.csv": lines(header, ...good, row("101", "2019K4")),
  // line 3: 999 is no municipality (for the registry-aware validation layer)
  "unknown-municipality.csv": lines(header, good[0], row("999", "2019K4"), good[2]),
  // line 3, column 3
  "non-numeric.csv": lines(header, good[0], row("147", "2019K4", "mange"), good[2]),
  // line 4, column 3
  "negative-count.csv": lines(header, good[0], good[1], row("751", "2019K4", "-12")),
  // line 3 has 12 fields, line 5 has 14
  "ragged.csv": lines(
    header,
    good[0],
    good[1].replace(/;118000$/, ""),
    good[2],
    `${row("461", "2019K4")};7`,
  ),
  // line 3, column 2
  "impossible-period.csv": lines(header, good[0], row("147", "2019K5"), good[2]),
  // line 2, column 3 writes a decimal point, line 3 column 4 a decimal comma
  "mixed-decimal.csv": lines(
    "kommune;periode;aktiverede_fuldtid;aktiverede_uddannelse_fuldtid",
    "101;2019K4;1200.5;300",
    "147;2019K4;800;310,25",
  ),
  // only thousands-or-decimal cells: 1.234 could be either
  "ambiguous-decimal.csv": lines(
    "kommune;periode;bruttoledige_fuldtid",
    "101;2019K4;1.234",
    "147;2019K4;2.500",
  ),
  // line 3: the quote opened in column 1 is never closed
  "unclosed-quote.csv": lines(
    "kommune;periode;value",
    "101;2019K4;1",
    '"147;2019K4;2',
    "751;2019K4;3",
  ),
  // line 3, column 21: a missing comma between two properties
  "invalid.json":
    '[\n  {"kommune": "101", "periode": "2019K4"},\n  {"kommune": "147" "periode": "2019K4"}\n]\n',
  // line 2, column 35: an unquoted period
  "invalid.jsonl":
    '{"kommune": "101", "periode": "2019K4"}\n{"kommune": "147", "periode": 2019K4}\n',
};
for (const [name, text] of Object.entries(badFiles)) writeFileSync(join(bad, name), text);

// Binary content with a .csv name: a zip/xlsx-like header with NUL bytes.
const binary = Buffer.alloc(2048);
binary.write("PK\u0003\u0004", 0, "latin1");
for (let i = 4; i < binary.length; i++) binary[i] = (i * 37) % 256;
writeFileSync(join(bad, "binary.csv"), binary);

console.log(`wrote fixtures to ${out}`);
