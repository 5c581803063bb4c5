#!/usr/bin/env python3
"""Writes rules/models/gsl.yaml, viewcheck's model of the GNU Scientific Library, from the
installed GSL headers.

    tools/gen_gsl_models.py [--include /usr/include] [--cc clang-19] [-o rules/models/gsl.yaml]

The headers are run through the C preprocessor (so INLINE_DECL and friends are gone and every
declaration is attributed to the header it comes from), the prototypes are parsed, and each
function gets its effects from what it is:

  * vectors and matrices of every element type the headers declare (gsl_vector_*.h,
    gsl_matrix_*.h): the operation is the function name without its type prefix
    (gsl_matrix_float_row -> row), and OPS below says what each operation does, naming the
    parameters by position; the real names are taken from the prototype;
  * BLAS (gsl_blas.h): `const` vector/matrix parameters are read, the others written; outputs
    must not overlap inputs (the BLAS convention);
  * linear algebra (gsl_linalg.h): the same from the `const` qualifiers, with the matrices that a
    decomposition overwrites read and written.

An operation of gsl_vector_*/gsl_matrix_* that OPS does not know stops the generator, so a new
GSL version makes someone decide what its new functions do. The output is grouped by operation
(one entry lists the function for every element type), with a comment per group.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

HEADERS = ["gsl/gsl_vector.h", "gsl/gsl_matrix.h", "gsl/gsl_blas.h", "gsl/gsl_linalg.h"]

# ---------------------------------------------------------------------------------------------
# Parsing prototypes out of preprocessed headers


class Param:
    def __init__(self, ctype, name):
        self.ctype = ctype  # the type text without the name, e.g. "const gsl_vector *"
        self.name = name

    @property
    def is_pointer(self):
        return "*" in self.ctype or self.ctype.endswith("[]")

    @property
    def is_const_pointee(self):
        """`const T *`: the function promises not to write through it."""
        return "const" in self.ctype.split("*")[0].split()

    @property
    def array_kind(self):
        """'vector', 'matrix', 'permutation', 'block' for GSL handles; 'raw' for other data
        pointers; None for values."""
        base = self.ctype.replace("const", "").replace("*", "").strip()
        if not self.is_pointer:
            return None
        if base.startswith("gsl_vector"):
            return "vector"
        if base.startswith("gsl_matrix"):
            return "matrix"
        if base == "gsl_permutation":
            return "permutation"
        if base.startswith("gsl_block"):
            return "block"
        if base in ("FILE", "void", "char") or "(" in self.ctype:
            return None
        return "raw"


class Proto:
    def __init__(self, name, ret, params, header):
        self.name, self.ret, self.params, self.header = name, ret, params, header


def preprocess(cc, include):
    src = "".join(f"#include <{h}>\n" for h in HEADERS)
    cmd = [cc, "-E", "-x", "c", "-std=c11", "-I", include, "-"]
    out = subprocess.run(cmd, input=src, capture_output=True, text=True, check=True).stdout
    chunks = collections.defaultdict(list)
    current = None
    for line in out.splitlines():
        m = re.match(r'# \d+ "([^"]+)"', line)
        if m:
            current = m.group(1)
        else:
            chunks[current].append(line)
    return {f: "\n".join(lines) for f, lines in chunks.items() if f and "/gsl/" in f}


def statements(text):
    """Top-level declarations, split at `;`; function bodies (HAVE_INLINE) are skipped."""
    out, buf, depth, i = [], [], 0, 0
    while i < len(text):
        c = text[i]
        if c == "{" and depth == 0 and "".join(buf).rstrip().endswith(")"):
            d = 0
            while True:
                d += text[i] == "{"
                d -= text[i] == "}"
                if text[i] == "}" and d == 0:
                    break
                i += 1
            buf = []
            i += 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == ";" and depth == 0:
            out.append("".join(buf))
            buf = []
            i += 1
            continue
        buf.append(c)
        i += 1
    return out


def split_params(text):
    parts, depth, cur = [], 0, ""
    for c in text:
        depth += c in "(["
        depth -= c in ")]"
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    return [p.strip() for p in parts if p.strip() and p.strip() != "void"]


def parse_param(text):
    fp = re.search(r"\(\s*\*\s*(\w+)\s*\)", text)
    if fp:  # function pointer
        return Param(text.replace(fp.group(1), "", 1), fp.group(1))
    is_array = "[" in text
    text = re.sub(r"\[[^\]]*\]", "", text).strip()
    m = re.search(r"(\w+)$", text)
    ctype = text[: m.start()].strip() if m else text
    if not m or not ctype:
        raise ValueError(f"unnamed parameter: {text!r}")
    return Param(" ".join(ctype.replace("*", " * ").split()) + (" []" if is_array else ""),
                 m.group(1))


def parse_headers(cc, include):
    protos = {}
    for path, text in preprocess(cc, include).items():
        header = os.path.basename(path)
        for st in statements(text):
            st = " ".join(st.split())
            if st.startswith("typedef") or st.startswith("extern \"C\""):
                continue
            m = re.match(r"^(.*?)\b(gsl_\w+)\s*\((.*)\)$", st)
            if not m:
                continue
            params = [parse_param(p) for p in split_params(m.group(3))]
            protos[m.group(2)] = Proto(m.group(2), m.group(1).strip(), params, header)
    return protos


# ---------------------------------------------------------------------------------------------
# Vectors and matrices: what each operation does. Each entry: (comment, effects, field).
# Effects are templates: {0}, {1}, ... are replaced by the names of the parameters at those
# positions in the prototype. Every template names the parameters it needs, so a prototype with
# fewer parameters is an error here, not a model that viewcheck ignores.


def fx(*effects):
    return list(effects)


VIEW, CONST_VIEW = "returns_view", "returns_readonly_view"


def view(kind, base, *regions):
    return fx(f"{kind}({{{base}}})", *regions)


VECTOR_OPS = {
    # creation and release
    "alloc": ("a new vector", fx("returns_fresh"), None),
    "calloc": ("a new vector", fx("returns_fresh"), None),
    "alloc_from_block": (
        "a heap-allocated vector that views the block b (it does not own the memory)",
        view(VIEW, 0), None),
    "alloc_from_vector": (
        "a heap-allocated vector that views v: n elements from offset, every stride-th",
        view(VIEW, 0, "region_span({0}, 0, {1}, {2}, {3})"), None),
    "alloc_row_from_matrix": (
        "a heap-allocated vector that views row i of m",
        view(VIEW, 0, "region_index({0}, 0, {1})"), None),
    "alloc_col_from_matrix": (
        "a heap-allocated vector that views column j of m",
        view(VIEW, 0, "region_index({0}, 1, {1})"), None),
    "free": ("gives the vector up (a view allocated by alloc_from_* too)",
             fx("releases({0})"), None),
    # views, returned by value: the handle is &view.vector
    "view_array": ("a view of the C array", view(VIEW, 0), "vector"),
    "view_array_with_stride": ("a view of the C array, every stride-th element",
                               view(VIEW, 0), "vector"),
    "const_view_array": ("a read-only view of the C array", view(CONST_VIEW, 0), "vector"),
    "const_view_array_with_stride": ("a read-only view of the C array, every stride-th element",
                                     view(CONST_VIEW, 0), "vector"),
    "subvector": ("elements i, i+1, ..., n of them",
                  view(VIEW, 0, "region_span({0}, 0, {1}, {2}, 1)"), "vector"),
    "subvector_with_stride": ("elements i, i+stride, ..., n of them",
                              view(VIEW, 0, "region_span({0}, 0, {1}, {3}, {2})"), "vector"),
    "const_subvector": ("read-only: elements i, i+1, ..., n of them",
                        view(CONST_VIEW, 0, "region_span({0}, 0, {1}, {2}, 1)"), "vector"),
    "const_subvector_with_stride": (
        "read-only: elements i, i+stride, ..., n of them",
        view(CONST_VIEW, 0, "region_span({0}, 0, {1}, {3}, {2})"), "vector"),
    "real": ("the real parts of a complex vector (interleaved: no region)", view(VIEW, 0),
             "vector"),
    "imag": ("the imaginary parts of a complex vector (interleaved: no region)", view(VIEW, 0),
             "vector"),
    "const_real": ("read-only: the real parts of a complex vector", view(CONST_VIEW, 0),
                   "vector"),
    "const_imag": ("read-only: the imaginary parts of a complex vector", view(CONST_VIEW, 0),
                   "vector"),
    # element access
    "get": ("reads one element", fx("reads({0})"), None),
    "set": ("writes one element (the model has no element regions: the whole vector)",
            fx("writes({0})"), None),
    "ptr": ("a raw pointer to element i", fx("returns_data({0})"), None),
    "const_ptr": ("a raw pointer to element i (const)", fx("returns_data({0})"), None),
    # initialisation
    "set_zero": ("fills", fx("writes({0})"), None),
    "set_all": ("fills", fx("writes({0})"), None),
    "set_basis": ("fills (the i-th basis vector)", fx("writes({0})"), None),
    # input and output
    "fread": ("reads the elements from a stream into v", fx("writes({1})"), None),
    "fscanf": ("reads the elements from a stream into v", fx("writes({1})"), None),
    "fwrite": ("writes the elements of v to a stream", fx("reads({1})"), None),
    "fprintf": ("writes the elements of v to a stream", fx("reads({1})"), None),
    # copying and exchanging
    "memcpy": ("copies src into dest; identical operands are harmless, partial overlap is not",
               fx("writes({0})", "reads({1})", "no_partial_overlap({0}, {1})"), None),
    "swap": ("exchanges the elements of the two vectors",
             fx("reads({0})", "reads({1})", "writes({0})", "writes({1})",
                "no_partial_overlap({0}, {1})"), None),
    "swap_elements": ("exchanges two elements in place", fx("reads({0})", "writes({0})"), None),
    "reverse": ("reverses in place", fx("reads({0})", "writes({0})"), None),
    # element-wise arithmetic: a op= b
    "add": ("a += b", fx("reads({0})", "reads({1})", "writes({0})",
                         "no_partial_overlap({0}, {1})"), None),
    "sub": ("a -= b", fx("reads({0})", "reads({1})", "writes({0})",
                         "no_partial_overlap({0}, {1})"), None),
    "mul": ("a *= b", fx("reads({0})", "reads({1})", "writes({0})",
                         "no_partial_overlap({0}, {1})"), None),
    "div": ("a /= b", fx("reads({0})", "reads({1})", "writes({0})",
                         "no_partial_overlap({0}, {1})"), None),
    "scale": ("a *= x", fx("reads({0})", "writes({0})"), None),
    "add_constant": ("a += x", fx("reads({0})", "writes({0})"), None),
    "axpby": ("y = alpha x + beta y",
              fx("reads({1})", "reads({3})", "writes({3})", "no_partial_overlap({3}, {1})"),
              None),
    # reductions and tests
    "sum": ("reads", fx("reads({0})"), None),
    "max": ("reads", fx("reads({0})"), None),
    "min": ("reads", fx("reads({0})"), None),
    "max_index": ("reads", fx("reads({0})"), None),
    "min_index": ("reads", fx("reads({0})"), None),
    "minmax": ("reads v, stores the results", fx("reads({0})", "writes({1})", "writes({2})"),
               None),
    "minmax_index": ("reads v, stores the indices",
                     fx("reads({0})", "writes({1})", "writes({2})"), None),
    "equal": ("reads both", fx("reads({0})", "reads({1})"), None),
    "isnull": ("reads", fx("reads({0})"), None),
    "ispos": ("reads", fx("reads({0})"), None),
    "isneg": ("reads", fx("reads({0})"), None),
    "isnonneg": ("reads", fx("reads({0})"), None),
}

MATRIX_OPS = {
    "alloc": ("a new matrix", fx("returns_fresh"), None),
    "calloc": ("a new matrix", fx("returns_fresh"), None),
    "alloc_from_block": ("a heap-allocated matrix that views the block b", view(VIEW, 0), None),
    "alloc_from_matrix": (
        "a heap-allocated matrix that views rows k1.. (n1 of them), columns k2.. (n2) of m",
        view(VIEW, 0, "region_span({0}, 0, {1}, {3}, 1)", "region_span({0}, 1, {2}, {4}, 1)"),
        None),
    "free": ("gives the matrix up", fx("releases({0})"), None),
    # views, returned by value: &view.vector for rows, columns, diagonals; &view.matrix else
    "row": ("row i", view(VIEW, 0, "region_index({0}, 0, {1})"), "vector"),
    "column": ("column j", view(VIEW, 0, "region_index({0}, 1, {1})"), "vector"),
    "subrow": ("n elements of row i from column offset",
               view(VIEW, 0, "region_index({0}, 0, {1})", "region_span({0}, 0, {2}, {3}, 1)"),
               "vector"),
    "subcolumn": ("n elements of column j from row offset",
                  view(VIEW, 0, "region_span({0}, 0, {2}, {3}, 1)", "region_index({0}, 1, {1})"),
                  "vector"),
    "diagonal": ("the diagonal (no region: may cover anything)", view(VIEW, 0), "vector"),
    "subdiagonal": ("the k-th subdiagonal (no region)", view(VIEW, 0), "vector"),
    "superdiagonal": ("the k-th superdiagonal (no region)", view(VIEW, 0), "vector"),
    "submatrix": ("rows i.. (n1 of them), columns j.. (n2 of them)",
                  view(VIEW, 0, "region_span({0}, 0, {1}, {3}, 1)",
                       "region_span({0}, 1, {2}, {4}, 1)"), "matrix"),
    "view_array": ("an n1 x n2 view of the C array", view(VIEW, 0), "matrix"),
    "view_array_with_tda": ("an n1 x n2 view of the C array, rows tda apart", view(VIEW, 0),
                            "matrix"),
    "view_vector": ("an n1 x n2 view of the vector's elements", view(VIEW, 0), "matrix"),
    "view_vector_with_tda": ("an n1 x n2 view of the vector's elements, rows tda apart",
                             view(VIEW, 0), "matrix"),
    "const_row": ("read-only: row i", view(CONST_VIEW, 0, "region_index({0}, 0, {1})"),
                  "vector"),
    "const_column": ("read-only: column j", view(CONST_VIEW, 0, "region_index({0}, 1, {1})"),
                     "vector"),
    "const_subrow": ("read-only: n elements of row i from column offset",
                     view(CONST_VIEW, 0, "region_index({0}, 0, {1})",
                          "region_span({0}, 0, {2}, {3}, 1)"), "vector"),
    "const_subcolumn": ("read-only: n elements of column j from row offset",
                        view(CONST_VIEW, 0, "region_span({0}, 0, {2}, {3}, 1)",
                             "region_index({0}, 1, {1})"), "vector"),
    "const_diagonal": ("read-only: the diagonal", view(CONST_VIEW, 0), "vector"),
    "const_subdiagonal": ("read-only: the k-th subdiagonal", view(CONST_VIEW, 0), "vector"),
    "const_superdiagonal": ("read-only: the k-th superdiagonal", view(CONST_VIEW, 0), "vector"),
    "const_submatrix": ("read-only: rows i.. (n1 of them), columns j.. (n2 of them)",
                        view(CONST_VIEW, 0, "region_span({0}, 0, {1}, {3}, 1)",
                             "region_span({0}, 1, {2}, {4}, 1)"), "matrix"),
    "const_view_array": ("read-only: an n1 x n2 view of the C array", view(CONST_VIEW, 0),
                         "matrix"),
    "const_view_array_with_tda": ("read-only: an n1 x n2 view of the C array, rows tda apart",
                                  view(CONST_VIEW, 0), "matrix"),
    "const_view_vector": ("read-only: an n1 x n2 view of the vector", view(CONST_VIEW, 0),
                          "matrix"),
    "const_view_vector_with_tda": ("read-only: an n1 x n2 view of the vector, rows tda apart",
                                   view(CONST_VIEW, 0), "matrix"),
    # element access
    "get": ("reads one element", fx("reads({0})"), None),
    "set": ("writes one element (no element regions: the whole matrix)", fx("writes({0})"),
            None),
    "ptr": ("a raw pointer to element (i, j)", fx("returns_data({0})"), None),
    "const_ptr": ("a raw pointer to element (i, j) (const)", fx("returns_data({0})"), None),
    # initialisation
    "set_zero": ("fills", fx("writes({0})"), None),
    "set_identity": ("fills", fx("writes({0})"), None),
    "set_all": ("fills", fx("writes({0})"), None),
    # input and output
    "fread": ("reads the elements from a stream into m", fx("writes({1})"), None),
    "fscanf": ("reads the elements from a stream into m", fx("writes({1})"), None),
    "fwrite": ("writes the elements of m to a stream", fx("reads({1})"), None),
    "fprintf": ("writes the elements of m to a stream", fx("reads({1})"), None),
    # copying and exchanging
    "memcpy": ("copies src into dest; identical operands are harmless, partial overlap is not",
               fx("writes({0})", "reads({1})", "no_partial_overlap({0}, {1})"), None),
    "swap": ("exchanges the elements of the two matrices",
             fx("reads({0})", "reads({1})", "writes({0})", "writes({1})",
                "no_partial_overlap({0}, {1})"), None),
    "tricpy": ("copies a triangle of src into dest",
               fx("reads({3})", "writes({2})", "no_partial_overlap({2}, {3})"), None),
    "transpose_memcpy": (
        "dest = src^T: element (i, j) lands on (j, i), so any overlap, even identity, is wrong",
        fx("reads({1})", "writes({0})", "no_overlap({0}, {1})"), None),
    "transpose_tricpy": (
        "copies a triangle of src^T into the other triangle of dest; dest may be src itself (the "
        "strict triangles do not meet: GSL's own Cholesky does it), a partial overlap is wrong",
        fx("reads({3})", "writes({2})", "no_partial_overlap({2}, {3})"), None),
    "conjtrans_memcpy": ("dest = conj(src)^T (any overlap is wrong)",
                         fx("reads({1})", "writes({0})", "no_overlap({0}, {1})"), None),
    "swap_rows": ("in place", fx("reads({0})", "writes({0})"), None),
    "swap_columns": ("in place", fx("reads({0})", "writes({0})"), None),
    "swap_rowcol": ("in place", fx("reads({0})", "writes({0})"), None),
    "transpose": ("in place (square matrices)", fx("reads({0})", "writes({0})"), None),
    # rows and columns to and from vectors: GSL documents overlap of the matrix and the vector
    # as undefined, so no overlap at all (the whole matrix counts, not only row/column i)
    "get_row": ("v = row i of m", fx("reads({1})", "writes({0})", "no_overlap({0}, {1})"),
                None),
    "get_col": ("v = column j of m", fx("reads({1})", "writes({0})", "no_overlap({0}, {1})"),
                None),
    "set_row": ("row i of m = v", fx("reads({2})", "writes({0})", "no_overlap({0}, {2})"),
                None),
    "set_col": ("column j of m = v", fx("reads({2})", "writes({0})", "no_overlap({0}, {2})"),
                None),
    # element-wise arithmetic
    "add": ("a += b", fx("reads({0})", "reads({1})", "writes({0})",
                         "no_partial_overlap({0}, {1})"), None),
    "sub": ("a -= b", fx("reads({0})", "reads({1})", "writes({0})",
                         "no_partial_overlap({0}, {1})"), None),
    "mul_elements": ("a *= b", fx("reads({0})", "reads({1})", "writes({0})",
                                  "no_partial_overlap({0}, {1})"), None),
    "div_elements": ("a /= b", fx("reads({0})", "reads({1})", "writes({0})",
                                  "no_partial_overlap({0}, {1})"), None),
    "scale": ("a *= x", fx("reads({0})", "writes({0})"), None),
    "add_constant": ("a += x", fx("reads({0})", "writes({0})"), None),
    "add_diagonal": ("a += x on the diagonal", fx("reads({0})", "writes({0})"), None),
    "scale_rows": ("row i of a *= x[i]: x is read while a is written, so no overlap",
                   fx("reads({0})", "reads({1})", "writes({0})", "no_overlap({0}, {1})"), None),
    "scale_columns": ("column j of a *= x[j]: x is read while a is written, so no overlap",
                      fx("reads({0})", "reads({1})", "writes({0})", "no_overlap({0}, {1})"),
                      None),
    # reductions and tests
    "max": ("reads", fx("reads({0})"), None),
    "min": ("reads", fx("reads({0})"), None),
    "minmax": ("reads m, stores the results", fx("reads({0})", "writes({1})", "writes({2})"),
               None),
    "max_index": ("reads m, stores the indices", fx("reads({0})", "writes({1})", "writes({2})"),
                  None),
    "min_index": ("reads m, stores the indices", fx("reads({0})", "writes({1})", "writes({2})"),
                  None),
    "minmax_index": ("reads m, stores the indices",
                     fx("reads({0})", "writes({1})", "writes({2})", "writes({3})",
                        "writes({4})"), None),
    "equal": ("reads both", fx("reads({0})", "reads({1})"), None),
    "isnull": ("reads", fx("reads({0})"), None),
    "ispos": ("reads", fx("reads({0})"), None),
    "isneg": ("reads", fx("reads({0})"), None),
    "isnonneg": ("reads", fx("reads({0})"), None),
    "norm1": ("reads", fx("reads({0})"), None),
}

# The order of the sections in the output, and their titles.
SECTIONS = [
    ("create", "Creation and release", ["alloc", "calloc", "alloc_from_block",
                                        "alloc_from_vector", "alloc_from_matrix",
                                        "alloc_row_from_matrix", "alloc_col_from_matrix",
                                        "free"]),
    ("views", "Views (structs returned by value: the handle is &v.vector or &v.matrix)",
     ["view_array", "view_array_with_stride", "view_array_with_tda", "view_vector",
      "view_vector_with_tda", "subvector", "subvector_with_stride", "row", "column", "subrow",
      "subcolumn", "diagonal", "subdiagonal", "superdiagonal", "submatrix", "real", "imag"]),
    ("const_views", "Read-only views (gsl_*_const_view): writes through them are VC001",
     ["const_view_array", "const_view_array_with_stride", "const_view_array_with_tda",
      "const_view_vector", "const_view_vector_with_tda", "const_subvector",
      "const_subvector_with_stride", "const_row", "const_column", "const_subrow",
      "const_subcolumn", "const_diagonal", "const_subdiagonal", "const_superdiagonal",
      "const_submatrix", "const_real", "const_imag"]),
    ("access", "Element access", ["get", "set", "ptr", "const_ptr"]),
    ("init", "Initialisation", ["set_zero", "set_all", "set_basis", "set_identity"]),
    ("io", "Input and output", ["fread", "fscanf", "fwrite", "fprintf"]),
    ("copy", "Copying and exchanging",
     ["memcpy", "swap", "tricpy", "transpose_memcpy", "transpose_tricpy", "conjtrans_memcpy",
      "swap_elements", "reverse", "swap_rows", "swap_columns", "swap_rowcol", "transpose"]),
    ("rowcol", "Rows and columns to and from vectors",
     ["get_row", "get_col", "set_row", "set_col"]),
    ("arith", "Element-wise arithmetic",
     ["add", "sub", "mul", "div", "mul_elements", "div_elements", "scale", "add_constant",
      "add_diagonal", "axpby", "scale_rows", "scale_columns"]),
    ("reduce", "Reductions and tests",
     ["sum", "max", "min", "max_index", "min_index", "minmax", "minmax_index", "equal",
      "isnull", "ispos", "isneg", "isnonneg", "norm1"]),
]


def type_prefixes(protos):
    """{header suffix: (vector prefix, matrix prefix)} from the gsl_vector_<type>.h headers."""
    out = {}
    for h in sorted({p.header for p in protos.values()}):
        m = re.match(r"gsl_(?:vector|matrix)_(\w+)\.h$", h)
        if m:
            t = m.group(1)
            suffix = "" if t == "double" else "_" + t.replace("complex_double", "complex")
            out[t] = (f"gsl_vector{suffix}", f"gsl_matrix{suffix}")
    return out


def instantiate(template, proto):
    def name(m):
        i = int(m.group(1))
        if i >= len(proto.params):
            raise SystemExit(f"{proto.name}: the model needs parameter {i}, the prototype has "
                             f"{len(proto.params)}")
        return proto.params[i].name
    return re.sub(r"\{(\d+)\}", name, template)


def vector_matrix_models(protos):
    prefixes = type_prefixes(protos)
    groups = collections.OrderedDict()  # (kind, op, effects, field) -> [names]
    types_seen = collections.defaultdict(set)
    for name in sorted(protos):
        proto = protos[name]
        m = re.match(r"gsl_(?:vector|matrix)_(\w+)\.h$", proto.header)
        if not m:
            continue
        vpre, mpre = prefixes[m.group(1)]
        for kind, pre, table in (("vector", vpre, VECTOR_OPS), ("matrix", mpre, MATRIX_OPS)):
            if name.startswith(pre + "_"):
                op = name[len(pre) + 1:]
                break
        else:
            raise SystemExit(f"{name} ({proto.header}): no vector or matrix type prefix")
        if op not in table:
            raise SystemExit(f"{name}: unknown {kind} operation '{op}': add it to "
                             f"{'VECTOR_OPS' if kind == 'vector' else 'MATRIX_OPS'}")
        comment, templates, field = table[op]
        effects = tuple(instantiate(t, proto) for t in templates)
        groups.setdefault((kind, op, effects, field), []).append(name)
        types_seen[kind].add(pre)
    return groups, types_seen


# ---------------------------------------------------------------------------------------------
# BLAS and linear algebra: effects from the `const` qualifiers.

# BLAS outputs scaled by beta (gemv's y, gemm's C, ...): only written here. They are read too
# when beta != 0; the model cannot depend on beta, and beta = 0 (overwrite) is the common use.
BLAS_WRITE_ONLY = re.compile(r"gsl_blas_[sdcz](gemv|symv|hemv|gemm|symm|hemm|syrk|herk|syr2k|"
                             r"her2k|copy)$")
BLAS_SWAP = re.compile(r"gsl_blas_[sdcz]swap$")
# rotg(a, b, c, s) and rotmg(d1, d2, b1, b2, P) update some of their scalar arrays in place.
BLAS_RAW_INOUT = {"a", "b", "d1", "d2", "b1"}

BLAS_OPS = {
    "dot": "dot products (the result is stored through the last argument)",
    "nrm2": "Euclidean norm", "asum": "sum of absolute values", "amax": "index of the largest",
    "swap": "exchange x and y", "copy": "y = x", "axpy": "y = alpha x + y",
    "rotg": "Givens rotation from scalars", "rotmg": "modified Givens rotation from scalars",
    "rot": "apply a Givens rotation to x and y", "rotm": "apply a modified Givens rotation",
    "scal": "x = alpha x",
    "gemv": "y = alpha op(A) x + beta y", "symv": "y = alpha A x + beta y (A symmetric)",
    "hemv": "y = alpha A x + beta y (A hermitian)", "trmv": "x = op(A) x (A triangular)",
    "trsv": "x = inv(op(A)) x (A triangular)", "ger": "A = alpha x y^T + A",
    "syr": "A = alpha x x^T + A", "her": "A = alpha x x^H + A", "syr2": "rank-2 update of A",
    "her2": "rank-2 update of A (hermitian)",
    "gemm": "C = alpha op(A) op(B) + beta C", "symm": "C = alpha A B + beta C (A symmetric)",
    "hemm": "C = alpha A B + beta C (A hermitian)", "syrk": "C = alpha A A^T + beta C",
    "herk": "C = alpha A A^H + beta C", "syr2k": "C = alpha (A B^T + B A^T) + beta C",
    "her2k": "C = alpha (A B^H + B A^H) + beta C", "trmm": "B = alpha op(A) B (A triangular)",
    "trsm": "B = alpha inv(op(A)) B (A triangular)",
}


def blas_op(name):
    base = name[len("gsl_blas_"):]
    for pattern in (r"^i[sdcz](amax)$", r"^(?:sc|dz)(nrm2|asum)$", r"^(?:cs|zd)(scal)$",
                    r"^(?:sds|ds)(dot)$", r"^[sdcz](dot)[uc]$", r"^[sdcz](ger)[uc]$",
                    r"^[sdcz](\w+)$"):
        m = re.match(pattern, base)
        if m:
            return m.group(1)
    raise SystemExit(f"{name}: not a BLAS operation name")

# Linear algebra. Non-const vectors and matrices are read and written (updated in place: the
# matrix a decomposition overwrites, the x of an _svx, the v of a QTvec, ...), except pure
# outputs, which are only written:
#  - `work` and `residual` everywhere;
#  - in a decomposition, everything but the matrix it factorizes (its first non-const matrix,
#    and a second one named B of the pair decompositions): tau, p, S, V, ...;
#  - in a function that reads const inputs and stores results (unpack, solve, invert, ...).
LINALG_ALWAYS_OUTPUTS = {"work", "residual"}
LINALG_RESULT_FUNCS = re.compile(r"(unpack\w*|matQ|matZ|solve\w*|solve_T|invert|solve_mat|"
                                 r"solvem|exponential_ss|matmult\w*|leverage|rcond|scale|"
                                 r"decomp2|QTmat\w*|QTvec\w*|Qvec|QHvec\w*|vecQT?)$")
# Non-const parameters that are only read (the declarations lack the const).
LINALG_READ_ONLY = {
    "gsl_linalg_LU_det": {"LU"}, "gsl_linalg_LU_lndet": {"LU"}, "gsl_linalg_LU_sgndet": {"lu"},
    "gsl_linalg_complex_LU_det": {"LU"}, "gsl_linalg_complex_LU_lndet": {"LU"},
    "gsl_linalg_complex_LU_sgndet": {"LU"},
    "gsl_linalg_QR_QRsolve": {"Q", "R"}, "gsl_linalg_LQ_LQsolve": {"Q", "L"},
    "gsl_linalg_hessenberg_unpack": {"H", "tau"},
    "gsl_linalg_hessenberg_unpack_accum": {"H", "tau"},
    "gsl_linalg_bidiag_unpack2": {"tau_U", "tau_V"},
}


# Non-const parameters that the rules above would call pure outputs but that are read first.
LINALG_INPLACE = {
    "gsl_linalg_HH_solve": {"A"}, "gsl_linalg_bidiag_unpack2": {"A"},
    "gsl_linalg_hessenberg_unpack_accum": {"U"}, "gsl_linalg_QR_UR_decomp": {"A"},
    "gsl_linalg_QR_UZ_decomp": {"A"}, "gsl_linalg_balance_accum": {"D"},
}


def linalg_reads_output(proto, p, outs, has_const_input):
    """Whether a non-const linalg parameter is read before it is written."""
    if p.name in LINALG_INPLACE.get(proto.name, ()):
        return True
    if p.name in LINALG_ALWAYS_OUTPUTS:
        return False
    if "decomp" in proto.name:
        if has_const_input:  # QRPT_decomp2(const A, q, r, ...): the factors are results
            return False
        mats = [o for o in outs if o.array_kind == "matrix"]
        return bool(mats) and (p is mats[0] or p.name == "B")
    if has_const_input and LINALG_RESULT_FUNCS.search(proto.name):
        # the vector such functions transform in place (QTvec's v, svx's x) is still read
        return bool(re.search(r"(QTvec\w*|Qvec|QHvec\w*|vecQT?|svx\w*)$", proto.name))
    return True


def const_models(proto, family):
    """Effects of a BLAS or linalg function from its parameters' const qualifiers."""
    ins, outs, scalar_outs, effects = [], [], [], []
    read_only = LINALG_READ_ONLY.get(proto.name, set())
    for p in proto.params:
        kind = p.array_kind
        if kind is None:
            continue
        if p.is_const_pointee or p.name in read_only:
            ins.append(p)
        elif kind == "raw":
            scalar_outs.append(p)
        else:
            outs.append(p)
    has_const_input = any(p.array_kind in ("vector", "matrix") for p in ins)
    for p in ins:
        effects.append(f"reads({p.name})")
    for p in outs:
        if family == "blas":
            read = not BLAS_WRITE_ONLY.search(proto.name)
        else:
            read = linalg_reads_output(proto, p, outs, has_const_input)
        if read:
            effects.append(f"reads({p.name})")
    for p in scalar_outs:
        if family == "blas" and p.name in BLAS_RAW_INOUT:
            effects.append(f"reads({p.name})")
    for p in outs + scalar_outs:
        effects.append(f"writes({p.name})")
    arrays = lambda ps: [p for p in ps if p.array_kind in ("vector", "matrix")]
    if BLAS_SWAP.search(proto.name):
        effects.append(f"no_partial_overlap({outs[0].name}, {outs[1].name})")
    else:
        outs_a, ins_a = arrays(outs), arrays(ins)
        for i, o in enumerate(outs_a):  # outputs must not overlap inputs nor each other
            for q in outs_a[i + 1:] + ins_a:
                effects.append(f"no_overlap({o.name}, {q.name})")
    return tuple(effects)


