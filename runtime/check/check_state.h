/* The checked mode's state: a record per handle (arrays and raw data pointers) with its
 * provenance, the helper-call frames and loop iterations the program announced, and the events
 * the rules are evaluated on. */
#ifndef NDA_CHECK_STATE_H
#define NDA_CHECK_STATE_H

#include "../src/nda_internal.h"

#include <stdbool.h>

enum { CHECK_MAX_FRAMES = 8, CHECK_MAX_LOOPS = 16, CHECK_MAX_RANGES = 16 };

/* Where an event happened: its line and the call sites of the helpers it is inside. */
typedef struct {
    const char *file;
    int line;
    int nframes;
    const char *frame_files[CHECK_MAX_FRAMES];
    int frame_lines[CHECK_MAX_FRAMES];
    int nloops; /* the loops it is inside (announced by the program), outermost first */
    unsigned long loop_ids[CHECK_MAX_LOOPS]; /* each loop run has its own id */
    unsigned loop_iterations[CHECK_MAX_LOOPS];
} check_site;

typedef struct {
    char *lo, *hi;
    check_site site;
} check_range;

typedef struct {
    char *lo, *hi;
} check_bytes;

typedef struct {
    const void *ptr;   /* the nda_array, or the raw data pointer */
    nda_array *array;  /* the array (for a raw pointer: the one it was taken from) */
    int parent;        /* the record it was derived from, -1 for a fresh array */
    bool raw;          /* a data pointer */
    long count;        /* references held through this handle: 1 + retains - releases */
    bool poisoned;     /* released (count reached 0) */
    bool reported_use; /* VC007 already reported for it */
    unsigned long resize_generation; /* raw: the array's resizes when it was taken */
    int const_frame;                 /* > 0: a const parameter of the frame at that depth */
    bool raw_writeable; /* raw: its array's flag when it was taken (as views made before
                         * nda_set_writeable keep theirs) */
    check_site made;
    /* VC003: written through another handle since it was made */
    bool stale;
    check_site stale_write;
    /* VC004: its writes not yet followed by a read through another handle; then the read */
    check_range pending[CHECK_MAX_RANGES];
    int npending;
    bool base_read;
    check_range written; /* the write whose memory was read */
    check_site read_at;
} check_record;

bool check_enabled(void);
/* The record of a handle (the newest for that pointer), or -1. */
int check_find(const void *ptr);
int check_add(const void *ptr, nda_array *array, int parent, bool raw, const check_site *made);
check_record *check_get(int r);
int check_count(void);
bool check_derived_from(int r, int ancestor);
/* One of the raw pointers of that value was taken writable (the checked mode cannot tell which
 * of two equal pointers the program writes through: it assumes the writable one). */
bool check_any_raw_writable(const void *ptr);
/* Whether the elements of record r meet the bytes [lo, hi). */
bool check_covers(int r, const char *lo, const char *hi);
/* The byte ranges of every element of a (malloc'd, *n of them). */
check_bytes *check_elements(const nda_array *a, ptrdiff_t *n);
unsigned long check_resizes(const nda_array *owner);
void check_count_resize(const nda_array *owner);
int check_frame_depth(void);
void check_site_here(check_site *s, const char *file, int line);
/* `now` is in a later iteration of a loop `then` was in (reached by going around it). */
bool check_around(const check_site *then, const check_site *now);
/* Control left `then`'s loop iteration since (a later iteration, or after the loop). */
bool check_left_iteration(const check_site *then, const check_site *now);

/* check_rules.c: the events. */
/* Used at all (VC007 when released); false when the handle must not be touched further. */
bool check_use(int r, const check_site *at);
void check_read(int r, const char *lo, const char *hi, const check_site *at);
void check_write(int r, const char *lo, const char *hi, const check_site *at);
void check_release(int r, const check_site *at);
bool check_writable(int r);
/* A raw pointer whose array was resized since it was taken (its memory may be gone). */
bool check_moved(int r);

/* check_report.c */
void check_report(const char *rule, const check_site *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
