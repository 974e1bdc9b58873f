"""Independent truth for the FH-style index on fixtures/index/fh-small.csv.

Computes, with numpy and nothing from the TypeScript code, METHOD.md A's default scoring:
counts summed over each unit's municipalities (ratio of sums), the five indicators,
z = d * (x - mean) / sd with the sample sd (ddof=1), score = weighted mean with equal
weights 1/5, competition ranking by score (highest first). Both units: jobcentre (with the
mapping of each quarter written out below, from METHOD.md A: Vallensbæk-Ishøj until the
end of 2021) and municipality.

Run: python3 scripts/index-fixture.py  ->  fixtures/index/fh-small.truth.json
"""
import csv
import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "fixtures" / "index" / "fh-small.csv"
OUT = ROOT / "fixtures" / "index" / "fh-small.truth.json"

NAMES = {
    "561": "Esbjerg", "563": "Fanø", "813": "Frederikshavn", "825": "Læsø",
    "187": "Vallensbæk", "183": "Ishøj", "530": "Billund", "751": "Aarhus",
}
CODE_OF = {name: code for code, name in NAMES.items()}

# Jobcentres per quarter (lead municipality first), written out by hand.
JOBCENTRES = {
    "2021K4": [["561", "563"], ["813", "825"], ["187", "183"], ["530"], ["751"]],
    "2022K1": [["561", "563"], ["813", "825"], ["187"], ["183"], ["530"], ["751"]],
}

# (id, direction, numerator/denominator pairs combined as a - b, scale)
INDICATORS = [
    ("upskilling_share", +1),
    ("sickness_duration", -1),
    ("nonwestern_excess_unemployment", -1),
    ("activation_rate", +1),
    ("unemployment_duration", -1),
]


def indicator_values(c):
    """c: dict of summed counts. Scale applied last: 100 * (ratio), as METHOD.md writes it."""
    return {
        "upskilling_share": 100 * (c["activation_education_fte"] / c["activation_fte"]),
        "sickness_duration": c["sickness_spell_weeks"] / c["sickness_spells_ended"],
        "nonwestern_excess_unemployment": 100 * (
            c["nonwestern_unemployed"] / c["nonwestern_labour_force"]
            - c["danish_origin_unemployed"] / c["danish_origin_labour_force"]
        ),
        "activation_rate": 100 * (c["activation_fte"] / c["gross_unemployed_fte"]),
        "unemployment_duration": c["unemployment_spell_weeks"] / c["unemployment_spells_ended"],
    }


def canonical_period(text):
    text = text.strip().upper().replace("-", "")
    return text.replace("Q", "K")


def read_rows():
    rows = {}
    with open(SRC, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            m = r["municipality"].strip()
            code = m if m in NAMES else CODE_OF[m]
            period = canonical_period(r["period"])
            counts = {k: float(v) for k, v in r.items() if k not in ("municipality", "period")}
            rows[(code, period)] = counts
    return rows


def competition_rank(scores):
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=int)
    for pos, i in enumerate(order):
        ranks[i] = 1 + int(np.sum(scores > scores[i]))
    return ranks


def score_units(units, rows, period):
    summed = []
    for members in units:
        c = {}
        for code in members:
            for k, v in rows[(code, period)].items():
                c[k] = c.get(k, 0.0) + v
        summed.append(c)
    values = np.array([[indicator_values(c)[i] for i, _ in INDICATORS] for c in summed])
    d = np.array([dirn for _, dirn in INDICATORS], dtype=float)
    z = d * (values - values.mean(axis=0)) / values.std(axis=0, ddof=1)
    w = np.full(len(INDICATORS), 1 / len(INDICATORS))
    scores = z @ w
    ranks = competition_rank(scores)
    out = []
    for k, members in enumerate(units):
        out.append({
            "id": "-".join(members),
            "municipalities": members,
            "score": float(scores[k]),
            "rank": int(ranks[k]),
            "indicators": {
                iid: {"value": float(values[k, j]), "normalised": float(z[k, j])}
                for j, (iid, _) in enumerate(INDICATORS)
            },
        })
    return sorted(out, key=lambda r: (r["rank"], r["id"]))


def main():
    rows = read_rows()
    truth = {"source": "scripts/index-fixture.py", "input": "fixtures/index/fh-small.csv",
             "jobcentre": {}, "municipality": {}}
    for period, units in JOBCENTRES.items():
        truth["jobcentre"][period] = score_units(units, rows, period)
        truth["municipality"][period] = score_units([[c] for c in NAMES], rows, period)
    OUT.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
