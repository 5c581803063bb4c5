#!/usr/bin/env python3
"""Worker processes: a crash or a hang on one file is that file's failure (exit 3), the other
files are still analyzed and reported; -j changes nothing in the results."""
import argparse
import glob
import json
import os
import subprocess
import sys
import unittest

CONFIG = argparse.Namespace()


def run(args, env_extra=None):
    env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models, **(env_extra or {}))
    db = os.path.join(CONFIG.tmp, "r.db")  # --no-cache: every test parses, in workers
    return subprocess.run([CONFIG.viewcheck, "--no-cache", "--db", db] + args,
                          capture_output=True, text=True, env=env, timeout=300)


def corpus(*names):
    return [os.path.join(CONFIG.corpus, n) for n in names]


def results(proc):
    return sorted((os.path.basename(f["file"]), f["line"], f["rule"])
                  for f in json.loads(proc.stdout)["findings"])


class Workers(unittest.TestCase):
    """The worker processes that parse."""

    FILES = ("vc004_seed_slice.c", "vc007_double_release.c", "vc003_snapshot_view.c")

    def args(self):
        return ["-f", "json", *corpus(*self.FILES), "--", "-I" + CONFIG.include]

    def test_a_crash_is_one_failure(self):
        proc = run(self.args(), {"VIEWCHECK_TEST_CRASH": "vc007_double_release"})
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("vc007_double_release.c: could not be analyzed: the analyzer crashed",
                      proc.stderr)
        self.assertIn("signal 11", proc.stderr)
        files = {f for f, _, _ in results(proc)}
        self.assertEqual(files, {"vc004_seed_slice.c", "vc003_snapshot_view.c"})

    def test_a_hang_is_a_time_out(self):
        proc = run(["--timeout", "1"] + self.args(), {"VIEWCHECK_TEST_HANG": "vc003_snapshot"})
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("vc003_snapshot_view.c: could not be analyzed: timed out after 1 s",
                      proc.stderr)
        self.assertEqual({f for f, _, _ in results(proc)},
                         {"vc004_seed_slice.c", "vc007_double_release.c"})

    def test_jobs_do_not_change_results(self):
        """The whole corpus (hundreds of functions: the summary levels and the checking pass are
        shared among workers at -j2 and -j3) gives the same findings, messages and notes."""
        files = sorted(glob.glob(os.path.join(CONFIG.corpus, "*.c")))
        runs = [run(["-j", str(j), "-v", "-f", "json", *files, "--", "-I" + CONFIG.include])
                for j in (1, 2, 3)]
        self.assertTrue(results(runs[0]))
        full = [json.loads(r.stdout)["findings"] for r in runs]
        for j, r in zip((2, 3), runs[1:]):
            self.assertEqual(runs[0].returncode, r.returncode, r.stderr)
            self.assertEqual(full[0], json.loads(r.stdout)["findings"], f"-j1 vs -j{j}")
            # without an earlier run every function is checked in the analysis that
            # summarizes it: a second analysis for its check would be work done twice
            self.assertRegex(r.stderr, r"[1-9]\d* functions summarized in workers")
            self.assertIn(" 0 functions checked apart from their summary", r.stderr)


    def test_a_worker_dying_in_the_whole_program_phase(self):
        """A summary worker killed while it summarizes or checks a function: the parent does
        that task itself, nothing is lost and the run is not a failure."""
        files = sorted(glob.glob(os.path.join(CONFIG.corpus, "*.c")))
        args = ["-f", "json", *files, "--", "-I" + CONFIG.include]
        alone = run(["-j", "1"] + args)
        died = run(["-j", "2", "-v"] + args,
                   {"VIEWCHECK_TEST_CRASH_FUNCTION": "scale_then_square"})
        self.assertEqual(alone.returncode, died.returncode, died.stderr)
        self.assertRegex(died.stderr, r"[1-9]\d* workers died, their tasks done here")
        self.assertEqual(json.loads(alone.stdout)["findings"], json.loads(died.stdout)["findings"])
        self.assertIn(("vc003_helper_view_of_aliased_argument.c", 21, "VC003"), results(died))


