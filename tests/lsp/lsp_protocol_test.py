#!/usr/bin/env python3
"""Protocol tests of `viewcheck lsp`, driving the server over pipes as a client would.

Framing (a message split into single bytes, two messages in one write, a bad Content-Length, no
Content-Length, bytes that are no header, invalid JSON), JSON-RPC errors (-32700, -32600, -32601,
-32002), the lifecycle (shutdown/exit status), and the analysis: diagnostics of a corpus file
(lines, codes, related information equal to the CLI's notes), an unsaved incremental edit that
fixes the bug, a file without a compile command (defaults, said once), cross-file summaries
from the results database (an unsaved edit of a helper changes its caller's diagnostics), the
cancellation of a slow analysis by a newer change, a crashing analysis, code actions applied
and re-analyzed, and UTF-16 positions. Every byte the server writes on stdout must be a framed
message. Prints the latency from a change to its diagnostics."""
import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

ARGS = None
FAILURES = []
SERVERS = []  # every server started, killed after each test if still running


class ProtocolError(Exception):
    pass


class Client:
    def __init__(self, extra_args=(), env=None, cwd=None, name="server"):
        e = dict(os.environ)
        e["VIEWCHECK_MODELS_DIR"] = ARGS.models
        e["XDG_CACHE_HOME"] = os.path.join(ARGS.tmp, "cache")
        e.update(env or {})
        self.stderr_path = os.path.join(ARGS.tmp, name + ".stderr")
        self.p = subprocess.Popen([ARGS.viewcheck, "lsp", *extra_args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=open(self.stderr_path, "wb"),
                                  env=e, cwd=cwd or ARGS.tmp)
        SERVERS.append(self.p)
        self.buf = b""
        self.next_id = 0
        self.queue = []  # messages read while waiting for another

    # -- writing
    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    @staticmethod
    def frame(obj):
        body = json.dumps(obj).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, obj):
        self.raw(self.frame(obj))

    def request(self, method, params=None):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.next_id

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    # -- reading: strict framing, anything else on stdout is an error
    def _parse_one(self):
        prefix = b"Content-Length: "
        if not self.buf:
            return None
        if not self.buf.startswith(prefix) and not prefix.startswith(self.buf):
            raise ProtocolError("non-protocol bytes on stdout: %r" % self.buf[:80])
        end = self.buf.find(b"\r\n\r\n")
        if end < 0:
            return None
        header = self.buf[:end].decode("ascii")
        if "\r\n" in header:
            raise ProtocolError("unexpected headers: %r" % header)
        n = int(header[len(prefix):])
        if len(self.buf) < end + 4 + n:
            return None
        body = self.buf[end + 4:end + 4 + n]
        self.buf = self.buf[end + 4 + n:]
        msg = json.loads(body)
        if msg.get("jsonrpc") != "2.0":
            raise ProtocolError("no jsonrpc 2.0: %r" % msg)
        return msg

    def _read_new(self, timeout):
        deadline = time.time() + timeout
        while True:
            msg = self._parse_one()
            if msg is not None:
                return msg
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.p.stdout], [], [], left)
            if not ready:
                return None
            data = os.read(self.p.stdout.fileno(), 1 << 16)
            if not data:
                return None
            self.buf += data

    def read(self, timeout=10.0):
        if self.queue:
            return self.queue.pop(0)
        return self._read_new(timeout)

    def wait_for(self, pred, timeout=10.0):
        """The first message for which pred is true; the others stay queued, in order."""
        for i, m in enumerate(self.queue):
            if pred(m):
                return self.queue.pop(i)
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                return None
            m = self._read_new(left)
            if m is None:
                return None
            if pred(m):
                return m
            self.queue.append(m)

    def response(self, rid, timeout=10.0):
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def diagnostics(self, uri, timeout=15.0, version=None):
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or p.get("version") == version)
        m = self.wait_for(match, timeout)
        return m["params"] if m else None

    def drain(self, seconds):
        """Everything that arrives within `seconds`."""
        out = list(self.queue)
        self.queue = []
        deadline = time.time() + seconds
        while True:
            m = self.read(max(0.0, deadline - time.time()))
            if m is None:
                return out
            out.append(m)

    def initialize(self, options=None, root=None, capabilities=None):
        rid = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri(root) if root else None,
            "capabilities": capabilities or {}, "initializationOptions": options or {}})
        r = self.response(rid)
        check(r is not None and "result" in r, "initialize answered: %r" % r)
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path) as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "c", "version": version, "text": text}})
        return uri(path)

    def close(self, timeout=10):
        """shutdown, exit; the exit status."""
        try:
            rid = self.request("shutdown")
            self.response(rid, timeout)
            self.notify("exit")
        except (BrokenPipeError, OSError):
            pass
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return None

    def stderr(self):
        with open(self.stderr_path, errors="replace") as f:
            return f.read()


