"""NumPy model of the nda runtime: evaluates one program of the numpy_diff op language with
NumPy 1.24 and renders the output the C driver (driver_*.c) must print for it.

The op language, one op per line, tokens separated by blanks (vN names a variable):

    new      vN dtype ndim dims...          fresh owner, values base_value(i) in C order
    view     vN src                         nda_view / a.view()
    slice    vN src axis start stop step    stop END means NDA_END / None
    index    vN src axis i                  a[:, ..., i, ...] (keeps a 0-d view)
    row      vN src i        col vN src j   2-D a[i, :] / a[:, j]
    T        vN src          diag vN src    a.T / a.diagonal()
    bcast    vN src ndim dims...            np.broadcast_to
    strided  vN src ndim dims... strides... as_strided (bytes)
    reshape  vN src ndim dims...            a.reshape (one -1 allowed)
    ravel    vN src          contig vN src  a.ravel() / np.ascontiguousarray(a)
    copy     vN src          flatten vN src a.copy() / a.flatten()
    astype   vN src dtype                   a.astype(dtype, order='C')
    set      vN nidx idx... value           a[idx] = value
    raw      vN k value                     int64 element k (C order) of a "new" array set to
                                            value through nda_data (any int64, not via double)
    fill     vN value                       a.fill(value)
    copyto   vDST vSRC                      np.copyto(dst, src)
    writeable vN 0|1                        a.flags.writeable = flag
    may      vA vB                          np.may_share_memory
    shares   vA vB max_work                 np.shares_memory (max_work < 0: None = exact)

Output: every op prints "<k> <result>" (k counts the program's ops from 0): the nda status name
(NDA_OK, NDA_EBOUNDS, ...) for ops, true/false for may, YES/NO/TOO_HARD for shares. "end" prints
one "var" line per created variable (see Model.var_fields).

Intended differences between nda and NumPy, where the model follows the spec, not NumPy:
  * reshape that must copy: NumPy returns a view of an internal temporary copy (base = the
    temporary); nda returns a fresh owner. Both are "not a view of the original owner", so the
    model reports base=own for such a result and treats the temporary as that variable.
    For the same reason "writeable 1" is not generated for views of such a result (NumPy checks
    the hidden temporary's flag, nda the result's).
  * as_strided: nda checks that every addressable byte lies in the owner's memory (NDA_EBOUNDS);
    NumPy does not check. The model applies the spec's bounds rule.
  * as_strided views: NumPy's Python-level as_strided puts a DummyArray in the base chain, which
    makes NumPy refuse "writeable 1" on them; nda allows it when the owner is writeable. Not
    generated.
  * reshape: nda accepts only -1 as the unknown entry (spec); NumPy takes any negative value.
    The model expects NDA_EINVAL for entries < -1.
  * ascontiguous of a 0-d array: NumPy's ascontiguousarray returns a 1-d array (ndmin=1); the
    spec returns the 0-d array itself. The model follows the spec.
  * astype: NumPy's default order='K' keeps a transposed layout; the spec makes copies
    C-contiguous, so the model uses order='C'.
  * copyto to a read-only destination: nda always fails with NDA_EREADONLY (a write to a
    read-only array). NumPy returns early, without its writeability check, when the source has
    exactly the destination's data pointer, dtype, shape and strides (its "redundant copy"
    shortcut), so np.copyto(ro, ro) succeeds. The model follows the spec.
  * more than NDA_MAXDIMS = 8 dimensions: NDA_EINVAL (spec); NumPy allows 32.
  * copyto between overlapping arrays: the spec copies as if through a temporary. NumPy does
    so for most layouts, but copies a 1-d source to a 1-d destination with strides of the same
    sign directly, which reads already-overwritten elements when the strides differ (e.g.
    dst = as_strided(x, (3,), (4,)), src = as_strided(x, (3,), (2,)) over uint8). The model
    copies the source first when the two may share memory.
  * slice step PTRDIFF_MIN is rejected by nda (NumPy clamps it); not generated.
"""

import numpy as np
from numpy.lib.stride_tricks import as_strided

DTYPES = {
    "float64": np.float64,
    "float32": np.float32,
    "int64": np.int64,
    "int32": np.int32,
    "uint8": np.uint8,
}
DTYPE_NAMES = {np.dtype(t): name for name, t in DTYPES.items()}
END = "END"
PTRDIFF_MAX = 2**63 - 1
NDA_MAXDIMS = 8

CREATING_OPS = {
    "new", "view", "slice", "index", "row", "col", "T", "diag", "bcast", "strided",
    "reshape", "ravel", "contig", "copy", "flatten", "astype",
}


class HarnessError(Exception):
    """NumPy did something the model does not know how to map onto an nda status."""


def base_value(i, dtype):
    """Element i (C order) of a "new" array; the C driver uses the same formula."""
    k = (i * 37 + 11) % 201 - 100
    if dtype == "uint8":
        return (i * 37 + 11) % 256
    if dtype in ("float64", "float32"):
        return k * 0.25
    return k


