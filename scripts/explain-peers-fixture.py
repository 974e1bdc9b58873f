"""Known answers for `jobindex explain UNIT --peers K` on the shipped data (METHOD.md D).

Independently of jobindex: reads the shipped Statistics Denmark long files (data/dst/*.csv)
for the default covariate set (data/benchmark/default-covariates.json), joins each to the
period's year as the model does (the latest year not after it, else the earliest), logs
log(...) terms, standardises each term across the 98 municipalities (sample sd), and lists
each municipality's K nearest others by Euclidean distance (ties by name; none occur).
DST's "Copenhagen" is the registry's København.

    python3 scripts/explain-peers-fixture.py   # writes fixtures/explain/peers-2021QMAT04.json
"""

import csv
import json
import os

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
YEAR = 2021
K = 5
UNITS = ["Billund", "Gladsaxe", "Læsø", "København", "Tårnby"]
# Statistics Denmark's English name for the one municipality whose registry name differs.
REGISTRY_NAME = {"Copenhagen": "København"}


def column(stem):
    by_name = {}
    with open(os.path.join(ROOT, "data", "dst", f"{stem}.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = REGISTRY_NAME.get(row["municipality"], row["municipality"])
            by_name.setdefault(name, []).append((int(row["year"]), float(row["value"])))
    out = {}
    for name, values in by_name.items():
        upto = [v for v in values if v[0] <= YEAR]
        out[name] = max(upto)[1] if upto else min(values)[1]
    return out


def main():
    with open(os.path.join(ROOT, "data", "benchmark", "default-covariates.json"), encoding="utf-8") as fh:
        terms = json.load(fh)["covariates"]
    columns = []
    names = None
    for term in terms:
        logged = term.startswith("log(")
        stem = term[4:-1] if logged else term
        values = column(stem)
        if names is None:
            names = sorted(values)
        v = np.array([values[n] for n in names])
        columns.append(np.log(v) if logged else v)
    X = np.column_stack(columns)
    assert X.shape == (98, len(terms)), X.shape
    Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    D = np.sqrt(((Z[:, None, :] - Z[None, :, :]) ** 2).sum(axis=2))
    peers = {}
    for unit in UNITS:
        i = names.index(unit)
        others = sorted((j for j in range(len(names)) if j != i), key=lambda j: (D[i, j], names[j]))
        peers[unit] = [{"name": names[j], "distance": float(D[i, j])} for j in others[:K]]
    out = os.path.join(ROOT, "fixtures", "explain", "peers-2021QMAT04.json")
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(
            {
                "source": "scripts/explain-peers-fixture.py",
                "period": "2021QMAT04",
                "year": YEAR,
                "terms": terms,
                "k": K,
                "peers": peers,
            },
            fh,
            ensure_ascii=False,
            indent=1,
        )
        fh.write("\n")


if __name__ == "__main__":
    main()
