/**
 * Opens rendered reports in a real headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core) and checks what a reader would see: no errors, a drawn map of the 98
 * municipalities, the bar chart. Leaves test-artifacts/report.{html,png} to look at.
 * Without Chromium the test is skipped locally and fails on CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../../src/report/html.js";
import { benchmarkDoc, indexDoc } from "./documents.js";

/** Debian's package path; CHROMIUM_PATH points elsewhere (another distribution, macOS). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: install Debian's chromium package on CI`);
}
if (!available) {
  console.warn(`skipping browser tests: ${CHROMIUM} not found (apt-get install chromium)`);
}

interface PageReport {
  errors: string[];
  paths: Array<{ code: string | null; width: number; height: number }>;
  bars: number;
  barRects: number;
}

/**
 * Runs in the page. A string, because the project's TypeScript has no DOM lib; one round
 * trip instead of one per element keeps the test fast.
 */
const MEASURE = `(() => {
  const size = (el) => { const r = el.getBoundingClientRect(); return { width: r.width, height: r.height }; };
  const all = (selector) => [...document.querySelectorAll(selector)];
  return JSON.stringify({
    paths: all("svg.map path[data-code]").map((p) => ({ code: p.getAttribute("data-code"), ...size(p) })),
    bars: all("svg.bars .bar-row").length,
    barRects: all("svg.bars .bar-row rect:not(.band)").filter((r) => size(r).width > 0).length,
  });
})()`;

describe.skipIf(!available)("HTML report in Chromium", () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobindex-html-"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
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
      // launch() already gives each run a fresh temporary profile.
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string, screenshot?: string): Promise<PageReport> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    // Any request beyond the file itself would be a leak of the self-contained promise.
    page.on("request", (r) => {
      if (r.url() !== pathToFileURL(file).href) errors.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const report = JSON.parse(await page.evaluate<string>(MEASURE)) as Omit<PageReport, "errors">;
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
    await page.close();
    return { errors, ...report };
  }

  it("shows the benchmark map, bars and charts without errors", async () => {
    mkdirSync("test-artifacts", { recursive: true });
    const html = renderHtml(benchmarkDoc(true));
    writeFileSync("test-artifacts/report.html", html);
    const report = await open("benchmark", html, "test-artifacts/report.png");
    expect(report.errors).toEqual([]);
    expect(report.paths).toHaveLength(98);
    expect(new Set(report.paths.map((p) => p.code)).size).toBe(98);
    for (const p of report.paths) {
      expect(p.width, `municipality ${p.code}`).toBeGreaterThan(0);
      expect(p.height, `municipality ${p.code}`).toBeGreaterThan(0);
    }
    expect(report.bars).toBe(98);
    expect(report.barRects).toBe(98);
    expect(existsSync("test-artifacts/report.png")).toBe(true);
  });

  it("shows the jobcentre index with its shared jobcentre", async () => {
    const report = await open("index", renderHtml(indexDoc(false)));
    expect(report.errors).toEqual([]);
    expect(report.paths).toHaveLength(98);
    expect(report.paths.every((p) => p.width > 0 && p.height > 0)).toBe(true);
    expect(report.bars).toBe(97);
  });
});