BLAS_LEVELS = [
    ("Level 1: vectors", re.compile(r"gsl_blas_(sdsdot|dsdot|[sdcz]dot[uc]?|\w*nrm2|\w*asum|"
                                    r"i[sdcz]amax|[sdcz]swap|[sdcz]copy|[sdcz]axpy|[sdcz]rotm?g?|"
                                    r"[sdcz]s?scal|zdscal)$")),
    ("Level 2: matrix-vector", re.compile(r"gsl_blas_[sdcz](gemv|trmv|trsv|symv|hemv|ger[uc]?|"
                                          r"syr2?|her2?)$")),
    ("Level 3: matrix-matrix", re.compile(r"gsl_blas_[sdcz](gemm|symm|hemm|syrk|herk|syr2k|"
                                          r"her2k|trmm|trsm)$")),
]


# ---------------------------------------------------------------------------------------------
# Output


def quote(effect):
    return f'"{effect}"' if "," in effect else effect


def flow(key, items, indent=4, width=100):
    """`key: [a, b, ...]` as a YAML flow sequence, wrapped under the opening bracket."""
    lines, cur = [], " " * indent + f"{key}: ["
    pad = " " * len(cur)
    for i, item in enumerate(items):
        text = item + (", " if i + 1 < len(items) else "]")
        if len(cur) + len(text.rstrip()) > width and cur.strip() not in (f"{key}: [",):
            lines.append(cur.rstrip())
            cur = pad
        cur += text
    lines.append(cur.rstrip())
    return lines