def ring_program(n):
    """n functions in one call cycle (one strongly connected component of n), each taking a
    view of its argument; every tenth one releases what it was given, and main reads after."""
    lines = ["#include <nda.h>", ""]
    lines += [f"static void f{i}(nda_array *a, int depth);" for i in range(n)]
    for i in range(n):
        body = [f"static void f{i}(nda_array *a, int depth)", "{",
                "    nda_array *v = nda_slice(a, 0, 0, 2, 1);",
                "    nda_set1(v, 0, (double)depth);",
                "    nda_release(v);"]
        if i % 10 == 9:
            body.append("    if (depth == 7)\n        nda_release(a);")
        body += [f"    if (depth > 0)\n        f{(i + 1) % n}(a, depth - 1);", "}", ""]
        lines += body
    lines += ["int main(void)", "{", "    ptrdiff_t shape[1] = {4};",
              "    nda_array *a = nda_zeros(NDA_FLOAT64, 1, shape);",
              "    f0(a, 1000);", "    nda_print(stdout, a);", "    nda_release(a);",
              "    return 0;", "}", ""]
    return "\n".join(lines)


class LargeComponent(unittest.TestCase):
    """A call-graph component of 300 functions is summarized in shares and rounds; any number
    of workers gives the same findings."""

    def test_one_large_cycle(self):
        path = os.path.join(CONFIG.tmp, "ring.c")
        with open(path, "w", encoding="utf-8") as f:
            f.write(ring_program(300))
        runs = [run(["-j", str(j), "-v", "-f", "json", path, "--", "-I" + CONFIG.include])
                for j in (1, 2, 3)]
        self.assertIn("the largest 300 functions", runs[0].stderr)
        first = json.loads(runs[0].stdout)["findings"]
        self.assertTrue(any(f["rule"] == "VC007" for f in first), runs[0].stdout)
        for j, r in zip((2, 3), runs[1:]):
            self.assertEqual(first, json.loads(r.stdout)["findings"], f"-j1 vs -j{j}")
            self.assertRegex(r.stderr, r"300 in large components \(\d+ rounds\)")
        died = run(["-j", "2", "-v", "-f", "json", path, "--", "-I" + CONFIG.include],
                   {"VIEWCHECK_TEST_CRASH_FUNCTION": "f150"})
        self.assertRegex(died.stderr, r"[1-9]\d* workers died, their tasks done here")
        self.assertEqual(first, json.loads(died.stdout)["findings"], "a worker died in a share")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--models", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--tmp", required=True)
    args, rest = ap.parse_known_args()
    CONFIG.__dict__.update(vars(args))
    os.makedirs(CONFIG.tmp, exist_ok=True)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)



