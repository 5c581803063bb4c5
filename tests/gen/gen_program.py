#!/usr/bin/env python3
"""Random, well-formed C programs over the nda API, deterministic from a seed.

Each program has a main() whose branches depend on its command-line inputs (in0, in1, in2: 0 or 1
each), loops, static helper functions (called between NDA_CALL_ENTER() and NDA_CALL_LEAVE() on
one line, so that the checked mode knows the call site), views of views, copies, releases (and
uses after them), kernels, resizes, read-only views and raw data pointers (accessed through
NDA_LOAD/NDA_STORE). Every index is in range and every loop is bounded: the program compiles
cleanly and terminates; under nda's checked mode (-DNDA_CHECKED) its released handles are
poisoned rather than freed, so a use after release is reported, not undefined.

    gen_program.py --seed 7 -o prog.c      # one program
    gen_program.py --seed 7 --inputs       # the input vectors its runs use
"""
import argparse
import itertools
import random

INPUTS = 3


def input_vectors():
    """Every combination of the branch inputs: each run takes another path."""
    return [list(v) for v in itertools.product((0, 1), repeat=INPUTS)]


class Handle:
    """An nda_array * variable the generator knows: its length (1-D) or shape (2-D)."""

    def __init__(self, name, shape, fresh, contiguous=True, readonly=False):
        self.name = name
        self.shape = shape          # (n,) or (rows, cols)
        self.fresh = fresh          # owns its memory (may be resized)
        self.contiguous = contiguous
        self.readonly = readonly
        self.released = False       # on some path already
        self.const = False          # a const parameter

    @property
    def length(self):
        return self.shape[0] if len(self.shape) == 1 else None


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.lines = []
        self.indent = 1
        self.counter = 0
        self.scopes = [[]]
        self.helpers = []           # (name, params: list of (length, const), returns_view)
        self.depth = 0              # nesting of ifs and loops
        self.in_loop = False
        self.raw = []               # (pointer name, handle, length)
        self.raw_names = []         # every raw pointer of main's own scope
        self.called = set()

    # ---- output ------------------------------------------------------------------------------
    def emit(self, text):
        self.lines.append("    " * self.indent + text)

    def fresh_name(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def handles(self, live=True, pred=lambda h: True):
        out = [h for scope in self.scopes for h in scope if pred(h)]
        return [h for h in out if not h.released] if live else out

    def declare(self, handle):
        self.scopes[-1].append(handle)
        return handle

    def chance(self, p):
        return self.rng.random() < p

    # ---- handles -----------------------------------------------------------------------------
    def new_array(self):
        name = self.fresh_name("a")
        if self.chance(0.25):
            self.emit(f"nda_array *{name} = nda_zeros(NDA_FLOAT64, 2, (ptrdiff_t[]){{4, 4}});")
            return self.declare(Handle(name, (4, 4), True))
        n = self.rng.choice((4, 8))
        self.emit(f"nda_array *{name} = nda_arange({n});")
        return self.declare(Handle(name, (n,), True))

    def new_vector(self, n):
        name = self.fresh_name("a")
        self.emit(f"nda_array *{name} = nda_arange({n});")
        return self.declare(Handle(name, (n,), True))

    def pick(self, pred=lambda h: True, allow_released=0.0):
        """A handle satisfying pred: live, or (with probability allow_released) any."""
        live = self.handles(True, pred)
        if allow_released and self.chance(allow_released):
            every = self.handles(False, pred)
            if every:
                return self.rng.choice(every)
        return self.rng.choice(live) if live else None

    def vector(self, length=None, writable=False, allow_released=0.0):
        return self.pick(lambda h: len(h.shape) == 1 and (length is None or h.length == length)
                         and (not writable or not (h.readonly or h.const)), allow_released)

    def view(self):
        src = self.pick()
        if src is None:
            return
        name = self.fresh_name("v")
        if len(src.shape) == 2:
            kind = self.rng.choice(("row", "col", "diagonal", "transpose"))
            if kind == "transpose":
                self.emit(f"nda_array *{name} = nda_transpose({src.name});")
                h = Handle(name, src.shape, False, False, src.readonly)
            elif kind == "diagonal":
                self.emit(f"nda_array *{name} = nda_diagonal({src.name});")
                h = Handle(name, (4,), False, False, True)
            else:
                i = self.rng.randrange(4)
                self.emit(f"nda_array *{name} = nda_{kind}({src.name}, {i});")
                h = Handle(name, (4,), False, kind == "row", src.readonly)
            return self.declare(h)
        n = src.length
        if n >= 4 and self.chance(0.8):
            length = 4 if n == 8 or self.chance(0.5) else n
            start = self.rng.randrange(n - length + 1)
            step_two = n == 8 and length == 4 and self.chance(0.2)
            if step_two:
                start = self.rng.randrange(2)
                self.emit(f"nda_array *{name} = nda_slice({src.name}, 0, {start}, {start + 8}, 2);")
            else:
                self.emit(f"nda_array *{name} = nda_slice({src.name}, 0, {start}, "
                          f"{start + length}, 1);")
            h = Handle(name, (length,), False, src.contiguous and not step_two, src.readonly)
        else:
            self.emit(f"nda_array *{name} = nda_view({src.name});")
            h = Handle(name, src.shape, False, src.contiguous, src.readonly)
        return self.declare(h)

    def close_scope(self):
        """A scope's handles go with it (a leak is allowed); what was released inside stays
        released, on some path, for what follows. (void) marks them used for the compiler."""
        names = [h.name for h in self.scopes.pop()]
        if names:
            self.emit(" ".join(f"(void){n};" for n in names))

    # ---- statements --------------------------------------------------------------------------
    def read(self):
        h = self.pick(allow_released=0.04)
        if h is None:
            return
        if len(h.shape) == 2:
            i, j = self.rng.randrange(4), self.rng.randrange(4)
            self.emit(f"acc += nda_get2({h.name}, {i}, {j});")
        elif self.chance(0.5):
            self.emit(f"acc += nda_get1({h.name}, {self.rng.randrange(h.length)});")
        else:
            self.emit(f"acc += nda_sum({h.name});")

    def write(self):
        h = self.pick(lambda h: not h.const and (not h.readonly or self.chance(0.15)),
                      allow_released=0.04)
        if h is None:
            return
        v = self.rng.randrange(100)
        if len(h.shape) == 2:
            i, j = self.rng.randrange(4), self.rng.randrange(4)
            self.emit(f"nda_set2({h.name}, {i}, {j}, {v});")
        elif self.chance(0.6):
            self.emit(f"nda_set1({h.name}, {self.rng.randrange(h.length)}, {v});")
        elif self.chance(0.5):
            self.emit(f"nda_fill({h.name}, {v});")
        else:
            self.emit(f"nda_scale({h.name}, 2.0);")

    def kernel(self):
        out = self.vector(writable=True, allow_released=0.03)
        if out is None:
            return
        x = self.vector(out.length) or out
        y = self.vector(out.length) or out
        op = self.rng.choice(("add", "sub", "mul", "axpy", "copyto"))
        if op == "axpy":
            self.emit(f"nda_axpy({out.name}, 0.5, {x.name});")
        elif op == "copyto":
            self.emit(f"nda_copyto({out.name}, {x.name});")
        else:
            self.emit(f"nda_{op}({out.name}, {x.name}, {y.name});")

    def overlap_kernel(self):
        """Two shifted windows of one array into a kernel: a partial overlap, or not."""
        src = self.vector(8, writable=True)
        if src is None:
            return
        s, t = self.rng.randrange(5), self.rng.randrange(5)
        out, x = self.fresh_name("w"), self.fresh_name("w")
        self.emit(f"nda_array *{out} = nda_slice({src.name}, 0, {s}, {s + 4}, 1);")
        self.emit(f"nda_array *{x} = nda_slice({src.name}, 0, {t}, {t + 4}, 1);")
        self.emit(f"nda_add({out}, {x}, {x});")
        self.emit(f"nda_release({x});")
        self.emit(f"nda_release({out});")

    def copy(self):
        src = self.pick(allow_released=0.03)
        if src is None:
            return
        name = self.fresh_name("c")
        self.emit(f"nda_array *{name} = nda_copy({src.name});")
        self.declare(Handle(name, src.shape, True))

    def release(self):
        h = self.pick(lambda h: not h.const, allow_released=0.08)
        if h is None:
            return
        self.emit(f"nda_release({h.name});")
        h.released = True
        self.raw = [r for r in self.raw if r[1] is not h]

    def retain(self):
        """A second reference held by another variable during a resize (VC006), given up at
        once: no two variables the program keeps using hold one pointer (the checked mode
        counts references per pointer, viewcheck per handle)."""
        h = self.pick(lambda h: h.fresh and len(h.shape) == 1 and not h.const)
        if h is None:
            return
        k = self.fresh_name("k")
        self.emit(f"nda_array *{k} = nda_retain({h.name});")
        self.emit(f"nda_resize({h.name}, 8);")
        self.emit(f"nda_release({k});")

    def resize(self):
        h = self.pick(lambda h: h.fresh and len(h.shape) == 1)
        if h is None:
            return
        n = self.rng.choice((8, 12))
        self.emit(f"nda_resize({h.name}, {n});")
        if h.length < n:
            pass  # the generator keeps using the old length: always in range

    def readonly(self):
        h = self.pick(lambda h: h.fresh)
        if h is None:
            return
        self.emit(f"nda_set_writeable({h.name}, false);")
        h.readonly = True

    def raw_pointer(self):
        if self.raw and self.chance(0.6):
            name, h, length = self.rng.choice(self.raw)
            i = self.rng.randrange(length)
            if self.chance(0.5):
                self.emit(f"NDA_STORE({name}, {i}, {self.rng.randrange(100)});")
            else:
                self.emit(f"acc += NDA_LOAD({name}, {i});")
            return
        h = self.pick(lambda h: len(h.shape) == 1 and h.contiguous and not h.const)
        if h is None:
            return
        name = self.fresh_name("p")
        self.emit(f"double *{name} = nda_data({h.name});")
        if self.depth == 0:
            self.raw.append((name, h, h.length))
            self.raw_names.append(name)
        else:
            self.emit(f"(void){name};")

    def call_helper(self, helper=None, handles=None):
        if not self.helpers:
            return
        name, params, returns_view = helper or self.rng.choice(self.helpers)
        args = [h.name for h in handles or []]
        for length, const in params if not handles else []:
            # one handle for a const and a non-const parameter: the checked mode cannot tell
            # through which of the two a write goes
            h = self.vector(length, allow_released=0.03)
            if h is None or (h.name in args and any(c for _, c in params)):
                return
            args.append(h.name)
        call = f"{name}({', '.join(args)})"
        self.called.add(name)
        if returns_view:
            var = self.fresh_name("r")
            self.emit(f"nda_array *{var} = NULL;")
            self.emit(f"NDA_CALL_ENTER(); {var} = {call}; NDA_CALL_LEAVE();")
            self.declare(Handle(var, (4,), False, True, False))
        else:
            self.emit(f"NDA_CALL_ENTER(); {call}; NDA_CALL_LEAVE();")

    def branch(self):
        if self.depth >= 2:
            return
        k = self.rng.randrange(INPUTS)
        self.emit(f"if (in{k}) {{")
        self.block(self.rng.randrange(1, 4))
        if self.chance(0.5):
            self.emit("} else {")
            self.block(self.rng.randrange(1, 4))
        self.emit("}")

    def loop(self):
        if self.depth >= 2:
            return
        n = self.rng.randrange(2, 4)
        i = self.fresh_name("i")
        self.emit("NDA_LOOP_BEGIN();")
        self.emit(f"for (int {i} = 0; {i} < {n}; {i}++) {{")
        was = self.in_loop
        self.in_loop = True
        self.block(self.rng.randrange(1, 4), loop=True)
        self.in_loop = was
        self.emit("}")
        self.emit("NDA_LOOP_END();")

    def block(self, n, loop=False):
        self.indent += 1
        self.depth += 1
        self.scopes.append([])
        if loop:
            self.emit("NDA_LOOP_ITERATION();")
        for _ in range(n):
            self.statement()
        self.close_scope()
        self.depth -= 1
        self.indent -= 1

    def pattern(self):
        """One of the rules' scenarios, in its buggy or its fixed form."""
        kind = self.rng.choice(("vc003", "vc004", "vc006", "vc001"))
        src = self.vector(8, writable=True)
        if src is None:
            return
        v = self.fresh_name("s")
        s = self.rng.randrange(5)
        self.emit(f"nda_array *{v} = nda_slice({src.name}, 0, {s}, {s + 4}, 1);")
        self.declare(Handle(v, (4,), False, True, False))
        i = self.rng.randrange(8)
        if kind == "vc003":
            self.emit(f"nda_set1({src.name}, {i}, 7);")
            self.emit(f"acc += nda_sum({v});")
        elif kind == "vc004":
            self.emit(f"nda_set1({v}, {self.rng.randrange(4)}, 9);")
            self.emit(f"acc += nda_get1({src.name}, {i});")
            self.emit(f"acc += nda_sum({v});")
        elif kind == "vc006":
            self.emit(f"nda_resize({src.name}, 8);")
        else:
            d = self.fresh_name("d")
            m = self.pick(lambda h: len(h.shape) == 2)
            if m is not None:
                self.emit(f"nda_array *{d} = nda_diagonal({m.name});")
                self.emit(f"nda_set1({d}, {self.rng.randrange(4)}, 1);")
                self.emit(f"nda_release({d});")
        if self.chance(0.5):
            self.emit(f"nda_release({v});")
            self.scopes[-1][-1].released = True

    def statement(self):
        choices = [(self.read, 6), (self.write, 6), (self.view, 5), (self.kernel, 3),
                   (self.overlap_kernel, 1), (self.copy, 2), (self.release, 2), (self.retain, 1),
                   (self.resize, 1), (self.readonly, 0.5), (self.raw_pointer, 2),
                   (self.call_helper, 3), (self.branch, 2), (self.loop, 2), (self.pattern, 2),
                   (self.new_array, 1)]
        fns, weights = zip(*choices)
        self.rng.choices(fns, weights)[0]()

    # ---- helpers -----------------------------------------------------------------------------
    def helper(self, index):
        name = f"helper{index}"
        nparams = self.rng.randrange(1, 3)
        params = [(self.rng.choice((4, 8)), self.chance(0.3)) for _ in range(nparams)]
        returns_view = self.chance(0.25) and params[0][0] >= 4 and not params[0][1]
        decl = ", ".join(f"{'const ' if c else ''}nda_array *q{k}" for k, (_, c) in
                         enumerate(params))
        saved = (self.lines, self.scopes, self.raw, self.indent)
        self.lines, self.scopes, self.raw, self.indent = [], [[]], [], 1
        handles = []
        for k, (length, const) in enumerate(params):
            h = Handle(f"q{k}", (length,), False)
            h.const = const
            h.readonly = const
            handles.append(h)
            self.scopes[0].append(h)
            if const:
                self.emit(f"NDA_CONST_PARAM(q{k});")
        self.emit("double acc = 0;")
        for _ in range(self.rng.randrange(1, 5)):
            op = self.rng.choice((self.read, self.write, self.view, self.kernel, self.release,
                                  self.const_write))
            op()
        self.close_scope()
        self.emit("(void)acc;")
        if returns_view:
            self.emit("return nda_slice(q0, 0, 0, 4, 1);")
        body = self.lines
        self.lines, self.scopes, self.raw, self.indent = saved
        rtype = "nda_array *" if returns_view else "void "
        text = [f"static {rtype}{name}({decl})", "{"] + body + ["}", ""]
        self.helpers.append((name, params, returns_view))
        return text

    def const_write(self):
        """Casting const away and writing: VC001."""
        h = self.pick(lambda h: h.const)
        if h is None:
            return
        self.emit(f"nda_set1((nda_array *){h.name}, 0, 3);")

    # ---- the program -------------------------------------------------------------------------
    def program(self):
        helper_text = []
        for k in range(self.rng.randrange(0, 3)):
            helper_text += self.helper(k)
        self.emit("double acc = 0;")
        for k in range(INPUTS):
            self.emit(f"int in{k} = argc > {k + 1} ? atoi(argv[{k + 1}]) : 0;")
        self.emit(" ".join(f"(void)in{k};" for k in range(INPUTS)))
        for _ in range(self.rng.randrange(1, 3)):
            self.new_array()
        for _ in range(self.rng.randrange(6, 16)):
            self.statement()
        for helper in self.helpers:
            if helper[0] not in self.called:
                args = [self.new_vector(length) for length, _ in helper[1]]
                self.call_helper(helper, args)
        self.raw = [(n, None, 0) for n in self.raw_names]
        self.close_scope()
        self.emit(" ".join(f"(void){n};" for n in self.raw_names) or "(void)acc;")
        self.emit('printf("%g\\n", acc);')
        self.emit("return 0;")
        head = [f"/* generated by tests/gen/gen_program.py --seed {self.seed} */",
                "#include <nda.h>", "#include <nda_check.h>", "", "#include <stdio.h>",
                "#include <stdlib.h>", ""]
        main = ["int main(int argc, char **argv)", "{"] + self.lines + ["}"]
        return "\n".join(head + helper_text + main) + "\n"


def generate(seed):
    return Generator(seed).program()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-o", "--output")
    ap.add_argument("--inputs", action="store_true", help="print the input vectors, one per line")
    args = ap.parse_args()
    if args.inputs:
        for v in input_vectors():
            print(" ".join(map(str, v)))
        return
    text = generate(args.seed)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
