/**
 * Reading and validating the registry files in data/registry. Every problem becomes a
 * Diagnostic naming the file and line; all of them are thrown together as one InputError.
 * The files' own parsers: src/registry/csv-files.ts (municipalities, jobcentres) and
 * groups-file.ts; checks across rows and files: checks.ts.
 */
import { readFileSync } from "node:fs";
import { DiagnosticBag } from "../diagnostics.js";
import { dataPath } from "../paths.js";
import { checkGroups, checkJobcentres, checkMunicipalities } from "./checks.js";
import { parseJobcentres, parseMunicipalities } from "./csv-files.js";
import { parseGroups } from "./groups-file.js";
import { compareText } from "./normalize.js";
import type { RegistrySource } from "./types.js";

export interface RegistryTexts {
  municipalities: { file: string; text: string };
  jobcentres: { file: string; text: string };
  groups: { file: string; text: string };
}

/** The shipped registry files. */
export function readRegistryTexts(): RegistryTexts {
  const read = (name: string) => {
    const file = dataPath("registry", name);
    return { file, text: readFileSync(file, "utf8") };
  };
  return {
    municipalities: read("municipalities.csv"),
    jobcentres: read("jobcentres.csv"),
    groups: read("groups.json"),
  };
}

/** Parses and validates all three files together; throws one InputError listing every problem. */
export function parseRegistry(texts: RegistryTexts): RegistrySource {
  const bag = new DiagnosticBag();
  const municipalities = parseMunicipalities(
    texts.municipalities.text,
    texts.municipalities.file,
    bag,
  );
  const jobcentres = parseJobcentres(texts.jobcentres.text, texts.jobcentres.file, bag);
  const groups = parseGroups(texts.groups.text, texts.groups.file, bag);
  if (!bag.hasErrors) {
    checkMunicipalities(municipalities, texts.municipalities.file, bag);
    checkJobcentres(jobcentres, municipalities, texts.jobcentres.file, bag);
    checkGroups(groups, municipalities, texts.groups.file, bag);
  }
  bag.throwIfErrors();
  return {
    municipalities: municipalities.map((m) => m.value).sort((a, b) => compareText(a.code, b.code)),
    jobcentres: jobcentres.map((j) => j.value),
    groups: groups.map((g) => g.value),
  };
}