def comment(lines, text, indent=2, width=100):
    words, cur = text.split(), " " * indent + "#"
    for w in words:
        if len(cur) + 1 + len(w) > width and cur.strip() != "#":
            lines.append(cur)
            cur = " " * indent + "#"
        cur += " " + w
    lines.append(cur)


TYPE_ORDER = ["", "float", "long_double", "int", "uint", "long", "ulong", "short", "ushort",
              "char", "uchar", "complex", "complex_float", "complex_long_double"]


def type_rank(name):
    m = re.match(r"gsl_(?:vector|matrix)_?(.*)$", name)
    rest = m.group(1) if m else name
    best = max((t for t in TYPE_ORDER if rest == t or rest.startswith(t + "_") or t == ""),
               key=len)
    return (TYPE_ORDER.index(best), name)


def entry(lines, names, effects, field, text=None):
    if text:
        comment(lines, text)
    if len(names) == 1:
        lines.append(f"  - function: {names[0]}")
        lines.extend(flow("effects", [quote(e) for e in effects]))
    else:
        if names[0].startswith(("gsl_vector", "gsl_matrix")):
            names = sorted(names, key=type_rank)
        lines.extend(flow("- functions", names, indent=2))
        lines.extend(flow("effects", [quote(e) for e in effects]))
    if field:
        lines.append(f"    field: {field}")


