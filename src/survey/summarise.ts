/**
 * Per round, unit and area: n, mean score, satisfied share with its Wilson interval,
 * suppression under `minAnswers`, competition ranks per round and area by satisfied share
 * (suppressed cells unranked), and the change since the unit's previous round. Pure.
 */
import { competitionRank } from "../rank.js";
import type { SurveyCell, SurveyOptions, SurveyResponse, SurveyUnit } from "./types.js";
import { wilsonInterval } from "./wilson.js";

interface Tally {
  n: number;
  sum: number;
  satisfied: number;
}

function cellOf(unit: SurveyUnit, round: string, area: string, t: Tally, o: SurveyOptions) {
  const suppressed = t.n < o.minAnswers;
  const interval = suppressed ? undefined : wilsonInterval(t.satisfied, t.n, o.z);
  return {
    unit: unit.id,
    name: unit.name,
    round,
    area,
    n: t.n,
    mean: suppressed ? null : t.sum / t.n,
    satisfied_share: suppressed ? null : t.satisfied / t.n,
    satisfied_low: interval?.low ?? null,
    satisfied_high: interval?.high ?? null,
    suppressed,
    rank: null,
    tied: false,
    change: null,
    rank_change: null,
  } satisfies SurveyCell as SurveyCell;
}

/**
 * `rounds` in chronological order; `unitsOf(round)` the units of that round (jobcentres
 * pool their member municipalities). A respondent whose municipality no unit covers is a
 * caller's error (the pipeline resolves municipalities first).
 */
export function summariseSurvey(
  responses: readonly SurveyResponse[],
  rounds: readonly string[],
  unitsOf: (round: string) => readonly SurveyUnit[],
  areas: readonly string[],
  options: SurveyOptions,
): SurveyCell[] {
  const out: SurveyCell[] = [];
  const previous = new Map<string, SurveyCell>();
  for (const round of rounds) {
    const units = unitsOf(round);
    const unitOf = new Map<string, SurveyUnit>();
    for (const u of units) for (const m of u.municipalities) unitOf.set(m, u);
    const tallies = new Map<string, Tally>();
    for (const r of responses) {
      if (r.round !== round) continue;
      const unit = unitOf.get(r.municipality);
      if (unit === undefined) throw new Error(`unreachable: no unit covers ${r.municipality}`);
      for (const a of r.answers) {
        const key = `${unit.id}\u0000${a.area}`;
        const t = tallies.get(key) ?? { n: 0, sum: 0, satisfied: 0 };
        t.n += 1;
        t.sum += a.score;
        if (a.score >= options.satisfiedFrom) t.satisfied += 1;
        tallies.set(key, t);
      }
    }
    const present = units.filter((u) => areas.some((a) => tallies.has(`${u.id}\u0000${a}`)));
    for (const area of areas) {
      const cells = present.map((u) =>
        cellOf(
          u,
          round,
          area,
          tallies.get(`${u.id}\u0000${area}`) ?? { n: 0, sum: 0, satisfied: 0 },
          options,
        ),
      );
      const ranked = competitionRank(
        cells.flatMap((c) =>
          c.satisfied_share === null ? [] : [{ id: c.unit, value: c.satisfied_share }],
        ),
        { order: "desc" },
      );
      const rankOf = new Map(ranked.map((r) => [r.id, r]));
      for (const c of cells) {
        const r = rankOf.get(c.unit);
        if (r !== undefined) {
          c.rank = r.rank;
          c.tied = r.tied;
        }
        const before = previous.get(`${c.unit}\u0000${area}`);
        if (before !== undefined && before.satisfied_share !== null && c.satisfied_share !== null) {
          c.change = c.satisfied_share - before.satisfied_share;
        }
        if (before?.rank != null && c.rank !== null) c.rank_change = c.rank - before.rank;
      }
      cells.sort(
        (a, b) =>
          (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
          (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
      );
      out.push(...cells);
    }
    for (const c of out) if (c.round === round) previous.set(`${c.unit}\u0000${c.area}`, c);
  }
  return out;
}
