#!/usr/bin/env node
/**
 * Makes the SYNTHETIC demo input of the `ukraine` method profile:
 * data/demo/ukraine-synthetic-2023K1-2024K4.jsonl, in the shape `jobindex fetch jobindsats`
 * writes (one JSON object per line keyed by the table's labels: Area, Periode, then the
 * measures). 98 municipalities × 8 quarters. The counts and shares are random draws (no
 * real figure is used); the employment share rises over
 * the quarters as the national figures did (BM: 47.6 % of those available in August 2022,
 * 75 % in July 2023). Not real results for any municipality. Fixed seed.
 *
 *   node scripts/ukraine-make-demo.mjs
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32, ROOT, registryMunicipalities } from "./municipality-data.mjs";

const SEED = 20240301;
const OUT = join(ROOT, "data", "demo", "ukraine-synthetic-2023K1-2024K4.jsonl");
const EMPLOYED = "Fordrevne fra Ukraine i beskæftigelse: Antal personer";
const JOB_READY = "Jobparate fordrevne fra Ukraine: Antal personer";

const random = mulberry32(SEED);
const lines = [];
for (const m of registryMunicipalities()) {
  // About 0.3 % of a municipality's size, from a handful (Læsø) to a few thousand.
  const base = 5 + Math.floor(random() * 60 + random() * 400 * (m.code === "101" ? 10 : 1));
  const effect = (random() - 0.5) * 0.3;
  for (let i = 0; i < 8; i++) {
    const year = 2023 + Math.floor(i / 4);
    const quarter = (i % 4) + 1;
    const jobReady = Math.max(1, Math.round(base * (1 + 0.05 * (random() - 0.5))));
    const share = Math.min(1, Math.max(0.1, 0.62 + 0.025 * i + effect + 0.05 * (random() - 0.5)));
    const employed = Math.min(jobReady, Math.round(jobReady * share));
    lines.push(
      JSON.stringify({
        Area: m.name,
        Periode: `${year}Q${quarter}`,
        [EMPLOYED]: employed,
        [JOB_READY]: jobReady,
      }),
    );
  }
}
writeFileSync(OUT, `${lines.join("\n")}\n`);
