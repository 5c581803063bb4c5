#!/usr/bin/env python3
"""Runs viewcheck on every corpus program and compares its SARIF results with the
`// expect:` markers (rules.md): each result's ruleId and region.startLine against the ids
expected on that line. Prints a per-rule precision/recall table; exits 1 on any mismatch."""
import argparse
import json
import os
import re
import subprocess
import sys
import time

EXPECT = re.compile(r"expect:\s*((?:VC\d{3}\s*)+)")


def expected(path):
    marks = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = EXPECT.search(line)
            if m:
                for rule in m.group(1).split():
                    marks.add((rule, lineno))
    return marks


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
    known = set()
    if args.known_gaps:
        with open(args.known_gaps, encoding="utf-8") as f:
            known = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    files = sorted(f for f in os.listdir(args.corpus) if f.endswith(".c"))
    stats = {}
    mismatches = []
    start = time.monotonic()
    for name in files:
        path = os.path.join(args.corpus, name)
        want, got = expected(path), analyze(args.viewcheck, path, args.include)
        for rule, line in want | got:
            s = stats.setdefault(rule, {"tp": 0, "fp": 0, "fn": 0})
            if (rule, line) in want and (rule, line) in got:
                s["tp"] += 1
            elif (rule, line) in got:
                s["fp"] += 1
                mismatches.append(f"{name}:{line}: unexpected {rule}")
            else:
                s["fn"] += 1
                mismatches.append(f"{name}:{line}: missed {rule}")
    elapsed = time.monotonic() - start
    print(f"{'rule':6} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for rule in sorted(stats):
        s = stats[rule]
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        print(f"{rule:6} {s['tp']:4} {s['fp']:4} {s['fn']:4} {p:10.3f} {r:8.3f}")
    gaps = [m for m in mismatches if m in known]
    new = [m for m in mismatches if m not in known]
    fixed = sorted(known - set(mismatches))
    for m in gaps:
        print("KNOWN GAP " + m)
    for m in new:
        print("MISMATCH " + m)
    for m in fixed:
        print("FIXED (remove from the known gaps) " + m)
    print(f"corpus: {len(files)} programs, {len(new)} mismatches, {len(gaps)} known gaps, "
          f"{elapsed:.2f} s")
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
