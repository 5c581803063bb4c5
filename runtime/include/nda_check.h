/* nda's checked mode: the runtime as an oracle for the rules of viewcheck.
 *
 * Compile a program with -DNDA_CHECKED and link it with nda_checked (instead of nda): every nda_*
 * call then goes through a wrapper that knows the call's place (__FILE__, __LINE__) and what the
 * call does to memory (the annotations of nda.h), keeps the provenance of every handle (which
 * allocation, which elements, which handle it was derived from, where) and evaluates the rules on
 * the path the program really takes: VC001 (write to read-only memory), VC002 (partial overlap in
 * a kernel), VC003 (stale read of a derived handle), VC004 (write through V, base read, V used
 * again), VC006 (resize of a referenced array), VC007 (use after release; released handles are
 * poisoned, never freed, in this mode). Findings are printed on stderr like viewcheck's, and
 * written as SARIF to the file named by NDA_CHECK_SARIF at exit. NDA_CHECK=0 turns the checks off
 * at run time. Without NDA_CHECKED nothing of this exists: the macros below are empty and the
 * plain nda library has no hook.
 *
 * What the runtime cannot see by itself, the program says with the macros below (they expand
 * to nothing without NDA_CHECKED): raw element accesses through data pointers, the call sites
 * of its own helper functions, const array parameters, and loop iterations. */
#ifndef NDA_CHECK_H
#define NDA_CHECK_H

#include "nda.h"

#ifdef NDA_CHECKED
#define NDA_LOAD(p, i)                                                                             \
    (*(__typeof__(&(p)[i]))nda_check_raw(__FILE__, __LINE__, (p), (i), sizeof *(p), 0))
#define NDA_STORE(p, i, v)                                                                         \
    (*(__typeof__(&(p)[i]))nda_check_raw(__FILE__, __LINE__, (p), (i), sizeof *(p), 1) = (v))
#define NDA_CALL_ENTER() nda_check_enter(__FILE__, __LINE__)
#define NDA_CALL_LEAVE() nda_check_leave()
#define NDA_CONST_PARAM(a) nda_check_const_param(a)
#define NDA_LOOP_BEGIN() nda_check_loop_begin()
#define NDA_LOOP_ITERATION() nda_check_iteration()
#define NDA_LOOP_END() nda_check_loop_end()
#else
#define NDA_LOAD(p, i) ((p)[i])
#define NDA_STORE(p, i, v) ((p)[i] = (v))
#define NDA_CALL_ENTER() ((void)0)
#define NDA_CALL_LEAVE() ((void)0)
#define NDA_CONST_PARAM(a) ((void)0)
#define NDA_LOOP_BEGIN() ((void)0)
#define NDA_LOOP_ITERATION() ((void)0)
#define NDA_LOOP_END() ((void)0)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The hooks behind the macros (in nda_checked only). */
void *nda_check_raw(const char *file, int line, const void *p, ptrdiff_t i, size_t size, int write);
void nda_check_enter(const char *file, int line);
void nda_check_leave(void);
void nda_check_const_param(const nda_array *a);
/* Before a loop, at the start of each iteration of its body, after it. */
void nda_check_loop_begin(void);
void nda_check_iteration(void);
void nda_check_loop_end(void);
/* The number of findings so far (for tests). */
int nda_check_findings(void);

/* The wrappers (in nda_checked only): under NDA_CHECKED, nda_X(args) is
 * nda_checked_X(__FILE__, __LINE__, args). */
#define NDA__SITE const char *file, int line
nda_array *nda_checked_empty(NDA__SITE, nda_dtype dt, int ndim, const ptrdiff_t *shape);
nda_array *nda_checked_zeros(NDA__SITE, nda_dtype dt, int ndim, const ptrdiff_t *shape);
nda_array *nda_checked_full(NDA__SITE, nda_dtype dt, int ndim, const ptrdiff_t *shape, double v);
nda_array *nda_checked_arange(NDA__SITE, ptrdiff_t n);
nda_array *nda_checked_from_values(NDA__SITE, nda_dtype dt, int ndim, const ptrdiff_t *shape,
                                   const double *values);
nda_array *nda_checked_wrap(NDA__SITE, void *data, nda_dtype dt, int ndim, const ptrdiff_t *shape,
                            const ptrdiff_t *strides);
nda_array *nda_checked_view(NDA__SITE, const nda_array *a);
nda_array *nda_checked_slice(NDA__SITE, const nda_array *a, int axis, ptrdiff_t start,
                             ptrdiff_t stop, ptrdiff_t step);
