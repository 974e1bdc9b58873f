/**
 * `check --format junit`: JUnit XML for CI test reports. One <testsuite> for the golden,
 * one <testcase> per unit of the golden (named by code and name), a <failure> listing
 * each changed field of a unit that changed; changes outside the units (the model, the
 * document) are one more test case. Built from the check document's JSON only.
 */
import { escapeXml } from "./svg/markup.js";
import type { ReportDocument } from "./types.js";

interface CheckJson {
  golden: string;
  units?: Array<{ id: string; name: string }>;
  changes: Array<{ unit: string; field: string; old: unknown; new: unknown }>;
}

const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));

export function renderJunit(doc: ReportDocument): string {
  const check = doc.json as unknown as CheckJson;
  const units = check.units ?? [];
  const known = new Set(units.map((u) => u.id));
  const byUnit = new Map<string, CheckJson["changes"]>();
  for (const c of check.changes) byUnit.set(c.unit, [...(byUnit.get(c.unit) ?? []), c]);
  const cases = [
    ...units.map((u) => ({ id: u.id, name: u.name === "" ? u.id : `${u.id} ${u.name}` })),
    ...[...byUnit.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: id })),
  ];
  const failures = cases.filter((c) => byUnit.has(c.id)).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${escapeXml(`jobindex check ${check.golden}`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const c of cases) {
    const changes = byUnit.get(c.id);
    const open = `  <testcase classname="${escapeXml(check.golden)}" name="${escapeXml(c.name)}"`;
    if (changes === undefined) {
      lines.push(`${open}/>`);
      continue;
    }
    const text = changes.map((x) => `${x.field || "(value)"}: ${show(x.old)} → ${show(x.new)}`);
    lines.push(
      `${open}>`,
      `    <failure message="${escapeXml(`${changes.length} field(s) changed`)}" type="changed">${escapeXml(text.join("\n"))}</failure>`,
      "  </testcase>",
    );
  }
  lines.push("</testsuite>");
  return `${lines.join("\n")}\n`;
}
