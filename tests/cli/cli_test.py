#!/usr/bin/env python3
"""End-to-end tests of the `viewcheck` command line against shared/spec/cli.md.

The fixture is a small real CMake project (tests/cli/project): it is copied to a temporary
directory and configured there with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, so the compile database
viewcheck reads is the one CMake writes. Its sources carry `// expect:` markers (rules.md), and
findings are compared with them through SARIF's ruleId and region.startLine.

Each TestCase class is one group, registered as its own ctest test (cli_<group>):

    cli_test.py --viewcheck BIN --nda-include DIR --rules-dir DIR [--cmake CMAKE] [GROUP ...]

GROUP is a class name such as Database or Sarif (unittest's own test selection syntax); without
one, every group runs. Needs Debian's python3 with python3-jsonschema (Draft4Validator).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "sarif-schema-2.1.0.json")
PROJECT_SRC = os.path.join(HERE, "project")
FILES = os.path.join(HERE, "files")

EXPECT = re.compile(r"expect:\s*((?:VC\d{3}\s*)+)")
TEXT_FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>warning|error): "
                          r"(?P<message>.+) \[(?P<rule>VC\d{3})\]$")
TEXT_NOTE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): note: (?P<message>.+)$")
SUMMARY_FILES = re.compile(r"in (\d+) files")

# rules.md's catalog: id, name, level; VC000 (unused suppressions, off by default) is ours.
RULES = [
    ("VC000", "unused-suppression", "warning"),
    ("VC001", "write-through-readonly", "error"),
    ("VC002", "overlapping-operands", "error"),
    ("VC003", "stale-view-read", "warning"),
    ("VC004", "base-mutated-through-view", "warning"),
    ("VC005", "maybe-view-write", "warning"),
    ("VC006", "resize-referenced", "error"),
    ("VC007", "use-after-release", "error"),
]
LEVEL = {rule: level for rule, _, level in RULES}

CONFIG = argparse.Namespace()


# --------------------------------------------------------------------------------------------
# Helpers


def run(args, cwd=None, env=None):
    """Runs viewcheck with ARGS; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([CONFIG.viewcheck] + list(args), cwd=cwd, env=full_env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)


def show(proc):
    """The command, exit status, stdout and stderr, for assertion messages."""
    def tail(s, n=2500):
        return s if len(s) <= n else "..." + s[-n:]
    return (f"\n  command: {' '.join(proc.args)}\n  exit status: {proc.returncode}"
            f"\n  stdout:\n{tail(proc.stdout)}\n  stderr:\n{tail(proc.stderr)}")


def markers(path):
    """{(realpath, rule, line)} from the `// expect:` markers of one source file."""
    marks = set()
    real = os.path.realpath(path)
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = EXPECT.search(line)
            if m:
                for rule in m.group(1).split():
                    marks.add((real, rule, lineno))
    return marks


