/**
 * The HTML funnel plot (src/report/svg/funnel.ts) on the shipped 2021QMAT04 list and on a
 * small hand-made funnel: one point per municipality with its name in the hover, limit
 * curves that widen as E falls and sit where 1 ± q·√(1/E + τ²) puts them (read back
 * through the chart's own axis ticks), and the same bytes from two runs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { renderHtml } from "../../src/report/html.js";
import { type FunnelData, funnelChart, logTicks } from "../../src/report/svg/funnel.js";

type Point = { x: number; y: number };

/** The points of one path's `M x y L x y …` data. */
function pathPoints(d: string): Point[] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

/** Both curves of a limit level, upper (smaller y) first: they are drawn upper, then lower. */
function curves(svg: string, cls: "limit95" | "limit998"): [Point[], Point[]] {
  const paths = [...svg.matchAll(new RegExp(`<path class="${cls}" d="([^"]+)"`, "g"))].map((m) =>
    pathPoints(m[1] as string),
  );
  expect(paths).toHaveLength(2);
  return [paths[0] as Point[], paths[1] as Point[]];
}

/** The y axis as the chart labels it: tick text → pixel, fitted from two ticks. */
function ratioAt(svg: string): (y: number) => number {
  const ticks = [
    ...svg.matchAll(
      /<text x="[\d.]+" y="([\d.]+)" class="tick" text-anchor="end">([\d.]+)<\/text>/g,
    ),
  ].map((m) => ({ y: Number(m[1]) - 4, ratio: Number(m[2]) }));
  const a = ticks[0] as { y: number; ratio: number };
  const b = ticks.at(-1) as { y: number; ratio: number };
  return (y) => a.ratio + ((y - a.y) * (b.ratio - a.ratio)) / (b.y - a.y);
}

/** The x axis: tick text (1,000) → pixel, log scale, fitted from two ticks. */
function expectedAt(svg: string): (x: number) => number {
  const ticks = [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="[\d.]+" class="tick" text-anchor="middle">([\d,]+)<\/text>/g,
    ),
  ].map((m) => ({ x: Number(m[1]), e: Number((m[2] as string).replaceAll(",", "")) }));
  const a = ticks[0] as { x: number; e: number };
  const b = ticks.at(-1) as { x: number; e: number };
  return (x) => 10 ** (Math.log10(a.e) + ((x - a.x) * Math.log10(b.e / a.e)) / (b.x - a.x));
}

/** Vertical distance between the curves at the x positions both have. */
function gaps(upper: Point[], lower: Point[]): Array<{ x: number; gap: number }> {
  const low = new Map(lower.map((p) => [p.x, p.y]));
  return upper.flatMap((p) => {
    const y = low.get(p.x);
    return y === undefined ? [] : [{ x: p.x, gap: y - p.y }];
  });
}

const small: FunnelData = {
  tau2: 0.001,
  q95: 1.959964,
  q998: 3.090232,
  points: [
    {
      id: "101",
      name: "København",
      expected: 20000,
      ratio: 1.02,
      flag95: "within",
      flag998: "within",
    },
    {
      id: "147",
      name: "Frederiksberg",
      expected: 3000,
      ratio: 0.9,
      flag95: "below",
      flag998: "within",
    },
    { id: "825", name: "Læsø", expected: 60, ratio: 1.3, flag95: "within", flag998: "within" },
    {
      id: "400",
      name: "Bornholm & <Co>",
      expected: 900,
      ratio: 1.25,
      flag95: "above",
      flag998: "above",
    },
  ],
};

describe("logTicks", () => {
  it("steps 1-2-5 from just below the smallest to just above the largest", () => {
    expect(logTicks(80, 41600)).toEqual([50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]);
    expect(logTicks(100, 1000)).toEqual([100, 200, 500, 1000]);
    expect(logTicks(3, 7)).toEqual([2, 5, 10]);
  });
});

