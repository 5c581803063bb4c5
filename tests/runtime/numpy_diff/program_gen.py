"""Random programs of the numpy_diff op language (see nda_model.py), built op by op against
the NumPy model so that every op refers to a variable that exists and has a fitting shape.

A program creates one or two owners, derives views, maybe-views and copies from them (slices
with negative, clipped and out-of-range bounds, negative steps and END stops, index/row/col/
diagonal/broadcast views, transposes, reshapes with -1, ravels, as_strided views with
overlapping and zero strides, ...), writes through some of them, and finally asks the overlap
questions for pairs of variables, among them deliberately related pairs: identical views,
disjoint halves, interleaved step-2 slices, overlapping as_strided views. A few ops are made to
fail (out-of-range index, step 0, size mismatch, ...) to compare the error behaviour.
"""

import numpy as np

from nda_model import DTYPES, END, Model, has_internal_overlap, strided_fits

PTRDIFF_MIN = -(2**63)
PTRDIFF_MAX = 2**63 - 1
MAX_SIZE = 1500          # elements of any generated layout
MAX_WORKS = (0, 1, 2, 3, 5, 8, 20)


def dims_text(shape):
    return [str(len(shape))] + [str(d) for d in shape]


class ProgramGen:
    def __init__(self, rng):
        self.rng = rng

    # ---- helpers -------------------------------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def pick_var(self, pred=None):
        names = [n for n in self.model.order if pred is None or pred(self.model[n])]
        if not names:
            return None
        if self.chance(0.6):
            return self.rng.choice(names[-4:])
        return self.rng.choice(names)

    def fresh(self):
        self.counter += 1
        return "v%d" % (self.counter - 1)

    def emit(self, *tokens):
        tokens = [str(t) for t in tokens]
        self.ops.append(tokens)
        return self.model.apply(tokens)

    def create(self, op, src, *args):
        """Emits a creating op; returns the new variable's name or None if the op failed."""
        name = self.fresh()
        ok = self.emit(op, name, src, *args) == "NDA_OK"
        return name if ok else None

    # ---- program -------------------------------------------------------------------------------
    def program(self):
        """A list of token lists; the expected output is in self.model.lines."""
        self.model = Model()
        self.ops = []
        self.counter = 0
        self.pairs = []
        self.new_base()
        n_ops = self.rng.randint(3, 12)
        second_base_at = self.rng.randrange(n_ops) if self.chance(0.25) else -1
        for k in range(n_ops):
            if k == second_base_at:
                self.new_base()
            self.random_op()
        self.overlap_queries()
        return self.ops

    def new_base(self):
        dtype = self.rng.choice(list(DTYPES))
        ndim = self.rng.randint(1, 4)
        top = {1: 24, 2: 8, 3: 5, 4: 4}[ndim]
        shape = [0 if self.chance(0.03) else self.rng.randint(1, top) for _ in range(ndim)]
        name = self.fresh()
        self.emit("new", name, dtype, *dims_text(shape))
        size = int(np.prod(shape))
        if dtype == "int64" and size and self.chance(0.4):
            for _ in range(self.rng.randint(1, 3)):
                self.emit("raw", name, self.rng.randrange(size), self.big_int64())

    def big_int64(self):
        """An int64 that a double cannot hold: random bits, or just above a float32 rounding tie
        (2^k + 2^(k-24) + 1), where rounding through double first gives a different float32."""
        if self.chance(0.5):
            return self.rng.getrandbits(64) - 2**63
        k = self.rng.randint(54, 62)
        v = 2**k + 2**(k - 24) + self.rng.choice([1, -1, 3])
        return -v if self.chance(0.5) else v

    def random_op(self):
        kinds = [
            ("slice", 20), ("index", 6), ("rowcol", 5), ("T", 5), ("diag", 3), ("bcast", 6),
            ("strided", 10), ("reshape", 14), ("ravel", 5), ("contig", 4), ("copy", 3),
            ("flatten", 2), ("astype", 4), ("view", 3), ("set", 6), ("fill", 2),
            ("copyto", 3), ("writeable", 3), ("readonly_owner", 1), ("halves", 3), ("interleave", 3),
            ("strided_pair", 4), ("hard_pair", 4), ("identical", 2),
        ]
        total = sum(w for _, w in kinds)
        r = self.rng.randrange(total)
        for kind, w in kinds:
            if r < w:
                return getattr(self, "gen_" + kind)()
            r -= w

    # ---- layout ops ----------------------------------------------------------------------------
    def bound(self, length):
        r = self.rng.random()
        if r < 0.04:
            return self.rng.choice([PTRDIFF_MIN, PTRDIFF_MIN + 1, PTRDIFF_MAX - 1])
        if r < 0.15:
            return self.rng.choice([0, -1, length, -length, length + 1])
        return self.rng.randint(-length - 3, length + 3)

    def gen_slice(self):
        src = self.pick_var(lambda a: a.ndim >= 1)
        if src is None:
            return
        axis = self.rng.randrange(self.model[src].ndim)
        length = self.model[src].shape[axis]
        start = self.bound(length)
        stop = END if self.chance(0.25) else self.bound(length)
        step = 0 if self.chance(0.02) else self.rng.choice([1, 1, 1, 2, 3, -1, -1, -2, -3, 5, -7])
        self.create("slice", src, axis, start, stop, step)

    def gen_index(self):
        src = self.pick_var(lambda a: a.ndim >= 1)
        if src is None:
            return
        axis = self.rng.randrange(self.model[src].ndim)
        length = self.model[src].shape[axis]
        i = self.rng.randint(-length - 2, length + 1) if self.chance(0.1) else \
            self.rng.randint(-length, max(length - 1, 0))
        self.create("index", src, axis, i)

    def gen_rowcol(self):
        src = self.pick_var(lambda a: a.ndim == 2)
        if src is None:
            return
        op = self.rng.choice(["row", "col"])
        length = self.model[src].shape[0 if op == "row" else 1]
        i = self.rng.randint(-length - 2, length + 1)
        self.create(op, src, i)

    def gen_T(self):
        self.create("T", self.pick_var())

    def gen_diag(self):
        src = self.pick_var(lambda a: a.ndim == 2)
        if src is not None:
            self.create("diag", src)

    def gen_view(self):
        self.create("view", self.pick_var())

    def gen_bcast(self):
        src = self.pick_var()
        shape = list(self.model[src].shape)
        target = [self.rng.randint(1, 3) for _ in range(self.rng.randint(0, 2))]
        for d in shape:
            if d == 1 and self.chance(0.6):
                target.append(self.rng.choice([0, 1, 2, 3, 4]))
            else:
                target.append(d)
        if self.chance(0.05) and target:
            k = self.rng.randrange(len(target))
            target[k] = self.rng.choice([-1, target[k] + 1, target[k] + 2])
        if self.chance(0.03) and shape:
            target = target[len(target) - len(shape) + 1:]  # fewer dims than the source
        if int(np.prod(target)) <= MAX_SIZE:
            self.create("bcast", src, *dims_text(target))

    def strided_layout(self, itemsize):
        ndim = self.rng.randint(0, 3)
        shape = [0 if self.chance(0.03) else self.rng.randint(1, 5) for _ in range(ndim)]
        strides = []
        for _ in range(ndim):
            if self.chance(0.15):
                strides.append(self.rng.randint(-20, 40))  # any byte stride, also misaligned
            else:
                strides.append(itemsize * self.rng.randint(-3, 4))
        return shape, strides

    def gen_strided(self, src=None):
        """An as_strided view inside the owner (90%) or reaching outside it (10%)."""
        src = src or self.pick_var()
        a = self.model[src]
        want_inside = not self.chance(0.1)
        for _ in range(12):
            shape, strides = self.strided_layout(a.itemsize)
            inside = strided_fits(a, shape, strides)
            if inside == want_inside:
                break
        return self.create("strided", src, *dims_text(shape), *strides)

    def random_shape(self, size):
        """A random shape with the given number of elements (size > 0)."""
        ndim = self.rng.randint(1, 4)
        dims = [1] * ndim
        n = size
        p = 2
        factors = []
        while n > 1:
            while n % p == 0:
                factors.append(p)
                n //= p
            p += 1
        for f in factors:
            dims[self.rng.randrange(ndim)] *= f
        return dims

    def gen_reshape(self):
        src = self.pick_var()
        a = self.model[src]
        r = self.rng.random()
        if r < 0.15 and a.ndim >= 1:
            shape = list(a.shape)  # the same shape with -1: NumPy still computes new strides
            shape[self.rng.randrange(len(shape))] = -1
        elif a.size == 0:
            shape = self.rng.choice([[0], [0, 3], [2, 0], [0, -1], [-1, 0], [1, 0, 1]])
        else:
            shape = self.random_shape(a.size)
            if r < 0.55:
                shape[self.rng.randrange(len(shape))] = -1
        r = self.rng.random()
        if r < 0.05:
            shape[self.rng.randrange(len(shape))] += self.rng.choice([1, 2])
        elif r < 0.08:
            shape = shape + [-1, -1]
        elif r < 0.10:
            shape[self.rng.randrange(len(shape))] = -2
        elif r < 0.13:
            shape = shape + [1] if self.chance(0.5) else [1] + shape
        if self.chance(0.03) and a.size == 1:
            shape = []
        self.create("reshape", src, *dims_text(shape))

    def gen_ravel(self):
        self.create("ravel", self.pick_var())

    def gen_contig(self):
        self.create("contig", self.pick_var())

    def gen_copy(self):
        self.create("copy", self.pick_var())

    def gen_flatten(self):
        self.create("flatten", self.pick_var())

    def gen_astype(self):
        src = self.pick_var()
        a = self.model[src]
        dtype = self.rng.choice(list(DTYPES))
        if a.dtype.kind == "f" and not self.cast_defined(a, dtype):
            dtype = "float64"
        self.create("astype", src, dtype)

    @staticmethod
    def cast_defined(a, dtype):
        """Float-to-narrower casts of out-of-range values are undefined behaviour in C (NumPy
        and nda may legitimately differ): only generate casts whose values fit."""
        limits = {"uint8": (-1, 256), "int32": (-2.0**31 - 1, 2.0**31), "int64": (-2.0**62, 2.0**62),
                  "float32": (-1e30, 1e30), "float64": (-np.inf, np.inf)}
        lo, hi = limits[dtype]
        v = a.astype(np.float64)
        if dtype != "float64" and not np.all(np.isfinite(v)):
            return False
        return bool(np.all((v > lo) & (v < hi))) if v.size else True

    # ---- recipes for related pairs -------------------------------------------------------------
    def pair(self, x, y):
        if x is not None and y is not None:
            self.pairs.append((x, y))

    def gen_halves(self):
        src = self.pick_var(lambda a: a.ndim >= 1 and max(a.shape) >= 2)
        if src is None:
            return
        a = self.model[src]
        axis = self.rng.choice([k for k in range(a.ndim) if a.shape[k] >= 2])
        m = self.rng.randint(1, a.shape[axis] - 1)
        x = self.create("slice", src, axis, 0, m, 1)
        y = self.create("slice", src, axis, m, END, 1)
        self.pair(x, y)

    def gen_interleave(self):
        src = self.pick_var(lambda a: a.ndim >= 1 and max(a.shape) >= 2)
        if src is None:
            return
        a = self.model[src]
        axis = self.rng.choice([k for k in range(a.ndim) if a.shape[k] >= 2])
        n = a.shape[axis]
        if self.chance(0.5):
            x = self.create("slice", src, axis, 0, END, 2)
            y = self.create("slice", src, axis, 1, END, 2)
        else:
            x = self.create("slice", src, axis, n - 1, END, -2)
            y = self.create("slice", src, axis, -2, END, -2)
        self.pair(x, y)

    def gen_strided_pair(self):
        src = self.pick_var()
        self.pair(self.gen_strided(src), self.gen_strided(src))

    def gen_hard_pair(self):
        """Two as_strided views with several distinct strides: overlap problems whose search
        takes more than a few steps, to compare the max_work accounting."""
        src = self.pick_var()
        a = self.model[src]
        names = []
        for _ in range(2):
            for _ in range(12):
                ndim = self.rng.randint(2, 4)
                shape = [self.rng.randint(2, 5) for _ in range(ndim)]
                strides = [self.rng.choice([-1, 1]) * self.rng.randint(1, 3 * a.itemsize + 2)
                           for _ in range(ndim)]
                if strided_fits(a, shape, strides):
                    break
            names.append(self.create("strided", src, *dims_text(shape), *strides))
        self.pair(*names)

    def gen_identical(self):
        src = self.pick_var()
        if self.chance(0.5):
            self.pair(src, self.create("view", src))
            return
        a = self.model[src]
        if a.ndim == 0:
            return
        axis = self.rng.randrange(a.ndim)
        n = a.shape[axis]
        args = (axis, self.rng.randint(-n, n), END, self.rng.choice([1, 2, -1]))
        self.pair(self.create("slice", src, *args), self.create("slice", src, *args))

    # ---- writes --------------------------------------------------------------------------------
    def value_for(self, a):
        if a.dtype == np.uint8:
            return self.rng.randint(0, 255)
        v = self.rng.randint(-100, 200)
        return v + 0.5 if a.dtype.kind == "f" and self.chance(0.5) else v

    def gen_set(self):
        name = self.pick_var()
        a = self.model[name]
        oob = a.ndim > 0 and (a.size == 0 or self.chance(0.1))
        idx = []
        for n in a.shape:
            idx.append(self.rng.randint(-n, n - 1) if n > 0 else 0)
        if oob:
            k = self.rng.randrange(a.ndim)
            idx[k] = self.rng.choice([a.shape[k], a.shape[k] + 3, -a.shape[k] - 1])
        self.emit("set", name, len(idx), *idx, self.value_for(a))

    def gen_fill(self):
        name = self.pick_var(lambda a: not has_internal_overlap(a))
        if name is not None:
            self.emit("fill", name, self.value_for(self.model[name]))

    def gen_copyto(self):
        dst = self.pick_var(lambda a: not has_internal_overlap(a))
        if dst is None:
            return
        d = self.model[dst]
        srcs = [n for n in self.model.order
                if self.model[n].shape == d.shape and self.model[n].dtype == d.dtype]
        self.emit("copyto", dst, self.rng.choice(srcs))

    def gen_writeable(self):
        flag = 1 if self.chance(0.5) else 0
        name = flag and self.pick_var(lambda a: not a.flags.writeable) or self.pick_var()
        if flag and (self.via_as_strided(self.model[name]) or self.model.temp_owned(name)):
            flag = 0  # intended differences, see nda_model.py
        self.emit("writeable", name, flag)

    def gen_readonly_owner(self):
        """A view of a read-only owner cannot be made writeable until the owner is."""
        owner = self.pick_var(lambda a: a.flags.owndata)
        view = self.create(self.rng.choice(["view", "T"]), owner)
        self.emit("writeable", owner, 0)
        self.emit("writeable", view, 1)
        if self.chance(0.5):
            self.emit("writeable", owner, 1)
            self.emit("writeable", view, 1)

    @staticmethod
    def via_as_strided(a):
        o = a
        while o is not None:
            if not isinstance(o, np.ndarray):
                return True
            o = o.base
        return False

    # ---- overlap questions ---------------------------------------------------------------------
    def overlap_queries(self):
        names = self.model.order
        pairs = list(self.pairs)
        for _ in range(8):
            pairs.append((self.rng.choice(names), self.rng.choice(names)))
        for x, y in pairs:
            if x not in self.model.vars or y not in self.model.vars:
                continue
            self.emit("may", x, y)
            self.emit("shares", x, y, -1)
            for mw in self.rng.sample(MAX_WORKS, 3):
                self.emit("shares", x, y, mw)