def result_path(doc, result, loc=None):
    """The real path of a SARIF result's primary (or given) location, resolving uriBaseId."""
    art = (loc or result["locations"][0])["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    base = art.get("uriBaseId")
    if base:
        bases = doc["runs"][0].get("originalUriBaseIds", {})
        assert base in bases, f"uriBaseId {base!r} is not in run.originalUriBaseIds {bases}"
        uri = bases[base]["uri"].rstrip("/") + "/" + uri
    if uri.startswith("file://"):
        uri = uri[len("file://"):]
    return os.path.realpath(uri)


def sarif_findings(doc, suppressed=False):
    """{(realpath, ruleId, startLine)} of the results that are (not) suppressed."""
    out = set()
    for r in doc["runs"][0]["results"]:
        if bool(r.get("suppressions")) != suppressed:
            continue
        line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
        out.add((result_path(doc, r), r["ruleId"], line))
    return out


def text_findings(stdout, cwd):
    """{(realpath, rule, line)} of the text output's finding lines (not notes)."""
    out = set()
    for line in stdout.splitlines():
        m = TEXT_FINDING.match(line)
        if m:
            path = m["file"] if os.path.isabs(m["file"]) else os.path.join(cwd, m["file"])
            out.add((os.path.realpath(path), m["rule"], int(m["line"])))
    return out


def files_analyzed(proc):
    m = SUMMARY_FILES.search(proc.stderr)
    return int(m.group(1)) if m else None


def fmt(findings):
    return "\n    " + "\n    ".join(f"{os.path.basename(p)}:{line} {rule}"
                                    for p, rule, line in sorted(findings, key=lambda x: (x[0], x[2], x[1]))) \
        if findings else " (none)"


class Project:
    """The fixture project, copied to /tmp and configured by CMake once per process."""
    root = None
    tmp = None

    @classmethod
    def get(cls):
        if cls.root is None:
            cls.tmp = tempfile.mkdtemp(prefix="viewcheck-cli-", dir="/tmp")
            cls.root = os.path.join(cls.tmp, "project")
            shutil.copytree(PROJECT_SRC, cls.root)
            build = os.path.join(cls.root, "build")
            proc = subprocess.run(
                [CONFIG.cmake, "-S", cls.root, "-B", build, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                 "-DNDA_INCLUDE_DIR=" + CONFIG.nda_include],
                capture_output=True, text=True, timeout=120)
            if proc.returncode != 0:
                raise RuntimeError("configuring the fixture project failed:\n" + proc.stdout +
                                   proc.stderr)
            db = os.path.join(build, "compile_commands.json")
            if not os.path.exists(db):
                raise RuntimeError(f"CMake did not write {db}")
            with open(db, encoding="utf-8") as f:
                entries = json.load(f)
            if len(entries) != 3:
                raise RuntimeError(f"{db}: expected 3 entries, got {len(entries)}")
        return cls.root

    @classmethod
    def cleanup(cls):
        if cls.tmp and not CONFIG.keep:
            shutil.rmtree(cls.tmp, ignore_errors=True)


def project():
    return Project.get()


def src(name):
    return os.path.join(project(), "src", name)


def build_dir():
    return os.path.join(project(), "build")


def db_entries():
    with open(os.path.join(build_dir(), "compile_commands.json"), encoding="utf-8") as f:
        return json.load(f)


def expected(*names):
    """The markers of the named project sources (all three when no name is given)."""
    names = names or ("frames.c", "buffers.c", "helpers.c")
    out = set()
    for n in names:
        out |= markers(src(n))
    return out


def nda_args():
    return ["-std=c11", "-I" + CONFIG.nda_include]


def write_db(directory, entries):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "compile_commands.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=2)
    return path


class CliCase(unittest.TestCase):
    maxDiff = None

    def tmpdir(self):
        d = tempfile.mkdtemp(prefix="viewcheck-cli-", dir="/tmp")
        if not CONFIG.keep:
            self.addCleanup(shutil.rmtree, d, True)
        return d

    def assertExit(self, proc, status, why):
        self.assertEqual(proc.returncode, status,
                         f"{why}: expected exit status {status}, got {proc.returncode}" + show(proc))

    def assertFindings(self, got, want, why, proc=None):
        if got != want:
            self.fail(f"{why}:\n  missing (marked, not reported):{fmt(want - got)}"
                      f"\n  unexpected (reported, not marked):{fmt(got - want)}" +
                      (show(proc) if proc else ""))

    def sarif(self, proc):
        try:
            return json.loads(proc.stdout)
        except json.JSONDecodeError as e:
            self.fail(f"the SARIF output does not parse as JSON: {e}" + show(proc))

    def assertUsageError(self, proc, why, *must_mention):
        """Exit 2, nothing on stdout, and an error message on stderr mentioning each string."""
        self.assertExit(proc, 2, why)
        self.assertIn("error", proc.stderr, f"{why}: no error message on stderr" + show(proc))
        for s in must_mention:
            self.assertIn(s, proc.stderr, f"{why}: the message does not mention {s!r}" + show(proc))


# --------------------------------------------------------------------------------------------
# -p BUILD_DIR: every entry of the database


class Database(CliCase):
    def test_p_build_dir_reports_every_marked_line(self):
        proc = run(["-p", build_dir(), "-f", "sarif"])
        self.assertExit(proc, 1, "-p BUILD_DIR on a project with findings")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected(),
                            "-p BUILD_DIR: SARIF results vs the // expect: markers", proc)
        self.assertEqual(files_analyzed(proc), 3,
                         "-p BUILD_DIR: the summary should count the database's 3 entries" +
                         show(proc))

    def test_relative_p_from_project_dir(self):
        proc = run(["-p", "build", "-f", "sarif", "-q"], cwd=project())
        self.assertExit(proc, 1, "-p build (relative to the current directory)")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected(),
                            "-p build: SARIF results vs markers", proc)

    def test_p_text_output_names_each_finding(self):
        proc = run(["-p", build_dir(), "-q"])
        self.assertExit(proc, 1, "-p BUILD_DIR, text output")
        self.assertFindings(text_findings(proc.stdout, os.getcwd()), expected(),
                            "-p BUILD_DIR: text findings vs markers", proc)

    def test_database_flags_are_used(self):
        # imaging.h is only reachable through the database's -I<project>/include: a database
        # whose command lacks it must make the entry fail (exit 3), proving the flags are read.
        d = self.tmpdir()
        entries = [dict(e) for e in db_entries() if e["file"].endswith("frames.c")]
        entries[0]["command"] = re.sub(r"-I\S*/include(?=\s)", "", entries[0]["command"], count=1)
        self.assertNotIn(os.path.join(project(), "include"), entries[0]["command"],
                         "test setup: could not remove the project's -I from the command")
        entries[0]["command"] += " -I" + CONFIG.nda_include
        write_db(d, entries)
        proc = run(["-p", d, "-q"])
        self.assertExit(proc, 3, "an entry whose command lacks the -I for its header")
        self.assertIn("imaging.h", proc.stderr,
                      "the failure should say that imaging.h was not found" + show(proc))


# --------------------------------------------------------------------------------------------
# Discovery: ., build/, then the parents (as clangd)


class Discovery(CliCase):
    def only(self, name):
        return [e for e in db_entries() if e["file"].endswith("/" + name)]

    def test_build_subdirectory_of_current_dir(self):
        proc = run(["-f", "sarif", "-q"], cwd=project())
        self.assertExit(proc, 1, "no -p, cwd = project dir, database in build/")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected(),
                            "discovery of build/compile_commands.json", proc)

    def test_current_dir_first(self):
        # A database in . holding only buffers.c: used in preference to build/'s three entries.
        path = write_db(project(), self.only("buffers.c"))
        self.addCleanup(os.remove, path)
        proc = run(["-f", "sarif", "-q"], cwd=project())
        self.assertExit(proc, 1, "no -p, database in the current directory")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("buffers.c"),
                            "discovery should use ./compile_commands.json (only buffers.c) "
                            "before build/", proc)

    def test_parent_directory(self):
        path = write_db(project(), self.only("frames.c"))
        self.addCleanup(os.remove, path)
        proc = run(["-f", "sarif", "-q"], cwd=os.path.join(project(), "src"))
        self.assertExit(proc, 1, "no -p, cwd = src/, database in the parent directory")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("frames.c"),
                            "discovery of ../compile_commands.json from a subdirectory", proc)

    def test_build_directory_of_a_parent(self):
        # clangd looks in each parent and its build/ subdirectory: from src/ it finds
        # ../build/compile_commands.json.
        self.assertFalse(os.path.exists(os.path.join(project(), "compile_commands.json")),
                         "test setup: no database in the project root")
        proc = run(["-f", "sarif", "-q"], cwd=os.path.join(project(), "src"))
        self.assertExit(proc, 1, "no -p, cwd = src/, database in ../build/ (as clangd)")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected(),
                            "discovery of ../build/compile_commands.json", proc)

    def test_no_database_anywhere(self):
        d = os.path.join(self.tmpdir(), "a", "b")
        os.makedirs(d)
        polluted = [p for p in ("/tmp/compile_commands.json", "/tmp/build/compile_commands.json",
                                "/compile_commands.json", "/build/compile_commands.json")
                    if os.path.exists(p)]
        if polluted:
            self.skipTest(f"a stray database above the temp dir would be found: {polluted}")
        proc = run([], cwd=d)
        self.assertUsageError(proc, "no compile_commands.json in ., build/ or a parent",
                              "compile_commands.json")
        self.assertEqual(proc.stdout, "", "nothing on stdout for a usage error" + show(proc))

    def test_p_directory_without_database(self):
        d = self.tmpdir()
        proc = run(["-p", d])
        self.assertUsageError(proc, "-p DIR without compile_commands.json",
                              os.path.join(d, "compile_commands.json"))
        self.assertNotIn(":-1", proc.stderr,
                         "the message should not carry a bogus line number -1" + show(proc))


