/* Overlap queries (may shares) and the final "var" lines of the numpy_diff driver. */
#include "driver.h"

#include <stdio.h>
#include <string.h>

/* Looks up the pair in tok[1], tok[2]: 1 found, 0 malformed, -1 missing. */
static int pair(const program *p, const line *l, nda_array **a, nda_array **b)
{
    if (!lookup(p, l, 1, a) || !lookup(p, l, 2, b))
        return 0;
    return *a && *b ? 1 : -1;
}

static const char *op_may(program *p, const line *l)
{
    nda_array *a, *b;
    int found = l->count == 3 ? pair(p, l, &a, &b) : 0;
    if (found <= 0)
        return found ? NOVAR : NULL;
    bool r = nda_may_share_memory(a, b);
    return nda_last_status() != NDA_OK ? status_text() : r ? "true" : "false";
}

static const char *op_shares(program *p, const line *l)
{
    nda_array *a, *b;
    ptrdiff_t max_work;
    int found = l->count == 4 ? pair(p, l, &a, &b) : 0;
    if (found <= 0)
        return found ? NOVAR : NULL;
    if (!parse_int(l->tok[3], &max_work))
        return NULL;
    nda_overlap r = nda_shares_memory(a, b, max_work);
    if (nda_last_status() != NDA_OK)
        return status_text();
    return r == NDA_OVERLAP_YES ? "YES" : r == NDA_OVERLAP_NO ? "NO" : "TOO_HARD";
}

op_handler find_query_op(const char *name)
{
    if (strcmp(name, "may") == 0)
        return op_may;
    if (strcmp(name, "shares") == 0)
        return op_shares;
    return NULL;
}

/* The first variable (below `limit`) that is the array x, or -1. */
static int first_var(const program *p, const nda_array *x, int limit)
{
    for (int k = 0; k < limit; k++)
        if (x && p->vars[k] == x)
            return k;
    return -1;
}

static void print_list(const char *key, int n, const ptrdiff_t *v)
{
    printf(" %s=", key);
    for (int k = 0; k < n; k++)
        printf(k ? ",%td" : "%td", v[k]);
}

/* The elements in C order, read one by one with nda_get. */
static void print_values(const nda_array *a)
{
    int ndim = nda_ndim(a);
    const ptrdiff_t *shape = nda_shape(a);
    ptrdiff_t idx[NDA_MAXDIMS] = {0};
    printf(" values=");
    if (nda_size(a) == 0)
        return;
    for (bool first = true;; first = false) {
        printf(first ? "%.17g" : ",%.17g", nda_get(a, idx));
        int k = ndim - 1;
        while (k >= 0 && ++idx[k] == shape[k])
            idx[k--] = 0;
        if (k < 0)
            return;
    }
}

static void report_var(const program *p, int id)
{
    const nda_array *a = p->vars[id];
    const nda_array *base = nda_base(a);
    int base_id = first_var(p, base, p->count), same_id = first_var(p, a, id);
    ptrdiff_t offset = base ? (const char *)nda_cdata(a) - (const char *)nda_cdata(base) : 0;
    printf("var v%d dtype=%s", id, dtype_name(nda_dtype_of(a)));
    print_list("shape", nda_ndim(a), nda_shape(a));
    print_list("strides", nda_ndim(a), nda_strides(a));
    printf(" offset=%td", offset);
    if (!base)
        printf(" base=own");
    else if (base_id < 0)
        printf(" base=?");
    else
        printf(" base=v%d", base_id);
    if (same_id < 0)
        printf(" same=-");
    else
        printf(" same=v%d", same_id);
    printf(" wr=%d cc=%d", nda_is_writeable(a), nda_is_c_contiguous(a));
    print_values(a);
    printf("\n");
}

void report_vars(const program *p)
{
    for (int id = 0; id < p->count; id++)
        if (p->vars[id])
            report_var(p, id);
}
