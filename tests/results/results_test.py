#!/usr/bin/env python3
"""Results history and CI gating, end to end through the viewcheck command line: fingerprints
that survive unrelated edits, --baseline with a results database and with SARIF, report --diff,
unused suppressions, .viewcheck.yaml, the results database's safety (newer schema, corruption,
read-only, two runs at once)."""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

CONFIG = argparse.Namespace()

BUGGY = """#include <nda.h>
#include <stdio.h>

static double helper(const nda_array *x)
{
    return nda_sum(x);
}

int main(void)
{
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 0, 3, 1);
    nda_set1(b, 0, 100);
    nda_print(stdout, a);
    nda_print(stdout, b);
    printf("%g\\n", helper(a));
    nda_release(b);
    nda_release(a);
    return 0;
}
"""


def run(args, cwd, check_codes=(0, 1)):
    env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models)
    proc = subprocess.run([CONFIG.viewcheck] + args, cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)
    if check_codes is not None and proc.returncode not in check_codes:
        raise AssertionError(f"viewcheck {' '.join(args)} exited {proc.returncode}:\n"
                             f"{proc.stderr}")
    return proc


def analyze(cwd, name="prog.c", extra=()):
    return run(["-q", "-f", "sarif", "--fail-on", "none", *extra, name, "--",
                "-I" + CONFIG.include], cwd)


def fingerprints(proc):
    doc = json.loads(proc.stdout)
    return {(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"])
            for r in doc["runs"][0]["results"]}


class Case(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="vc_results_")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, text, name="prog.c"):
        with open(os.path.join(self.dir, name), "w") as f:
            f.write(text)


class Fingerprints(Case):
    def base(self):
        self.write(BUGGY)
        fps = fingerprints(analyze(self.dir))
        self.assertEqual({r for r, _ in fps}, {"VC004"}, "the program has one VC004")
        return fps

    def test_moving_the_code_down_keeps_them(self):
        before = self.base()
        self.write("\n".join(["/* padding */"] * 40) + "\n" + BUGGY)
        self.assertEqual(fingerprints(analyze(self.dir)), before)

    def test_reformatting_keeps_them(self):
        before = self.base()
        reformatted = BUGGY.replace("    ", "\t").replace("nda_set1(b, 0, 100);",
                                                         "nda_set1( b,0,  100 );")
        self.write(reformatted)
        self.assertEqual(fingerprints(analyze(self.dir)), before)

    def test_code_added_elsewhere_keeps_them(self):
        before = self.base()
        extra = "static int unrelated(int k)\n{\n    return k * 2;\n}\n\n"
        self.write(BUGGY.replace("int main(void)", extra + "int main(void)"))
        self.assertEqual(fingerprints(analyze(self.dir)), before)

    def test_changing_the_bug_changes_them(self):
        before = self.base()
        self.write(BUGGY.replace("nda_set1(b, 0, 100);", "nda_set1(b, 1, 100);"))
        after = fingerprints(analyze(self.dir))
        self.assertEqual({r for r, _ in after}, {"VC004"})
        self.assertNotEqual(after, before)


class Baseline(Case):
    def second_bug(self):
        return BUGGY.replace("    nda_release(b);\n    nda_release(a);",
                             "    nda_release(b);\n    nda_release(a);\n    nda_release(a);")

    def check(self, baseline):
        self.write(self.second_bug())
        proc = run(["-f", "sarif", "--baseline", baseline, "prog.c", "--",
                    "-I" + CONFIG.include], self.dir)
        rules = [r["ruleId"] for r in json.loads(proc.stdout)["runs"][0]["results"]]
        self.assertEqual(rules, ["VC007"], "only the new finding is reported")
        self.assertEqual(proc.returncode, 1, "the new finding fails the run")
        self.assertIn("1 already in the baseline", proc.stderr)
        self.write("\n\n" + BUGGY)  # moved, nothing new
        proc = run(["--baseline", baseline, "prog.c", "--", "-I" + CONFIG.include], self.dir)
        self.assertEqual(proc.returncode, 0, "nothing new: exit 0\n" + proc.stdout)

    def test_with_a_results_database(self):
        self.write(BUGGY)
        analyze(self.dir, extra=["--db", "base.db"])
        self.check("base.db")

    def test_with_sarif(self):
        self.write(BUGGY)
        analyze(self.dir, extra=["-o", "base.sarif"])
        self.check("base.sarif")

    def test_unreadable_baseline_is_a_usage_error(self):
        self.write(BUGGY)
        proc = run(["--baseline", "nope.sarif", "prog.c", "--", "-I" + CONFIG.include], self.dir,
                   None)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("nope.sarif", proc.stderr)

    def test_report_diff(self):
        self.write(BUGGY)
        analyze(self.dir)
        self.write(self.second_bug().replace("nda_set1(b, 0, 100);", ""))
        analyze(self.dir)
        proc = run(["report", "--diff", "1", "2", "-f", "json"], self.dir)
        doc = json.loads(proc.stdout)
        self.assertEqual([f["rule"] for f in doc["new"]], ["VC007"])
        self.assertEqual([f["rule"] for f in doc["fixed"]], ["VC004"])
        self.assertEqual(doc["still_present"], [])
        text = run(["report", "--diff", "1", "2"], self.dir).stdout
        self.assertIn("new: 1", text)
        self.assertIn("fixed: 1", text)


