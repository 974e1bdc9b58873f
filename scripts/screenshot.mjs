#!/usr/bin/env node
/**
 * Writes docs/report.png, the README's picture of the HTML report: the real benchmark on
 * the shipped data, rendered by the built CLI and photographed at 1200 px by headless
 * Chromium. By default the picture runs from the title to the end of the charts (map, bars,
 * at a glance) and the first rows of the table: the whole page is ~5,000 px tall and over
 * 800 KB, too much for a README. --full takes the whole page. --funnel photographs only the
 * funnel plot's figure, into docs/funnel.png (the README's funnel section).
 *
 *   npm run build && node scripts/screenshot.mjs [--full | --funnel] [--chromium PATH] [--out FILE]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

/** Pixels below the charts: the heading and first rows of the results table. */
const TABLE_PEEK = 260;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    out: { type: "string" },
    full: { type: "boolean", default: false },
    funnel: { type: "boolean", default: false },
  },
});

const out = values.out ?? join(root, "docs", values.funnel ? "funnel.png" : "report.png");

if (!existsSync(join(root, "dist", "cli", "main.cjs"))) {
  throw new Error("dist/ is missing: run `npm run build` first");
}
if (!existsSync(values.chromium)) {
  throw new Error(`${values.chromium} not found: apt-get install chromium, or pass --chromium`);
}

const dir = mkdtempSync(join(tmpdir(), "jobindex-screenshot-"));
try {
  const html = join(dir, "report.html");
  execFileSync(
    process.execPath,
    [join(root, "bin", "jobindex.js"), "benchmark", "--format", "html", "--out", html],
    { stdio: "inherit" },
  );
  const browser = await chromium.launch({
    executablePath: values.chromium,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    if (values.funnel) {
      await page.locator("section.funnel figure").screenshot({ path: out });
    } else {
      const charts = await page.locator("section.charts").boundingBox();
      const clip =
        values.full || charts === null
          ? undefined
          : { x: 0, y: 0, width: 1200, height: Math.ceil(charts.y + charts.height + TABLE_PEEK) };
      await page.screenshot({ path: out, fullPage: true, ...(clip ? { clip } : {}) });
    }
  } finally {
    await browser.close();
  }
  const kb = Math.round(statSync(out).size / 1024);
  process.stdout.write(`${out}: ${kb} KB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