# --------------------------------------------------------------------------------------------
# FILE/DIR arguments narrow the database


class Narrowing(CliCase):
    def test_one_file(self):
        proc = run(["-p", "build", "-f", "sarif", "src/frames.c"], cwd=project())
        self.assertExit(proc, 1, "-p build src/frames.c")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("frames.c"),
                            "narrowing to src/frames.c", proc)
        self.assertEqual(files_analyzed(proc), 1,
                         "narrowing to one file should analyze one entry" + show(proc))

    def test_two_files_absolute(self):
        proc = run(["-p", build_dir(), "-f", "sarif", src("buffers.c"), src("helpers.c")])
        self.assertExit(proc, 1, "-p BUILD two absolute files")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("buffers.c", "helpers.c"),
                            "narrowing to buffers.c and helpers.c", proc)
        self.assertEqual(files_analyzed(proc), 2, "two entries analyzed" + show(proc))

    def test_directory(self):
        proc = run(["-p", "build", "-f", "sarif", "src"], cwd=project())
        self.assertExit(proc, 1, "-p build src/")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected(),
                            "narrowing to the directory src/ keeps every entry", proc)

    def test_with_discovery(self):
        proc = run(["-f", "sarif", "-q", "buffers.c"], cwd=os.path.join(project(), "src"))
        self.assertExit(proc, 1, "cwd src/, discovered database, FILE buffers.c")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("buffers.c"),
                            "narrowing a discovered database", proc)

    def test_clean_entry_only(self):
        proc = run(["-p", build_dir(), src("helpers.c")])
        self.assertExit(proc, 0, "narrowing to the clean helpers.c")
        self.assertEqual(proc.stdout, "", "no findings expected for helpers.c" + show(proc))

    def test_file_not_in_database(self):
        proc = run(["-p", build_dir(), os.path.join(FILES, "clean.c")])
        self.assertUsageError(proc, "a FILE that is not in the compile database")


# --------------------------------------------------------------------------------------------
# Ad hoc: FILE... -- COMPILER_ARGS


class AdHoc(CliCase):
    def test_file_with_compiler_args(self):
        proc = run(["-f", "sarif", src("frames.c"), src("buffers.c"), "--",
                    "-I" + os.path.join(project(), "include")] + nda_args())
        self.assertExit(proc, 1, "ad hoc FILE FILE -- -I...")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("frames.c", "buffers.c"),
                            "ad hoc analysis vs markers", proc)

    def test_relative_file_text(self):
        proc = run(["src/frames.c", "--", "-Iinclude"] + nda_args(), cwd=project())
        self.assertExit(proc, 1, "ad hoc relative file")
        self.assertFindings(text_findings(proc.stdout, project()), expected("frames.c"),
                            "ad hoc text findings vs markers", proc)

    def test_ignores_discoverable_database(self):
        # cwd has build/compile_commands.json; `--` means only the named file is analyzed.
        proc = run(["src/helpers.c", "--", "-Iinclude"] + nda_args(), cwd=project())
        self.assertExit(proc, 0, "ad hoc clean file next to a database with findings")
        self.assertEqual(files_analyzed(proc), 1, "only the named file is analyzed" + show(proc))

    def test_missing_header_is_a_failed_unit(self):
        proc = run([src("frames.c"), "--"] + nda_args())
        self.assertExit(proc, 3, "ad hoc without the -I for imaging.h")
        self.assertIn(src("frames.c"), proc.stderr, "the failed file is named" + show(proc))

    def test_unreadable_file(self):
        missing = os.path.join(self.tmpdir(), "no_such_file.c")
        proc = run([missing, "--"] + nda_args())
        self.assertUsageError(proc, "ad hoc FILE that does not exist", missing)
        if os.geteuid() != 0:  # root reads everything
            d = self.tmpdir()
            locked = os.path.join(d, "locked.c")
            shutil.copy(os.path.join(FILES, "clean.c"), locked)
            os.chmod(locked, 0)
            proc = run([locked, "--"] + nda_args())
            self.assertUsageError(proc, "ad hoc FILE without read permission", locked)

    def test_separator_without_files(self):
        proc = run(["--", "-I."])
        self.assertUsageError(proc, "'--' with no FILE before it")


# --------------------------------------------------------------------------------------------
# Exit status 0 and 1, --fail-on