class Suppressions(Case):
    def test_unused_suppression_is_reported_only_on_request(self):
        self.write(BUGGY.replace("    nda_release(b);",
                                 "    // viewcheck: ignore VC007 -- nothing to silence here\n"
                                 "    nda_release(b);")
                   .replace("    nda_set1(b, 0, 100);",
                            "    nda_set1(b, 0, 100); // viewcheck: ignore VC004 -- on purpose"))
        doc = json.loads(analyze(self.dir).stdout)
        results = doc["runs"][0]["results"]
        self.assertEqual([(r["ruleId"], bool(r.get("suppressions"))) for r in results],
                         [("VC004", True)], "default: the used one suppresses, no VC000")
        doc = json.loads(analyze(self.dir, extra=["--report-unused-suppressions"]).stdout)
        unused = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "VC000"]
        self.assertEqual(len(unused), 1)
        line = unused[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
        with open(os.path.join(self.dir, "prog.c")) as f:
            self.assertIn("nothing to silence", f.read().splitlines()[line - 1])


class ProjectConfig(Case):
    def setUp(self):
        super().setUp()
        os.makedirs(os.path.join(self.dir, "src"))
        os.makedirs(os.path.join(self.dir, "vendor"))
        self.write(BUGGY, "src/a.c")
        self.write(BUGGY, "vendor/b.c")

    def files(self):
        return ["src/a.c", "vendor/b.c", "--", "-I" + CONFIG.include]

    def test_exclude_checks_fail_on(self):
        self.write('exclude: [vendor/]\nfail-on: error\n', ".viewcheck.yaml")
        proc = run(["-f", "json"] + self.files(), self.dir)
        files = {os.path.basename(f["file"]) for f in json.loads(proc.stdout)["findings"]}
        self.assertEqual(files, {"a.c"}, "vendor/ is skipped")
        self.assertEqual(proc.returncode, 0, "fail-on: error and only a warning")
        self.write('checks: "*,-VC004"\n', "src/.viewcheck.yaml")
        proc = run(["-f", "json"] + self.files(), self.dir)
        self.assertEqual(json.loads(proc.stdout)["findings"], [], "src/ turns VC004 off")
        proc = run(["-f", "json", "--checks", "VC004"] + self.files(), self.dir)
        self.assertEqual(len(json.loads(proc.stdout)["findings"]), 1, "the command line wins")

    def test_malformed_config_names_file_and_line(self):
        self.write('exclude: [vendor/]\ncolour: blue\n', ".viewcheck.yaml")
        proc = run(self.files(), self.dir, None)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(".viewcheck.yaml:2:", proc.stderr)


class Database(Case):
    def db(self):
        return os.path.join(self.dir, "r.db")

    def test_newer_schema_is_refused_and_kept(self):
        with sqlite3.connect(self.db()) as c:
            c.execute("PRAGMA user_version = 42")
            c.execute("CREATE TABLE precious(x)")
        self.write(BUGGY)
        proc = run(["--db", "r.db", "prog.c", "--", "-I" + CONFIG.include], self.dir, None)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("newer viewcheck", proc.stderr)
        with sqlite3.connect(self.db()) as c:
            self.assertEqual(c.execute("PRAGMA user_version").fetchone()[0], 42)

    def test_corrupted_database_is_refused_and_kept(self):
        with open(self.db(), "wb") as f:
            f.write(b"not a database at all" * 100)
        self.write(BUGGY)
        proc = run(["--db", "r.db", "prog.c", "--", "-I" + CONFIG.include], self.dir, None)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("r.db", proc.stderr)
        with open(self.db(), "rb") as f:
            self.assertEqual(f.read(), b"not a database at all" * 100)

    def test_two_runs_at_once_both_complete(self):
        self.write(BUGGY)
        env = dict(os.environ, VIEWCHECK_MODELS_DIR=CONFIG.models)
        cmd = [CONFIG.viewcheck, "-q", "--db", "r.db", "prog.c", "--", "-I" + CONFIG.include]
        procs = [subprocess.Popen(cmd, cwd=self.dir, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE) for _ in range(4)]
        codes = [p.wait(timeout=120) for p in procs]
        self.assertEqual(codes, [1, 1, 1, 1], [p.stderr.read() for p in procs])
        with sqlite3.connect(self.db()) as c:
            self.assertEqual(c.execute("SELECT count(*) FROM runs").fetchone()[0], 4)
            self.assertEqual(c.execute("SELECT count(*) FROM findings").fetchone()[0], 4)
            self.assertEqual(c.execute("PRAGMA integrity_check").fetchone()[0], "ok")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--models", required=True)
    args, rest = ap.parse_known_args()
    CONFIG.__dict__.update(vars(args))
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
