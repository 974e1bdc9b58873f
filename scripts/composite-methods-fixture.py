#!/usr/bin/env python3
"""Independent values for the index's method choices (test/composite/methods.test.ts).

numpy (and scipy.optimize.linprog for benefit of the doubt) compute, from inputs drawn
here with a fixed seed: weighted arithmetic, geometric, harmonic and generalised means;
Copeland scores; goalposts; Excel's SKEW/KURT and COINr's outlier treatment (winsorise
while |skew| > 2 and kurtosis > 3.5, at most winmax points, else log_CT of the original);
PCA weights (squared loadings of the first eigenvector of the correlation matrix); and
benefit-of-the-doubt scores, by scipy's HiGHS and, for a small case, by enumerating every
vertex of the feasible set. Writes fixtures/composite/*.json.

Run: python3 scripts/composite-methods-fixture.py
"""
import itertools
import json
import os

import numpy as np
from scipy.optimize import linprog

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fixtures", "composite")
rng = np.random.default_rng(20240515)


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


# --- aggregation ---------------------------------------------------------------------
n, k = 12, 5
values = rng.uniform(0.2, 3.0, size=(n, k))
weights = rng.uniform(0.5, 2.0, size=k)
w = weights / weights.sum()
shift = 0.5
v = values + shift
aggregation = {
    "values": values.tolist(),
    "weights": weights.tolist(),
    "shift": shift,
    "arithmetic": (values @ w).tolist(),
    "geometric": (np.exp(np.log(v) @ w) - shift).tolist(),
    "harmonic": (1.0 / ((1.0 / v) @ w) - shift).tolist(),
    "generalised": {
        str(p): (((v**p) @ w) ** (1.0 / p) - shift).tolist() for p in (2.0, -2.0, 0.5, 3.0)
    },
}

# Copeland: a beats b when the weights of the indicators where a is better exceed those
# where b is better; with some ties in the values.
cop_values = rng.integers(0, 4, size=(9, 4)).astype(float)
cop_weights = np.array([0.4, 0.3, 0.2, 0.1])
scores = []
for a in range(len(cop_values)):
    s = 0
    for b in range(len(cop_values)):
        if a == b:
            continue
        om = cop_weights[cop_values[a] > cop_values[b]].sum() + 0.5 * cop_weights[
            cop_values[a] == cop_values[b]
        ].sum()
        s += 1 if om > 0.5 + 1e-12 else (-1 if om < 0.5 - 1e-12 else 0)
    scores.append(s)
aggregation["copeland"] = {
    "values": cop_values.tolist(),
    "weights": cop_weights.tolist(),
    "scores": scores,
}

# Goalposts: capped, scaled 0-100, reversed for lower-is-better.
gp_values = rng.uniform(0, 50, size=15)
lo, hi = 10.0, 40.0
capped = np.clip(gp_values, lo, hi)
aggregation["goalposts"] = {
    "values": gp_values.tolist(),
    "lower": lo,
    "upper": hi,
    "higher": (100 * (capped - lo) / (hi - lo)).tolist(),
    "lower_better": (100 * (hi - capped) / (hi - lo)).tolist(),
}
write("aggregation.json", aggregation)


# --- skewness, kurtosis, treatment ------------------------------------------------------
def skew(x):
    x = np.asarray(x, float)
    n = len(x)
    d = x - x.mean()
    g1 = np.sqrt(n) * (d**3).sum() / ((d**2).sum() ** 1.5)
    return g1 * np.sqrt(n * (n - 1)) / (n - 2)


def kurt(x):
    x = np.asarray(x, float)
    n = len(x)
    d = x - x.mean()
    r = n * (d**4).sum() / ((d**2).sum() ** 2)
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def flagged(x, st=2.0, kt=3.5):
    return abs(skew(x)) > st and kurt(x) > kt


def coinr_treat(x, winmax, st=2.0, kt=3.5):
    x0 = np.asarray(x, float)
    if not flagged(x0, st, kt):
        return {"method": "none", "values": x0.tolist(), "marks": [None] * len(x0)}
    y = x0.copy()
    count = 0
    while flagged(y, st, kt) and count < winmax:
        if skew(y) >= 0:
            m = y.max()
            y[y == m] = y[y != m].max()
        else:
            m = y.min()
            y[y == m] = y[y != m].min()
        count = int((y != x0).sum())
    if not flagged(y, st, kt):
        return {
            "method": "winsorised",
            "values": y.tolist(),
            "marks": ["winsorised" if c else None for c in (y != x0)],
        }
    logged = np.log(x0 - x0.min() + 0.01 * (x0.max() - x0.min()))
    return {"method": "log", "values": logged.tolist(), "marks": ["log"] * len(x0)}


