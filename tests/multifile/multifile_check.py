#!/usr/bin/env python3
"""Runs viewcheck on every multi-file test project (tests/multifile/NN_name/, each a small real
CMake project) and compares its SARIF results with the `// expect:` markers (rules.md) of all
the project's sources and headers.

Each project is copied to a temporary directory and configured there with
-DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DNDA_INCLUDE_DIR=<runtime/include>, so viewcheck reads the
compile database CMake writes (`viewcheck -q -f sarif --fail-on none -p BUILD`). Every result
that is not suppressed is keyed by (project, file basename, ruleId, region.startLine) and
compared with the markers. Prints a per-rule precision/recall table and every mismatch; known
gaps (--known-gaps, one `NN_name/FILE:LINE: missed|unexpected RULE` per line, `#` comments) are
reported but do not fail, while a known gap that no longer happens does. Exits 1 on any other
mismatch.

    multifile_check.py --viewcheck BIN --include DIR [--cmake CMAKE] [--models DIR]
                       [--known-gaps FILE] [--projects DIR] [-j N] [--keep] [NAME ...]
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from expect_markers import load_known, markers, report, tally  # noqa: E402


HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SOURCE_EXT = (".c", ".h")


def sources(project):
    """The project's C sources and headers, relative to the project directory."""
    out = []
    for root, dirs, files in os.walk(project):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "build")))
        for name in sorted(files):
            if name.endswith(SOURCE_EXT):
                out.append(os.path.relpath(os.path.join(root, name), project))
    return out


def expected(project):
    """{(basename, rule, line)} from the markers of every source and header of a project."""
    marks = set()
    names = [os.path.basename(p) for p in sources(project)]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise RuntimeError(f"file names must be unique in a project (results are matched by "
                           f"basename): {', '.join(dup)}")
    for rel in sources(project):
        for rule, line in markers(os.path.join(project, rel)):
            marks.add((os.path.basename(rel), rule, line))
    return marks


def result_file(run, result):
    """The path of a SARIF result's primary location, with its uriBaseId resolved."""
    art = result["locations"][0]["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    base = art.get("uriBaseId")
    if base:
        prefix = run.get("originalUriBaseIds", {}).get(base, {}).get("uri", "")
        uri = prefix.rstrip("/") + "/" + uri if prefix else uri
    if uri.startswith("file://"):
        uri = uri[len("file://"):]
    return uri


def analyze(args, name):
    """Configures one project in a temporary directory and runs viewcheck on its database.
    Returns (found, error): found is {(basename, rule, line)}; error is a one-line reason when
    the project could not be configured or analyzed (reported as a mismatch)."""
    tmp = tempfile.mkdtemp(prefix=f"viewcheck-mf-{name}-")
    try:
        src = os.path.join(tmp, name)
        build = os.path.join(tmp, "build")
        shutil.copytree(os.path.join(args.projects, name), src)
        cfg = subprocess.run([args.cmake, "-S", src, "-B", build,
                              "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                              "-DNDA_INCLUDE_DIR=" + args.include],
                             capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if cfg.returncode != 0:
            tail = (cfg.stderr or cfg.stdout).strip().splitlines()[-3:]
            return set(), f"cmake exited {cfg.returncode}: {' | '.join(tail)}"
        env = dict(os.environ, VIEWCHECK_MODELS_DIR=args.models)
        try:
            proc = subprocess.run([args.viewcheck, "-q", "-f", "sarif", "--fail-on", "none",
                                   "-p", build], capture_output=True, text=True, env=env,
                                  stdin=subprocess.DEVNULL, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            return set(), f"viewcheck timed out after {args.timeout} s"
        except OSError as e:
            return set(), f"viewcheck could not be run ({e.strerror})"
        if proc.returncode not in (0, 1):
            msg = " | ".join(proc.stderr.strip().splitlines()[-3:])
            return set(), f"viewcheck exited {proc.returncode}: {msg}"
        try:
            doc = json.loads(proc.stdout)
        except json.JSONDecodeError as e:
            return set(), f"viewcheck wrote no valid SARIF ({e})"
        found = set()
        for run in doc.get("runs", []):
            for result in run.get("results", []):
                if result.get("suppressions"):
                    continue
                region = result["locations"][0]["physicalLocation"]["region"]
                found.add((os.path.basename(result_file(run, result)), result["ruleId"],
                           region["startLine"]))
        return found, None
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True, help="the directory holding nda.h")
    ap.add_argument("--cmake", default="cmake")
    ap.add_argument("--models", default=os.path.join(REPO, "rules", "models"),
                    help="VIEWCHECK_MODELS_DIR for the runs (default: the repository's)")
    ap.add_argument("--projects", default=HERE, help="the directory holding the projects")
    ap.add_argument("--known-gaps")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=120, help="seconds per viewcheck run")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories")
    ap.add_argument("names", nargs="*", help="only these projects (default: all)")
    args = ap.parse_args()
    args.viewcheck = os.path.abspath(args.viewcheck)
    args.include = os.path.abspath(args.include)
    args.models = os.path.abspath(args.models)

    known = load_known(args.known_gaps)
    projects = sorted(d for d in os.listdir(args.projects)
                      if os.path.isfile(os.path.join(args.projects, d, "CMakeLists.txt")))
    if args.names:
        missing = sorted(set(args.names) - set(projects))
        if missing:
            print(f"no such project: {', '.join(missing)}", file=sys.stderr)
            return 2
        projects = [p for p in projects if p in args.names]
        known = {k for k in known if k.split("/", 1)[0] in args.names}

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = dict(zip(projects, pool.map(lambda p: analyze(args, p), projects)))

    stats = {}
    mismatches = []
    for name in projects:
        want = expected(os.path.join(args.projects, name))
        got, error = runs[name]
        if error:
            mismatches.append(f"{name}: {error}")
        tally(stats, mismatches, want, got, lambda key, name=name: f"{name}/{key[0]}")
    elapsed = time.monotonic() - start

    new, gaps, fixed = report(stats, mismatches, known)
    print(f"multifile: {len(projects)} projects, {len(new)} mismatches, {len(gaps)} known gaps, "
          f"{elapsed:.2f} s")
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
