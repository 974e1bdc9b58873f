#!/usr/bin/env python3
"""Independent truth for src/benchmark/ols.ts at a size R's fixtures do not reach:
fixtures/benchmark/lstsq-3000.json, numpy's SVD least squares (LAPACK) and scipy's
Student t on a 3,000-row design with incomes near 3e5 beside shares near 10 (the scales
of the shipped covariates). The design comes from an integer LCG whose values are exact
in both Python and JavaScript, so test/benchmark/ols.test.ts rebuilds it bit for bit.

    python3 scripts/benchmark-lstsq-fixture.py
"""
import json
from pathlib import Path

import numpy as np
from scipy import stats

N = 3000
M = 2147483647
MULTIPLIERS = [16807, 69621, 39373, 40692, 41358, 48271]


def u(i, s):
    """A value in (0, 1): two MINSTD steps in exact integers, one correctly rounded division."""
    return ((i + 1) * MULTIPLIERS[s - 1] % M * 48271 % M) / M


def design():
    rows, outcome, weights = [], [], []
    for i in range(N):
        x = [220000 + 150000 * u(i, 1), 20 + 40 * u(i, 2), 3 + 5 * u(i, 3), 3 + 25 * u(i, 4)]
        y = 14 - x[0] / 50000 - 0.05 * x[1] + 0.2 * x[2] + 0.08 * x[3] + 30 * (u(i, 5) - 0.5)
        rows.append(x)
        outcome.append(y)
        weights.append(8000 + 200000 * u(i, 6))
    return np.array(rows), np.array(outcome), np.array(weights)


def fit(x, y, w):
    n = len(y)
    design = np.column_stack([np.ones(n), x]) * np.sqrt(w)[:, None]
    k = design.shape[1]
    u_, s, vt = np.linalg.svd(design, full_matrices=False)
    beta = vt.T @ ((u_.T @ (y * np.sqrt(w))) / s)
    fitted = np.column_stack([np.ones(n), x]) @ beta
    residuals = y - fitted
    df = n - k
    rss = float(np.sum(w * residuals**2))
    sigma = (rss / df) ** 0.5
    se = sigma * np.sqrt(np.sum((vt.T / s) ** 2, axis=1))
    t = beta / se
    mean = np.sum(w * fitted) / np.sum(w)
    mss = float(np.sum(w * (fitted - mean) ** 2))
    r2 = mss / (mss + rss)
    return {
        "n": n,
        "k": k,
        "estimate": beta.tolist(),
        "std_error": se.tolist(),
        "t": t.tolist(),
        "p": (2 * stats.t.sf(np.abs(t), df)).tolist(),
        "r2": r2,
        "adj_r2": 1 - (1 - r2) * (n - 1) / df,
        "sigma": sigma,
        "leverage_first": np.sum(u_**2, axis=1)[:50].tolist(),
        "residuals_first": residuals[:50].tolist(),
    }


x, y, w = design()
truth = {
    "made_by": "scripts/benchmark-lstsq-fixture.py",
    "numpy": np.__version__,
    "ols": fit(x, y, np.ones(N)),
    "wls": fit(x, y, w / w.mean()),
}
out = Path(__file__).resolve().parent.parent / "fixtures" / "benchmark" / "lstsq-3000.json"
out.write_text(json.dumps(truth, indent=1) + "\n")
print(out)