class Cache(unittest.TestCase):
    """The incremental cache: unchanged units are not parsed again, a touched one is."""

    def test_rerun_parses_only_what_changed(self):
        work = os.path.join(CONFIG.tmp, "cache")
        os.makedirs(work, exist_ok=True)
        names = ["vc004_seed_slice.c", "vc007_double_release.c", "neg_vc002_disjoint_halves.c"]
        for n in names:
            with open(os.path.join(CONFIG.corpus, n)) as src, open(os.path.join(work, n), "w") as dst:
                dst.write(src.read())
        env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models)
        if os.path.exists(os.path.join(work, "c.db")):
            os.remove(os.path.join(work, "c.db"))  # cold: nothing cached yet
        cmd = [CONFIG.viewcheck, "-v", "-f", "json", "--db", os.path.join(work, "c.db"), *names,
               "--", "-I" + CONFIG.include]

        def once():
            return subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env,
                                  timeout=120)

        cold, warm = once(), once()
        self.assertIn("0 units from the cache, 3 parsed", cold.stderr)
        self.assertIn("nothing changed since run 1: its findings stand", warm.stderr)
        self.assertNotIn("parsed", warm.stderr)
        self.assertTrue(results(cold))
        self.assertEqual(json.loads(cold.stdout)["findings"], json.loads(warm.stdout)["findings"],
                         "the cache changes no finding, note or fingerprint")
        self.assertEqual(cold.returncode, warm.returncode)
        only = subprocess.run(cmd[:1] + ["--checks", "VC007"] + cmd[1:], cwd=work,
                              capture_output=True, text=True, env=env, timeout=120)
        self.assertIn("3 units from the cache, 0 parsed", only.stderr, "other checks: analyzed")
        self.assertEqual({r for _, _, r in results(only)}, {"VC007"})
        with open(os.path.join(work, names[0]), "a") as f:
            f.write("/* touched */\n")
        touched = once()
        self.assertIn("2 units from the cache, 1 parsed", touched.stderr)
        self.assertEqual(results(touched), results(cold))
        with open(os.path.join(work, names[2]), "r+") as f:  # a new bug in a cached file
            text = f.read().replace("nda_release(a);", "nda_release(a);\n    nda_release(a);", 1)
            f.seek(0)
            f.write(text)
        again = once()
        self.assertIn("neg_vc002_disjoint_halves.c", {f for f, _, _ in results(again)})


    def test_relative_includes_of_a_database_elsewhere(self):
        """`#include "h.h"` found through -I. from sub/m.c, in a database whose directory is
        not viewcheck's: libclang names the header ./h.h, relative to the entry's directory;
        the cache must hash that file, so that a re-run finds every unit cached."""
        work = os.path.join(CONFIG.tmp, "relative")
        src = os.path.join(work, "src")
        os.makedirs(os.path.join(src, "sub"), exist_ok=True)
        with open(os.path.join(src, "h.h"), "w") as f:
            f.write("#include <nda.h>\nstatic inline nda_array *head(nda_array *a)\n"
                    "{ return nda_slice(a, 0, 0, 2, 1); }\n")
        with open(os.path.join(src, "sub", "m.c"), "w") as f:
            f.write('#include "h.h"\nvoid f(nda_array *a)\n{\n    nda_array *b = head(a);\n'
                    "    nda_set1(b, 0, 1.0);\n    nda_release(b);\n}\n")
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": src, "file": "sub/m.c",
                        "arguments": ["cc", "-I.", "-I" + CONFIG.include, "-c", "sub/m.c"]}], f)
        db = os.path.join(work, "r.db")
        if os.path.exists(db):
            os.remove(db)
        env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models)
        cmd = [CONFIG.viewcheck, "-v", "--db", db, "-p", work]
        cold = subprocess.run(cmd, cwd=CONFIG.tmp, capture_output=True, text=True, env=env,
                              timeout=120)
        self.assertIn("0 units from the cache, 1 parsed", cold.stderr)
        warm = subprocess.run(cmd, cwd=CONFIG.tmp, capture_output=True, text=True, env=env,
                              timeout=120)
        self.assertIn("nothing changed since run 1", warm.stderr)
        with open(os.path.join(src, "h.h"), "a") as f:
            f.write("/* touched */\n")
        touched = subprocess.run(cmd, cwd=CONFIG.tmp, capture_output=True, text=True, env=env,
                                 timeout=120)
        self.assertIn("0 units from the cache, 1 parsed", touched.stderr,
                      "a changed header is a change of the unit")