class ExitStatus(CliCase):
    def test_findings_exit_1(self):
        proc = run(["-p", build_dir(), "-q"])
        self.assertExit(proc, 1, "findings at or above the default --fail-on warning")

    def test_fail_on_none(self):
        proc = run(["-p", build_dir(), "-q", "--fail-on", "none"])
        self.assertExit(proc, 0, "--fail-on none with findings")
        self.assertFindings(text_findings(proc.stdout, os.getcwd()), expected(),
                            "--fail-on none still reports the findings", proc)
        proc = run(["-p", build_dir(), "-q", "--fail-on=none"])
        self.assertExit(proc, 0, "--fail-on=none")

    def test_clean_file(self):
        proc = run([os.path.join(FILES, "clean.c"), "--"] + nda_args())
        self.assertExit(proc, 0, "a clean file")
        self.assertEqual(proc.stdout, "", "no output for a clean file" + show(proc))

    def test_fail_on_error_with_only_warnings(self):
        proc = run(["-p", build_dir(), "-q", "--fail-on", "error", src("frames.c")])
        self.assertExit(proc, 0, "--fail-on error on frames.c (warnings only)")
        self.assertFindings(text_findings(proc.stdout, os.getcwd()), expected("frames.c"),
                            "--fail-on error still reports warnings", proc)
        self.assertTrue(all(LEVEL[r] == "warning" for _, r, _ in expected("frames.c")),
                        "fixture: frames.c must have warnings only")

    def test_fail_on_error_with_errors(self):
        proc = run(["-p", build_dir(), "-q", "--fail-on", "error", src("buffers.c")])
        self.assertExit(proc, 1, "--fail-on error on buffers.c (errors)")

    def test_fail_on_warning_with_warnings(self):
        proc = run(["-p", build_dir(), "-q", "--fail-on", "warning", src("frames.c")])
        self.assertExit(proc, 1, "--fail-on warning on frames.c (warnings)")


# --------------------------------------------------------------------------------------------
# Exit status 2: usage and configuration errors


BAD_JSON = '[\n  {\n    "directory": "/tmp",\n    "file": "a.c",,\n    "command": "cc -c a.c"\n  }\n]\n'


class UsageErrors(CliCase):
    def test_unknown_flag(self):
        proc = run(["--no-such-flag", "-p", build_dir()])
        self.assertUsageError(proc, "an unknown flag", "--no-such-flag")
        self.assertEqual(proc.stdout, "", "no report on stdout" + show(proc))

    def test_bad_format(self):
        proc = run(["-p", build_dir(), "--format", "xml"])
        self.assertUsageError(proc, "--format xml", "xml")
        proc = run(["-p", build_dir(), "-f", "yaml"])
        self.assertUsageError(proc, "-f yaml", "yaml")
        proc = run(["-p", build_dir(), "-f"])
        self.assertUsageError(proc, "-f without a value")

    def test_bad_fail_on(self):
        proc = run(["-p", build_dir(), "--fail-on", "sometimes"])
        self.assertUsageError(proc, "--fail-on sometimes", "sometimes")

    def test_invalid_json_names_file_and_line(self):
        d = self.tmpdir()
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            f.write(BAD_JSON)
        proc = run(["-p", d])
        path = os.path.join(d, "compile_commands.json")
        self.assertUsageError(proc, "invalid JSON in compile_commands.json", path)
        self.assertRegex(proc.stderr, re.escape(path) + r":4\b",
                         "the message should give the line (4) of the JSON error" + show(proc))

    def test_invalid_json_found_by_discovery(self):
        d = self.tmpdir()
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            f.write(BAD_JSON)
        proc = run([], cwd=d)
        self.assertUsageError(proc, "invalid JSON in a discovered database",
                              "compile_commands.json:4")

    def test_wrong_shape(self):
        cases = {
            "an object, not an array": {"directory": "/tmp", "file": "a.c", "command": "cc a.c"},
            "an entry that is a string": ["cc -c a.c"],
            "an entry without 'file'": [{"directory": "/tmp", "command": "cc -c a.c"}],
            "an entry without 'directory'": [{"file": "a.c", "command": "cc -c a.c"}],
            "an entry without 'command' or 'arguments'": [{"directory": "/tmp", "file": "a.c"}],
            "'file' that is a number": [{"directory": "/tmp", "file": 5, "command": "cc a.c"}],
            "'arguments' with a non-string": [{"directory": "/tmp", "file": "a.c",
                                               "arguments": ["cc", 7, "-c", "a.c"]}],
        }
        for what, doc in cases.items():
            with self.subTest(what):
                d = self.tmpdir()
                path = write_db(d, doc)
                proc = run(["-p", d])
                self.assertUsageError(proc, f"compile_commands.json with {what}", path)

    def test_malformed_model(self):
        d = self.tmpdir()
        model = os.path.join(d, "bad.yaml")
        with open(model, "w") as f:
            f.write("models:\n"
                    "  - function: imaging_total\n"
                    "    effects: [reads(frame)]\n"
                    "  - function: imaging_normalize_rows\n"
                    "    effects: [frobnicates(m)]\n")
        proc = run(["-p", build_dir(), "--model", model])
        self.assertUsageError(proc, "--model with an unknown effect")
        self.assertRegex(proc.stderr, re.escape(model) + r":5: \S",
                         "the message should read `file:line: reason` (line 5)" + show(proc))
        self.assertEqual(proc.stdout, "", "no report when the configuration is bad" + show(proc))

    def test_model_yaml_syntax_error(self):
        d = self.tmpdir()
        model = os.path.join(d, "syntax.yaml")
        with open(model, "w") as f:
            f.write("models:\n  - function: f\n   effects: [\n")
        proc = run(["-p", build_dir(), "--model", model])
        self.assertUsageError(proc, "--model with a YAML syntax error")
        self.assertRegex(proc.stderr, re.escape(model) + r":\d+: \S",
                         "the message should read `file:line: reason`" + show(proc))

    def test_missing_model(self):
        model = os.path.join(self.tmpdir(), "absent.yaml")
        proc = run(["-p", build_dir(), "--model", model])
        self.assertUsageError(proc, "--model naming a missing file", model)

    def test_malformed_model_in_models_dir(self):
        d = self.tmpdir()
        with open(os.path.join(d, "lib.yaml"), "w") as f:
            f.write("models:\n  - function: f\n    colour: red\n    effects: []\n")
        proc = run(["-p", build_dir()], env={"VIEWCHECK_MODELS_DIR": d})
        self.assertUsageError(proc, "a malformed model in the models directory",
                              os.path.join(d, "lib.yaml") + ":3:")

    def test_models_dir_that_does_not_exist(self):
        d = os.path.join(self.tmpdir(), "no-such-dir")
        proc = run(["-p", build_dir()], env={"VIEWCHECK_MODELS_DIR": d})
        self.assertUsageError(proc, "VIEWCHECK_MODELS_DIR naming no directory", d)

    def test_good_model_is_accepted(self):
        d = self.tmpdir()
        model = os.path.join(d, "imaging.yaml")
        with open(model, "w") as f:
            f.write("models:\n  - function: imaging_total\n    effects: [reads(frame)]\n")
        proc = run(["-p", build_dir(), "-q", "--model", model, "-f", "sarif"])
        self.assertExit(proc, 1, "a valid --model file")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected(),
                            "a valid model does not change the fixture's findings", proc)

    def test_unknown_rule_page(self):
        proc = run(["rules", "NOSUCH"])
        self.assertUsageError(proc, "viewcheck rules NOSUCH", "NOSUCH")

    def test_unwritable_output(self):
        out = os.path.join(self.tmpdir(), "no", "such", "dir", "report.txt")
        proc = run(["-p", build_dir(), "-q", "-o", out])
        self.assertUsageError(proc, "-o into a missing directory", out)