HEAD = """\
# The GNU Scientific Library, for viewcheck: vectors and matrices of every element type, BLAS
# (gsl_blas.h) and the linear-algebra routines (gsl_linalg.h).
#
# GENERATED by tools/gen_gsl_models.py from the GSL {version} headers: edit the generator, not
# this file. Effects use the vocabulary of nda.h's annotations (runtime/README.md), naming the
# parameters as the headers do. Effects are applied per call: reads before writes.
#
# Views are structs returned by value (gsl_vector_view v = gsl_matrix_row(m, i);): `field:`
# names the member that holds the view, so the handle is &v.vector (or &v.matrix). Regions:
# rows and columns are region_index on axis 0 and 1; subvectors, subrows, subcolumns and
# submatrices are region_span(p, axis, offset, count, stride); diagonals, real/imag parts and
# views of C arrays carry no region (they may cover any part of their base). The const_ twins
# are read-only views.
#
# Not expressed: a write of one element (gsl_vector_set) writes the whole vector for the
# analyzer; a GSL view holds no reference to its base, so a view used after gsl_*_free of its
# base is not a VC007 here (it is in C); BLAS outputs scaled by beta are written, not read.
"""


def generate(protos, version):
    lines = [HEAD.format(version=version), "models:"]
    counts = collections.OrderedDict()

    groups, types_seen = vector_matrix_models(protos)
    by_op = collections.defaultdict(list)
    for key, names in groups.items():
        by_op[key[1]].append((key, names))
    placed, placed_ops = set(), set()
    ntypes = {k: len(v) for k, v in types_seen.items()}
    lines.append("")
    lines.append("  # " + "=" * 92)
    comment(lines, f"Vectors of {ntypes['vector']} element types ("
            + ", ".join(sorted(types_seen['vector'], key=type_rank))
            + f") and matrices of {ntypes['matrix']} (the gsl_matrix_* twins). Each entry lists"
            " the function for every element type the headers declare it for.")
    lines.append("  # " + "=" * 92)
    for sec, title, ops in SECTIONS:
        n = 0
        lines.append("")
        lines.append(f"  # --- {title} " + "-" * max(0, 86 - len(title)))
        for op in ops:
            for kind in ("vector", "matrix"):
                for key, names in by_op.get(op, []):
                    if key[0] != kind:
                        continue
                    table = VECTOR_OPS if kind == "vector" else MATRIX_OPS
                    text = f"{kind} {op}: {table[op][0]}"
                    if (kind, op) in placed_ops:
                        text = (f"{kind} {op}, the same for the types whose headers name the "
                                "parameters differently")
                    placed_ops.add((kind, op))
                    lines.append("")
                    entry(lines, names, key[2], key[3], text)
                    placed.add(key)
                    n += len(names)
        counts[f"vector/matrix: {title.split(' (')[0].lower()}"] = n
    missing = [k for k in groups if k not in placed]
    if missing:
        raise SystemExit(f"operations with no section: {sorted({k[1] for k in missing})}")

    blas = sorted(n for n, p in protos.items() if p.header == "gsl_blas.h")
    lines.append("")
    lines.append("  # " + "=" * 92)
    lines.append("  # BLAS (gsl_blas.h): const arguments are read, the others written (and read")
    lines.append("  # when they are updated: axpy's y, trmv's x, ger's A, trmm's B, ...); an output")
    lines.append("  # must not overlap any input (the BLAS convention). swap: identity is harmless.")
    lines.append("  # Outputs scaled by beta (gemv's y, gemm's C, ...) are only written here.")
    lines.append("  # " + "=" * 92)
    done = set()
    for title, pattern in BLAS_LEVELS:
        lines.append("")
        lines.append(f"  # --- BLAS {title} " + "-" * max(0, 81 - len(title)))
        n = 0
        grouped = collections.OrderedDict()  # (op, effects) -> names
        ops = list(BLAS_OPS)
        level = sorted((n for n in blas if n not in done and pattern.search(n)),
                       key=lambda n: (ops.index(blas_op(n)), "sdcz".find(n[9]), n))
        for name in level:
            key = (blas_op(name), const_models(protos[name], "blas"))
            grouped.setdefault(key, []).append(name)
            done.add(name)
            n += 1
        for (op, effects), names in grouped.items():
            lines.append("")
            entry(lines, names, effects, None, f"{op}: {BLAS_OPS[op]}")
        counts[f"BLAS {title.split(':')[0].lower()}"] = n
    left = [n for n in blas if n not in done]
    if left:
        raise SystemExit(f"BLAS functions in no level: {left}")

    linalg = sorted(n for n, p in protos.items() if p.header == "gsl_linalg.h")
    lines.append("")
    lines.append("  # " + "=" * 92)
    lines.append("  # Linear algebra (gsl_linalg.h): const arguments are read; the matrices and")
    lines.append("  # vectors a routine overwrites in place (the A of a decomposition, the x of an")
    lines.append("  # _svx) are read and written; pure outputs (x of a _solve, tau, work, unpacked")
    lines.append("  # factors) are written. Outputs must not overlap the inputs nor each other.")
    lines.append("  # " + "=" * 92)
    n = 0
    for name in linalg:
        effects = const_models(protos[name], "linalg")
        if not effects:
            continue
        lines.append("")
        entry(lines, [name], effects, None)
        n += 1
    counts["linalg"] = n
    return "\n".join(lines) + "\n", counts


