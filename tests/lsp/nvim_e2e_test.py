#!/usr/bin/env python3
"""End-to-end test of `viewcheck lsp` with a real client: Debian's Neovim (0.7), headless, its
built-in LSP client and no plugins (test_init.lua). It opens a corpus file, waits for the
diagnostics and checks their lines and codes (the file's `// expect:` markers), their rule page and
their related information (the CLI's notes, step by step); applies the "make a copy" code action
to the unsaved buffer and checks that the diagnostic disappears (and that nothing was saved);
undoes it and checks that it comes back; then times a change -> diagnostics round trip on the
corpus file and on a generated 5,000-line file. Exits 77 (skipped) when nvim is not installed."""
import argparse
import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_protocol_test import expected_markers, generated_file  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--models", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--nvim", default="nvim")
    a = ap.parse_args()
    nvim = shutil.which(a.nvim)
    if not nvim:
        print("skipped: no nvim (apt-get install neovim)")
        return 77
    tmp = os.path.abspath(a.tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    proj = os.path.join(tmp, "proj")
    os.makedirs(proj)
    src = os.path.join(proj, "vc004_seed_slice.c")
    shutil.copy(os.path.join(a.corpus, "vc004_seed_slice.c"), src)
    large = os.path.join(proj, "large.c")
    with open(large, "w") as f:
        f.write(generated_file(5000))
    with open(os.path.join(proj, "compile_commands.json"), "w") as f:
        json.dump([{"directory": proj, "file": p,
                    "arguments": ["cc", "-std=c11", "-I" + a.include, "-c", p]}
                   for p in (src, large)], f)
    original = open(src).read()
    out = os.path.join(tmp, "results.json")
    env = dict(os.environ, VIEWCHECK_BIN=os.path.abspath(a.viewcheck), VC_FILE=src,
               VC_LARGE=large, VC_OUT=out, VC_ROOT=proj, VIEWCHECK_MODELS_DIR=a.models)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = os.path.join(tmp, var.lower())
    init = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test_init.lua")
    try:
        r = subprocess.run([nvim, "--headless", "--noplugin", "-n", "-i", "NONE", "-u", init],
                           env=env, cwd=proj, timeout=120, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        print("FAIL: nvim did not finish in 120 s")
        return 1
    if not os.path.exists(out):
        print("FAIL: no results from nvim (status %d)\n%s%s" % (r.returncode, r.stdout, r.stderr))
        return 1
    res = json.load(open(out))
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    check("error" not in res, "nvim script: %s (steps done: %s)" % (res.get("error"),
                                                                      res.get("steps")))
    diags = res.get("diagnostics") or []
    got = {(d["code"], d["lnum"] + 1) for d in diags}
    want = expected_markers(src)
    check(got == want, "lines and codes: %r, the markers say %r" % (got, want))
    for d in diags:
        check(d["source"] == "viewcheck", "source: %r" % d["source"])
        check(d["severity"] == 2, "a warning (vim.diagnostic.severity.WARN): %r" % d["severity"])
        check(isinstance(d["href"], str) and d["href"].endswith("/VC004.md"),
              "codeDescription kept by Neovim: %r" % d["href"])
    cli = subprocess.run([a.viewcheck, "-f", "json", "-q", "--no-cache", "--fail-on", "none",
                          "-p", proj, src], capture_output=True, text=True, cwd=proj,
                         env=dict(os.environ, VIEWCHECK_MODELS_DIR=a.models))
    notes = json.loads(cli.stdout)["findings"][0]["notes"]
    if diags:
        related = [(r["location"]["uri"], r["location"]["range"]["start"]["line"] + 1,
                    r["location"]["range"]["start"]["character"] + 1, r["message"])
                   for r in diags[0]["related"]]
        expect = [("file://" + n["file"], n["line"], n["column"], n["message"]) for n in notes]
        check(related == expect, "relatedInformation, step by step, as the CLI's notes:\n  %r\n"
              "  %r" % (related, expect))
    titles = res.get("actions") or []
    check("Suppress VC004 on this line" in titles, "the suppression action: %r" % titles)
    check(any(t.startswith("Make 'b' a copy") for t in titles), "the copy action: %r" % titles)
    check(res.get("after_fix") == 0, "no diagnostic after the unsaved fix: %r" %
          res.get("after_fix"))
    check(res.get("modified") is True, "the buffer is modified, not saved")
    check(open(src).read() == original, "the file on disk is unchanged")
    check(any("nda_copy(b_view)" in line for line in res.get("fixed_lines") or []),
          "the copy edit is in the buffer")
    check([d["code"] for d in res.get("after_undo") or []] == ["VC004"],
          "undo brings the diagnostic back")
    big_want = {n for _, n in expected_markers(large)}
    check(res.get("large_line") is not None and res["large_line"] + 1 in big_want,
          "the 5,000-line file's finding: line %r, marker %r" % (res.get("large_line"),
                                                                 big_want))
    check(not any("no compile command" in m for m in res.get("messages") or []),
          "no defaults message for files in the compile database: %r" % res.get("messages"))
    if "fix_ms" in res:
        print("neovim: open -> diagnostics %.0f ms; unsaved fix -> diagnostics cleared %.0f ms; "
              "undo -> diagnostic back %.0f ms (corpus file, %d lines, 200 ms debounce)" %
              (res["open_ms"], res["fix_ms"], res["undo_ms"], original.count("\n")))
    if res.get("large_changes"):
        print("neovim: 5,000-line file: open -> diagnostics %.0f ms; change -> diagnostics %s ms"
              % (res["large_open_ms"], ", ".join("%.0f" % t for t in res["large_changes"])))
    for f in failures:
        print("FAIL: " + f)
    if failures:
        print(r.stderr[-3000:])
        return 1
    print("ok: neovim end-to-end (%s)" % ", ".join(res.get("steps", [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
