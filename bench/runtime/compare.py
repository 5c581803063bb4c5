"""Runtime benchmark, the NumPy side and the report.

`measure` reads the JSON lines written by bench_runtime, rebuilds every layout in NumPy from its
"expr" (checking that shape, strides and offset agree with nda's), times NumPy on it and checks
that the results agree (CRC-32 of the copies, the answer of shares_memory). `report` combines
the rounds of both sides and prints the table.

Run it with Debian's /usr/bin/python3 (numpy 1.24); bench/runtime/run does all of this.
"""

import argparse
import json
import os
import platform
import sys
import time
import zlib

import numpy as np
from numpy.lib.stride_tricks import as_strided

DTYPES = {"f8": np.float64, "f4": np.float32, "i8": np.int64, "i4": np.int32, "u1": np.uint8}


def make_base(spec):
    shape = tuple(spec["shape"])
    n = int(np.prod(shape))
    return np.arange(n, dtype=np.int64).astype(DTYPES[spec["dtype"]]).reshape(shape)


def make_view(base, spec, name):
    a = eval(spec["expr"], {"B": base, "as_strided": as_strided, "np": np})  # our own table
    offset = a.__array_interface__["data"][0] - base.__array_interface__["data"][0]
    got = (list(a.shape), list(a.strides), offset)
    want = (spec["shape"], spec["strides"], spec["offset"])
    if got != want:
        sys.exit(f"compare.py: {name}: {spec['expr']} has layout {got}, nda's is {want}")
    return a


def summarize(samples):
    s = sorted(samples)
    n = len(s)
    median = s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])
    return {"best": s[0], "median": median, "reps": n}


def reps_for(first, budget, quick):
    if quick:
        return 1
    reps = int(budget / first) if first > 0 else 500
    return max(5, min(500, reps))


def time_copy(a, budget, quick):
    copy = a.copy
    copy()  # the first run maps fresh memory: time a second one to choose the reps
    t0 = time.perf_counter()
    copy()
    first = time.perf_counter() - t0
    samples = []
    for _ in range(reps_for(first, budget, quick)):
        t0 = time.perf_counter()
        copy()  # the result is freed at once, as nda_release frees nda's copy inside its timing
        samples.append(time.perf_counter() - t0)
    return summarize(samples)


def time_shares(a, b, quick):
    """Per-call time of np.shares_memory(a, b): each sample is a batch of calls (about 2 ms)
    minus the bare Python loop of the same length (its best time, measured alongside)."""
    f = np.shares_memory
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            f(a, b)
        if time.perf_counter() - t0 > 2e-3 or quick:
            break
        calls *= 2
    loop = range(calls)
    batches, empty = [], []
    for _ in range(1 if quick else 25):
        t0 = time.perf_counter()
        for _ in loop:
            pass
        t1 = time.perf_counter()
        for _ in loop:
            f(a, b)
        t2 = time.perf_counter()
        empty.append(t1 - t0)
        batches.append(t2 - t1)
    overhead = min(empty)
    return summarize([max(t - overhead, 0.0) / calls for t in batches])


def fmt_time(t):
    if t >= 1e-3:
        return f"{t * 1e3:.2f} ms"
    if t >= 1e-6:
        return f"{t * 1e6:.2f} us"
    return f"{t * 1e9:.0f} ns"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, numpy {np.__version__}, Python {platform.python_version()}"


def isolated(fn, *args):
    """fn(*args) in a forked child, as bench_runtime runs each case: the allocator's state does
    not carry over from one case to the next."""
    rd, wr = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rd)
        code = 0
        try:
            with os.fdopen(wr, "w") as f:
                json.dump(fn(*args), f)
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        os._exit(code)
    os.close(wr)
    with os.fdopen(rd) as f:
        text = f.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        sys.exit("compare.py: a NumPy case failed")
    return json.loads(text)


def measure(args):
    """Times NumPy on every case of one bench_runtime output and checks the results agree."""
    with open(args.nda) as f:
        records = [json.loads(line) for line in f if line.strip()]
    out = [isolated(measure_case, r, args) for r in records]
    with open(args.out, "w") as f:
        for res in out:
            f.write(json.dumps(res) + "\n")
    return 0


def measure_case(r, args):
    """One case: NumPy's result checked against nda's, and NumPy's timing."""
    name, kind = r["name"], r["kind"]
    res = {"kind": kind, "name": name, "mismatch": None}
    if kind == "copy":
        base = make_base(r["base"])
        a = make_view(base, r["a"], name)
        c = a.copy()
        crc = f"{zlib.crc32(c) & 0xffffffff:08x}"
        if crc != r["crc"] or not c.flags.c_contiguous:
            res["mismatch"] = f"numpy's copy has CRC-32 {crc}, nda's {r['crc']}"
        del c
        res["numpy"] = time_copy(a, args.seconds, args.quick)
        del a, base
    elif kind == "shares":
        base = make_base(r["base"])
        a = make_view(base, r["a"], name)
        b = make_view(base, r["b"], name)
        answer = bool(np.shares_memory(a, b))
        res["answer"] = answer
        if answer != r["result"]:
            res["mismatch"] = f"np.shares_memory says {answer}, nda {r['result']}"
        res["numpy"] = time_shares(a, b, args.quick)
        del a, b, base
    return res


def load_rounds(paths):
    """{name: [record of round 1, record of round 2, ...]} in the order of the first file."""
    cases = {}
    for path in paths:
        with open(path) as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    cases.setdefault(r["name"], []).append(r)
    return cases