def uri(path):
    return "file://" + os.path.abspath(path)


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def expected_markers(path):
    out = set()
    for n, line in enumerate(open(path), 1):
        if "expect:" in line:
            for rule in line.split("expect:")[1].replace("*/", " ").split():
                if rule.startswith("VC"):
                    out.add((rule, n))
    return out


def write_compdb(directory, files, extra=()):
    entries = [{"directory": directory, "file": f,
                "arguments": ["cc", "-std=c11", "-I" + ARGS.include, *extra, "-c", f]}
               for f in files]
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(entries, f)


def project(name, files):
    """A fresh directory with copies of `files` and a compile database for them."""
    d = os.path.join(ARGS.tmp, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for f in files:
        shutil.copy(f, d)
    write_compdb(d, [os.path.join(d, os.path.basename(f)) for f in files])
    return d


def cli_findings(paths, directory):
    r = subprocess.run([ARGS.viewcheck, "-f", "json", "--no-cache", "--fail-on", "none", "-q",
                        *paths, "--", "-std=c11", "-I" + ARGS.include],
                       capture_output=True, text=True, cwd=directory,
                       env=dict(os.environ, VIEWCHECK_MODELS_DIR=ARGS.models))
    return json.loads(r.stdout)["findings"]


def error_code(msg):
    return msg and msg.get("error", {}).get("code")


# ---- framing and JSON-RPC ---------------------------------------------------------------------

def test_framing():
    c = Client(name="framing")
    # partial reads: one request, one byte per write
    data = c.frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    for i in range(len(data)):
        c.raw(data[i:i + 1])
        if i % 7 == 0:
            time.sleep(0.001)
    r = c.response(1)
    check(r and "capabilities" in r["result"], "a request written byte by byte is answered")
    check(r["result"]["capabilities"]["textDocumentSync"]["change"] == 2, "incremental sync")
    # two messages in one write
    c.raw(c.frame({"jsonrpc": "2.0", "id": 2, "method": "nosuch/one"}) +
          c.frame({"jsonrpc": "2.0", "id": 3, "method": "nosuch/two"}))
    r2, r3 = c.response(2), c.response(3)
    check(error_code(r2) == -32601 and error_code(r3) == -32601,
          "two messages in one write: both answered -32601: %r %r" % (r2, r3))
    # a message split in the middle of its header, then the rest with another message
    whole = c.frame({"jsonrpc": "2.0", "id": 4, "method": "nosuch"}) + \
        c.frame({"jsonrpc": "2.0", "id": 5, "method": "nosuch"})
    c.raw(whole[:9])
    time.sleep(0.05)
    c.raw(whole[9:])
    check(error_code(c.response(4)) == -32601 and error_code(c.response(5)) == -32601,
          "a header split over reads")
    # invalid JSON: -32700 with a null id, and the server goes on
    body = b"{\"jsonrpc\": 2."
    c.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = c.wait_for(lambda m: error_code(m) == -32700)
    check(r and r["id"] is None, "invalid JSON: -32700, id null: %r" % r)
    # a bad Content-Length
    c.raw(b"Content-Length: twelve\r\n\r\n{}")
    r = c.wait_for(lambda m: error_code(m) == -32700)
    check(r and "Content-Length" in r["error"]["message"], "bad Content-Length: -32700 %r" % r)
    # no Content-Length at all
    c.raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")
    r = c.wait_for(lambda m: error_code(m) == -32700)
    check(r is not None, "headers without Content-Length: -32700")
    rid = c.request("nosuch/three")
    check(error_code(c.response(rid)) == -32601, "a good request after a bad one")
    check(not [m for m in c.queue if error_code(m) == -32700], "one error per bad message")
    # bytes that are no header, then a good message
    c.raw(b"{\"jsonrpc\":\"2.0\",\"id\":6}" + c.frame({"jsonrpc": "2.0", "id": 7, "method": "x"}))
    r = c.wait_for(lambda m: error_code(m) == -32700)
    check(r is not None, "a body without headers: -32700")
    check(error_code(c.response(7)) == -32601, "the server resynchronizes on the next header")
    # short garbage, alone: dropped (no loop on it), one error
    c.raw(b"xx\r\n\r\n")
    check(c.wait_for(lambda m: error_code(m) == -32700) is not None, "short garbage: -32700")
    rid = c.request("nosuch/four")
    check(error_code(c.response(rid)) == -32601, "and the next request is answered")
    # a JSON value that is no request
    c.raw(c.frame([1, 2, 3]))
    check(error_code(c.wait_for(lambda m: error_code(m) == -32600)) == -32600, "a batch: -32600")
    c.raw(c.frame({"jsonrpc": "2.0", "id": 8}))
    check(error_code(c.response(8)) == -32600, "no method: -32600")
    c.raw(c.frame({"jsonrpc": "2.0", "id": 9, "method": "textDocument/codeAction",
                   "params": {"textDocument": {}}}))
    check(error_code(c.response(9)) == -32602, "bad params: -32602")
    # a huge Content-Length is refused, not allocated
    c.raw(b"Content-Length: 99999999999999999999\r\n\r\n")
    check(c.wait_for(lambda m: error_code(m) == -32700) is not None, "huge Content-Length")
    rid = c.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///nowhere.c"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    r = c.response(rid)
    check(r and r["result"] == [], "still serving after all that: %r" % r)
    status = c.close()
    check(status == 0, "shutdown then exit: status 0 (got %r)" % status)


def test_lifecycle():
    c = Client(name="lifecycle")
    rid = c.request("textDocument/codeAction", {})
    check(error_code(c.response(rid)) == -32002, "a request before initialize: -32002")
    c.initialize()
    rid = c.request("shutdown")
    check(c.response(rid)["result"] is None, "shutdown answers null")
    rid = c.request("textDocument/codeAction", {})
    check(error_code(c.response(rid)) == -32600, "a request after shutdown: -32600")
    c.notify("exit")
    check(c.p.wait(10) == 0, "exit after shutdown: 0")
    c = Client(name="lifecycle2")
    c.initialize()
    c.notify("exit")
    check(c.p.wait(10) == 1, "exit without shutdown: 1")
    c = Client(name="lifecycle3")
    c.initialize()
    c.p.stdin.close()
    check(c.p.wait(10) == 1, "the end of input: 1")


# ---- analysis -------------------------------------------------------------------------------

def related_steps(diag):
    return [(os.path.basename(r["location"]["uri"]), r["location"]["range"]["start"]["line"] + 1,
             r["message"]) for r in diag["relatedInformation"]]


def test_corpus_file_and_unsaved_fix():
    src = os.path.join(ARGS.corpus, "vc004_seed_slice.c")
    d = project("corpus", [src])
    path = os.path.join(d, "vc004_seed_slice.c")
    c = Client(extra_args=["-v"], name="corpus")
    c.initialize(root=d)
    u = c.open(path)
    p = c.diagnostics(u)
    check(p is not None, "diagnostics for the opened corpus file")
    got = {(x["code"], x["range"]["start"]["line"] + 1) for x in p["diagnostics"]}
    check(got == expected_markers(path), "lines and codes: %r vs markers %r" %
          (got, expected_markers(path)))
    diag = p["diagnostics"][0]
    check(diag["source"] == "viewcheck" and diag["severity"] == 2, "source and severity")
    href = diag["codeDescription"]["href"]
    check(href.startswith("file://") and href.endswith("/VC004.md") and
          os.path.exists(href[7:]), "codeDescription: the rule's page %s" % href)
    cli = cli_findings([path], d)[0]
    want = [(os.path.basename(n["file"]), n["line"], n["message"]) for n in cli["notes"]]
    check(related_steps(diag) == want, "related information = the CLI's notes: %r vs %r" %
          (related_steps(diag), want))
    check(p["version"] == 1, "the version of the diagnosed text")
    # an unsaved incremental edit that fixes the bug: the slice becomes a copy
    lines = open(path).read().split("\n")
    row = next(i for i, line in enumerate(lines) if "nda_slice(a" in line)
    col = lines[row].index("nda_slice(a, 0, 0, 3, 1)")
    start = time.time()
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": u, "version": 2},
        "contentChanges": [{"range": {"start": {"line": row, "character": col},
                                      "end": {"line": row, "character": col + 24}},
                            "text": "nda_copy(a)"}]})
    p = c.diagnostics(u, version=2)
    latency = time.time() - start
    check(p is not None and p["diagnostics"] == [], "the fix clears the diagnostic: %r" % p)
    check("nda_slice" in open(path).read(), "nothing was saved")
    print("latency change -> diagnostics, corpus file (%d lines, default 200 ms debounce): "
          "%.0f ms; %s" % (len(lines) - 1, latency * 1000, server_timing(c)))
    # and back (undo): the finding returns
    c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": 3},
                                        "contentChanges": [{"text": "\n".join(lines)}]})
    p = c.diagnostics(u, version=3)
    check(p and [x["code"] for x in p["diagnostics"]] == ["VC004"], "the full text again")
    # close: the diagnostics are cleared
    c.notify("textDocument/didClose", {"textDocument": {"uri": u}})
    p = c.diagnostics(u)
    check(p and p["diagnostics"] == [], "didClose clears")
    check(c.close() == 0, "clean exit")