describe("funnelChart", () => {
  const svg = funnelChart(small, { better: "lower" });

  it("draws one point per municipality, its name first in the hover", () => {
    const titles = [
      ...svg.matchAll(/<circle class="fp[^"]*" data-code="(\d+)"[^>]*><title>([^<]*)<\/title>/g),
    ];
    expect(titles.map((m) => m[1]).sort()).toEqual(["101", "147", "400", "825"]);
    expect(titles.find((m) => m[1] === "147")?.[2]).toBe(
      "Frederiksberg: ratio 0.900, 3,000 expected persons; below the 95 % limit, within the 99.8 % limit (clearly better than expected)",
    );
    expect(titles.find((m) => m[1] === "400")?.[2]).toMatch(
      /^Bornholm &amp; &lt;Co&gt;: .*above the 95 % and the 99\.8 % limits \(clearly worse/,
    );
    expect(svg).not.toContain("<Co>");
  });

  it("marks the points outside the limits, and names those outside 99.8 %", () => {
    expect(svg.match(/class="fp outside"/g)).toHaveLength(2);
    expect(svg).toContain('data-code="400" data-flag="above-above"');
    expect(svg).toMatch(/class="label bad"[^>]*>Bornholm &amp; &lt;Co&gt;<\/text>/);
    expect(svg).not.toMatch(/class="label[^"]*"[^>]*>Frederiksberg</);
  });

  it("widens the limits as E falls, the 99.8 % pair outside the 95 % pair", () => {
    for (const cls of ["limit95", "limit998"] as const) {
      const [upper, lower] = curves(svg, cls);
      const g = gaps(upper, lower);
      expect(g.length).toBeGreaterThan(10);
      for (let i = 1; i < g.length; i++) {
        expect((g[i] as { x: number }).x).toBeGreaterThan((g[i - 1] as { x: number }).x);
        expect((g[i] as { gap: number }).gap).toBeLessThanOrEqual(
          (g[i - 1] as { gap: number }).gap,
        );
      }
      expect((g[0] as { gap: number }).gap).toBeGreaterThan(
        1.5 * (g.at(-1) as { gap: number }).gap,
      );
    }
    const wide = gaps(...curves(svg, "limit998"));
    const narrow = new Map(gaps(...curves(svg, "limit95")).map((p) => [p.x, p.gap]));
    for (const p of wide) {
      const n = narrow.get(p.x);
      if (n !== undefined) expect(p.gap).toBeGreaterThan(n);
    }
  });

  it("puts the curves at 1 ± q·√(1/E + τ²), read back through the axes", () => {
    const ratio = ratioAt(svg);
    const expected = expectedAt(svg);
    for (const [cls, q] of [
      ["limit95", 1.959964],
      ["limit998", 3.090232],
    ] as const) {
      const [upper, lower] = curves(svg, cls);
      for (const [points, side] of [
        [upper, 1],
        [lower, -1],
      ] as const) {
        for (const p of [points[0], points[20], points.at(-1)] as Point[]) {
          const e = expected(p.x);
          const want = 1 + side * q * Math.sqrt(1 / e + 0.001);
          // Coordinates are rounded to 0.1 px; a tenth of ratio spans ~50 px here.
          expect(Math.abs(ratio(p.y) - want)).toBeLessThan(0.004);
        }
      }
    }
  });

  it("rings and names the emphasised units", () => {
    const ringed = funnelChart(small, { better: "lower", highlight: new Set(["101"]) });
    expect(ringed).toMatch(/data-code="101"[^>]*stroke="#1d2330"/);
    expect(ringed).toMatch(/class="label"[^>]*>København<\/text>/);
    expect(svg).not.toMatch(/>København<\/text>/);
  });
});

describe("benchmark --format html: the funnel on the shipped data", () => {
  let html = "";
  let again = "";
  let funnel: FunnelData | undefined;
  beforeAll(async () => {
    const first = await runBenchmark({ command: "benchmark" });
    const second = await runBenchmark({ command: "benchmark" });
    html = renderHtml(first.document);
    again = renderHtml(second.document);
    funnel = first.document.funnel;
  });

  it("has one point per municipality, named in its hover", () => {
    expect(funnel?.points).toHaveLength(98);
    const circles = [
      ...html.matchAll(/<circle class="fp[^"]*" data-code="(\d{3})"[^>]*><title>([^<:]*):/g),
    ];
    expect(circles).toHaveLength(98);
    expect(new Set(circles.map((m) => m[1])).size).toBe(98);
    const names = new Map(funnel?.points.map((p) => [p.id, p.name]));
    for (const m of circles) expect(m[2]).toBe(names.get(m[1] as string));
  });

  it("counts the points outside the limits in the caption as the flags say", () => {
    const outside = funnel?.points.filter((p) => p.flag95 !== "within").length;
    expect(html.match(/class="fp outside"/g)).toHaveLength(outside as number);
    expect(html).toContain(
      "Outside the 95 % limits: 5 below, 12 above; outside the 99.8 % limits: 1 below, 2 above; of 98.",
    );
    for (const name of ["Gladsaxe", "Dragør", "Tårnby"]) {
      expect(html).toMatch(new RegExp(`class="label (good|bad)"[^>]*>${name}</text>`));
    }
  });

  it("is byte-identical on two runs", () => {
    expect(again).toBe(html);
    expect(html).toContain('class="chart funnel"');
  });
});

describe("benchmark --uncertainty --format html in published mode", () => {
  it("draws the funnel draws' rank intervals as the bootstrap's are drawn", async () => {
    const { document } = await runBenchmark({ command: "benchmark", uncertainty: 200, seed: 1 });
    expect((document.json.uncertainty as { method: string }).method).toBe("funnel");
    const html = renderHtml(document);
    expect(html).toContain('class="chart intervals"');
    expect(html.match(/<g class="interval">/g)).toHaveLength(98);
    const gladsaxe = document.intervals?.find((i) => i.name === "Gladsaxe");
    expect(html).toContain(
      `<title>Gladsaxe: rank ${gladsaxe?.rank}, median ${gladsaxe?.median}, interval ${gladsaxe?.low}–${gladsaxe?.high}</title>`,
    );
  });
});