class Time:
    """One figure over the rounds: the best repetition, and the lowest per-round median."""

    def __init__(self, records, key):
        self.best = min(r[key]["best"] for r in records)
        self.median = min(r[key]["median"] for r in records)


def report(args):
    nda = load_rounds(args.nda)
    ref = load_rounds(args.numpy)
    rows = []  # (section, case, nda Time, reference name, reference Time, target, note)
    failures = []
    for name, rs in nda.items():
        r = rs[0]
        kind = r["kind"]
        for x in ref.get(name, []):
            if x["mismatch"]:
                failures.append(f"{name}: {x['mismatch']}")
        if kind == "limit":
            mib = r["bytes"] / 2**20
            t = {k: Time(rs, k) for k in
                 ("nda_copy", "nda_copyto", "memcpy", "fresh_memcpy", "fresh_memcpy_4k")}
            gbs = lambda k: f"{r['bytes'] / t[k].best / 1e9:.1f} GB/s"
            sec = f"1. contiguous {mib:.0f} MiB float64 vs memcpy (bandwidth ratio)"
            rows.append((sec, "nda_copyto into an existing array", t["nda_copyto"],
                         "memcpy into mapped memory", t["memcpy"], 0.9,
                         f"{gbs('nda_copyto')} vs {gbs('memcpy')}"))
            rows.append((sec, "nda_copy (allocates)", t["nda_copy"],
                         "memcpy into mapped memory", t["memcpy"], 0.9,
                         f"{gbs('nda_copy')} vs {gbs('memcpy')}; nda_copy also has the kernel map "
                         "and zero 64 MiB of fresh pages, memcpy does not"))
            rows.append((sec, "nda_copy (allocates)", t["nda_copy"],
                         "malloc+madvise+memcpy+free", t["fresh_memcpy"], 0.9,
                         f"same work: {gbs('nda_copy')} vs {gbs('fresh_memcpy')}"))
            rows.append((sec, "nda_copy (allocates)", t["nda_copy"],
                         "malloc+memcpy+free", t["fresh_memcpy_4k"], None,
                         f"info: {gbs('fresh_memcpy_4k')} with 4 KiB pages"))
        elif kind == "copy":
            if not ref.get(name):
                continue
            rows.append(("2. copies vs NumPy .copy() of the same layout", name, Time(rs, "nda"),
                         f"{r['a']['expr']}.copy()", Time(ref[name], "numpy"), 1.0, ""))
        elif kind == "shares":
            if not ref.get(name):
                continue
            answer = ref[name][0]["answer"]
            rows.append(("3. shares_memory vs np.shares_memory (time per call)",
                         f"{name} -> {answer}", Time(rs, "nda"), "np.shares_memory",
                         Time(ref[name], "numpy"), 1.0, ""))

    header = ["case", "nda", "reference", "ref time", "ratio", "median ratio", "target", "met"]
    table = []
    for sec, case, t_nda, ref_name, t_ref, target, note in rows:
        ratio = t_ref.best / t_nda.best
        median_ratio = t_ref.median / t_nda.median
        met = "-" if target is None else ("yes" if ratio >= target else "NO")
        tgt = "-" if target is None else f">= {target:.2f}x"
        table.append((sec, [case, fmt_time(t_nda.best), ref_name, fmt_time(t_ref.best),
                            f"{ratio:.2f}x", f"{median_ratio:.2f}x", tgt, met], note))

    rounds = max(len(rs) for rs in nda.values())
    print(f"machine: {machine()}")
    print(f"times: best of all repetitions over {rounds} rounds (each round runs nda, then "
          "NumPy); ratio = reference time / nda time, > 1: nda is faster; median ratio: the same "
          "with the lowest per-round medians")
    section = None
    if args.markdown:
        print()
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] * len(header)) + "|")
        for sec, cells, note in table:
            if sec != section:
                section = sec
                print(f"| **{sec}** |" + " |" * (len(header) - 1))
            print("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    else:
        widths = [max(len(h), *(len(cells[i]) for _, cells, _ in table)) for i, h in enumerate(header)]
        line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
        for sec, cells, note in table:
            if sec != section:
                section = sec
                print()
                print(sec)
                print(line(header))
            print(line(cells) + (f"   ({note})" if note else ""))
    print()
    if failures:
        print("RESULT MISMATCH:\n  " + "\n  ".join(failures))
    targeted = [cells for _, cells, _ in table if cells[-1] != "-"]
    met = sum(1 for cells in targeted if cells[-1] == "yes")
    print(f"results checked equal to NumPy's: {'NO' if failures else 'yes'}; "
          f"targets met: {met}/{len(targeted)}")
    if args.markdown:
        print()
        for sec, cells, note in table:
            if note:
                print(f"- {cells[0]} vs {cells[2]}: {note}")
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure", help="time NumPy on the cases of one bench_runtime output")
    m.add_argument("nda", help="bench_runtime's output (JSON lines)")
    m.add_argument("out", help="where to write NumPy's timings (JSON lines)")
    m.add_argument("--quick", action="store_true", help="one repetition per case")
    m.add_argument("--seconds", type=float, default=0.4, help="time budget per copy case")
    r = sub.add_parser("report", help="print the table")
    r.add_argument("--nda", nargs="+", required=True, help="bench_runtime outputs, one per round")
    r.add_argument("--numpy", nargs="+", required=True, help="measure outputs, one per round")
    r.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    return measure(args) if args.command == "measure" else report(args)


if __name__ == "__main__":
    sys.exit(main())