def parse_int(tok):
    return PTRDIFF_MAX if tok == END else int(tok)


def owner_of(arr):
    """The ndarray that owns arr's memory, following bases through non-array objects."""
    o = arr
    while True:
        if isinstance(o, np.ndarray) and (o.flags.owndata or o.base is None):
            return o
        o = o.base


def data_ptr(arr):
    return arr.__array_interface__["data"][0]


def extent(arr):
    """Byte offsets [lo, hi) of arr's elements relative to its first one (empty: 0, 0)."""
    if arr.size == 0:
        return 0, 0
    lo = sum(s * (n - 1) for s, n in zip(arr.strides, arr.shape) if s < 0)
    hi = sum(s * (n - 1) for s, n in zip(arr.strides, arr.shape) if s > 0)
    return lo, hi + arr.itemsize


def strided_extent(shape, strides, itemsize):
    if any(n == 0 for n in shape):
        return 0, 0
    lo = sum(s * (n - 1) for s, n in zip(strides, shape) if s < 0)
    hi = sum(s * (n - 1) for s, n in zip(strides, shape) if s > 0)
    return lo, hi + itemsize


def strided_fits(a, shape, strides):
    """Whether as_strided(a, shape, strides) addresses only bytes of a's owner (spec rule)."""
    lo, hi = strided_extent(shape, strides, a.itemsize)
    own = owner_of(a)
    below = data_ptr(a) - data_ptr(own)
    above = own.size * own.itemsize - below
    return lo == hi or (-lo <= below and hi <= above)


def has_internal_overlap(arr):
    """Whether two elements of arr share a byte (then the order of writes would matter)."""
    if arr.size <= 1:
        return False
    offsets = [0]
    for s, n in zip(arr.strides, arr.shape):
        offsets = [o + s * k for o in offsets for k in range(n)]
    offsets.sort()
    return any(b - a < arr.itemsize for a, b in zip(offsets, offsets[1:]))


def error_status(exc):
    """The nda status that corresponds to a NumPy exception."""
    msg = str(exc)
    if isinstance(exc, IndexError):
        return "NDA_EBOUNDS"
    if isinstance(exc, ValueError):
        if "read-only" in msg or "WRITEABLE" in msg:
            return "NDA_EREADONLY"
        if ("step cannot be zero" in msg or "one unknown dimension" in msg
                or "non-negative" in msg or "negative dimensions" in msg):
            return "NDA_EINVAL"
        if "cannot reshape" in msg or "broadcast" in msg or "more dimensions" in msg:
            return "NDA_ESHAPE"
    raise HarnessError("unmapped NumPy exception %s: %s" % (type(exc).__name__, msg))


