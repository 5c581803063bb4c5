#!/usr/bin/env python3
"""The runtime judges the analyzer: generated programs run under nda's checked mode (every input
vector of gen_program.py) and analyzed by viewcheck; every dynamic finding must be matched by a
static finding of the same rule at its line (or at the call site of a helper it happened in).
Static findings that no run produced are counted per rule as candidates for imprecision.

    differential.py --viewcheck V --include runtime/include --library libnda_checked.a \\
        --count 200 [--first-seed 1] [--jobs 2] [--work DIR] [--samples N]

Exit status 0 when every dynamic finding is matched, 1 otherwise (each mismatch is printed with
its program, kept in --work)."""
import argparse
import collections
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_program  # noqa: E402

BATCH = 40  # programs per viewcheck process


def build_checked(args, src, exe, warnings=("-Wextra",)):
    """Compiles src against the checked mode; the compiler's complaint, or None."""
    cc = subprocess.run([args.cc, "-std=c11", "-Wall", *warnings, "-Werror", "-DNDA_CHECKED",
                         *shlex.split(args.cflags), "-I" + args.include, src, args.library,
                         "-lm", "-o", exe], capture_output=True, text=True)
    return (cc.stderr[:2000] or "failed") if cc.returncode else None


def run_checked(exe, timeout=20):
    """The dynamic findings of a program over every input vector, {(rule, line, frames)}, or
    (None, what went wrong)."""
    found = set()
    for vector in gen_program.input_vectors():
        sarif = exe + ".sarif"
        try:
            run = subprocess.run([exe] + [str(v) for v in vector], capture_output=True,
                                 timeout=timeout, env=dict(os.environ, NDA_CHECK_SARIF=sarif,
                                                           ASAN_OPTIONS="detect_leaks=0"))
        except subprocess.TimeoutExpired:
            return None, f"inputs {vector}: did not terminate in {timeout} s"
        if run.returncode != 0:
            return None, f"inputs {vector}: exit status {run.returncode}: " \
                         f"{run.stderr[-2000:].decode(errors='replace')}"
        with open(sarif) as f:
            for r in json.load(f)["runs"][0]["results"]:
                line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
                frames = tuple(l["physicalLocation"]["region"]["startLine"]
                               for l in r["relatedLocations"])
                found.add((r["ruleId"], line, frames))
    return found, None


def compile_and_run(args, seed, work):
    """One generated program: (source, its dynamic findings or None, what went wrong)."""
    src = os.path.join(work, f"prog{seed}.c")
    exe = os.path.join(work, f"prog{seed}")
    with open(src, "w") as f:
        f.write(gen_program.generate(seed))
    problem = build_checked(args, src, exe)
    if problem:
        return src, None, f"does not compile: {problem}"
    found, problem = run_checked(exe)
    os.remove(exe)
    return src, found, problem