nda_array *nda_checked_index(NDA__SITE, const nda_array *a, int axis, ptrdiff_t i);
nda_array *nda_checked_row(NDA__SITE, const nda_array *a, ptrdiff_t i);
nda_array *nda_checked_col(NDA__SITE, const nda_array *a, ptrdiff_t j);
nda_array *nda_checked_transpose(NDA__SITE, const nda_array *a);
nda_array *nda_checked_diagonal(NDA__SITE, const nda_array *a);
nda_array *nda_checked_broadcast_to(NDA__SITE, const nda_array *a, int ndim,
                                    const ptrdiff_t *shape);
nda_array *nda_checked_as_strided(NDA__SITE, const nda_array *a, int ndim, const ptrdiff_t *shape,
                                  const ptrdiff_t *strides);
nda_array *nda_checked_reshape(NDA__SITE, const nda_array *a, int ndim, const ptrdiff_t *shape);
nda_array *nda_checked_ravel(NDA__SITE, const nda_array *a);
nda_array *nda_checked_ascontiguous(NDA__SITE, const nda_array *a);
nda_array *nda_checked_copy(NDA__SITE, const nda_array *a);
nda_array *nda_checked_flatten(NDA__SITE, const nda_array *a);
nda_array *nda_checked_astype(NDA__SITE, const nda_array *a, nda_dtype dt);
nda_array *nda_checked_retain(NDA__SITE, nda_array *a);
void nda_checked_release(NDA__SITE, nda_array *a);
int nda_checked_ndim(NDA__SITE, const nda_array *a);
const ptrdiff_t *nda_checked_shape(NDA__SITE, const nda_array *a);
const ptrdiff_t *nda_checked_strides(NDA__SITE, const nda_array *a);
ptrdiff_t nda_checked_size(NDA__SITE, const nda_array *a);
nda_dtype nda_checked_dtype_of(NDA__SITE, const nda_array *a);
void *nda_checked_data(NDA__SITE, nda_array *a);
const void *nda_checked_cdata(NDA__SITE, const nda_array *a);
const nda_array *nda_checked_base(NDA__SITE, const nda_array *a);
bool nda_checked_owns_data(NDA__SITE, const nda_array *a);
bool nda_checked_is_writeable(NDA__SITE, const nda_array *a);
bool nda_checked_is_c_contiguous(NDA__SITE, const nda_array *a);
nda_status nda_checked_set_writeable(NDA__SITE, nda_array *a, bool writeable);
int nda_checked_print(NDA__SITE, FILE *f, const nda_array *a);
double nda_checked_get(NDA__SITE, const nda_array *a, const ptrdiff_t *idx);
double nda_checked_get1(NDA__SITE, const nda_array *a, ptrdiff_t i);
double nda_checked_get2(NDA__SITE, const nda_array *a, ptrdiff_t i, ptrdiff_t j);
nda_status nda_checked_set(NDA__SITE, nda_array *a, const ptrdiff_t *idx, double v);
nda_status nda_checked_set1(NDA__SITE, nda_array *a, ptrdiff_t i, double v);
nda_status nda_checked_set2(NDA__SITE, nda_array *a, ptrdiff_t i, ptrdiff_t j, double v);
nda_status nda_checked_fill(NDA__SITE, nda_array *a, double v);
nda_status nda_checked_copyto(NDA__SITE, nda_array *dst, const nda_array *src);
nda_status nda_checked_add(NDA__SITE, nda_array *out, const nda_array *x, const nda_array *y);
nda_status nda_checked_sub(NDA__SITE, nda_array *out, const nda_array *x, const nda_array *y);
nda_status nda_checked_mul(NDA__SITE, nda_array *out, const nda_array *x, const nda_array *y);
nda_status nda_checked_div(NDA__SITE, nda_array *out, const nda_array *x, const nda_array *y);
nda_status nda_checked_scale(NDA__SITE, nda_array *a, double s);
nda_status nda_checked_axpy(NDA__SITE, nda_array *y, double alpha, const nda_array *x);
double nda_checked_sum(NDA__SITE, const nda_array *a);
double nda_checked_dot(NDA__SITE, const nda_array *x, const nda_array *y);
bool nda_checked_may_share_memory(NDA__SITE, const nda_array *a, const nda_array *b);
nda_overlap nda_checked_shares_memory(NDA__SITE, const nda_array *a, const nda_array *b,
                                      ptrdiff_t max_work);
nda_status nda_checked_resize(NDA__SITE, nda_array *a, ptrdiff_t new_size);
#undef NDA__SITE

