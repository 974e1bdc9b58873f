#!/usr/bin/env node
/**
 * The Excel workbooks of the export corpus (fixtures/exports/*.xlsx, README there): the
 * shipped data as the workbooks jobindsats.dk and survey tools hand out, with a title row
 * above the header, footnotes below, empty rows at seeded places and a second sheet.
 * Written with write-excel-file (the reader, read-excel-file, cannot write) and zipped
 * again by fflate with a fixed file time, so a rerun writes the same bytes (seeded).
 * `node scripts/make-export-corpus-xlsx.mjs`
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync, zipSync } from "fflate";
import writeXlsxFile from "write-excel-file/node";
import { mulberry32 } from "./municipality-data.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = (name) => join(root, "fixtures", "exports", name);
const next = mulberry32(20261202);

/** Plain CSV (no quotes inside cells except the survey's, handled by `splitCsv`). */
function splitCsv(line, separator) {
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function readCsv(path, separator) {
  return readFileSync(join(root, path), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => splitCsv(l, separator));
}

/** A cell of the workbook: a number cell where the text is a number in `mark`, else text. */
function numberCell(text, mark) {
  const normal = mark === "," ? text.replace(",", ".") : text;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function dateCell(text) {
  const m = DATE.exec(text);
  if (!m) return text;
  return { value: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])), format: "yyyy-mm-dd" };
}

/** Empty rows at seeded places among the data rows (Excel users leave them). */
function withEmptyRows(rows, count) {
  const copy = [...rows];
  for (let k = 0; k < count; k++) {
    const at = 1 + Math.floor(next() * (copy.length - 1));
    copy.splice(at, 0, []);
  }
  return copy;
}

const ABOUT = [["Om data"], ["Udtrukket af jobindex' testkorpus fra de leverede data."]];

/** The zip's entries get one fixed time: the library stamps the time of writing. */
const FIXED_TIME = new Date(Date.UTC(2026, 11, 1));

async function write(name, sheets) {
  const buffer = await writeXlsxFile(sheets).toBuffer();
  const entries = unzipSync(new Uint8Array(buffer));
  writeFileSync(out(name), zipSync(entries, { mtime: FIXED_TIME, level: 6 }));
}

// 1. The benchmark: Y30R21's latest period (benchmark-clean.csv), counts and shares as
//    number cells, a title row and a blank row above the header, footnotes below.
{
  const [header, ...rows] = readCsv("fixtures/exports/benchmark-clean.csv", ";");
  const data = rows.map((r) => r.map((c, i) => (i < 3 ? c : numberCell(c, ","))));
  await write("benchmark-y30r21.xlsx", [
    {
      sheet: "Ark1",
      data: [
        ["Forventet og faktisk antal fuldtidspersoner (Y30R21), 2021QMAT04"],
        [],
        header,
        ...data,
        [],
        ["Kilde: jobindsats.dk, STAR (udtrukket fra det leverede datasæt)"],
        ["Anm.: Forventet antal er beregnet af STAR ud fra rammevilkår."],
      ],
    },
    { sheet: "Om data", data: ABOUT },
  ]);
}

// 2. The index (open method): the shipped jobindsats counts on the second sheet, `Data`,
//    behind a cover sheet; a title row, empty rows at seeded places, a footnote.
{
  const [header, ...rows] = readCsv("data/open/jobindsats-quarterly.csv", ",");
  const data = rows.map((r) => r.map((c, i) => (i === 1 ? c : numberCell(c, "."))));
  await write("index-open.xlsx", [
    { sheet: "Forside", data: [["Jobindsats: ledighed og kontanthjælp pr. kvartal"], ...ABOUT] },
    {
      sheet: "Data",
      data: [
        ["Ledige, langtidsledige og kontanthjælp, kommuner og kvartaler"],
        header,
        ...withEmptyRows(data, 12),
        ["Kilde: jobindsats.dk og Danmarks Statistik"],
      ],
    },
  ]);
}

// 3. The survey: the SYNTHETIC demo export, answers as text, the date as a date cell.
{
  const [header, ...rows] = readCsv("data/survey/business-service-SYNTHETIC-demo.csv", ",");
  const date = header.indexOf("dato");
  const data = rows.map((r) => r.map((c, i) => (i === date ? dateCell(c) : c === "" ? null : c)));
  await write("survey-SYNTHETIC.xlsx", [
    { sheet: "Besvarelser", data: [header, ...data] },
    { sheet: "Om data", data: [["SYNTETISKE data: ingen rigtige virksomheder."]] },
  ]);
}

// 4. The continuity log: the SYNTHETIC demo log, dates as date cells, municipality codes
//    as number cells where the log gives a code.
{
  const [header, ...rows] = readCsv("data/demo/continuity-synthetic-2021K1-2022K4.csv", ",");
  const data = rows.map((r) => [r[0], numberCell(r[1], "."), r[2], dateCell(r[3])]);
  await write("continuity-SYNTHETIC.xlsx", [{ sheet: "Møder", data: [header, ...data] }]);
}

// 5. A bad cell: the benchmark workbook with one count written as text that is no number.
{
  const [header, ...rows] = readCsv("fixtures/exports/benchmark-clean.csv", ";");
  const data = rows.map((r) => r.map((c, i) => (i < 3 ? c : numberCell(c, ","))));
  // København, all benefits (sheet row 3: below the title and the header), Faktisk antal
  // (column E): a letter O for a zero.
  data[0][4] = "4252O";
  await write("benchmark-bad-cell.xlsx", [
    { sheet: "Ark1", data: [["Y30R21, 2021QMAT04"], header, ...data] },
  ]);
}