# --------------------------------------------------------------------------------------------
# Exit status 3: some translation units could not be analyzed


class FailedUnits(CliCase):
    def setUp(self):
        self.dir = self.tmpdir()
        self.good = os.path.join(self.dir, "good.c")
        self.bad = os.path.join(self.dir, "bad.c")
        shutil.copy(src("buffers.c"), self.good)
        with open(self.bad, "w") as f:
            f.write("#include <nda.h>\n\nint broken(void)\n{\n    return 1 +;\n}\n")
        inc = "-I" + os.path.join(project(), "include")
        write_db(self.dir, [
            {"directory": self.dir, "file": "bad.c",
             "command": f"cc {inc} -I{CONFIG.nda_include} -c bad.c -o bad.o"},
            {"directory": self.dir, "file": "good.c",
             "arguments": ["cc", inc, "-I" + CONFIG.nda_include, "-c", "good.c", "-o", "good.o"]},
        ])

    def test_text(self):
        proc = run(["-p", self.dir])
        self.assertExit(proc, 3, "a database with one unparsable file and one good file")
        self.assertFindings(text_findings(proc.stdout, os.getcwd()), markers(self.good),
                            "the good file's findings are still reported", proc)
        self.assertIn(self.bad, proc.stderr, "the failed file is named on stderr" + show(proc))
        self.assertNotIn(self.good + ": could not", proc.stderr,
                         "the good file is not reported as failed" + show(proc))

    def test_sarif(self):
        proc = run(["-p", self.dir, "-f", "sarif"])
        self.assertExit(proc, 3, "failed unit, SARIF output")
        doc = self.sarif(proc)
        self.assertFindings(sarif_findings(doc), markers(self.good),
                            "the good file's SARIF results", proc)
        inv = doc["runs"][0].get("invocations") or [{}]
        self.assertIs(inv[0].get("executionSuccessful"), False,
                      "SARIF invocations[0].executionSuccessful should be false" + show(proc))
        notes = json.dumps(inv[0].get("toolExecutionNotifications", []))
        self.assertIn("bad.c", notes, "a toolExecutionNotification names bad.c" + show(proc))

    def test_fail_on_none_does_not_hide_failures(self):
        proc = run(["-p", self.dir, "-q", "--fail-on", "none"])
        self.assertExit(proc, 3, "failed unit with --fail-on none")
        self.assertIn(self.bad, proc.stderr, "the failed file is named even with -q" + show(proc))

    def test_only_the_good_file(self):
        proc = run(["-p", self.dir, "-q", self.good])
        self.assertExit(proc, 1, "narrowed to the good file: no failed unit left")


class AssemblyEntries(CliCase):
    def test_assembly_entry_is_skipped_with_a_note(self):
        d = self.tmpdir()
        asm = os.path.join(d, "fast_amd64.S")
        with open(asm, "w", encoding="utf-8") as f:
            f.write("#include <nothing-here.h>\n.text\n.globl fast\nfast:\n    ret\n")
        inc = ["-I" + os.path.join(project(), "include"), "-I" + CONFIG.nda_include]
        write_db(d, [
            {"directory": d, "file": src("frames.c"),
             "arguments": ["cc"] + inc + ["-c", src("frames.c")]},
            {"directory": d, "file": asm, "arguments": ["cc", "-c", asm, "-o", "fast.o"]},
        ])
        proc = run(["-p", d, "-f", "sarif"])
        self.assertExit(proc, 1, "a database with an assembly entry: findings, no failed unit")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("frames.c"),
                            "the C entry is analyzed", proc)
        self.assertNotIn("could not be analyzed", proc.stderr, show(proc))
        self.assertTrue(any("skipped 1 assembly entry" in l for l in proc.stderr.splitlines()),
                        "a note says the assembly entry was skipped" + show(proc))


# --------------------------------------------------------------------------------------------
# Flags that load code are dropped; gcc-only flags are tolerated


# The usual ways a build loads a GCC or Clang plugin; `-Xclang -load -Xclang X -Xclang
# -add-plugin -Xclang NAME` is how Clang plugins are run from a compile command.
CODE_LOADING = ["-fplugin=/nonexistent/plugin.so", "-fplugin-arg-plugin-key=value",
                "-Xclang", "-load", "-Xclang", "/nonexistent/load.so",
                "-Xclang", "-add-plugin", "-Xclang", "nosuch-plugin",
                "-fpass-plugin=/nonexistent/pass.so",
                "-Xclang", "-fpass-plugin=/nonexistent/xpass.so"]
GCC_ONLY = ["-fanalyzer", "-fconserve-stack", "-Wno-stringop-overflow", "-fno-tree-vectorize"]


