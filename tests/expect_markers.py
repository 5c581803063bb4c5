"""The `// expect:` markers of rules.md and the scoring both marker checks share
(tests/analyzer/corpus_check.py, tests/multifile/multifile_check.py): per-rule tp/fp/fn, the
precision/recall table, and known gaps that must not pass silently."""
import re

EXPECT = re.compile(r"expect:\s*((?:VC\d{3}\s*)+)")


def markers(path):
    """{(rule, line)} of the markers in one file."""
    marks = set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = EXPECT.search(line)
            if m:
                for rule in m.group(1).split():
                    marks.add((rule, lineno))
    return marks


def load_known(path):
    """The known gaps of a file: one mismatch per line, `#` comments."""
    if not path:
        return set()
    with open(path, encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def tally(stats, mismatches, want, got, where):
    """Counts one program's keys (..., rule, line); where(key) names its file in mismatches."""
    for key in sorted(want | got, key=lambda k: (k[:-2], k[-1], k[-2])):
        rule, line = key[-2], key[-1]
        s = stats.setdefault(rule, {"tp": 0, "fp": 0, "fn": 0})
        if key in want and key in got:
            s["tp"] += 1
        elif key in got:
            s["fp"] += 1
            mismatches.append(f"{where(key)}:{line}: unexpected {rule}")
        else:
            s["fn"] += 1
            mismatches.append(f"{where(key)}:{line}: missed {rule}")


def report(stats, mismatches, known):
    """Prints the table, the known gaps, the mismatches and the gaps that now pass; returns
    (new mismatches, known gaps that happened, known gaps that no longer happen)."""
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
    return new, gaps, fixed