def without_database():
    """A new directory with no compile_commands.json in it, build/ or a parent (or None)."""
    d = tempfile.mkdtemp(prefix="viewcheck-lsp-nodb-")
    up = d
    while True:
        if any(os.path.exists(os.path.join(up, sub, "compile_commands.json"))
               for sub in ("", "build")):
            shutil.rmtree(d)
            return None
        if up == "/":
            return d
        up = os.path.dirname(up)


def server_timing(c):
    """The server's account of its last analysis (-v), and the machine's load."""
    lines = [line for line in c.stderr().split("\n") if "publishing" in line]
    load = os.getloadavg()[0]
    if not lines:
        return "load average %.1f on %d cores" % (load, os.cpu_count())
    words = lines[-1].split()
    # "... publishing N ms after the analysis started (in the child: N ms, N ms of CPU)"
    return "the analysis: %s ms wall, %s ms CPU in its child (load average %.1f on %d cores)" % (
        words[words.index("publishing") + 1], words[-4], load, os.cpu_count())


def test_no_compile_command():
    d = without_database()
    if d is None:
        print("      (skipped: the temporary directory has a compile database above it)")
        return
    path = os.path.join(d, "seed.c")
    shutil.copy(os.path.join(ARGS.corpus, "vc004_seed_slice.c"), path)
    c = Client(name="nodb")
    c.initialize(options={"fallbackFlags": ["-std=c11", "-I" + ARGS.include]}, root=d)
    u = c.open(path)
    p = c.diagnostics(u)
    check(p and [x["code"] for x in p["diagnostics"]] == ["VC004"],
          "a file without a compile command is analyzed with the fallback flags: %r" % p)
    text = open(path).read()
    for v in (2, 3):
        c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": v},
                                            "contentChanges": [{"text": text + "\n" * v}]})
        check(c.diagnostics(u, version=v) is not None, "diagnostics after a change")
    c.drain(0.3)
    log = c.stderr()
    check(log.count("no compile command for seed.c") == 1,
          "said once that the defaults are used:\n" + log)
    check(c.close() == 0, "clean exit")
    # without any flags: the default -std=c11 cannot find nda.h; said once, no crash
    c = Client(name="nodb2")
    c.initialize(root=d)
    u = c.open(path)
    m = c.wait_for(lambda m: m.get("method") == "window/showMessage" and
                   "could not be analyzed" in m["params"]["message"])
    check(m is not None and "nda.h" in m["params"]["message"],
          "a file that does not parse says why: %r" % m)
    check(c.close() == 0, "clean exit")
    shutil.rmtree(d)