def gsl_version(include):
    try:
        with open(os.path.join(include, "gsl", "gsl_version.h"), encoding="utf-8") as f:
            m = re.search(r'#define GSL_VERSION "([^"]+)"', f.read())
            return m.group(1) if m else "?"
    except OSError:
        return "?"


def check_program(protos, names):
    """A C file that calls every modelled function once, with zero arguments of the declared
    types: viewcheck resolves a model against the declaration at a call."""
    out = ["/* generated by tools/gen_gsl_models.py --check */"]
    out += [f"#include <{h}>" for h in HEADERS]
    for i, name in enumerate(names):
        proto = protos[name]
        decls, args = [], []
        for k, p in enumerate(proto.params):
            ctype = p.ctype.replace(" []", " *")
            if "(" in ctype:  # function pointer
                args.append("0")
                continue
            base = re.sub(r"^const\s+", "", ctype) if "*" not in ctype else ctype
            decls.append(f"    {base} a{k} = {{0}};")
            args.append(f"a{k}")
        out.append(f"void call_{i}(void);")
        out.append(f"void call_{i}(void)")
        out.append("{")
        out += decls
        out.append(f"    {name}({', '.join(args)});")
        out.append("}")
    return "\n".join(out) + "\n"


def check(viewcheck, model_path, protos, cc_include):
    """Runs viewcheck with the model on a program that calls every function: the model must
    load and no entry may name a parameter its declaration lacks."""
    import tempfile
    import yaml
    with open(model_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    names = []
    for m in doc["models"]:
        names += m.get("functions") or [m["function"]]
    missing = [n for n in names if n not in protos]
    if missing:
        raise SystemExit(f"modelled functions the headers do not declare: {missing}")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "calls.c")
        with open(src, "w", encoding="utf-8") as f:
            f.write(check_program(protos, names))
        cmd = [viewcheck, "--model", os.path.abspath(model_path), "--db",
               os.path.join(tmp, "results.db"), "--fail-on", "none", src, "--", "-std=c11",
               "-I", cc_include]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
    bad = [l for l in proc.stderr.splitlines() if ": warning:" in l or ": error:" in l]
    if proc.returncode != 0 or bad:
        print(proc.stderr, file=sys.stderr)
        raise SystemExit(f"check failed: viewcheck exited {proc.returncode}, "
                         f"{len(bad)} warnings")
    print(f"check: {len(names)} functions called, every model resolved ({proc.stderr.strip()})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--include", default="/usr/include")
    ap.add_argument("--cc", default="clang-19")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output",
                    default=os.path.join(here, "..", "rules", "models", "gsl.yaml"))
    ap.add_argument("--check", metavar="VIEWCHECK",
                    help="after writing, run this viewcheck on a program that calls every "
                         "modelled function and fail on any model warning")
    args = ap.parse_args()
    protos = parse_headers(args.cc, args.include)
    text, counts = generate(protos, gsl_version(args.include))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    total = 0
    for k, v in counts.items():
        print(f"{v:5}  {k}")
        total += v
    print(f"{total:5}  functions modelled -> {os.path.normpath(args.output)}")
    if args.check:
        check(args.check, args.output, protos, args.include)


if __name__ == "__main__":
    sys.exit(main())
