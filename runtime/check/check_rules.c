/* The rules on the executed path. Each event names the handle it goes through (a record) and
 * the bytes it touches. Where the rules leave room (loops, one statement), the checked mode
 * reports only what is certain: a dynamic finding must be one the analyzer reports too. */
#include "check_state.h"

#include <stdio.h>

bool check_use(int r, const check_site *at)
{
    check_record *rec = check_get(r);
    if (!rec->poisoned)
        return true;
    if (!rec->reported_use) {
        rec->reported_use = true;
        check_report("VC007", at,
                     "a handle is used after it gave up its reference (released at "
                     "a release on this path)");
    }
    return false;
}

static bool raw_still_valid(int r, const check_site *at)
{
    check_record *rec = check_get(r);
    const nda_array *owner = nda__owner(rec->array);
    int o = check_find(owner);
    bool dead = rec->poisoned || (o >= 0 && check_get(o)->poisoned &&
                                  atomic_load(&((nda_array *)owner)->refcount) <= 0);
    bool moved = check_resizes(owner) != rec->resize_generation;
    if (!dead && !moved)
        return true;
    if (!moved && o >= 0 && check_get(o)->reported_use)
        rec->reported_use = true; /* the release already had its finding: one root cause */
    if (!rec->reported_use) {
        rec->reported_use = true;
        check_report("VC007", at, "a raw data pointer is used after its array %s",
                     moved ? "was resized" : "gave up its last reference");
    }
    return false;
}

bool check_moved(int r)
{
    const check_record *rec = check_get(r);
    return rec->raw && check_resizes(nda__owner(rec->array)) != rec->resize_generation;
}

bool check_writable(int r)
{
    const check_record *rec = check_get(r);
    return (rec->raw ? rec->raw_writeable : rec->array->writeable) && rec->const_frame == 0;
}

/* VC004 by episodes, as the analyzer sees them: the writes through V since its last finding,
 * the first of them the one reported; a write through V after control left the iteration of
 * the episode's first write (a later iteration, or after the loop) starts a new episode. A read
 * of V's memory through another handle counts when it is not in the statement of the write and
 * not reached by going around the write's loop; V used again after it is the finding. */
static bool base_read_counts(const check_site *write, const check_site *now)
{
    return now->line != write->line && !check_around(write, now);
}

static void used_again(check_record *rec, const check_site *at, const char *how)
{
    /* in the call that read the base too (a kernel reads its inputs, then writes its output) */
    if (!rec->base_read || check_around(&rec->written.site, at))
        return;
    rec->base_read = false;
    rec->npending = 0;
    check_report("VC004", &rec->written.site,
                 "a write through a derived handle changed memory read through another handle "
                 "at line %d, and the derived handle is %s again at line %d",
                 rec->read_at.line, how, at->line);
}

static void base_read(int r, const char *lo, const char *hi, const check_site *at)
{
    for (int v = 0; v < check_count(); v++) {
        check_record *view = check_get(v);
        if (v == r || view->npending == 0 || view->base_read || check_derived_from(r, v))
            continue;
        for (int k = 0; k < view->npending; k++) {
            check_range *w = &view->pending[k];
            if (w->lo < hi && lo < w->hi && base_read_counts(&w->site, at)) {
                view->base_read = true;
                view->written = view->pending[0];
                view->read_at = *at;
                break;
            }
        }
    }
}

/* VC003 on reading through r: r itself, or a handle r was derived from inside a helper called
 * on that handle (the analyzer's summary reads the parameter there). */
static void stale_read(int r, const check_site *at)
{
    for (int h = r; h >= 0; h = check_get(h)->parent) {
        check_record *rec = check_get(h);
        if (rec->poisoned)
            return; /* a released handle: its use is the VC007 */
        if (rec->parent >= 0 && rec->stale) {
            rec->stale = false;
            check_report("VC003", at,
                         "a derived handle is read after memory it covers was written "
                         "through another handle at line %d",
                         rec->stale_write.line);
            return;
        }
        /* up only from a handle a helper made of its parameter, read in that helper (one it
         * returned is a new view at the call, for the analyzer) */
        int p = rec->parent;
        if (p < 0 || rec->made.nframes <= check_get(p)->made.nframes ||
            at->nframes < rec->made.nframes)
            return;
    }
}

void check_read(int r, const char *lo, const char *hi, const check_site *at)
{
    if (r < 0)
        return;
    check_record *rec = check_get(r);
    if (rec->raw && !raw_still_valid(r, at))
        return;
    stale_read(r, at);
    used_again(rec, at, "read");
    base_read(r, lo, hi, at);
}

static void add_pending(check_record *rec, const char *lo, const char *hi, const check_site *at)
{
    if (rec->npending > 0 && !rec->base_read && check_left_iteration(&rec->pending[0].site, at))
        rec->npending = 0; /* a new episode */
    if (rec->npending < CHECK_MAX_RANGES)
        rec->pending[rec->npending++] = (check_range){(char *)lo, (char *)hi, *at};
}

void check_write(int r, const char *lo, const char *hi, const check_site *at)
{
    if (r < 0)
        return;
    check_record *rec = check_get(r);
    if (rec->raw && !raw_still_valid(r, at))
        return;
    used_again(rec, at, "written");
    for (int v = 0; v < check_count(); v++) {
        check_record *view = check_get(v);
        if (v == r || view->parent < 0 || view->poisoned || view->stale ||
            check_derived_from(r, v) || !check_covers(v, lo, hi))
            continue;
        view->stale = true;
        view->stale_write = *at;
    }
    if (rec->parent >= 0)
        add_pending(rec, lo, hi, at);
}

/* Released without being freed: the references the real array held go, its memory stays, so
 * that a later use is seen (and is harmless) and a resize sees the references that remain. */
static void poison(nda_array *a)
{
    while (a && atomic_fetch_sub(&a->refcount, 1) == 1)
        a = a->base;
}

void check_release(int r, const check_site *at)
{
    check_record *rec = check_get(r);
    if (!check_use(r, at))
        return;
    if (--rec->count > 0) {
        poison(rec->array);
        return;
    }
    rec->poisoned = true;
    rec->reported_use = false;
    poison(rec->array);
}