def multifile_project():
    src = os.path.join(ARGS.multifile, "01_helper_chain_writes_view")
    d = os.path.join(ARGS.tmp, "multi")
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, d)
    files = [os.path.join(d, f) for f in ("main.c", "denoise.c", "clip.c")]
    write_compdb(d, files)
    r = subprocess.run([ARGS.viewcheck, "-p", d, "-q", "--fail-on", "none"], cwd=d,
                       env=dict(os.environ, VIEWCHECK_MODELS_DIR=ARGS.models),
                       capture_output=True, text=True)
    check(r.returncode == 0 and os.path.exists(os.path.join(d, ".viewcheck", "results.db")),
          "the CLI run fills the results database: %s" % r.stderr)
    return d


def test_cross_file():
    d = multifile_project()
    main, clip = os.path.join(d, "main.c"), os.path.join(d, "clip.c")
    c = Client(name="multi")
    c.initialize(root=d)
    mu = c.open(main)
    p = c.diagnostics(mu)
    check(p and [(x["code"], x["range"]["start"]["line"] + 1) for x in p["diagnostics"]] ==
          [("VC004", 18)], "main.c: the VC004 of the chain: %r" % p)
    steps = related_steps(p["diagnostics"][0])
    files = [s[0] for s in steps]
    check("clip.c" in files and "denoise.c" in files,
          "related information in other files (from the results database): %r" % steps)
    check(("clip.c", 10, "in 'clip_negative': 'x' written here") in steps, "the write in clip.c")
    # an unsaved edit of the helper, two files away, removes the write: main.c is clean
    cu = c.open(clip)
    c.diagnostics(cu)
    text = open(clip).read()
    fixed = text.replace("nda_set1(x, i, 0.0);", "(void)0;")
    check(fixed != text, "the helper's write is there to remove")
    c.notify("textDocument/didChange", {"textDocument": {"uri": cu, "version": 2},
                                        "contentChanges": [{"text": fixed}]})
    p = c.diagnostics(mu, timeout=15)
    while p and p["diagnostics"]:  # an analysis of the open event may still be on its way
        p = c.diagnostics(mu, timeout=15)
    check(p is not None and p["diagnostics"] == [],
          "main.c's diagnostic goes when its callee stops writing (unsaved): %r" % p)
    c.notify("textDocument/didChange", {"textDocument": {"uri": cu, "version": 3},
                                        "contentChanges": [{"text": text}]})
    p = c.diagnostics(mu)
    check(p and [x["code"] for x in p["diagnostics"]] == ["VC004"], "and comes back: %r" % p)
    # closing the edited helper without saving: the database's unit stands for it again
    c.notify("textDocument/didChange", {"textDocument": {"uri": cu, "version": 4},
                                        "contentChanges": [{"text": fixed}]})
    p = c.diagnostics(mu)
    while p and p["diagnostics"]:
        p = c.diagnostics(mu)
    c.notify("textDocument/didClose", {"textDocument": {"uri": cu}})
    p = c.diagnostics(mu)
    while p and not p["diagnostics"]:
        p = c.diagnostics(mu)
    check(p and [x["code"] for x in p["diagnostics"]] == ["VC004"],
          "closing an unsaved helper restores the saved one: %r" % p)
    check(c.close() == 0, "clean exit")


