#!/usr/bin/env python3
"""Fixtures of test/fetch from the shipped real Y30R21 rows (data/benchmark), standard library only.

- fixtures/fetch/y30r21-2021QMAT04.v2.json, .v3.json: the 2021QMAT04 rows in the answer shapes
  of jobindsats API v2 and v3 (/work/shared/data/api/README.md); the variable Names of v2 are
  illustrative (only the Labels are documented, and only Labels reach the output).
- fixtures/fetch/published-2021QMAT04.csv: a published-list fixture in the columns of
  data/published/star-benchmark-top-lists.csv, from STAR's own published ranks in the
  extract (`Placering på benchmarkranglisten` 1-10, all benefits) with STAR's difference in
  persons and in pct. points rounded to one decimal: independent of jobindex's ranking code.
- fixtures/fetch/published-2021QMAT04-changed.csv: the same with ranks 1 and 2 swapped.

Run: python3 scripts/make-fetch-fixtures.py
"""
import csv, json, os
from decimal import Decimal, ROUND_HALF_UP

root = os.path.join(os.path.dirname(__file__), "..")
src = os.path.join(root, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl")
out = os.path.join(root, "fixtures", "fetch")
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
rows = [r for r in rows if r["Periode"] == "2021QMAT04"]
labels = list(rows[0].keys())
names = ["area", "period", "_ygrp_y30r21"] + [f"y30r21_{i}" for i in range(1, len(labels) - 2)]
data = [[r[l] for l in labels] for r in rows]
def dump(name, value):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False)
        f.write("\n")
dump("y30r21-2021QMAT04.v2.json", [{"Variables": [{"Name": n, "Label": l} for n, l in zip(names, labels)], "Data": data}])
dump("y30r21-2021QMAT04.v3.json", {"columns": labels, "rows": data})

RANK = "Placering på benchmarkranglisten"
PERSONS = "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk antal"
PP = "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Forskel mellem forventet og faktisk andel (pct. point)"
top = sorted((r for r in rows if r["Ydelsesgrupper"] == "Ydelsesgrupper i alt" and r[RANK] <= 10), key=lambda r: r[RANK])
header = ["published","period","group","rank","municipality","actual_persons","expected_persons","residual_persons","residual_pp","potential_mio_dkk","source_url"]
def write(name, places):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for rank, r in places:
            pp = Decimal(r[PP].replace(",", ".")).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            w.writerow(["fixture", "2021QMAT04", "Ydelsesgrupper i alt", rank, r["Area"], "", "", r[PERSONS], str(pp), "", "data/benchmark/y30r21-2020QMAT02-2021QMAT04.jsonl"])
write("published-2021QMAT04.csv", [(r[RANK], r) for r in top])
write("published-2021QMAT04-changed.csv", [(2, top[0]), (1, top[1])] + [(r[RANK], r) for r in top[2:]])
