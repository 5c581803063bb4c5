#!/usr/bin/python3
"""Differential test of the nda runtime against NumPy.

Generates random programs of the op language described in nda_model.py (from a seed), evaluates
them with NumPy, runs all of them through one process of the C driver (linked with nda), and
compares op by op and field by field: statuses, shape, strides, data offset, values, base owner,
object identity, writeable and C-contiguity flags, may_share_memory and shares_memory (exact and
with small max_work). Prints every mismatch with the program that produced it and a summary
line; exits 1 on any mismatch, 2 if the harness itself failed.

    numpy_diff.py --driver PATH [--seed S] [--count N] [--only K] [--dump FILE]

The seed defaults to $NDA_DIFF_SEED, else to DEFAULT_SEED. Program K is generated from
"<seed>:<K>" alone, so --only K replays one program of a run.
"""

import argparse
import math
import os
import random
import subprocess
import sys
import time
import warnings

import numpy as np

from nda_model import HarnessError
from program_gen import ProgramGen

DEFAULT_SEED = 20240611
DEFAULT_COUNT = 5000


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--driver", required=True, help="the numpy_diff_driver executable")
    p.add_argument("--seed", type=int, default=int(os.environ.get("NDA_DIFF_SEED", DEFAULT_SEED)))
    p.add_argument("--count", type=int, default=DEFAULT_COUNT, help="number of programs")
    p.add_argument("--only", type=int, default=None, help="run only program K of the seed")
    p.add_argument("--dump", help="write the generated programs (driver input) to this file")
    p.add_argument("--max-reports", type=int, default=20,
                   help="programs whose mismatches are printed in full")
    return p.parse_args()


class Expected:
    """One generated program: its ops and NumPy's expected results."""

    def __init__(self, index, ops, model):
        self.index = index
        self.ops = ops
        self.results = list(model.lines)
        self.vars = {name: model.var_fields(name) for name in model.order}

    def text(self):
        body = "".join(" ".join(op) + "\n" for op in self.ops)
        return "begin %d\n%send\n" % (self.index, body)


def generate(seed, indices):
    programs = []
    for k in indices:
        gen = ProgramGen(random.Random("%d:%d" % (seed, k)))
        ops = gen.program()
        programs.append(Expected(k, ops, gen.model))
    return programs


def run_driver(driver, text):
    proc = subprocess.run([driver], input=text, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise HarnessError("driver exited with status %d" % proc.returncode)
    return proc.stdout


def parse_output(out):
    """{program index: (op result lines, {var name: [(key, text)]})} from the driver output."""
    programs = {}
    current = None
    for line in out.splitlines():
        words = line.split(" ")
        if words[0] == "begin":
            current = ([], {})
            programs[int(words[1])] = current
        elif words[0] == "end":
            current = None
        elif words[0] == "var":
            current[1][words[1]] = [tuple(w.split("=", 1)) for w in words[2:]]
        else:
            current[0].append(line)
    return programs


def same_values(expected, got):
    a = [float(v) for v in expected.split(",")] if expected else []
    b = [float(v) for v in got.split(",")] if got else []
    return len(a) == len(b) and all(x == y or (math.isnan(x) and math.isnan(y))
                                    for x, y in zip(a, b))


class Comparison:
    def __init__(self, max_reports):
        self.checks = 0
        self.mismatches = 0
        self.layouts = 0
        self.reports = 0
        self.max_reports = max_reports

    def program(self, exp, got):
        problems = []
        results, variables = got if got else ([], {})
        self.compare_ops(exp, results, problems)
        self.compare_vars(exp, variables, problems)
        self.layouts += len(exp.vars)
        if problems:
            self.mismatches += len(problems)
            self.report(exp, problems)

    def compare_ops(self, exp, results, problems):
        for k, line in enumerate(exp.results):
            self.checks += 1
            have = results[k] if k < len(results) else "(missing)"
            if have != line:
                problems.append("op %d `%s`: numpy %s, nda %s" % (
                    k, " ".join(exp.ops[k]), line.split(" ", 1)[1], have.split(" ", 1)[-1]))
        if len(results) > len(exp.results):
            problems.append("nda printed %d extra op results" % (len(results) - len(exp.results)))

    def compare_vars(self, exp, variables, problems):
        for name, fields in exp.vars.items():
            have = dict(variables.get(name, []))
            for key, want in fields:
                self.checks += 1
                value = have.get(key, "(missing)")
                ok = same_values(want, value) if key == "values" and name in variables \
                    else want == value
                if not ok:
                    problems.append("var %s %s: numpy %s, nda %s" % (name, key, want, value))
        for name in variables:
            if name not in exp.vars:
                problems.append("var %s exists in nda only" % name)

    def report(self, exp, problems):
        self.reports += 1
        if self.reports > self.max_reports:
            return
        print("MISMATCH in program %d (overlap queries shown only if they differ):" % exp.index)
        for k, op in enumerate(exp.ops):
            if op[0] not in ("may", "shares"):
                print("    %3d  %s" % (k, " ".join(op)))
        for p in problems:
            print("  - " + p)


def main():
    args = parse_args()
    warnings.simplefilter("error")  # a NumPy warning means the model is on unsure ground
    np.seterr(all="ignore")
    start = time.monotonic()
    indices = [args.only] if args.only is not None else range(args.count)
    try:
        programs = generate(args.seed, indices)
        text = "".join(p.text() for p in programs)
        if args.dump:
            with open(args.dump, "w") as f:
                f.write(text)
        got = parse_output(run_driver(args.driver, text))
    except (HarnessError, Warning) as exc:
        print("numpy_diff: harness error: %s" % exc)
        return 2
    cmp = Comparison(args.max_reports)
    for exp in programs:
        cmp.program(exp, got.get(exp.index))
    if cmp.reports > args.max_reports:
        print("... %d more programs with mismatches not shown" % (cmp.reports - args.max_reports))
    print("numpy_diff: seed %d, %d programs, %d layouts, %d checks, %d mismatches (%.1f s)" % (
        args.seed, len(programs), cmp.layouts, cmp.checks, cmp.mismatches,
        time.monotonic() - start))
    return 1 if cmp.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