def test_cancel_slow_analysis():
    src = os.path.join(ARGS.corpus, "vc004_seed_slice.c")
    d = project("slow", [src])
    path = os.path.join(d, "vc004_seed_slice.c")
    c = Client(env={"VIEWCHECK_TEST_LSP_DELAY_MS": "1500"}, name="slow")
    c.initialize(options={"debounceMs": 100}, root=d)
    u = c.open(path)
    check(c.diagnostics(u, timeout=20) is not None, "the first (slow) analysis")
    text = open(path).read()
    c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": 2},
                                        "contentChanges": [{"text": text + "\n"}]})
    time.sleep(0.6)  # past the debounce: version 2 is being analyzed
    c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": 3},
                                        "contentChanges": [{"text": text + "\n\n"}]})
    p = c.diagnostics(u, timeout=20)
    check(p is not None and p["version"] == 3,
          "only the newest version is published (the slow analysis was cancelled): %r" % p)
    late = [m for m in c.drain(0.5) if m.get("method") == "textDocument/publishDiagnostics"]
    check(all(m["params"]["version"] == 3 for m in late), "nothing for version 2: %r" % late)
    check("analysis cancelled (a newer change)" in c.stderr(), "the cancellation is logged")
    check(c.close() == 0, "clean exit")


def test_crash_isolation():
    d = project("crash", [os.path.join(ARGS.corpus, "vc004_seed_slice.c")])
    crash = os.path.join(d, "crashme.c")
    shutil.copy(os.path.join(ARGS.corpus, "vc004_seed_slice.c"), crash)
    write_compdb(d, [os.path.join(d, "vc004_seed_slice.c"), crash])
    c = Client(env={"VIEWCHECK_TEST_CRASH": "crashme"}, name="crash")
    c.initialize(root=d)
    c.open(crash)
    m = c.wait_for(lambda m: m.get("method") == "window/showMessage" and
                   "crashed" in m["params"]["message"], timeout=15)
    check(m is not None, "a crashing analysis is reported")
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(crash)}})
    u = c.open(os.path.join(d, "vc004_seed_slice.c"))
    p = c.diagnostics(u)
    check(p and [x["code"] for x in p["diagnostics"]] == ["VC004"], "and the server goes on")
    check(c.close() == 0, "clean exit")