#ifdef NDA_CHECKED
#define NDA__CHECKED(name, ...) nda_checked_##name(__FILE__, __LINE__, __VA_ARGS__)
#define nda_empty(...) NDA__CHECKED(empty, __VA_ARGS__)
#define nda_zeros(...) NDA__CHECKED(zeros, __VA_ARGS__)
#define nda_full(...) NDA__CHECKED(full, __VA_ARGS__)
#define nda_arange(...) NDA__CHECKED(arange, __VA_ARGS__)
#define nda_from_values(...) NDA__CHECKED(from_values, __VA_ARGS__)
#define nda_wrap(...) NDA__CHECKED(wrap, __VA_ARGS__)
#define nda_view(...) NDA__CHECKED(view, __VA_ARGS__)
#define nda_slice(...) NDA__CHECKED(slice, __VA_ARGS__)
#define nda_index(...) NDA__CHECKED(index, __VA_ARGS__)
#define nda_row(...) NDA__CHECKED(row, __VA_ARGS__)
#define nda_col(...) NDA__CHECKED(col, __VA_ARGS__)
#define nda_transpose(...) NDA__CHECKED(transpose, __VA_ARGS__)
#define nda_diagonal(...) NDA__CHECKED(diagonal, __VA_ARGS__)
#define nda_broadcast_to(...) NDA__CHECKED(broadcast_to, __VA_ARGS__)
#define nda_as_strided(...) NDA__CHECKED(as_strided, __VA_ARGS__)
#define nda_reshape(...) NDA__CHECKED(reshape, __VA_ARGS__)
#define nda_ravel(...) NDA__CHECKED(ravel, __VA_ARGS__)
#define nda_ascontiguous(...) NDA__CHECKED(ascontiguous, __VA_ARGS__)
#define nda_copy(...) NDA__CHECKED(copy, __VA_ARGS__)
#define nda_flatten(...) NDA__CHECKED(flatten, __VA_ARGS__)
#define nda_astype(...) NDA__CHECKED(astype, __VA_ARGS__)
#define nda_retain(...) NDA__CHECKED(retain, __VA_ARGS__)
#define nda_release(...) NDA__CHECKED(release, __VA_ARGS__)
#define nda_ndim(...) NDA__CHECKED(ndim, __VA_ARGS__)
#define nda_shape(...) NDA__CHECKED(shape, __VA_ARGS__)
#define nda_strides(...) NDA__CHECKED(strides, __VA_ARGS__)
#define nda_size(...) NDA__CHECKED(size, __VA_ARGS__)
#define nda_dtype_of(...) NDA__CHECKED(dtype_of, __VA_ARGS__)
#define nda_data(...) NDA__CHECKED(data, __VA_ARGS__)
#define nda_cdata(...) NDA__CHECKED(cdata, __VA_ARGS__)
#define nda_base(...) NDA__CHECKED(base, __VA_ARGS__)
#define nda_owns_data(...) NDA__CHECKED(owns_data, __VA_ARGS__)
#define nda_is_writeable(...) NDA__CHECKED(is_writeable, __VA_ARGS__)
#define nda_is_c_contiguous(...) NDA__CHECKED(is_c_contiguous, __VA_ARGS__)
#define nda_set_writeable(...) NDA__CHECKED(set_writeable, __VA_ARGS__)
#define nda_print(...) NDA__CHECKED(print, __VA_ARGS__)
#define nda_get(...) NDA__CHECKED(get, __VA_ARGS__)
#define nda_get1(...) NDA__CHECKED(get1, __VA_ARGS__)
#define nda_get2(...) NDA__CHECKED(get2, __VA_ARGS__)
#define nda_set(...) NDA__CHECKED(set, __VA_ARGS__)
#define nda_set1(...) NDA__CHECKED(set1, __VA_ARGS__)
#define nda_set2(...) NDA__CHECKED(set2, __VA_ARGS__)
#define nda_fill(...) NDA__CHECKED(fill, __VA_ARGS__)
#define nda_copyto(...) NDA__CHECKED(copyto, __VA_ARGS__)
#define nda_add(...) NDA__CHECKED(add, __VA_ARGS__)
#define nda_sub(...) NDA__CHECKED(sub, __VA_ARGS__)
#define nda_mul(...) NDA__CHECKED(mul, __VA_ARGS__)
#define nda_div(...) NDA__CHECKED(div, __VA_ARGS__)
#define nda_scale(...) NDA__CHECKED(scale, __VA_ARGS__)
#define nda_axpy(...) NDA__CHECKED(axpy, __VA_ARGS__)
#define nda_sum(...) NDA__CHECKED(sum, __VA_ARGS__)
#define nda_dot(...) NDA__CHECKED(dot, __VA_ARGS__)
#define nda_may_share_memory(...) NDA__CHECKED(may_share_memory, __VA_ARGS__)
#define nda_shares_memory(...) NDA__CHECKED(shares_memory, __VA_ARGS__)
#define nda_resize(...) NDA__CHECKED(resize, __VA_ARGS__)
#endif /* NDA_CHECKED */

#ifdef __cplusplus
}
#endif
#endif /* NDA_CHECK_H */
