#!/usr/bin/env python3
"""Independent truth for `jobindex continuity` (METHOD.md H), in plain Python.

Writes fixtures/continuity/meetings.csv (a seeded, unsorted meeting log over a few
municipalities, including Esbjerg-Fanø and Vallensbæk-Ishøj across 1 January 2022,
same-day meetings whose order decides, citizens who move, units under 5 citizens) and
fixtures/continuity/expected-jobcentre.json, expected-municipality.json.

The pooling is written out here by hand from the registry's sources, not read from
data/registry, so a mistake there shows:
  Esbjerg (561) + Fanø (563) = 561-563 always; Frederikshavn (813) + Læsø (825) = 813-825;
  Vallensbæk (187) + Ishøj (183) = 187-183 until 2021-12-31, then 187 and 183 apart.

    python3 scripts/continuity-fixture.py
"""
import csv
import json
import random
from fractions import Fraction
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "continuity"
rng = random.Random(17)

# code → spellings the log uses (the reader resolves names, aliases and codes).
MUNICIPALITIES = {
    "561": ["Esbjerg", "561"],
    "563": ["Fanø", "563"],
    "187": ["Vallensbæk", "187"],
    "183": ["Ishøj", "183"],
    "530": ["Billund", "530"],
    "860": ["Hjørring", "860"],
    "751": ["Aarhus", "Århus", "751"],
    "813": ["Frederikshavn", "813"],
    "825": ["Læsø", "825"],
}
SIZE = {"561": 40, "563": 6, "187": 8, "183": 9, "530": 25, "860": 30, "751": 60, "813": 12, "825": 3}
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def jobcentre(code, year):
    if code in ("561", "563"):
        return "561-563"
    if code in ("813", "825"):
        return "813-825"
    if code in ("187", "183") and year <= 2021:
        return "187-183"
    return code


def quarter(date):
    y, m, _ = (int(x) for x in date.split("-"))
    return y, (m - 1) // 3 + 1


def random_date():
    y = rng.choice([2021, 2022])
    m = rng.randint(7, 12) if y == 2021 else rng.randint(1, 6)
    return f"{y}-{m:02d}-{rng.randint(1, DAYS[m - 1]):02d}"


rows = []  # (citizen, municipality cell, caseworker, date, code)
n = 0
for code, size in SIZE.items():
    workers = [f"PSEUDOCW{code}{k:02d}" for k in range(1, rng.randint(2, 5) + 1)]
    rate = rng.uniform(0.05, 0.6)
    for _ in range(size):
        n += 1
        citizen = f"PSEUDOCIT{n:05d}"
        home = code
        # Some citizens move between Vallensbæk and Ishøj, or Esbjerg and Fanø.
        other = {"187": "183", "183": "187", "561": "563", "563": "561"}.get(code)
        moves = other is not None and rng.random() < 0.25
        w = rng.choice(workers)
        dates = sorted(random_date() for _ in range(rng.randint(1, 7)))
        for i, d in enumerate(dates):
            if moves and i >= len(dates) // 2:
                home = other
            if rng.random() < rate:
                w = rng.choice(workers)
            rows.append([citizen, rng.choice(MUNICIPALITIES[home]), w, d, home])
            # A second meeting on the same day with another caseworker: input order decides.
            if rng.random() < 0.08:
                rows.append([citizen, rng.choice(MUNICIPALITIES[home]), rng.choice(workers), d, home])

# Shuffle by blocks, keeping same-day pairs of a citizen in their input order.
order = list(range(len(rows)))
rng.shuffle(order)
seq = {}
for pos, i in enumerate(order):
    seq[i] = pos
# Same citizen and same date: keep original relative order (stable within those ties).
groups = {}
for i, r in enumerate(rows):
    groups.setdefault((r[0], r[3]), []).append(i)
for members in groups.values():
    slots = sorted(seq[i] for i in members)
    for i, s in zip(members, slots):
        seq[i] = s
shuffled = [rows[i] for i in sorted(range(len(rows)), key=lambda i: seq[i])]

OUT.mkdir(parents=True, exist_ok=True)
with open(OUT / "meetings.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["borger", "kommune", "sagsbehandler", "dato"])
    for r in shuffled:
        w.writerow(r[:4])


def expected(unit_kind):
    by_citizen = {}
    for pos, r in enumerate(shuffled):
        by_citizen.setdefault(r[0], []).append((r[3], pos, r[2], r[4]))
    cells = {}
    for meetings in by_citizen.values():
        meetings.sort(key=lambda t: (t[0], t[1]))
        prev = None
        touched = {}
        for date, _, worker, code in meetings:
            y, q = quarter(date)
            unit = jobcentre(code, y) if unit_kind == "jobcentre" else code
            key = (unit, f"{y}K{q}")
            cell = cells.setdefault(key, {"citizens": 0, "changes": 0, "changed": 0})
            change = prev is not None and worker != prev
            if change:
                cell["changes"] += 1
            touched[key] = touched.get(key, False) or change
            prev = worker
        for key, changed in touched.items():
            cells[key]["citizens"] += 1
            cells[key]["changed"] += int(changed)
    out = []
    for (unit, period), c in sorted(cells.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if c["citizens"] < 5:
            out.append({"unit": unit, "period": period, "citizens": None, "changes": None,
                        "changes_per_100": None, "changed_share": None, "suppressed": True, "rank": None})
        else:
            out.append({"unit": unit, "period": period, "citizens": c["citizens"], "changes": c["changes"],
                        "changes_per_100": 100 * c["changes"] / c["citizens"],
                        "changed_share": c["changed"] / c["citizens"], "suppressed": False, "rank": None,
                        "_exact": Fraction(100 * c["changes"], c["citizens"])})
    for period in sorted({r["period"] for r in out}):
        shown = [r for r in out if r["period"] == period and not r["suppressed"]]
        for r in shown:
            r["rank"] = 1 + sum(1 for o in shown if o["_exact"] < r["_exact"])
    for r in out:
        r.pop("_exact", None)
    return out


for kind in ("jobcentre", "municipality"):
    with open(OUT / f"expected-{kind}.json", "w", encoding="utf-8") as f:
        json.dump(expected(kind), f, indent=1)
        f.write("\n")
print(f"{len(shuffled)} meetings, {n} citizens")