def apply_edits(text, edits):
    lines = text.split("\n")
    offs = [0]
    for line in lines:
        offs.append(offs[-1] + len(line) + 1)

    def off(pos):
        return offs[pos["line"]] + pos["character"]
    for e in sorted(edits, key=lambda e: off(e["range"]["start"]), reverse=True):
        a, b = off(e["range"]["start"]), off(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def code_actions(c, u, line):
    rid = c.request("textDocument/codeAction", {
        "textDocument": {"uri": u},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
        "context": {"diagnostics": []}})
    return c.response(rid)["result"]


def test_code_actions():
    d = project("actions", [os.path.join(ARGS.corpus, "vc004_seed_slice.c")])
    path = os.path.join(d, "view.c")
    with open(path, "w") as f:
        f.write("#include <nda.h>\n#include <stdio.h>\n\nint main(void)\n{\n"
                "    nda_array *a = nda_arange(6);\n"
                "    nda_array *b = nda_view(a);\n"
                "    nda_set1(b, 0, 100);\n"
                "    nda_print(stdout, a);\n"
                "    nda_print(stdout, b);\n"
                "    nda_release(b);\n    nda_release(a);\n    return 0;\n}\n")
    write_compdb(d, [path, os.path.join(d, "vc004_seed_slice.c")])
    c = Client(name="actions")
    c.initialize(root=d)
    text = open(path).read()
    u = c.open(path)
    p = c.diagnostics(u)
    check(p and [(x["code"], x["range"]["start"]["line"]) for x in p["diagnostics"]] ==
          [("VC004", 7)], "the nda_view case: %r" % p)
    acts = code_actions(c, u, 7)
    titles = [a["title"] for a in acts]
    check("Suppress VC004 on this line" in titles, "a suppression is offered: %r" % titles)
    copy = [a for a in acts if a["title"].startswith("Make 'b' a copy")]
    check(copy and "nda_view(...) -> nda_copy(...)" in copy[0]["title"] and
          copy[0]["kind"] == "quickfix", "nda_view -> nda_copy is offered: %r" % titles)
    check(all(a["diagnostics"][0]["code"] == "VC004" for a in acts), "actions name their diagnostic")
    fixed = apply_edits(text, copy[0]["edit"]["changes"][u])
    check("nda_array *b = nda_copy(a);" in fixed, "the edit: %r" % fixed)
    c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": 2},
                                        "contentChanges": [{"text": fixed}]})
    p = c.diagnostics(u, version=2)
    check(p and p["diagnostics"] == [], "the copy fixes it")
    sup = next(a for a in acts if a["title"].startswith("Suppress"))
    suppressed = apply_edits(text, sup["edit"]["changes"][u])
    check("nda_set1(b, 0, 100);  // viewcheck: ignore VC004" in suppressed,
          "the comment at the end of the line: %r" % suppressed)
    c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": 3},
                                        "contentChanges": [{"text": suppressed}]})
    p = c.diagnostics(u, version=3)
    check(p and p["diagnostics"] == [], "the suppression comment silences it")
    # the corpus file: a marker comment on the line, so the suppression goes above; the slice
    # is copied through a temporary view
    cp = os.path.join(d, "vc004_seed_slice.c")
    ctext = open(cp).read()
    cu = c.open(cp)
    p = c.diagnostics(cu)
    line = p["diagnostics"][0]["range"]["start"]["line"]
    acts = code_actions(c, cu, line)
    sup = next(a for a in acts if a["title"] == "Suppress VC004 on this line")
    edited = apply_edits(ctext, sup["edit"]["changes"][cu]).split("\n")
    check(edited[line].strip() == "// viewcheck: ignore VC004", "above: %r" % edited[line])
    copy = next(a for a in acts if a["title"].startswith("Make 'b' a copy"))
    fixed = apply_edits(ctext, copy["edit"]["changes"][cu])
    check("nda_array *b_view = nda_slice(a, 0, 0, 3, 1);\n    nda_array *b = nda_copy(b_view);"
          "\n    nda_release(b_view);" in fixed, "the slice copied: %r" % fixed)
    for v, t in ((2, "\n".join(edited)), (3, fixed)):
        c.notify("textDocument/didChange", {"textDocument": {"uri": cu, "version": v},
                                            "contentChanges": [{"text": t}]})
        p = c.diagnostics(cu, version=v)
        check(p and p["diagnostics"] == [], "version %d is clean: %r" % (v, p))
    check(c.close() == 0, "clean exit")