def analyze(args, sources, work, k):
    """viewcheck's findings on a batch of programs: {source: {(rule, line)}}."""
    out = os.path.join(work, f"static{k}.sarif")
    db = os.path.join(work, f"static{k}.db")
    proc = subprocess.run([args.viewcheck, "--no-cache", "--db", db, "-j", "1", "-f", "sarif",
                           "-o", out, *sources, "--", "-I" + args.include],
                          capture_output=True, text=True,
                          env=dict(os.environ, VIEWCHECK_MODELS_DIR=args.models))
    if proc.returncode not in (0, 1):
        sys.exit(f"viewcheck failed ({proc.returncode}) on {sources[0]}...: {proc.stderr[-3000:]}")
    with open(out) as f:
        results = json.load(f)["runs"][0]["results"]
    static = collections.defaultdict(set)
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        path = os.path.join(work, os.path.basename(loc["artifactLocation"]["uri"]))
        static[path].add((r["ruleId"], loc["region"]["startLine"]))
    return static


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--library", required=True, help="libnda_checked.a")
    ap.add_argument("--models", default=os.path.join(HERE, "..", "..", "rules", "models"))
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--cflags", default="",
                    help="more compiler flags (the sanitizers the library was built with)")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--work", help="keep the programs here (default: a temporary directory)")
    ap.add_argument("--samples", type=int, default=5,
                    help="unmatched static findings printed per rule")
    ap.add_argument("--json", help="write the counts here")
    ap.add_argument("--known", default=os.path.join(HERE, "KNOWN_MISMATCHES"),
                    help="mismatches already reduced into the corpus and listed (seed rule "
                         "line): reported, not failures")
    args = ap.parse_args()
    args.include = os.path.abspath(args.include)
    args.library = os.path.abspath(args.library)
    args.models = os.path.abspath(args.models)
    work = args.work or tempfile.mkdtemp(prefix="viewcheck-differential-")
    os.makedirs(work, exist_ok=True)
    start = time.time()
    seeds = range(args.first_seed, args.first_seed + args.count)
    dynamic, problems = {}, []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for src, found, problem in pool.map(lambda s: compile_and_run(args, s, work), seeds):
            if problem:
                problems.append(f"{src}: {problem}")
            else:
                dynamic[src] = found
        sources = sorted(dynamic)
        batches = [sources[i:i + BATCH] for i in range(0, len(sources), BATCH)]
        static = collections.defaultdict(set)
        for part in pool.map(lambda kb: analyze(args, kb[1], work, kb[0]), enumerate(batches)):
            for path, fs in part.items():
                static[path] |= fs

    known = set()
    if os.path.exists(args.known):
        with open(args.known) as f:
            for line in f:
                fields = line.split("#", 1)[0].split()
                if len(fields) >= 3:
                    known.add((int(fields[0]), fields[1], int(fields[2])))
    known_seen = []
    per_rule = collections.Counter()
    matched = collections.Counter()
    mismatches = []
    unmatched_static = collections.defaultdict(list)
    for src in sources:
        produced = set()
        for rule, line, frames in sorted(dynamic[src]):
            per_rule[rule] += 1
            hits = [l for l in (line,) + frames if (rule, l) in static[src]]
            if hits:
                matched[rule] += 1
                produced.add((rule, hits[0]))
            elif (int(os.path.basename(src)[4:-2]), rule, line) in known:
                known_seen.append(f"{src}:{line}: {rule}")
            else:
                mismatches.append(f"{src}:{line}: {rule} (called from lines {list(frames)}) "
                                  f"not found by viewcheck")
        for rule, line in sorted(static[src] - produced):
            unmatched_static[rule].append(f"{src}:{line}")

    n_static = sum(len(static[s]) for s in sources)
    report = {
        "programs": len(sources), "runs": len(sources) * len(gen_program.input_vectors()),
        "first_seed": args.first_seed, "broken_programs": len(problems),
        "dynamic_findings": sum(per_rule.values()), "matched": sum(matched.values()),
        "mismatches": len(mismatches), "known_mismatches": len(known_seen),
        "static_findings": n_static,
        "static_without_dynamic": sum(len(v) for v in unmatched_static.values()),
        "per_rule": {r: {"dynamic": per_rule[r], "matched": matched[r],
                         "static_without_dynamic": len(unmatched_static[r])}
                     for r in sorted(set(per_rule) | set(unmatched_static))},
        "seconds": round(time.time() - start, 1),
    }
    print(f"differential: {report['programs']} programs (seeds {args.first_seed}.."
          f"{args.first_seed + args.count - 1}), {report['runs']} runs, "
          f"{report['seconds']} s")
    print(f"  dynamic findings (distinct rule, line, call sites): {report['dynamic_findings']}, "
          f"matched by viewcheck: {report['matched']}, mismatches: {report['mismatches']}, "
          f"known mismatches (tests/gen/KNOWN_MISMATCHES): {len(known_seen)}")
    print(f"  static findings: {n_static}, with no dynamic counterpart on any run: "
          f"{report['static_without_dynamic']}")
    for rule, c in report["per_rule"].items():
        print(f"    {rule}: dynamic {c['dynamic']}, matched {c['matched']}, static only "
              f"{c['static_without_dynamic']}")
    for rule in sorted(unmatched_static):
        for s in unmatched_static[rule][:args.samples]:
            print(f"    static only {rule}: {s}")
    for p in problems:
        print(f"  BROKEN PROGRAM {p}")
    for m in known_seen:
        print(f"  known mismatch {m}")
    for m in mismatches:
        print(f"  MISMATCH {m}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=1)
    if not args.work and not mismatches and not problems:
        shutil.rmtree(work, ignore_errors=True)
    elif mismatches or problems:
        print(f"  programs kept in {work}")
    return 1 if mismatches or problems else 0


if __name__ == "__main__":
    sys.exit(main())
