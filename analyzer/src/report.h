/* Rendering findings: gcc-style text, JSON, SARIF 2.1.0. */
#ifndef VC_REPORT_H
#define VC_REPORT_H

#include "findings.h"

#include <stdio.h>

typedef struct {
    char **files; /* translation units that could not be analyzed */
    char **reasons;
    int n, cap;
} vc_failures;

typedef struct {
    const vc_findings *findings;
    const vc_failures *failures;
    const char *version;
    const char *root; /* directory URIs are made relative to (SRCROOT), or NULL */
} vc_report;

void report_text(FILE *out, const vc_report *r);
int report_json(FILE *out, const vc_report *r);
int report_sarif(FILE *out, const vc_report *r);

#endif