def test_utf16_positions():
    d = os.path.join(ARGS.tmp, "utf16")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    path = os.path.join(d, "wide.c")
    with open(path, "w", encoding="utf-8") as f:
        f.write("#include <nda.h>\n#include <stdio.h>\n\nint main(void)\n{\n"
                "    nda_array *a = nda_arange(6);\n"
                "    nda_array *b = nda_view(a);\n"
                "    /* µ𝄞 */ nda_set1(b, 0, 100);\n"
                "    nda_print(stdout, a);\n"
                "    nda_print(stdout, b);\n"
                "    nda_release(b);\n    nda_release(a);\n    return 0;\n}\n")
    write_compdb(d, [path])
    for enc, col in (("utf-16", 4 + len("/* µ𝄞 */ ".encode("utf-16-le")) // 2),
                     ("utf-8", 4 + len("/* µ𝄞 */ ".encode()))):
        c = Client(name="utf16")
        caps = {"general": {"positionEncodings": [enc]}}
        r = c.initialize(root=d, capabilities=caps)
        check(r["result"]["capabilities"]["positionEncoding"] == enc, "negotiated %s" % enc)
        u = c.open(path)
        p = c.diagnostics(u)
        rng = p["diagnostics"][0]["range"]
        check(rng["start"] == {"line": 7, "character": col},
              "%s column of the finding: %r (want %d)" % (enc, rng, col))
        check(rng["end"]["character"] - rng["start"]["character"] == len("nda_set1(b, 0, 100)"),
              "the range covers the call: %r" % rng)
        check(c.close() == 0, "clean exit")


def generated_file(lines):
    """A C file of `lines` lines: many small functions over nda, one VC004 near the end."""
    def stage(k):
        return ["double stage_%d(nda_array *m, double s);" % k, "double stage_%d(nda_array *m, double s)" % k, "{",
                "    nda_array *r = nda_row(m, %d);" % (k % 4),
                "    nda_array *t = nda_copy(r);",
                "    double before = nda_sum(r);",
                "    for (int i = 0; i < 3; i++) {",
                "        nda_scale(t, s + i);",
                "        before += nda_get1(t, i);",
                "    }",
                "    if (before > %d.0)" % k,
                "        nda_fill(t, 0.0);",
                "    double after = nda_sum(t) + nda_sum(m);",
                "    nda_release(t);",
                "    nda_release(r);",
                "    return before - after;",
                "}", ""]
    calls = 10
    tail = 5 + calls + 8
    out = ["#include <nda.h>", "#include <stdio.h>", ""]
    k = 0
    while len(out) + len(stage(k)) + tail <= lines:
        out += stage(k)
        k += 1
    out += ["int main(void)", "{",
            "    const ptrdiff_t shape[2] = {4, 4};",
            "    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);",
            "    double total = 0.0;"]
    out += ["    total += stage_%d(m, %d.0);" % (i * k // calls, i % 5) for i in range(calls)]
    out += ["    nda_array *row = nda_row(m, 1);",
            "    nda_fill(row, 2.0); // expect: VC004",
            "    printf(\"%g %g\\n\", total, nda_sum(m));",
            "    nda_print(stdout, row);",
            "    nda_release(row);",
            "    nda_release(m);",
            "    return 0;", "}"]
    while len(out) < lines:
        out.insert(3, "/* padding */")
    return "\n".join(out) + "\n"


def test_large_file_latency():
    d = os.path.join(ARGS.tmp, "large")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    path = os.path.join(d, "large.c")
    with open(path, "w") as f:
        f.write(generated_file(5000))
    write_compdb(d, [path])
    c = Client(extra_args=["-v"], name="large")
    c.initialize(root=d)
    start = time.time()
    u = c.open(path)
    p = c.diagnostics(u, timeout=60)
    opened = time.time() - start
    text = open(path).read()
    want = expected_markers(path)
    check(p and {(x["code"], x["range"]["start"]["line"] + 1) for x in p["diagnostics"]} == want,
          "the 5,000-line file's finding: %r vs %r" % (p and p["diagnostics"], want))
    # a change (a line inserted at the top): the finding moves one line down
    start = time.time()
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": u, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 2, "character": 0},
                                      "end": {"line": 2, "character": 0}},
                            "text": "/* edited */\n"}]})
    p = c.diagnostics(u, version=2, timeout=60)
    latency = time.time() - start
    check(p and {(x["code"], x["range"]["start"]["line"] + 1) for x in p["diagnostics"]} ==
          {(r, n + 1) for r, n in want}, "the finding follows the edit: %r" % p)
    print("latency change -> diagnostics, generated file (%d lines, default 200 ms debounce): "
          "%.0f ms; %s (first analysis after opening: %.0f ms)" %
          (text.count("\n"), latency * 1000, server_timing(c), opened * 1000))
    check(c.close() == 0, "clean exit")


