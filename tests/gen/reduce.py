#!/usr/bin/env python3
"""Reduces a program on which the checked mode and viewcheck disagree: deletes lines (and then
pairs of lines) while the disagreement stays, keeping the program compilable. The line of the
dynamic finding is followed through the deletions by a marker comment.

    reduce.py --viewcheck V --include runtime/include --library libnda_checked.a \\
        PROGRAM.c RULE LINE -o REDUCED.c
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import differential  # noqa: E402
import gen_program  # noqa: E402

MARK = "/*target*/"


def dynamic_lines(args, src, rule, work):
    """{(line, frames)} of the checked mode's findings of `rule`, or None when the candidate
    does not compile cleanly (unused names allowed: deletions leave some) or does not run."""
    exe = os.path.join(work, "p")
    if differential.build_checked(args, src, exe, warnings=("-Wno-unused",)):
        return None
    found, problem = differential.run_checked(exe, timeout=10)
    return None if problem else {(line, frames) for r, line, frames in found if r == rule}


def static_lines(args, src, rule, work):
    out = os.path.join(work, "s.sarif")
    proc = subprocess.run([args.viewcheck, "--no-cache", "--db", os.path.join(work, "s.db"),
                           "-f", "sarif", "-o", out, src, "--", "-I" + args.include],
                          capture_output=True, env=dict(os.environ, VIEWCHECK_MODELS_DIR=args.models))
    if proc.returncode not in (0, 1):
        return None  # viewcheck could not analyze it: not a reduction
    with open(out) as f:
        return {r["locations"][0]["physicalLocation"]["region"]["startLine"]
                for r in json.load(f)["runs"][0]["results"] if r["ruleId"] == rule}


def still_disagrees(args, text, rule, work):
    if MARK not in text:
        return False
    target = text[:text.index(MARK)].count("\n") + 1
    src = os.path.join(work, "r.c")
    with open(src, "w") as f:
        f.write(text)
    dyn = dynamic_lines(args, src, rule, work)
    if not dyn:
        return False
    static = static_lines(args, src, rule, work)
    if static is None:
        return False
    return any(line == target and not ({line} | set(frames)) & static for line, frames in dyn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--library", required=True)
    ap.add_argument("--models", default=os.path.join(HERE, "..", "..", "rules", "models"))
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--cflags", default="")
    ap.add_argument("program")
    ap.add_argument("rule")
    ap.add_argument("line", type=int)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    args.include, args.library = os.path.abspath(args.include), os.path.abspath(args.library)
    args.models = os.path.abspath(args.models)
    with open(args.program) as f:
        lines = f.read().split("\n")
    lines[args.line - 1] += " " + MARK
    with tempfile.TemporaryDirectory() as work:
        if not still_disagrees(args, "\n".join(lines), args.rule, work):
            sys.exit("the program does not show the disagreement")
        for width in (4, 2, 1):
            i = 0
            while i < len(lines):
                trial = lines[:i] + lines[i + width:]
                if any("NDA_LOOP" in line for line in lines[i:i + width]):
                    i += 1  # the loop markers stay: without them the checked mode sees no loop
                elif still_disagrees(args, "\n".join(trial), args.rule, work):
                    lines = trial
                else:
                    i += 1
    text = "\n".join(lines).replace(" " + MARK, " // expect: " + args.rule)
    with open(args.output, "w") as f:
        f.write(text)
    print(f"{args.output}: {len(lines)} lines")


if __name__ == "__main__":
    main()
