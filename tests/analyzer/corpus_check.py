#!/usr/bin/env python3
"""Runs viewcheck on every corpus program and compares its SARIF results with the
`// expect:` markers (rules.md): each result's ruleId and region.startLine against the ids
expected on that line. Prints a per-rule precision/recall table; exits 1 on any mismatch."""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from expect_markers import load_known, markers, report, tally  # noqa: E402


def analyze(viewcheck, path, include):
    cmd = [viewcheck, "-q", "--format", "sarif", "--fail-on", "none", path, "--",
           "-std=c11", "-I" + include]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{path}: viewcheck exited {proc.returncode}: {proc.stderr.strip()}")
    sarif = json.loads(proc.stdout)
    found = set()
    for result in sarif["runs"][0]["results"]:
        if result.get("suppressions"):
            continue
        region = result["locations"][0]["physicalLocation"]["region"]
        found.add((result["ruleId"], region["startLine"]))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--known-gaps")
    args = ap.parse_args()
    known = load_known(args.known_gaps)
    files = sorted(f for f in os.listdir(args.corpus) if f.endswith(".c"))
    stats = {}
    mismatches = []
    start = time.monotonic()
    for name in files:
        path = os.path.join(args.corpus, name)
        want, got = markers(path), analyze(args.viewcheck, path, args.include)
        tally(stats, mismatches, want, got, lambda key, name=name: name)
    elapsed = time.monotonic() - start
    new, gaps, fixed = report(stats, mismatches, known)
    print(f"corpus: {len(files)} programs, {len(new)} mismatches, {len(gaps)} known gaps, "
          f"{elapsed:.2f} s")
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
