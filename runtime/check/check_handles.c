/* Records of handles, their provenance and their elements; frames and loops. */
#include "check_state.h"

#include <stdlib.h>
#include <string.h>

static check_record *records;
static int nrecords, capacity;

typedef struct {
    const char *file;
    int line;
} check_place;

static check_place frames[CHECK_MAX_FRAMES];
static int depth; /* may exceed CHECK_MAX_FRAMES: deeper frames are counted, not kept */
typedef struct {
    unsigned long id;
    unsigned iterations;
} check_loop;

static check_loop loops[CHECK_MAX_LOOPS];
static int nloops; /* may exceed CHECK_MAX_LOOPS: deeper loops are counted, not kept */
static unsigned long next_loop_id = 1;

typedef struct {
    const nda_array *owner;
    unsigned long resizes;
} check_resize_count;

static check_resize_count *resized;
static int nresized;

bool check_enabled(void)
{
    static int enabled = -1;
    if (enabled < 0) {
        const char *v = getenv("NDA_CHECK");
        enabled = !(v && strcmp(v, "0") == 0);
    }
    return enabled;
}

int check_find(const void *ptr)
{
    for (int r = nrecords - 1; ptr && r >= 0; r--)
        if (records[r].ptr == ptr)
            return r;
    return -1;
}

int check_add(const void *ptr, nda_array *array, int parent, bool raw, const check_site *made)
{
    if (nrecords == capacity) {
        int cap = capacity ? 2 * capacity : 64;
        check_record *grown = realloc(records, (size_t)cap * sizeof *grown);
        if (!grown)
            abort(); /* the checked mode cannot go on without its records */
        records = grown;
        capacity = cap;
    }
    check_record *r = &records[nrecords];
    memset(r, 0, sizeof *r);
    r->ptr = ptr;
    r->array = array;
    r->parent = parent;
    r->raw = raw;
    r->count = 1;
    r->made = *made;
    r->resize_generation = raw ? check_resizes(nda__owner(array)) : 0;
    r->raw_writeable = raw && array->writeable;
    if (parent >= 0 && records[parent].const_frame > 0 && records[parent].const_frame <= depth)
        r->const_frame = records[parent].const_frame;
    return nrecords++;
}

bool check_any_raw_writable(const void *ptr)
{
    for (int r = 0; r < nrecords; r++)
        if (records[r].raw && records[r].ptr == ptr && records[r].raw_writeable &&
            records[r].const_frame == 0)
            return true;
    return false;
}

check_record *check_get(int r)
{
    return &records[r];
}

int check_count(void)
{
    return nrecords;
}

bool check_derived_from(int r, int ancestor)
{
    for (int p = records[r].parent; p >= 0; p = records[p].parent)
        if (p == ancestor)
            return true;
    return false;
}

check_bytes *check_elements(const nda_array *a, ptrdiff_t *n)
{
    ptrdiff_t size = nda__size(a);
    size_t item = nda_itemsize(a->dtype);
    check_bytes *out = malloc((size_t)(size > 0 ? size : 1) * sizeof *out);
    if (!out)
        abort();
    ptrdiff_t idx[NDA_MAXDIMS] = {0};
    for (ptrdiff_t k = 0; k < size; k++) {
        char *p = a->data;
        for (int d = 0; d < a->ndim; d++)
            p += idx[d] * a->strides[d];
        out[k].lo = p;
        out[k].hi = p + item;
        for (int d = a->ndim - 1; d >= 0 && ++idx[d] == a->shape[d]; d--)
            idx[d] = 0;
    }
    *n = size > 0 ? size : 0;
    return out;
}

bool check_covers(int r, const char *lo, const char *hi)
{
    const check_record *rec = &records[r];
    ptrdiff_t n;
    check_bytes *el = check_elements(rec->array, &n);
    bool meets = false;
    for (ptrdiff_t k = 0; k < n && !meets; k++)
        meets = el[k].lo < hi && lo < el[k].hi;
    free(el);
    return meets;
}

unsigned long check_resizes(const nda_array *owner)
{
    for (int i = 0; i < nresized; i++)
        if (resized[i].owner == owner)
            return resized[i].resizes;
    return 0;
}

void check_count_resize(const nda_array *owner)
{
    for (int i = 0; i < nresized; i++)
        if (resized[i].owner == owner) {
            resized[i].resizes++;
            return;
        }
    check_resize_count *grown = realloc(resized, (size_t)(nresized + 1) * sizeof *grown);
    if (!grown)
        abort();
    resized = grown;
    resized[nresized++] = (check_resize_count){owner, 1};
}

int check_frame_depth(void)
{
    return depth;
}

void check_site_here(check_site *s, const char *file, int line)
{
    memset(s, 0, sizeof *s);
    s->file = file;
    s->line = line;
    s->nframes = depth < CHECK_MAX_FRAMES ? depth : CHECK_MAX_FRAMES;
    for (int i = 0; i < s->nframes; i++) {
        s->frame_files[i] = frames[i].file;
        s->frame_lines[i] = frames[i].line;
    }
    s->nloops = nloops < CHECK_MAX_LOOPS ? nloops : CHECK_MAX_LOOPS;
    for (int i = 0; i < s->nloops; i++) {
        s->loop_ids[i] = loops[i].id;
        s->loop_iterations[i] = loops[i].iterations;
    }
}

/* The iteration `now` is in of loop run `id`, or 0 when it is not inside it. */
static unsigned iteration_of(const check_site *now, unsigned long id)
{
    for (int i = 0; i < now->nloops; i++)
        if (now->loop_ids[i] == id)
            return now->loop_iterations[i];
    return 0;
}

bool check_around(const check_site *then, const check_site *now)
{
    for (int i = 0; i < then->nloops; i++) {
        unsigned it = iteration_of(now, then->loop_ids[i]);
        if (it && it != then->loop_iterations[i])
            return true;
    }
    return false;
}

bool check_left_iteration(const check_site *then, const check_site *now)
{
    for (int i = 0; i < then->nloops; i++)
        if (iteration_of(now, then->loop_ids[i]) != then->loop_iterations[i])
            return true;
    return false;
}

void nda_check_enter(const char *file, int line)
{
    if (depth < CHECK_MAX_FRAMES)
        frames[depth] = (check_place){file, line};
    depth++;
}

void nda_check_leave(void)
{
    if (depth > 0)
        depth--;
    for (int r = 0; r < nrecords; r++) /* const parameters end with their frame */
        if (records[r].const_frame > depth)
            records[r].const_frame = 0;
}

void nda_check_const_param(const nda_array *a)
{
    int r = check_find(a);
    if (r >= 0 && records[r].const_frame == 0)
        records[r].const_frame = depth > 0 ? depth : 1;
}

void nda_check_loop_begin(void)
{
    if (nloops < CHECK_MAX_LOOPS)
        loops[nloops] = (check_loop){next_loop_id++, 0};
    nloops++;
}

void nda_check_iteration(void)
{
    if (nloops > 0 && nloops <= CHECK_MAX_LOOPS)
        loops[nloops - 1].iterations++;
}

void nda_check_loop_end(void)
{
    if (nloops > 0)
        nloops--;
}