class Callers(unittest.TestCase):
    """Incremental whole-program analysis: a re-run takes each function's earlier summary and
    findings when its unit and its callees' summaries are unchanged; a changed summary re-checks
    the callers of that function, and nothing else."""

    HEADER = ("#include <nda.h>\nvoid frame_emit(nda_array *f);\n"
              "double frame_energy(const nda_array *f);\n")
    SINK = ("#include \"frames.h\"\n#include <stdio.h>\n"
            "void frame_emit(nda_array *f)\n{\n    nda_print(stdout, f);\n{release}}\n")
    MAIN = ("#include \"frames.h\"\n#include <stdio.h>\nint main(void)\n{\n"
            "    nda_array *a = nda_arange(4);\n    if (!a)\n        return 1;\n"
            "    frame_emit(a);\n    printf(\"%g\\n\", nda_sum(a));\n    return 0;\n}\n")
    ENERGY = ("#include \"frames.h\"\ndouble frame_energy(const nda_array *f)\n"
              "{\n    return nda_dot(f, f);\n}\n"
              "static double twice(const nda_array *f)\n{\n    return 2 * frame_energy(f);\n}\n"
              "double frame_power(const nda_array *f)\n{\n    return twice(f) / 2;\n}\n")

    def start_in(self, name):
        """A fresh work directory and results database under CONFIG.tmp."""
        self.work = os.path.join(CONFIG.tmp, name)
        os.makedirs(self.work, exist_ok=True)
        self.db = os.path.join(self.work, "c.db")
        self.env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models)
        if os.path.exists(self.db):
            os.remove(self.db)

    def write(self, name, text):
        with open(os.path.join(self.work, name), "w") as f:
            f.write(text)

    def analyze(self, *extra):
        return subprocess.run([CONFIG.viewcheck, "-v", "-f", "json", "--db", self.db, *extra,
                               "sink.c", "main.c", "energy.c", "--", "-I" + CONFIG.include],
                              cwd=self.work, capture_output=True, text=True, env=self.env,
                              timeout=120)

    def rechecked(self, proc):
        line = [l for l in proc.stderr.splitlines() if "functions checked again" in l]
        self.assertEqual(len(line), 1, proc.stderr)
        return int(line[0].rsplit(" functions checked again", 1)[0].rsplit(" ", 1)[-1])

    def test_a_changed_summary_rechecks_its_callers_only(self):
        self.start_in("callers")
        self.write("frames.h", self.HEADER)
        self.write("sink.c", self.SINK.replace("{release}", ""))
        self.write("main.c", self.MAIN)
        self.write("energy.c", self.ENERGY)
        cold = self.analyze()
        self.assertEqual(cold.returncode, 0, cold.stderr)
        self.assertEqual(self.rechecked(cold), 5, "every function is checked on a cold run")

        # frame_emit now releases its argument: its summary changes, main (its caller) sees it
        self.write("sink.c", self.SINK.replace("{release}", "    nda_release(f);\n"))
        changed = self.analyze()
        self.assertIn("2 units from the cache, 1 parsed", changed.stderr)
        self.assertEqual(self.rechecked(changed), 2, "frame_emit and its caller main")
        self.assertEqual(results(changed), [("main.c", 9, "VC007")], changed.stderr)
        self.assertEqual(json.loads(changed.stdout)["findings"],
                         json.loads(self.analyze("--no-cache").stdout)["findings"],
                         "the incremental run finds what a full one finds")

        # energy.c changes but none of its summaries does: its own functions only
        with open(os.path.join(self.work, "energy.c"), "a") as f:
            f.write("/* touched */\n")
        touched = self.analyze()
        self.assertIn("2 units from the cache, 1 parsed", touched.stderr)
        self.assertEqual(self.rechecked(touched), 3, "frame_energy, twice, frame_power")
        self.assertEqual(results(touched), results(changed))

        # back as it was: the released argument is gone from main's view again
        self.write("sink.c", self.SINK.replace("{release}", ""))
        back = self.analyze()
        self.assertEqual(self.rechecked(back), 2)
        self.assertEqual(results(back), [])

        # damaged rows of earlier results (an unknown effect, a trace step without a file,
        # findings that are not JSON) are not reused, and do not crash the run
        import sqlite3
        with sqlite3.connect(self.db) as c:
            c.execute("UPDATE function_results SET summary = "
                      "'[[99999,false,false,0,null,[],[[null,2,50,null]],null]]'")
            c.execute("UPDATE function_results SET findings = '[oops' WHERE rowid % 2 = 0")
        with open(os.path.join(self.work, "main.c"), "a") as f:
            f.write("/* touched again */\n")
        damaged = self.analyze()
        self.assertIn(damaged.returncode, (0, 1), damaged.stderr)
        self.assertEqual(results(damaged), results(self.analyze("--no-cache")))


    def test_a_recursive_function_is_reused_from_its_settled_summary(self):
        """A function that calls itself, reached through a relay in another file: the earlier
        run is asked for its findings only once its summary is settled (asked before, the
        stored summary was the empty one it starts from, and once the relay's file changed the
        relay was summarized from it and main's finding was lost)."""
        self.start_in("recursive")
        self.write("frames.h", "#include <nda.h>\nvoid frame_emit(nda_array *f, int depth);\n"
                   "void relay(nda_array *f);\n")
        self.write("sink.c", "#include \"frames.h\"\nvoid frame_emit(nda_array *f, int depth)\n{\n"
                   "    if (depth > 0)\n        frame_emit(f, depth - 1);\n    else\n"
                   "        nda_release(f);\n}\n")
        self.write("main.c", self.MAIN.replace("frame_emit(a)", "relay(a)"))
        self.write("energy.c", "#include \"frames.h\"\nvoid relay(nda_array *f)\n{\n"
                   "    frame_emit(f, 2);\n}\n")
        full = results(self.analyze("--no-cache"))
        self.assertEqual(full, [("main.c", 9, "VC007")])
        self.assertEqual(results(self.analyze()), full)
        with open(os.path.join(self.work, "energy.c"), "a") as f:
            f.write("/* touched */\n")
        again = self.analyze()
        self.assertIn("2 units from the cache, 1 parsed", again.stderr)
        self.assertEqual(results(again), full, again.stderr)