samples = {
    "normal": rng.normal(10, 2, size=40),
    "two_high_outliers": np.concatenate([rng.normal(10, 1, size=40), [30.0, 45.0]]),
    "low_outliers": np.concatenate([rng.normal(50, 3, size=30), [5.0, 12.0, 15.0]]),
    "lognormal": rng.lognormal(0, 1.4, size=60),
}
treatment = []
for name, x in samples.items():
    for winmax in (1, 5):
        t = coinr_treat(x, winmax)
        treatment.append(
            {
                "name": name,
                "winmax": winmax,
                "values": x.tolist(),
                "skewness": skew(x),
                "kurtosis": kurt(x),
                "method": t["method"],
                "treated": t["values"],
                "marks": t["marks"],
            }
        )
write("treatment.json", treatment)

# --- PCA weights -------------------------------------------------------------------------
latent = rng.normal(size=(30, 1))
pca_values = latent @ rng.uniform(0.3, 1.0, size=(1, 4)) + rng.normal(scale=0.6, size=(30, 4))
corr = np.corrcoef(pca_values, rowvar=False)
eigenvalues, eigenvectors = np.linalg.eigh(corr)
first = eigenvectors[:, np.argmax(eigenvalues)]
write(
    "pca.json",
    {
        "values": pca_values.tolist(),
        "correlation": corr.tolist(),
        "eigenvalues": sorted(eigenvalues.tolist(), reverse=True),
        "weights": (first**2).tolist(),
    },
)


# --- benefit of the doubt ------------------------------------------------------------------
def bod_constraints(y, lower, upper):
    """Rows of A x <= b for the BoD programme (x >= 0 separately)."""
    n, k = y.shape
    a, b = [row for row in y], [1.0] * n
    for j in range(k):
        e = np.eye(k)[j]
        if lower > 0:
            a.append(-(e - lower))
            b.append(0.0)
        if upper < 1:
            a.append(e - upper)
            b.append(0.0)
    return np.array(a), np.array(b)


def bod_linprog(y, lower, upper):
    a, b = bod_constraints(y, lower, upper)
    out = []
    for i in range(len(y)):
        res = linprog(-y[i], A_ub=a, b_ub=b, bounds=[(0, None)] * y.shape[1], method="highs")
        assert res.status == 0
        out.append(float(-res.fun))
    return out


def bod_vertices(y, lower, upper):
    """Maximum over every vertex of {A x <= b, x >= 0}: exhaustive, no LP solver."""
    a, b = bod_constraints(y, lower, upper)
    k = y.shape[1]
    rows = [(a[r], b[r]) for r in range(len(a))] + [(-np.eye(k)[j], 0.0) for j in range(k)]
    vertices = []
    for subset in itertools.combinations(range(len(rows)), k):
        m = np.array([rows[r][0] for r in subset])
        if abs(np.linalg.det(m)) < 1e-12:
            continue
        x = np.linalg.solve(m, np.array([rows[r][1] for r in subset]))
        if (x >= -1e-12).all() and (a @ x <= b + 1e-12).all():
            vertices.append(x)
    return [float(max(y[i] @ x for x in vertices)) for i in range(len(y))]


bod_large = rng.uniform(0, 100, size=(25, 5))
bod_small = np.array(
    [[80.0, 20.0, 50.0], [30.0, 90.0, 40.0], [60.0, 60.0, 60.0], [10.0, 30.0, 95.0], [45.0, 5.0, 20.0]]
)
cases = []
for name, y, lower, upper in (
    ("large_bounded", bod_large, 0.1, 0.4),
    ("large_free", bod_large, 0.0, 1.0),
    ("small_bounded", bod_small, 0.2, 0.5),
):
    case = {"name": name, "values": y.tolist(), "lower": lower, "upper": upper}
    case["linprog"] = bod_linprog(y, lower, upper)
    if len(y) <= 5:
        case["vertices"] = bod_vertices(y, lower, upper)
    cases.append(case)
write("bod.json", cases)
print("wrote fixtures/composite/{aggregation,treatment,pca,bod}.json")
