"""Independent truth for `jobindex audit` (METHOD.md F), computed with numpy and scipy.

Nothing here comes from the TypeScript audit: the raw indicator values of each quarter are
taken from `jobindex index --format json` (the index's own, tested elsewhere against
scripts/index-fixture.py), and everything after that is computed here from the raw values
and the method profile's directions and weights:

- statistics.json
  * "matrix": a seeded synthetic matrix (a lognormal, hence skewed, column; a column that
    nearly copies another; one pulling against it) with its statistics (scipy's skew and
    kurtosis with bias=False, i.e. Excel's SKEW and KURT), Pearson correlations
    (np.corrcoef), Cronbach's alpha, PCA variance shares (np.linalg.eigvalsh) and
    leave-one-out ranks under the arithmetic and the geometric mean (shift 4);
  * "demo": the same for the shipped demo data (fh, 2024K4) and the open profile on its
    shipped data (latest quarter, impute-mean: imputed values are left out of the
    statistics and stand in as the mean of the measured values elsewhere);
- sobol-ishigami.json: a seeded Saltelli design (A, B: N x 3 uniform on [0, 1)) for the
  Ishigami function on [-pi, pi]^3 (a = 7, b = 0.1), the Saltelli (2010) first-order and
  Jansen total-order estimates on it (SALib's formulas), and three bootstrap resamples of
  its rows with their estimates; plus the exact analytic indices;
- rank-shift.json: the mean absolute rank shift of the fh demo ranking (2024K4) at seeded
  points u of the Sobol model (z-score or min-max, arithmetic or geometric mean with
  shift 4, each weight w (1 + 0.5 (2u - 1))), computed here.

Run (after `npm run build`): python3 scripts/audit-fixture.py  ->  fixtures/audit/*.json
"""
import json
import math
import pathlib
import subprocess

import numpy as np
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "audit"