class Shards(unittest.TestCase):
    """--shard K/N splits the files deterministically; merge finds what crosses shards."""

    def test_shards_partition_and_merge_equals_whole(self):
        files = sorted(glob.glob(os.path.join(CONFIG.corpus, "*.c")))
        work = os.path.join(CONFIG.tmp, "shards")
        os.makedirs(work, exist_ok=True)
        env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models)
        whole = run(["-f", "json", *files, "--", "-I" + CONFIG.include])
        seen = []
        for k in (1, 2, 3):
            db = os.path.join(work, f"s{k}.db")
            if os.path.exists(db):
                os.remove(db)
            proc = subprocess.run([CONFIG.viewcheck, "-v", "-f", "json", "--shard", f"{k}/3",
                                   "--db", db, *files, "--", "-I" + CONFIG.include],
                                  capture_output=True, text=True, env=env, timeout=300)
            self.assertIn(proc.returncode, (0, 1), proc.stderr)
            seen.append(proc)
        counts = [int(p.stderr.split(" parsed")[0].rsplit(" ", 1)[-1]) for p in seen]
        self.assertEqual(sum(counts), len(files), f"the shards cover every file once: {counts}")
        self.assertTrue(all(c > 0 for c in counts), counts)
        out = os.path.join(work, "merged.db")
        if os.path.exists(out):
            os.remove(out)
        merged = subprocess.run([CONFIG.viewcheck, "merge", "-f", "json", out] +
                                [os.path.join(work, f"s{k}.db") for k in (1, 2, 3)],
                                capture_output=True, text=True, env=env, timeout=300)
        self.assertEqual(merged.returncode, whole.returncode, merged.stderr)
        self.assertEqual(results(merged), results(whole), "merged shards = one whole run")


if __name__ == "__main__":
    main()