class CodeLoadingFlags(CliCase):
    def test_dropped_with_a_note(self):
        d = self.tmpdir()
        inc = ["-I" + os.path.join(project(), "include"), "-I" + CONFIG.nda_include]
        write_db(d, [
            {"directory": d, "file": src("frames.c"),
             "arguments": ["cc"] + inc + CODE_LOADING + GCC_ONLY + ["-c", src("frames.c"),
                                                                     "-o", "frames.o"]},
            {"directory": d, "file": src("buffers.c"),
             "command": " ".join(["/usr/bin/gcc"] + inc + CODE_LOADING + GCC_ONLY +
                                 ["-c", src("buffers.c"), "-o", "buffers.o"])},
        ])
        proc = run(["-p", d, "-f", "sarif"])
        self.assertExit(proc, 1, "a database with plugin and gcc-only flags")
        self.assertFindings(sarif_findings(self.sarif(proc)), expected("frames.c", "buffers.c"),
                            "analysis succeeds with the code-loading flags dropped", proc)
        notes = [l for l in proc.stderr.splitlines() if "note" in l]
        for flag in ("-fplugin=/nonexistent/plugin.so", "/nonexistent/load.so", "nosuch-plugin",
                     "-fpass-plugin=/nonexistent/pass.so", "-fpass-plugin=/nonexistent/xpass.so"):
            self.assertTrue(any(flag in l for l in notes),
                            f"a note on stderr should say {flag!r} was dropped" + show(proc))
        self.assertNotIn("could not be analyzed", proc.stderr,
                         "gcc-only flags must not make a unit fail" + show(proc))

    def test_quiet_silences_the_notes(self):
        d = self.tmpdir()
        write_db(d, [{"directory": d, "file": src("buffers.c"),
                      "arguments": ["cc", "-I" + os.path.join(project(), "include"),
                                    "-I" + CONFIG.nda_include] + CODE_LOADING +
                                   ["-c", src("buffers.c")]}])
        for mode, args in (("database", ["-p", d]),
                           ("ad hoc", [src("buffers.c"), "--", "-I" + os.path.join(
                               project(), "include")] + nda_args() + CODE_LOADING)):
            with self.subTest(mode):
                proc = run(["-q"] + args)
                self.assertExit(proc, 1, f"-q, {mode}, plugin flags")
                self.assertNotIn("note", proc.stderr, f"-q ({mode}) prints no notes" + show(proc))

    def test_ad_hoc_arguments(self):
        proc = run([src("frames.c"), "--", "-I" + os.path.join(project(), "include")] +
                   nda_args() + CODE_LOADING + GCC_ONLY)
        self.assertExit(proc, 1, "ad hoc with plugin and gcc-only flags")
        self.assertFindings(text_findings(proc.stdout, os.getcwd()), expected("frames.c"),
                            "ad hoc analysis succeeds with plugin flags", proc)
        self.assertIn("-fplugin=/nonexistent/plugin.so", proc.stderr,
                      "the dropped -fplugin is noted" + show(proc))


# --------------------------------------------------------------------------------------------
# SARIF


class Sarif(CliCase):
    @classmethod
    def setUpClass(cls):
        import jsonschema  # Debian's python3-jsonschema
        with open(SCHEMA, encoding="utf-8") as f:
            cls.validator = jsonschema.Draft4Validator(json.load(f))

    def sarif_run(self, args, cwd=None):
        proc = run(["-f", "sarif", "-q"] + args, cwd=cwd)
        self.assertIn(proc.returncode, (0, 1), "viewcheck -f sarif" + show(proc))
        doc = self.sarif(proc)
        errors = sorted(self.validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            self.fail("the SARIF output does not validate against sarif-schema-2.1.0.json:\n" +
                      "\n".join(f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message}"
                                for e in errors[:10]))
        return doc, proc

    def test_schema_and_required_fields(self):
        doc, proc = self.sarif_run(["-p", build_dir()])
        self.assertEqual(doc.get("version"), "2.1.0", "SARIF version")
        self.assertEqual(len(doc["runs"]), 1, "one run")
        run0 = doc["runs"][0]
        driver = run0["tool"]["driver"]
        self.assertEqual(driver.get("name"), "viewcheck", "tool.driver.name")
        rules = driver.get("rules", [])
        self.assertEqual([r["id"] for r in rules], [r for r, _, _ in RULES],
                         "tool.driver.rules lists VC000 and the 7 rules")
        for r in rules:
            self.assertTrue(r.get("help", {}).get("text", "").strip(),
                            f"rule {r['id']} has help text")
            self.assertIn(r["id"], r["help"]["text"], f"rule {r['id']}'s help is its page")
            self.assertTrue(r.get("shortDescription", {}).get("text"),
                            f"rule {r['id']} has a shortDescription")
            self.assertEqual(r.get("defaultConfiguration", {}).get("level"), LEVEL[r["id"]],
                             f"rule {r['id']}'s default level is rules.md's")
        results = run0["results"]
        self.assertTrue(results, "the fixture has findings")
        for res in results:
            where = json.dumps(res)[:300]
            self.assertIn(res.get("ruleId"), LEVEL, f"ruleId: {where}")
            if "ruleIndex" in res:
                self.assertEqual(rules[res["ruleIndex"]]["id"], res["ruleId"],
                                 f"ruleIndex points at the rule of ruleId: {where}")
            self.assertEqual(res.get("level"), LEVEL[res["ruleId"]], f"level: {where}")
            self.assertTrue(res.get("message", {}).get("text"), f"message.text: {where}")
            region = res["locations"][0]["physicalLocation"]["region"]
            self.assertIsInstance(region.get("startLine"), int, f"startLine: {where}")
            self.assertGreaterEqual(region["startLine"], 1, f"startLine >= 1: {where}")
            self.assertTrue(os.path.exists(result_path(doc, res)),
                            f"the result's artifact uri resolves to the source: {where}")
            related = res.get("relatedLocations")
            self.assertTrue(related, f"relatedLocations (the notes) are present: {where}")
            for loc in related:
                self.assertTrue(loc.get("message", {}).get("text"),
                                f"each related location has a message: {where}")
                self.assertTrue(os.path.exists(result_path(doc, res, loc)),
                                f"related location uri resolves: {where}")
            flows = res.get("codeFlows")
            self.assertTrue(flows and flows[0]["threadFlows"][0]["locations"],
                            f"codeFlows with thread flow locations: {where}")
            fps = res.get("partialFingerprints")
            self.assertTrue(fps and all(isinstance(v, str) and v for v in fps.values()),
                            f"non-empty partialFingerprints: {where}")
        self.assertFindings(sarif_findings(doc), expected(), "SARIF results vs markers", proc)

    def test_fingerprints_are_stable_when_lines_move(self):
        doc, _ = self.sarif_run(["-p", build_dir(), src("frames.c")])
        before = {(r["ruleId"], json.dumps(r["partialFingerprints"], sort_keys=True))
                  for r in doc["runs"][0]["results"]}
        lines_before = {r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        for r in doc["runs"][0]["results"]}
        d = self.tmpdir()
        moved = os.path.join(d, "frames.c")
        with open(src("frames.c")) as f:
            text = f.read()
        with open(moved, "w") as f:
            f.write("/* three lines\n   added\n   above */\n" + text)
        doc2, _ = self.sarif_run([moved, "--", "-I" + os.path.join(project(), "include")] +
                                 nda_args())
        after = {(r["ruleId"], json.dumps(r["partialFingerprints"], sort_keys=True))
                 for r in doc2["runs"][0]["results"]}
        lines_after = {r["locations"][0]["physicalLocation"]["region"]["startLine"]
                       for r in doc2["runs"][0]["results"]}
        self.assertEqual(lines_after, {l + 3 for l in lines_before}, "the findings moved 3 lines")
        self.assertEqual(before, after,
                         "partialFingerprints must not change when the code moves down")

    def test_fingerprints_are_distinct(self):
        doc, _ = self.sarif_run(["-p", build_dir()])
        fps = [json.dumps(r["partialFingerprints"], sort_keys=True)
               for r in doc["runs"][0]["results"]]
        self.assertEqual(len(fps), len(set(fps)), "each finding has its own fingerprint")

    def test_clean_run_is_valid(self):
        doc, proc = self.sarif_run([os.path.join(FILES, "clean.c"), "--"] + nda_args())
        self.assertEqual(doc["runs"][0]["results"], [], "a clean file has no results")
        self.assertEqual(proc.returncode, 0, "clean file exit status" + show(proc))

    def test_failed_unit_run_is_valid(self):
        d = self.tmpdir()
        with open(os.path.join(d, "bad.c"), "w") as f:
            f.write("int f(void) { return ; }}\n")
        proc = run(["-f", "sarif", "-q", os.path.join(d, "bad.c"), "--"])
        self.assertExit(proc, 3, "unparsable ad hoc file")
        doc = self.sarif(proc)
        errors = list(self.validator.iter_errors(doc))
        self.assertEqual(errors, [], "SARIF with a failed unit validates")


