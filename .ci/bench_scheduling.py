#!/usr/bin/env python3
"""Summary of the scheduling benchmarks (criterion medians), with the issue's goals:
the engine costs less than loading its data; cost grows no worse than linearly in
technicians; the whole path takes at most 40 ms at 50 technicians and 160 ms at 200.
A self-hosted booking app measured on this kind of machine needs 4 s and 16 s for the
same shape of data (without a travel model); the ratios to those are printed too.
Exits non-zero if a goal is missed."""
import json
import os
import sys

SIZES = [10, 50, 200]
PEER_MS = {50: 4000.0, 200: 16000.0}
GOAL_MS = {50: 40.0, 200: 160.0}


def median_ms(root, kind, n):
    path = os.path.join(root, "scheduling", kind, str(n), "new", "estimates.json")
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"] / 1e6


def main():
    root = os.path.join(os.environ["CARGO_TARGET_DIR"], "criterion")
    m = {(k, n): median_ms(root, k, n) for k in ("engine", "load", "whole_path") for n in SIZES}
    failures = []
    print("Scheduling: 14-day search, one service, 6 jobs a day per technician (medians)")
    print("%-12s %12s %12s %14s %14s" % ("technicians", "engine ms", "load ms", "whole path ms", "engine/load"))
    for n in SIZES:
        ratio = m[("engine", n)] / m[("load", n)]
        print("%-12d %12.3f %12.3f %14.3f %14.2f" % (n, m[("engine", n)], m[("load", n)], m[("whole_path", n)], ratio))
        if ratio >= 1:
            failures.append("engine costs more than loading at %d technicians" % n)
    for kind in ("engine", "whole_path"):
        growth = m[(kind, 200)] / m[(kind, 10)]
        print("%s growth from 10 to 200 technicians: x%.1f (linear would be x20)" % (kind, growth))
        if growth > 20 * 1.25:
            failures.append("%s grows worse than linearly (x%.1f)" % (kind, growth))
    for n, goal in GOAL_MS.items():
        whole = m[("whole_path", n)]
        print("whole path at %d technicians: %.1f ms (goal <= %.0f ms), %.0fx faster than the peer's %.0f s"
              % (n, whole, goal, PEER_MS[n] / whole, PEER_MS[n] / 1000))
        if whole > goal:
            failures.append("whole path at %d is %.1f ms" % (n, whole))
    if failures:
        print("Scheduling goals missed: " + "; ".join(failures))
        sys.exit(1)
    print("Scheduling goals met.")


if __name__ == "__main__":
    main()
