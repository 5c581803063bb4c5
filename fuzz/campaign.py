#!/usr/bin/env python3
"""A campaign of generated C programs through the whole analyzer.

Programs come from two generators:
  * csmith (Debian's `csmith`, headers from `libcsmith-dev`): random valid C programs;
  * mutants of tests/corpus/*.c: lines deleted, duplicated or swapped, numbers changed, nesting
    inserted (also hundreds deep), identifiers renamed into each other (aliasing), lines and
    tokens spliced from other corpus files.

Each batch of programs goes through one viewcheck run (an ASan+UBSan build:
`cmake -DVIEWCHECK_SANITIZE=ON`) with a results database of its own, `-f json`, and a time limit.
A program's outcome is one of
  ok                 exit 0 or 1 (findings), the JSON report parses
  parse-error        exit 3 naming the program with a compiler diagnostic (expected of mutants)
  crash              the analyzer (a worker or the main process) died on a signal or stopped
  sanitizer          an AddressSanitizer / LeakSanitizer / UBSan report
  hang               a worker timed out (--timeout) or the whole run overran its limit
  libclang-crash     libclang's crash recovery caught a crash inside the parser
  unexpected-status  any other exit status, a parse failure of a csmith program, a bad report
Problems are pinned to single programs by re-running each program of the batch alone; every
problem's program and log are saved under OUT/repro/. The summary goes to OUT/summary.json and
standard output; the exit status is 1 when anything but ok / parse-error was seen.

    fuzz/campaign.py --viewcheck build-asan/bin/viewcheck --csmith 1000 --mutants 3000 \\
        --out build-asan/campaign
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SANITIZER = re.compile(r"ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|"
                       r"UndefinedBehaviorSanitizer|SUMMARY: \w+Sanitizer")
FAILED = re.compile(r"^viewcheck: error: (.+?): could not be analyzed: (.*)$", re.M)
BAD = ("crash", "sanitizer", "hang", "libclang-crash", "unexpected-status")

INTERESTING_NUMBERS = ["0", "1", "-1", "2", "3", "7", "8", "64", "255", "256", "-2147483648",
                       "2147483647", "4294967295u", "9223372036854775807", "-9223372036854775807",
                       "0x7fffffffffffffff", "18446744073709551615ull", "1000000", "(-5)"]


# ---- mutation of corpus programs ------------------------------------------------------------

def mutate(text, rng, donors):
    lines = text.split("\n")
    ops = []
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(MUTATIONS)
        lines = op(lines, rng, donors)
        ops.append(op.__name__)
    return "\n".join(lines), ops


def statements(lines):
    """Indices of lines that hold one whole statement (they end with ';'): mutating those keeps
    most mutants parseable, so that they reach the lowering and the analysis."""
    return [i for i, line in enumerate(lines) if line.rstrip().endswith(";")
            and not line.lstrip().startswith(("#", "typedef", "struct", "extern"))
            and not DECLARATION.match(line)]


DECLARATION = re.compile(r"^\s*(?!return\b|goto\b)(?:(?:const|static|unsigned|signed|struct|"
                         r"volatile)\s+)*[A-Za-z_]\w*[\s*]+(?:const\s+)?[A-Za-z_]\w*\s*[=;\[,)]")


def pick_line(lines, rng):
    st = statements(lines)
    return rng.choice(st) if st and rng.random() < 0.85 else rng.randrange(len(lines))


def delete_line(lines, rng, donors):
    if len(lines) > 1:
        del lines[pick_line(lines, rng)]
    return lines


def duplicate_lines(lines, rng, donors):
    i = pick_line(lines, rng)
    j = i + 1
    while j < len(lines) and j < i + 6 and lines[j].rstrip().endswith(";") and rng.random() < 0.6:
        j += 1
    return lines[:j] + lines[i:j] * rng.choice([1, 1, 2, 5]) + lines[j:]


def swap_lines(lines, rng, donors):
    i, j = pick_line(lines, rng), pick_line(lines, rng)
    lines[i], lines[j] = lines[j], lines[i]
    return lines


def change_number(lines, rng, donors):
    spots = [(i, m) for i, line in enumerate(lines) if not line.lstrip().startswith("#")
             for m in re.finditer(r"\b\d+\b", line)]
    if spots:
        i, m = rng.choice(spots)
        new = rng.choice(INTERESTING_NUMBERS + [str(rng.randint(-100, 100))])
        lines[i] = lines[i][:m.start()] + new + lines[i][m.end():]
    return lines


def insert_nesting(lines, rng, donors):
    """Wraps a run of statements in braces, an if, a loop or a switch; sometimes hundreds deep."""
    i = pick_line(lines, rng)
    j = i + 1
    while j < len(lines) and lines[j].rstrip().endswith(";") and rng.random() < 0.5:
        j += 1
    depth = rng.choice([1, 1, 2, 3, 10, 100, 250])
    opener = rng.choice(["{", "if (1) {", "while (0) {", "for (int q_ = 0; q_ < 2; q_++) {",
                         "do {", "switch (1) { case 1: {"])
    closer = {"do {": "} while (0);", "switch (1) { case 1: {": "} }"}.get(opener, "}")
    return lines[:i] + [opener * depth] + lines[i:j] + [closer * depth] + lines[j:]


def deep_parens(lines, rng, donors):
    spots = [(i, m) for i in statements(lines)
             for m in re.finditer(r"[(,=]\s*([a-z_]\w*)\b(?!\s*[\w(])", lines[i])]
    if spots:
        i, m = rng.choice(spots)
        d = rng.choice([1, 5, 50, 200])
        lines[i] = lines[i][:m.start(1)] + "(" * d + m.group(1) + ")" * d + lines[i][m.end(1):]
    return lines


def rename_identifier(lines, rng, donors):
    """Replaces every use of one identifier by another: operands that alias, views of views."""
    code = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    names = sorted(set(re.findall(r"\b[a-z_]\w*\b(?!\s*\()", code)) - C_KEYWORDS)
    if len(names) >= 2:
        a, b = rng.sample(names, 2)
        lines = [line if line.lstrip().startswith("#") else
                 re.sub(r"\b%s\b" % re.escape(a), b, line) for line in lines]
    return lines


def alias_arguments(lines, rng, donors):
    """In one call, one argument becomes another of the same call: f(a, b) -> f(a, a)."""
    spots = [(i, m) for i in statements(lines)
             for m in re.finditer(r"\b\w+\(([^()]*,[^()]*)\)", lines[i])]
    if spots:
        i, m = rng.choice(spots)
        args = [a.strip() for a in m.group(1).split(",")]
        k, j = rng.randrange(len(args)), rng.randrange(len(args))
        args[k] = args[j]
        lines[i] = lines[i][:m.start(1)] + ", ".join(args) + lines[i][m.end(1):]
    return lines


def release_early(lines, rng, donors):
    """nda_release / free of a handle before a statement that may still use it."""
    text = "\n".join(lines)
    handles = sorted(set(re.findall(r"\b(?:nda_array|double|float|int|char|gsl_\w+) \*\s*(\w+)",
                                    text)))
    if handles:
        h = rng.choice(handles)
        first = next(i for i, line in enumerate(lines) if re.search(r"\b%s\b" % h, line))
        st = [i for i in statements(lines) if i > first]
        free = "nda_release" if "nda_" in text and (rng.random() < 0.7 or
                                                     "stdlib.h" not in text) else "free"
        if st:
            lines.insert(rng.choice(st) + rng.randint(0, 1), "%s(%s);" % (free, h))
    return lines


def splice_line(lines, rng, donors):
    donor = rng.choice(donors)
    st = statements(donor)
    line = donor[rng.choice(st)] if st else rng.choice(donor)
    lines.insert(pick_line(lines, rng) + 1, line)
    return lines


def splice_token(lines, rng, donors):
    tokens = re.findall(r"\w+|[^\s\w]", "\n".join(rng.choice(donors)))
    i = rng.randrange(len(lines))
    line = lines[i]
    at = rng.randint(0, len(line))
    lines[i] = line[:at] + " " + " ".join(rng.choice(tokens) for _ in range(rng.randint(1, 3))) \
        + " " + line[at:]
    return lines


MUTATIONS = [delete_line, duplicate_lines, swap_lines, change_number, change_number,
             insert_nesting, insert_nesting, deep_parens, rename_identifier, alias_arguments,
             alias_arguments, release_early, release_early, splice_line, splice_token]

C_KEYWORDS = set("""auto break case char const continue default do double else enum extern float for
goto if inline int long register restrict return short signed sizeof static struct switch typedef
union unsigned void volatile while include define NULL""".split())


# ---- running ---------------------------------------------------------------------------------

class Campaign:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.counts = {}
        self.by_generator = {}
        self.problems = []
        self.runs = 0
        os.makedirs(os.path.join(args.out, "repro"), exist_ok=True)
        self.work = tempfile.mkdtemp(prefix="work-", dir=args.out)

    def env(self):
        return dict(os.environ, VIEWCHECK_MODELS_DIR=self.args.models,
                    ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:allocator_may_return_null=1",
                    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")

    def run(self, files, compiler_args, workdir):
        """One viewcheck run over files: (exit status or None on overrun, stdout, stderr)."""
        db = os.path.join(workdir, "r.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        cmd = [self.args.viewcheck, "-j1", "--timeout", str(self.args.timeout), "--db", db,
               "-f", "json", *files, "--", *compiler_args]
        with self.lock:
            self.runs += 1
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                               env=self.env(), timeout=self.args.timeout * (len(files) + 2))
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else e.stdout
            err = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else e.stderr
            return None, out or "", err or ""

    @staticmethod
    def classify_reason(reason):
        if "the analyzer crashed" in reason or "the analyzer stopped" in reason:
            return "crash"
        if "timed out after" in reason:
            return "hang"
        if "libclang could not parse the file (error 2)" in reason:
            return "libclang-crash"
        if re.search(r":\d+:\d+: (fatal )?error: ", reason):
            return "parse-error"
        return "unexpected-status"

    def classify(self, files, generator, rc, out, err):
        """The outcome of each file of one run, or None when the run as a whole misbehaved
        (then each file is run alone)."""
        if rc is None:
            return None if len(files) > 1 else {files[0]: "hang"}
        if SANITIZER.search(err):
            signal = re.search(r"AddressSanitizer: (SEGV|stack-overflow|BUS|FPE|ILL|ABRT)", err)
            return None if len(files) > 1 else {files[0]: "crash" if signal else "sanitizer"}
        if rc < 0 or rc >= 128 or rc not in (0, 1, 3):
            return None if len(files) > 1 else {
                files[0]: "crash" if rc < 0 or rc >= 128 else "unexpected-status"}
        try:
            json.loads(out)
        except ValueError:
            return None if len(files) > 1 else {files[0]: "unexpected-status"}
        outcome = {f: "ok" for f in files}
        failed = FAILED.findall(err)
        if rc == 3 and not failed:
            return None if len(files) > 1 else {files[0]: "unexpected-status"}
        for name, reason in failed:
            kind = self.classify_reason(reason)
            if kind == "parse-error" and generator == "csmith":
                kind = "unexpected-status"  # valid C that viewcheck could not parse
            match = [f for f in files if f == name or f.endswith("/" + name) or
                     name.endswith(os.path.basename(f))]
            for f in match or files:
                outcome[f] = kind
        if "libclang: crash detected" in err and len(files) == 1:
            outcome[files[0]] = "libclang-crash"
        return outcome

    def record(self, generator, outcome, logs, compiler_args):
        with self.lock:
            for f, kind in outcome.items():
                self.counts[kind] = self.counts.get(kind, 0) + 1
                g = self.by_generator.setdefault(generator, {})
                g[kind] = g.get(kind, 0) + 1
                if kind in BAD:
                    n = len(self.problems) + 1
                    base = os.path.join(self.args.out, "repro",
                                        "%s-%03d-%s" % (kind, n, os.path.basename(f)))
                    shutil.copy(f, base)
                    with open(base + ".log", "w") as log:
                        log.write("viewcheck -j1 --timeout %d %s -- %s\n\n%s" % (
                            self.args.timeout, os.path.basename(base), " ".join(compiler_args),
                            logs.get(f, "")))
                    self.problems.append({"kind": kind, "generator": generator,
                                          "reproducer": base})

    def batch(self, generator, files, compiler_args, workdir):
        rc, out, err = self.run(files, compiler_args, workdir)
        outcome = self.classify(files, generator, rc, out, err)
        logs = {f: err for f in files}
        if outcome is None:  # pin the problem on single programs
            outcome = {}
            for f in files:
                rc1, out1, err1 = self.run([f], compiler_args, workdir)
                outcome.update(self.classify([f], generator, rc1, out1, err1))
                logs[f] = "exit status %s\n%s" % (rc1, err1)
        self.record(generator, outcome, logs, compiler_args)
        for f in files:
            os.remove(f)

    # generators: each task writes its batch of programs into a directory of its own
    def csmith_task(self, index, seeds):
        workdir = os.path.join(self.work, "c%05d" % index)
        os.makedirs(workdir)
        files = []
        rng = random.Random(seeds[0])
        for seed in seeds:
            path = os.path.join(workdir, "csmith_%d.c" % seed)
            options = rng.choice(CSMITH_OPTIONS)
            subprocess.run([self.args.csmith, "--seed", str(seed), *options, "-o", path],
                           check=True, capture_output=True, timeout=120)
            files.append(path)
        self.batch("csmith", files, ["-I" + self.args.csmith_include, "-w"], workdir)
        shutil.rmtree(workdir, ignore_errors=True)

    def mutant_task(self, index, seeds, corpus, donors):
        workdir = os.path.join(self.work, "m%05d" % index)
        os.makedirs(workdir)
        files = []
        for seed in seeds:
            rng = random.Random(seed)
            source = rng.choice(corpus)
            with open(source) as f:
                text, _ = mutate(f.read(), rng, donors)
            path = os.path.join(workdir, "mut_%d_%s" % (seed, os.path.basename(source)))
            with open(path, "w") as f:
                f.write(text)
            files.append(path)
        self.batch("mutant", files, ["-I" + self.args.include, "-I" + self.args.corpus], workdir)
        shutil.rmtree(workdir, ignore_errors=True)


CSMITH_OPTIONS = [[], [], ["--max-funcs", "4", "--max-block-depth", "3"],
                  ["--max-pointer-depth", "4", "--max-funcs", "6"],
                  ["--no-arrays"], ["--max-array-dim", "4", "--max-array-len-per-dim", "6"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--viewcheck", required=True, help="an ASan+UBSan build of viewcheck")
    ap.add_argument("--csmith", default=shutil.which("csmith") or "csmith")
    ap.add_argument("--csmith-include", default="/usr/include/csmith")
    ap.add_argument("--include", default=os.path.join(ROOT, "runtime", "include"))
    ap.add_argument("--models", default=os.path.join(ROOT, "rules", "models"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "tests", "corpus"))
    ap.add_argument("--csmith-programs", "--csmith-count", dest="ncsmith", type=int, default=200)
    ap.add_argument("--mutants", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=10, help="programs per viewcheck run")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=60, help="seconds per program")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-seconds", type=int, default=0,
                    help="start no batch after this long (0: no limit)")
    ap.add_argument("--out", required=True, help="reproducers and summary go here")
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    corpus = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus)
                    if f.endswith(".c"))
    donors = []
    for path in corpus:
        with open(path) as f:
            donors.append(f.read().split("\n"))
    if args.ncsmith and not shutil.which(args.csmith):
        sys.exit("campaign: no csmith (apt-get install csmith libcsmith-dev), or --csmith-count 0")

    c = Campaign(args)
    start = time.time()
    base = args.seed * 1000003
    csmith = [(c.csmith_task, (k, [base + s for s in range(i, min(args.ncsmith, i + args.batch))]))
              for k, i in enumerate(range(0, args.ncsmith, args.batch))]
    mutants = [(c.mutant_task, (k, [base + 500000 + s for s in
                                    range(i, min(args.mutants, i + args.batch))], corpus, donors))
               for k, i in enumerate(range(0, args.mutants, args.batch))]
    pick = random.Random(args.seed)
    order = []  # interleaved, so that a run cut short by --max-seconds has some of both
    while csmith or mutants:
        share = len(csmith) / (len(csmith) + len(mutants))
        order.append((csmith if csmith and (not mutants or pick.random() < share)
                      else mutants).pop(0))

    def budgeted(fn, fargs):
        if args.max_seconds and time.time() - start > args.max_seconds:
            return False
        fn(*fargs)
        return True

    def summary():
        return {
            "programs": sum(c.counts.values()),
            "csmith_programs": c.by_generator.get("csmith", {}),
            "viewcheck_runs": c.runs,
            "seconds": round(time.time() - start, 1),
            "seed": args.seed,
            "outcomes": c.counts,
            "by_generator": c.by_generator,
            "problems": c.problems,
        }

    def save():
        with open(os.path.join(args.out, "summary.json"), "w") as f:
            json.dump(summary(), f, indent=2, sort_keys=True)

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        tasks = [pool.submit(budgeted, fn, fargs) for fn, fargs in order]
        done = skipped = 0
        for t in concurrent.futures.as_completed(tasks):
            skipped += not t.result()
            done += 1
            if done % 20 == 0 or done == len(tasks):
                save()
                print("campaign: %d/%d batches, %s, %.0f s" % (
                    done, len(tasks), json.dumps(c.counts, sort_keys=True), time.time() - start),
                    flush=True)
    shutil.rmtree(c.work, ignore_errors=True)
    if skipped:
        print("campaign: %d batches not run (--max-seconds %d)" % (skipped, args.max_seconds))
    save()
    print(json.dumps(summary(), indent=2, sort_keys=True))
    bad = sum(c.counts.get(k, 0) for k in BAD)
    print("campaign: %d programs, %d problems (%s)" % (
        sum(c.counts.values()), bad, ", ".join("%d %s" % (c.counts.get(k, 0), k) for k in BAD)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
