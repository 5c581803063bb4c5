/* The browsable HTML report: a self-contained static site (no network) with an index (summary,
 * SVG charts, a sortable and filterable table) and one page per finding. */
#ifndef VC_REPORT_HTML_H
#define VC_REPORT_HTML_H

#include "report.h"

#include <stdbool.h>

/* One stored run, for the trend chart. */
typedef struct {
    long long id;
    char *started;
    int errors, warnings, suppressed;
} vc_run_stat;

/* Writes DIR/index.html and the pages of every finding (creating DIR). Source text around each
 * step is read from the files the findings name. False with a message in err on failure. */
bool report_html_write(const char *dir, const vc_report *r, const vc_run_stat *history,
                       int nhistory, char *err, int errlen);

#endif
