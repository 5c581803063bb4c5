/* Findings: a rule id, a primary location, a message and the notes that tell its story. */
#ifndef VC_FINDINGS_H
#define VC_FINDINGS_H

#include "ir.h"

#include <stdbool.h>

typedef struct {
    char *file;
    unsigned line, col;
    char *message;
} vc_note;

typedef struct {
    const char *rule;  /* "VC004" */
    const char *level; /* "error" | "warning" */
    char *file;
    unsigned line, col;
    char *function;
    char *message;
    bool may;
    bool suppressed;
    char *suppression_reason;
    vc_note *notes;
    int nnotes, notes_cap;
    char *fingerprint;
} vc_finding;

typedef struct {
    vc_finding *items;
    int n, cap;
} vc_findings;

vc_finding *findings_add(vc_findings *fs, const char *rule, const char *level, const char *file,
                         vc_loc loc, const char *function, char *message);
void finding_note(vc_finding *f, const char *file, vc_loc loc, char *message);
bool findings_has(const vc_findings *fs, const char *rule, const char *file, unsigned line);
void findings_sort(vc_findings *fs);
void finding_clear(vc_finding *f);
void findings_free(vc_findings *fs);

#endif
