#!/usr/bin/env node
/**
 * Writes docs/funnel.png, the README's picture of the funnel plot: the real benchmark on the
 * shipped data (2021QMAT04, all benefits), rendered by the built CLI as HTML and the funnel
 * section photographed at 1200 px by headless Chromium, as scripts/screenshot.mjs does for
 * the whole report.
 *
 *   npm run build && node scripts/screenshot-funnel.mjs [--chromium PATH] [--out FILE]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    out: { type: "string", default: join(root, "docs", "funnel.png") },
  },
});

if (!existsSync(join(root, "dist", "cli", "main.cjs"))) {
  throw new Error("dist/ is missing: run `npm run build` first");
}
if (!existsSync(values.chromium)) {
  throw new Error(`${values.chromium} not found: apt-get install chromium, or pass --chromium`);
}

const dir = mkdtempSync(join(tmpdir(), "jobindex-funnel-"));
try {
  const html = join(dir, "report.html");
  execFileSync(
    process.execPath,
    [join(root, "bin", "jobindex.js"), "benchmark", "--format", "html", "--out", html],
    { stdio: "inherit" },
  );
  const browser = await chromium.launch({
    executablePath: values.chromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    await page.locator("section.funnel figure").screenshot({ path: values.out });
  } finally {
    await browser.close();
  }
  const kb = Math.round(statSync(values.out).size / 1024);
  process.stdout.write(`${values.out}: ${kb} KB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