# --------------------------------------------------------------------------------------------
# text, json, -o


class Formats(CliCase):
    def test_text_form(self):
        proc = run(["-p", build_dir(), "-q"])
        self.assertExit(proc, 1, "text output")
        lines = proc.stdout.splitlines()
        self.assertTrue(lines, "text output is not empty" + show(proc))
        findings = 0
        for i, line in enumerate(lines):
            m = TEXT_FINDING.match(line)
            if m:
                findings += 1
                self.assertEqual(m["level"], LEVEL[m["rule"]],
                                 f"line {i + 1}: the level is the rule's: {line!r}")
                self.assertTrue(i + 1 < len(lines) and TEXT_NOTE.match(lines[i + 1]),
                                f"line {i + 1}: a finding is followed by note: lines: {line!r}")
                self.assertTrue(os.path.exists(m["file"]), f"line {i + 1}: file exists: {line!r}")
            else:
                self.assertRegex(line, TEXT_NOTE,
                                 f"line {i + 1}: every line is `file:line:col: warning|error: "
                                 f"message [VCnnn]` or `file:line:col: note: ...`" + show(proc))
        self.assertEqual(findings, len(expected()), "one text finding per marker" + show(proc))

    def test_json(self):
        proc = run(["-p", build_dir(), "-q", "-f", "json"])
        self.assertExit(proc, 1, "json output")
        try:
            doc = json.loads(proc.stdout)
        except json.JSONDecodeError as e:
            self.fail(f"-f json output does not parse: {e}" + show(proc))
        items = doc.get("findings") if isinstance(doc, dict) else doc
        self.assertTrue(items, "-f json has findings" + show(proc))
        got = {(os.path.realpath(f["file"]), f["rule"], f["line"]) for f in items
               if not f.get("suppressed")}
        self.assertFindings(got, expected(), "-f json findings vs markers", proc)

    def test_output_file(self):
        d = self.tmpdir()
        for fmt_name in ("sarif", "text", "json"):
            with self.subTest(fmt_name):
                out = os.path.join(d, "report." + fmt_name)
                proc = run(["-p", build_dir(), "-q", "-f", fmt_name, "-o", out])
                self.assertExit(proc, 1, f"-f {fmt_name} -o FILE")
                self.assertEqual(proc.stdout, "", "nothing on stdout with -o" + show(proc))
                self.assertTrue(os.path.exists(out), f"-o wrote {out}" + show(proc))
                with open(out, encoding="utf-8") as f:
                    content = f.read()
                if fmt_name == "sarif":
                    got = sarif_findings(json.loads(content))
                elif fmt_name == "text":
                    got = text_findings(content, os.getcwd())
                else:
                    got = {(os.path.realpath(x["file"]), x["rule"], x["line"])
                           for x in json.loads(content)["findings"] if not x.get("suppressed")}
                self.assertFindings(got, expected(), f"the -o {fmt_name} report vs markers", proc)

    def test_format_equals_form(self):
        proc = run(["-p", build_dir(), "-q", "--format=sarif"])
        self.assertExit(proc, 1, "--format=sarif")
        self.assertEqual(self.sarif(proc).get("version"), "2.1.0", "--format=sarif gives SARIF")


