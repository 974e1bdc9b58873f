#!/usr/bin/env python3
"""Least-squares fit time with numpy, the stand-in for R's lm where R is not installed
(bench/run.mjs says which it used): the same formula on the same file as bench/fit.R and
bench/fit.mjs, timed over enough repetitions to measure, median of 5. Prints one JSON line.

- `fit_ms`: the fit as lm() does it: QR of the design (numpy.linalg.qr, LAPACK), the
  coefficients, fitted values and residuals;
- `lstsq_ms`: coefficients only, numpy.linalg.lstsq (LAPACK gelsd).

    python3 bench/fit.py FILE.csv
"""
import csv
import json
import math
import sys
import time

import numpy as np


def main(path):
    started = time.perf_counter()
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    read_ms = (time.perf_counter() - started) * 1000
    column = lambda name: np.array([float(r[name]) for r in rows])
    y = column("actual_share_pct")
    x = np.column_stack(
        [
            np.ones(len(y)),
            column("income"),
            column("education"),
            np.log(column("population_density")),
            column("immigration_share_pct"),
        ]
    )

    def fit():
        q, r = np.linalg.qr(x)
        beta = np.linalg.solve(r, q.T @ y)
        fitted = x @ beta
        return beta, fitted, y - fitted

    def lstsq():
        return np.linalg.lstsq(x, y, rcond=None)[0]

    def timed(solve):
        reps = max(1, round(200000 / len(y)))
        for _ in range(10):  # as bench/fit.mjs warms up its JIT
            solve()
        times = []
        for _ in range(5):
            t = time.perf_counter()
            for _ in range(reps):
                solve()
            times.append((time.perf_counter() - t) / reps * 1000)
        return sorted(times)[2]

    beta = fit()[0]
    print(
        json.dumps(
            {
                "language": "numpy",
                "version": np.__version__,
                "n": len(y),
                "read_ms": read_ms,
                "fit_ms": timed(fit),
                "lstsq_ms": timed(lstsq),
                "coefficients": [float(b) for b in beta],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
