"""Known answers for the funnel limits, shrinkage, peers and Spearman persistence
(METHOD.md C, D, E), computed with numpy, independently of the TypeScript code.

    python3 scripts/benchmark-funnel-fixture.py

Reads the shipped extract data/benchmark/y30r21-2020QMAT02-2021QMAT04.jsonl (all four
periods x four benefit groups) and fixtures/benchmark/lm-input.csv (five covariates),
writes fixtures/benchmark/funnel-slices.json, funnel-peers.json and funnel-history.json.
"""
import csv
import json
import math
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRACT = os.path.join(ROOT, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl")
OUT = os.path.join(ROOT, "fixtures", "benchmark")
P = "Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: "
C = "Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: "
Q95 = 1.959964
Q998 = 3.090232


def dk(text):
    return float(str(text).replace(",", "."))


def competition_rank(values):
    """1, 2, 2, 4 on exact values, ascending."""
    v = np.asarray(values)
    return [int(np.sum(v < x)) + 1 for x in v]


def competition_rank_2dp(values):
    r = [round(x, 2) for x in values]
    # values carry 2 decimals already: compare their decimal text
    keys = [float(f"{x:.2f}") for x in values]
    return [int(sum(1 for k in keys if k < x)) + 1 for x in keys]


def funnel(actual_pct, expected_pct, expected_n):
    ratio = np.asarray(actual_pct) / np.asarray(expected_pct)
    E = np.asarray(expected_n, dtype=float)
    s2 = 1.0 / E
    z = (ratio - 1.0) / np.sqrt(s2)
    lo, hi = np.percentile(z, [10, 90])  # linear = R type 7
    zw = np.clip(z, lo, hi)
    n = len(z)
    phi = float(np.mean(zw**2))
    w = 1.0 / s2
    tau2 = max(0.0, (n * phi - (n - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    sd = np.sqrt(s2 + tau2)
    lim = {
        "lower95": 1 - Q95 * sd,
        "upper95": 1 + Q95 * sd,
        "lower998": 1 - Q998 * sd,
        "upper998": 1 + Q998 * sd,
    }

    def flag(lower, upper):
        return ["below" if r < l else "above" if r > u else "within" for r, l, u in zip(ratio, lower, upper)]

    shrunk = 1 + (ratio - 1) * tau2 / (tau2 + s2)
    shrunk_resid = np.asarray(expected_pct) * (shrunk - 1)
    return {
        "n": n,
        "phi": phi,
        "tau2": tau2,
        "ratio": ratio.tolist(),
        "z": z.tolist(),
        **{k: v.tolist() for k, v in lim.items()},
        "flag95": flag(lim["lower95"], lim["upper95"]),
        "flag998": flag(lim["lower998"], lim["upper998"]),
        "shrunk_ratio": shrunk.tolist(),
        "shrunk_rank": competition_rank(shrunk_resid),
    }


def average_ranks(x):
    x = np.asarray(x)
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x))
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and x[order[j + 1]] == x[order[i]]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a, b):
    return float(np.corrcoef(average_ranks(a), average_ranks(b))[0, 1])


def main():
    rows = [json.loads(line) for line in open(EXTRACT, encoding="utf-8")]
    slices = {}
    for r in rows:
        slices.setdefault((r["Periode"], r["Ydelsesgrupper"]), []).append(r)
    out = []
    for (period, group), rs in slices.items():
        rs = sorted(rs, key=lambda r: r["Area"])
        f = funnel(
            [dk(r[P + "Faktisk andel (pct.)"]) for r in rs],
            [dk(r[P + "Forventet andel (pct.)"]) for r in rs],
            [r[C + "Forventet antal"] for r in rs],
        )
        out.append({"period": period, "group": group, "names": [r["Area"] for r in rs], **f})
    with open(os.path.join(OUT, "funnel-slices.json"), "w", encoding="utf-8") as fh:
        json.dump({"source": "scripts/benchmark-funnel-fixture.py (numpy " + np.__version__ + ")", "q95": Q95, "q998": Q998, "slices": out}, fh, ensure_ascii=False, indent=1)

    # History: residual_pp (published difference) per period, all benefits; Spearman between consecutive periods.
    periods = sorted({r["Periode"] for r in rows})
    for group in sorted({r["Ydelsesgrupper"] for r in rows}):
        pass
    hist = []
    for group in ["Ydelsesgrupper i alt", "A-dagpenge mv."]:
        resid = {}
        for r in rows:
            if r["Ydelsesgrupper"] == group:
                resid.setdefault(r["Periode"], {})[r["Area"]] = dk(r[P + "Forskel mellem forventet og faktisk andel (pct. point)"])
        names = sorted(resid[periods[0]])
        ranks = {p: dict(zip(names, competition_rank_2dp([resid[p][n] for n in names]))) for p in periods}
        persistence = [
            {"from": a, "to": b, "spearman": spearman([resid[a][n] for n in names], [resid[b][n] for n in names])}
            for a, b in zip(periods, periods[1:])
        ]
        hist.append({"group": group, "periods": periods, "ranks": ranks, "persistence": persistence})
    with open(os.path.join(OUT, "funnel-history.json"), "w", encoding="utf-8") as fh:
        json.dump({"source": "scripts/benchmark-funnel-fixture.py", "groups": hist}, fh, ensure_ascii=False, indent=1)

    # Peers on the five covariates of lm-input.csv (income logged): z-scores with sample sd, Euclidean.
    with open(os.path.join(OUT, "lm-input.csv"), encoding="utf-8") as fh:
        data = list(csv.DictReader(fh))
    terms = ["log(income)", "education", "population_density", "immigration_share_pct", "age65_pct"]
    X = np.array(
        [[math.log(float(d["income"]))] + [float(d[t]) for t in terms[1:]] for d in data]
    )
    Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    names = [d["municipality"] for d in data]
    D = np.sqrt(((Z[:, None, :] - Z[None, :, :]) ** 2).sum(axis=2))
    K = 5
    peers = {}
    for i, name in enumerate(names):
        others = [j for j in range(len(names)) if j != i]
        # ties by position (the TS test maps names to codes and orders ties by code; no exact ties here)
        others.sort(key=lambda j: (D[i, j], j))
        peers[name] = [{"name": names[j], "distance": float(D[i, j])} for j in others[:K]]
    with open(os.path.join(OUT, "funnel-peers.json"), "w", encoding="utf-8") as fh:
        json.dump({"source": "scripts/benchmark-funnel-fixture.py", "input": "fixtures/benchmark/lm-input.csv", "terms": terms, "k": K, "peers": peers}, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
