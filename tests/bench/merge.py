#!/usr/bin/env python3
"""merge.py ROWS SAMPLES: one CSV row per figure from runs made in rounds.

make bench measures the tag switch in rounds, every WM in turn in each, so a
drift of the machine's speed during the run touches every WM alike. ROWS
holds ctbench's rows of every round, SAMPLES each repetition's value
(ctbench --samples: wm,scenario,n,value). The merged row has the quantiles
of all the repetitions (the same interpolation as ctbench), their count,
the per-operation costs averaged over the rounds by repetitions, and each
distinct note once. A round that was skipped is said in the note; a figure
every round skipped stays a skip. Prints the rows, without a header."""

import csv
import sys
from collections import defaultdict


def quantile(v, q):
    """Linear interpolation between closest ranks, as ctbench's."""
    pos = q * (len(v) - 1)
    i = int(pos)
    if i + 1 >= len(v):
        return v[-1]
    return v[i] + (pos - i) * (v[i + 1] - v[i])


def merged(rows, values):
    done = [r for r in rows if r[6] not in ("", "0")]
    skipped = [r for r in rows if r[6] in ("", "0")]
    notes = []
    for r in rows:
        if r[11] and r[11] not in notes:
            notes.append(r[11])
    if not done or not values:
        return rows[0][:11] + ["; ".join(notes)]
    if skipped:
        notes.insert(0, f"{len(skipped)} of {len(rows)} rounds not measured")
    v = sorted(values)
    weight = [int(r[6]) for r in done]

    def mean(col, digits):
        total = sum(float(r[col] or 0) * w for r, w in zip(done, weight))
        return f"{total / sum(weight):.{digits}f}"
    return [done[0][0], done[0][1], done[0][2],
            f"{quantile(v, 0.5):.4f}", f"{quantile(v, 0.1):.4f}",
            f"{quantile(v, 0.9):.4f}", str(len(v)), done[0][7],
            mean(8, 4), mean(9, 1), mean(10, 4), "; ".join(notes)]


def main(rows_path, samples_path):
    groups = defaultdict(list)
    with open(rows_path, newline="") as f:
        for r in csv.reader(f):
            if len(r) >= 12:
                groups[tuple(r[:3])].append(r)
    values = defaultdict(list)
    try:
        with open(samples_path, newline="") as f:
            for r in csv.reader(f):
                if len(r) == 4:
                    values[tuple(r[:3])].append(float(r[3]))
    except FileNotFoundError:
        pass
    for key, rows in groups.items():
        row = merged(rows, values[key])
        # ctbench quotes its note always; so do we.
        sys.stdout.write(",".join(row[:11]) + ',"'
                         + row[11].replace('"', '""') + '"\n')


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