TESTS = [test_framing, test_lifecycle, test_corpus_file_and_unsaved_fix, test_no_compile_command,
         test_cross_file, test_cancel_slow_analysis, test_crash_isolation, test_code_actions,
         test_utf16_positions, test_large_file_latency]


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewcheck", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--models", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--multifile", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("tests", nargs="*")
    ARGS = ap.parse_args()
    ARGS.tmp = os.path.abspath(ARGS.tmp)
    os.makedirs(ARGS.tmp, exist_ok=True)
    for t in TESTS:
        if ARGS.tests and t.__name__ not in ARGS.tests:
            continue
        start = time.time()
        try:
            t()
            print("ok    %s (%.1f s)" % (t.__name__, time.time() - start))
        except (AssertionError, ProtocolError, KeyError, TypeError, IndexError,
                StopIteration) as e:
            FAILURES.append(t.__name__)
            print("FAIL  %s: %s: %s" % (t.__name__, type(e).__name__, e))
        for p in SERVERS:  # a server still running after its test: stopped, and a failure
            if p.poll() is None:
                p.kill()
                p.wait()
                if t.__name__ not in FAILURES:
                    FAILURES.append(t.__name__)
                    print("FAIL  %s: a server did not exit" % t.__name__)
        SERVERS.clear()
    if FAILURES:
        print("%d failed: %s" % (len(FAILURES), " ".join(FAILURES)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
