#!/usr/bin/env python3
"""Independent truth for the survey (METHOD.md G), in plain Python (no jobindex code).

Writes fixtures/survey/pooling.csv (a small seeded export with Esbjerg, Fanø, Vallensbæk
and Ishøj over the rounds 2021 and 2022, a round column, respondent ids and free text)
and fixtures/survey/expected.json: per input, every cell's n, mean, satisfied share,
Wilson interval, suppression and rank, pooled by the jobcentres as the registry has them
(Esbjerg-Fanø always; Vallensbæk-Ishøj until 2021-12-31, then apart).

    python3 scripts/survey-fixture.py
"""
import csv, json, math, random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP = json.loads((ROOT / "data/survey/business-service-questions.json").read_text("utf-8"))
SCALE = MAP["scale"]
Z = 1.959964

def wilson(k, n):
    p = k / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z / d * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return max(0.0, c - h), min(1.0, c + h)

def pool(name, year):
    pooled = {"Esbjerg": "Esbjerg-Fanø", "Fanø": "Esbjerg-Fanø"}
    if year <= 2021:
        pooled.update({"Vallensbæk": "Vallensbæk-Ishøj", "Ishøj": "Vallensbæk-Ishøj"})
    return pooled.get(name, name)

def cells(path, round_of):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    tallies = {}
    for r in rows:
        rnd = round_of(r)
        unit = pool(r["kommune"], int(rnd[:4]))
        for q, area in MAP["questions"].items():
            a = r[q].strip()
            if a in SCALE:
                t = tallies.setdefault((rnd, area, unit), [])
                t.append(SCALE[a])
    out = []
    for rnd in sorted({k[0] for k in tallies}):
        units = sorted({k[2] for k in tallies if k[0] == rnd})
        for area in MAP["areas"]:
            group = []
            for u in units:
                s = tallies.get((rnd, area, u), [])
                n = len(s)
                sat = sum(1 for x in s if x >= 4)
                if n < 5:
                    group.append(dict(round=rnd, area=area, name=u, n=n, mean=None, satisfied_share=None,
                                      satisfied_low=None, satisfied_high=None, suppressed=True, rank=None))
                else:
                    lo, hi = wilson(sat, n)
                    group.append(dict(round=rnd, area=area, name=u, n=n, mean=sum(s) / n, satisfied_share=sat / n,
                                      satisfied_low=lo, satisfied_high=hi, suppressed=False, rank=None))
            shares = [g["satisfied_share"] for g in group if not g["suppressed"]]
            for g in group:
                if not g["suppressed"]:
                    g["rank"] = 1 + sum(1 for s in shares if s > g["satisfied_share"])
            out.extend(group)
    return out

def make_pooling():
    rng = random.Random(17)
    labels = list(SCALE) + ["Ved ikke", ""]
    qs = list(MAP["questions"])
    path = ROOT / "fixtures/survey/pooling.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Respondent-ID", "runde", "kommune", *qs, "Kommentar"])
        i = 0
        for rnd in ["2021", "2022"]:
            for name, n in [("Esbjerg", 9), ("Fanø", 3), ("Vallensbæk", 4 if rnd == "2021" else 2), ("Ishøj", 6), ("Billund", 7)]:
                for _ in range(n):
                    i += 1
                    w.writerow([f"PERSON-{i:04d}", rnd, name, *[rng.choice(labels) for _ in qs], f"FRITEKST-{i:04d} hemmelig"])
    return path

pooling = make_pooling()
expected = {
    "z": Z,
    "demo": cells(ROOT / "data/survey/business-service-SYNTHETIC-demo.csv", lambda r: r["dato"][:4]),
    "pooling": cells(pooling, lambda r: r["runde"]),
}
(ROOT / "fixtures/survey/expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
print("wrote fixtures/survey/pooling.csv and fixtures/survey/expected.json")