def write(name, data):
    (OUT / name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def describe(x):
    x = np.asarray(x, dtype=float)
    skew = float(stats.skew(x, bias=False))
    kurt = float(stats.kurtosis(x, fisher=True, bias=False))
    return {
        "n": int(len(x)),
        "mean": float(np.mean(x)),
        "sd": float(np.std(x, ddof=1)),
        "skewness": skew,
        "kurtosis": kurt,
        "min": float(np.min(x)),
        "max": float(np.max(x)),
        "outlier_flag": bool(abs(skew) > 2 and kurt > 3.5),
    }


def competition_ranks(scores):
    """Highest first; equal scores (to 10 decimals) share the best rank."""
    keys = [round(s, 10) for s in scores]
    return [1 + sum(1 for other in keys if other > k) for k in keys]


def aggregate(z, weights, aggregation):
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    if aggregation == "arithmetic":
        return z @ w
    return np.exp(np.log(z + 4.0) @ w) - 4.0


def leave_one_out(z, weights, aggregation):
    reference = competition_ranks(list(aggregate(z, weights, aggregation)))
    out = []
    for j in range(z.shape[1]):
        keep = [i for i in range(z.shape[1]) if i != j]
        ranks = competition_ranks(list(aggregate(z[:, keep], [weights[i] for i in keep], aggregation)))
        out.append({
            "mean_abs_rank_change": float(np.mean(np.abs(np.array(ranks) - np.array(reference)))),
            "ranks": ranks,
        })
    return reference, out


def structure(z):
    k = z.shape[1]
    corr = np.corrcoef(z, rowvar=False)
    variances = z.var(axis=0, ddof=1).sum()
    total = z.sum(axis=1).var(ddof=1)
    alpha = k / (k - 1) * (1 - variances / total)
    eig = np.sort(np.linalg.eigvalsh(corr))[::-1]
    return {
        "correlation": corr.tolist(),
        "cronbach_alpha": float(alpha),
        "variance_share": (eig / k).tolist(),
    }


def zscores(x, better):
    d = 1.0 if better == "higher" else -1.0
    return d * (x - x.mean()) / x.std(ddof=1)


def matrix_case():
    rng = np.random.default_rng(20240601)
    n = 40
    a = rng.normal(10, 2, n)
    skewed = rng.lognormal(0, 1.2, n)
    copy = a + rng.normal(0, 0.3, n)
    against = -a + rng.normal(0, 3, n)
    other = rng.normal(0, 1, n)
    raw = np.column_stack([a, skewed, copy, against, other])
    better = ["higher", "higher", "higher", "higher", "lower"]
    weights = [0.3, 0.1, 0.2, 0.25, 0.15]
    z = np.column_stack([zscores(raw[:, j], better[j]) for j in range(raw.shape[1])])
    case = {
        "raw": raw.tolist(),
        "better": better,
        "weights": weights,
        "normalised": z.tolist(),
        "indicators": [describe(raw[:, j]) for j in range(raw.shape[1])],
        **structure(z),
    }
    for aggregation in ["arithmetic", "geometric"]:
        reference, loo = leave_one_out(z, weights, aggregation)
        case[f"reference_ranks_{aggregation}"] = reference
        case[f"leave_one_out_{aggregation}"] = loo
    return case


def index_json(method, period=None):
    args = ["node", str(ROOT / "bin" / "jobindex.js"), "index", "--method", method, "--format", "json"]
    if period is not None:
        args += ["--period", period]
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def demo_case(method, period=None):
    doc = index_json(method, period)
    profile = json.loads((ROOT / "data" / "methods" / f"{method}.json").read_text(encoding="utf-8"))
    ids = [i["id"] for i in profile["indicators"]]
    better = [i["better"] for i in profile["indicators"]]
    weights = [profile["weights"][i] for i in ids]
    units = [r["id"] for r in doc["results"]]
    # Measured values only; imputed cells (the mean of the measured) are rebuilt here.
    measured = [[None if r["indicators"][i].get("imputed") else r["indicators"][i]["value"] for i in ids]
                for r in doc["results"]]
    columns = []
    indicators = []
    for j, _ in enumerate(ids):
        present = np.array([row[j] for row in measured if row[j] is not None], dtype=float)
        indicators.append(describe(present))
        filled = np.array([present.mean() if row[j] is None else row[j] for row in measured], dtype=float)
        columns.append(zscores(filled, better[j]))
    z = np.column_stack(columns)
    reference, loo = leave_one_out(z, weights, "arithmetic")
    return {
        "method": method,
        "period": doc["period"],
        "units": units,
        "measured": measured,
        "reference_ranks": reference,
        "indicators": [{"id": i, **s, "imputed": sum(1 for row in measured if row[j] is None)}
                       for j, (i, s) in enumerate(zip(ids, indicators))],
        **structure(z),
        "leave_one_out": [{"indicator": i, **l} for i, l in zip(ids, loo)],
    }


def ishigami(x):
    a, b = 7.0, 0.1
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def sobol(y_a, y_b, y_ab):
    variance = np.var(np.r_[y_a, y_b])
    first = [float(np.mean(y_b * (y - y_a)) / variance) for y in y_ab]
    total = [float(0.5 * np.mean((y_a - y) ** 2) / variance) for y in y_ab]
    return first, total


def ishigami_case():
    rng = np.random.default_rng(7)
    n, d = 1000, 3
    a = rng.random((n, d))
    b = rng.random((n, d))
    f = lambda u: ishigami(-math.pi + 2 * math.pi * u)
    y_a, y_b = f(a), f(b)
    y_ab = []
    for i in range(d):
        ab = a.copy()
        ab[:, i] = b[:, i]
        y_ab.append(f(ab))
    first, total = sobol(y_a, y_b, y_ab)
    resamples = []
    for _ in range(3):
        rows = rng.integers(0, n, n)
        f1, t1 = sobol(y_a[rows], y_b[rows], [y[rows] for y in y_ab])
        resamples.append({"rows": rows.tolist(), "first_order": f1, "total_order": t1})
    # Exact indices (Saltelli et al. 2008, Global Sensitivity Analysis, ch. 4; a = 7, b = 0.1).
    aa, bb = 7.0, 0.1
    v1 = 0.5 * (1 + bb * math.pi ** 4 / 5) ** 2
    v2 = aa ** 2 / 8
    v13 = bb ** 2 * math.pi ** 8 * (1 / 18 - 1 / 50)
    v = v1 + v2 + v13
    return {
        "n": n,
        "a": a.tolist(),
        "b": b.tolist(),
        "first_order": first,
        "total_order": total,
        "resamples": resamples,
        "exact": {
            "first_order": [v1 / v, v2 / v, 0.0],
            "total_order": [(v1 + v13) / v, v2 / v, v13 / v],
        },
    }


def minmax(x, better):
    lo, hi = x.min(), x.max()
    return 100 * (x - lo) / (hi - lo) if better == "higher" else 100 * (hi - x) / (hi - lo)


def rank_shift_case():
    doc = index_json("fh", "2024K4")
    profile = json.loads((ROOT / "data" / "methods" / "fh.json").read_text(encoding="utf-8"))
    ids = [i["id"] for i in profile["indicators"]]
    better = [i["better"] for i in profile["indicators"]]
    base = np.array([profile["weights"][i] for i in ids])
    raw = np.array([[r["indicators"][i]["value"] for i in ids] for r in doc["results"]])
    reference = np.array(competition_ranks(list(
        np.column_stack([zscores(raw[:, j], better[j]) for j in range(len(ids))]) @ (base / base.sum()))))
    normalised = {
        0: np.column_stack([zscores(raw[:, j], better[j]) for j in range(len(ids))]),
        1: np.column_stack([minmax(raw[:, j], better[j]) for j in range(len(ids))]),
    }
    levels = len(profile["alternatives"]["normalisations"])
    rng = np.random.default_rng(11)
    points = []
    for _ in range(24):
        u = rng.random(2 + len(ids))
        u[0] = u[0] * 2 / levels  # level 0 (z-score) or 1 (min-max) of six
        level = int(math.floor(u[0] * levels))
        geometric = u[1] >= 0.5
        w = base * (1 + 0.5 * (2 * u[2:] - 1))
        z = normalised[level]
        scores = aggregate(z, w, "geometric" if geometric else "arithmetic")
        ranks = np.array(competition_ranks(list(scores)))
        points.append({"u": u.tolist(), "rank_shift": float(np.mean(np.abs(ranks - reference)))})
    return {"method": "fh", "period": "2024K4", "points": points}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write("statistics.json", {
        "matrix": matrix_case(),
        "demo": [demo_case("fh", "2024K4"), demo_case("open")],
    })
    write("sobol-ishigami.json", ishigami_case())
    write("rank-shift.json", rank_shift_case())


if __name__ == "__main__":
    main()