# --------------------------------------------------------------------------------------------
# --checks


class Checks(CliCase):
    def findings(self, checks):
        proc = run(["-p", build_dir(), "-q", "-f", "sarif", "--checks", checks])
        return proc, sarif_findings(self.sarif(proc))

    def test_single_rule(self):
        proc, got = self.findings("VC004")
        self.assertExit(proc, 1, "--checks VC004")
        self.assertFindings(got, {f for f in expected() if f[1] == "VC004"},
                            "--checks VC004 reports VC004 only", proc)

    def test_all_but_one(self):
        proc, got = self.findings("*,-VC004")
        self.assertExit(proc, 1, "--checks '*,-VC004'")
        self.assertFindings(got, {f for f in expected() if f[1] != "VC004"},
                            "--checks '*,-VC004' reports everything but VC004", proc)

    def test_list(self):
        proc, got = self.findings("VC006,VC007")
        self.assertFindings(got, {f for f in expected() if f[1] in ("VC006", "VC007")},
                            "--checks VC006,VC007", proc)

    def test_rule_without_findings(self):
        proc, got = self.findings("VC001")
        self.assertExit(proc, 0, "--checks VC001 on a project without VC001 findings")
        self.assertEqual(got, set(), "no findings" + show(proc))


# --------------------------------------------------------------------------------------------
# In-source suppression


class Suppression(CliCase):
    def suppressed_in_project(self):
        """The fixture's suppressed finding: the nda_fill on the line after the comment."""
        with open(src("frames.c")) as f:
            lines = f.read().splitlines()
        comment = next(i for i, l in enumerate(lines, 1) if "viewcheck: ignore VC004" in l)
        return (os.path.realpath(src("frames.c")), "VC004", comment + 1)

    def test_project_text_and_exit(self):
        target = self.suppressed_in_project()
        proc = run(["-p", build_dir(), "-q", src("frames.c")])
        self.assertNotIn(target, text_findings(proc.stdout, os.getcwd()),
                         "a suppressed finding is not printed" + show(proc))

    def test_project_sarif(self):
        target = self.suppressed_in_project()
        proc = run(["-p", build_dir(), "-q", "-f", "sarif"])
        doc = self.sarif(proc)
        self.assertEqual(sarif_findings(doc, suppressed=True), {target},
                         "SARIF carries exactly the suppressed finding, marked" + show(proc))
        res = next(r for r in doc["runs"][0]["results"] if r.get("suppressions"))
        self.assertEqual(res["suppressions"][0].get("kind"), "inSource",
                         "suppressions[0].kind" + show(proc))
        self.assertEqual(res["suppressions"][0].get("justification"),
                         "the header is printed as updated on purpose",
                         "the reason after '--' is the justification")

    def test_all_suppressed_exit_0(self):
        path = os.path.join(FILES, "suppressed.c")
        proc = run([path, "--"] + nda_args())
        self.assertExit(proc, 0, "a file whose only findings are suppressed")
        self.assertEqual(proc.stdout, "", "suppressed findings are not printed" + show(proc))
        proc = run(["-f", "sarif", path, "--"] + nda_args())
        self.assertExit(proc, 0, "suppressed findings, SARIF")
        doc = self.sarif(proc)
        results = doc["runs"][0]["results"]
        self.assertEqual(len(results), 2, "SARIF still contains both suppressed findings" +
                         show(proc))
        for r in results:
            self.assertEqual(r.get("ruleId"), "VC004", "suppressed results keep their rule")
            self.assertEqual((r.get("suppressions") or [{}])[0].get("kind"), "inSource",
                             "each is marked suppressed inSource: " + json.dumps(r)[:300])

    def test_other_rule_does_not_suppress(self):
        path = os.path.join(FILES, "suppressed_other_rule.c")
        proc = run(["-f", "sarif", path, "--"] + nda_args())
        self.assertExit(proc, 1, "a suppression comment naming other rules")
        self.assertFindings(sarif_findings(self.sarif(proc)), markers(path),
                            "`ignore VC001 VC003` does not silence VC004", proc)


# --------------------------------------------------------------------------------------------
# viewcheck rules [ID]


class RulesCommand(CliCase):
    def test_list(self):
        proc = run(["rules"])
        self.assertExit(proc, 0, "viewcheck rules")
        lines = [l for l in proc.stdout.splitlines() if l.strip()]
        self.assertEqual(len(lines), 8, "viewcheck rules lists VC000 and the 7 rules" + show(proc))
        for line, (rule, name, level) in zip(lines, RULES):
            self.assertEqual(line.split()[:3], [rule, name, level],
                             f"the line for {rule} gives id, name and level: {line!r}")

    def test_page(self):
        proc = run(["rules", "VC004"])
        self.assertExit(proc, 0, "viewcheck rules VC004")
        with open(os.path.join(CONFIG.rules_dir, "VC004.md"), encoding="utf-8") as f:
            page = f.read()
        self.assertEqual(proc.stdout.strip(), page.strip(),
                         "viewcheck rules VC004 prints rules/VC004.md")
        self.assertTrue(proc.stdout.startswith("# VC004: base-mutated-through-view"),
                        "the page starts with its title" + show(proc))


# --------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--nda-include", required=True, help="the directory holding nda.h")
    ap.add_argument("--rules-dir", required=True, help="rules/ with the VCnnn.md pages")
    ap.add_argument("--cmake", default="cmake")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories")
    args, rest = ap.parse_known_args()
    CONFIG.__dict__.update(vars(args))
    CONFIG.viewcheck = os.path.abspath(CONFIG.viewcheck)
    CONFIG.nda_include = os.path.abspath(CONFIG.nda_include)
    try:
        prog = unittest.main(module=__name__, argv=[sys.argv[0], "-v"] + rest, exit=False)
    finally:
        Project.cleanup()
    return 0 if prog.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