class Model:
    """The NumPy side of one program: variables, their owners, and the expected output."""

    def __init__(self):
        self.vars = {}          # name -> ndarray
        self.order = []         # names in creation order
        self.owner_names = {}   # id(owning ndarray) -> name of the variable nda would own it by
        self.temp_owners = set()  # ids of NumPy-internal temporaries (reshape copies)
        self.keep = []          # keeps owners alive so that ids stay unique
        self.lines = []         # expected output lines of the ops so far

    # ---- evaluation ---------------------------------------------------------------------------
    def apply(self, tokens):
        """Evaluates one op, records its expected output line and returns the result text."""
        k = len(self.lines)
        result = self._evaluate(tokens)
        self.lines.append("%d %s" % (k, result))
        return result

    def _evaluate(self, tokens):
        op = tokens[0]
        if op in CREATING_OPS:
            try:
                arr = getattr(self, "op_" + op)(*tokens[2:])
            except (IndexError, ValueError) as exc:
                return error_status(exc)
            if isinstance(arr, str):
                return arr  # a status the spec prescribes where NumPy has no error
            self._add(tokens[1], arr, op)
            return "NDA_OK"
        return getattr(self, "q_" + op)(*tokens[1:])

    def _add(self, name, arr, op):
        own = owner_of(arr)
        if id(own) not in self.owner_names:
            if own is not arr and op != "reshape":
                raise HarnessError("%s produced a view of an unknown owner" % op)
            self.owner_names[id(own)] = name
            if own is not arr:
                self.temp_owners.add(id(own))
            self.keep.append(own)
        self.vars[name] = arr
        self.order.append(name)

    def __getitem__(self, name):
        return self.vars[name]

    # ---- creating ops: return an ndarray, or an nda status string ------------------------------
    def op_new(self, dtype, ndim, *dims):
        shape = tuple(int(d) for d in dims[: int(ndim)])
        arr = np.empty(shape, DTYPES[dtype])
        n = arr.size
        arr[...] = np.array([base_value(i, dtype) for i in range(n)]).reshape(shape)
        return arr

    def op_view(self, src):
        return self[src].view()

    def op_slice(self, src, axis, start, stop, step):
        a = self[src]
        stop = None if stop == END else int(stop)
        key = (slice(None),) * int(axis) + (slice(parse_int(start), stop, int(step)),)
        return a[key]

    def op_index(self, src, axis, i):
        return self[src][(slice(None),) * int(axis) + (int(i), Ellipsis)]

    def op_row(self, src, i):
        return self[src][int(i), :]

    def op_col(self, src, j):
        return self[src][:, int(j)]

    def op_T(self, src):
        return self[src].T

    def op_diag(self, src):
        return self[src].diagonal()

    def op_bcast(self, src, ndim, *dims):
        if int(ndim) > NDA_MAXDIMS:
            return "NDA_EINVAL"  # NumPy allows 32 dimensions
        return np.broadcast_to(self[src], tuple(int(d) for d in dims[: int(ndim)]))

    def op_strided(self, src, ndim, *rest):
        a = self[src]
        n = int(ndim)
        shape = tuple(int(d) for d in rest[:n])
        strides = tuple(int(s) for s in rest[n: 2 * n])
        if any(d < 0 for d in shape):
            return "NDA_EINVAL"
        if not strided_fits(a, shape, strides):
            return "NDA_EBOUNDS"  # spec: nda checks the bounds, NumPy does not
        return as_strided(a, shape, strides)

    def op_reshape(self, src, ndim, *dims):
        shape = tuple(int(d) for d in dims[: int(ndim)])
        if len(shape) > NDA_MAXDIMS:
            return "NDA_EINVAL"
        if any(d < -1 for d in shape):
            return "NDA_EINVAL"  # spec: only -1 is the unknown entry; NumPy takes any negative
        return self[src].reshape(shape)

    def op_ravel(self, src):
        return self[src].ravel()

    def op_contig(self, src):
        a = self[src]
        if a.ndim == 0:
            return a  # spec: a itself; NumPy's ascontiguousarray would return a 1-d array
        return np.ascontiguousarray(a)

    def op_copy(self, src):
        return self[src].copy()

    def op_flatten(self, src):
        return self[src].flatten()

    def op_astype(self, src, dtype):
        return self[src].astype(DTYPES[dtype], order="C")

    # ---- other ops: return the result text -----------------------------------------------------
    def q_set(self, name, nidx, *rest):
        n = int(nidx)
        idx = tuple(int(i) for i in rest[:n])
        try:
            self[name][idx] = float(rest[n])
        except (IndexError, ValueError) as exc:
            return error_status(exc)
        return "NDA_OK"

    def q_raw(self, name, k, value):
        self[name].reshape(-1)[int(k)] = np.int64(int(value))
        return "NDA_OK"

    def q_fill(self, name, value):
        try:
            self[name].fill(float(value))
        except ValueError as exc:
            return error_status(exc)
        return "NDA_OK"

    def q_copyto(self, dst, src):
        if not self[dst].flags.writeable:
            return "NDA_EREADONLY"  # spec, even where NumPy skips its check (see above)
        d, a = self[dst], self[src]
        if np.may_share_memory(d, a):
            a = a.copy()  # spec: as if through a temporary (see above)
        try:
            np.copyto(d, a)
        except ValueError as exc:
            return error_status(exc)
        return "NDA_OK"

    def q_writeable(self, name, flag):
        try:
            self[name].flags.writeable = flag == "1"
        except ValueError as exc:
            return error_status(exc)
        return "NDA_OK"

    def q_may(self, a, b):
        return "true" if np.may_share_memory(self[a], self[b]) else "false"

    def q_shares(self, a, b, max_work):
        mw = int(max_work)
        try:
            r = np.shares_memory(self[a], self[b], max_work=None if mw < 0 else mw)
        except np.TooHardError:
            return "TOO_HARD"
        return "YES" if r else "NO"

    # ---- final state ---------------------------------------------------------------------------
    def temp_owned(self, name):
        """Whether name's NumPy owner is an internal temporary (the result of a copying reshape)."""
        return id(owner_of(self[name])) in self.temp_owners

    def var_fields(self, name):
        """The fields of the driver's "var" line for name, as (key, text) pairs."""
        arr = self[name]
        own = owner_of(arr)
        owner_name = self.owner_names[id(own)]
        same = next((n for n in self.order if self.vars[n] is arr), name)
        base = "own" if own is arr or owner_name == same else owner_name
        values = arr.astype(np.float64).ravel().tolist()
        return [
            ("dtype", DTYPE_NAMES[arr.dtype]),
            ("shape", ",".join(str(d) for d in arr.shape)),
            ("strides", ",".join(str(s) for s in arr.strides)),
            ("offset", str(data_ptr(arr) - data_ptr(own))),
            ("base", base),
            ("same", "-" if same == name else same),
            ("wr", "1" if arr.flags.writeable else "0"),
            ("cc", "1" if arr.flags.c_contiguous else "0"),
            ("values", ",".join(repr(v) for v in values)),
        ]
