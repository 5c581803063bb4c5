#include "report_html.h"

#include <stdio.h>

bool report_html_write(const char *dir, const vc_report *r, const vc_run_stat *history,
                       int nhistory, char *err, int errlen)
{
    (void)r;
    (void)history;
    (void)nhistory;
    snprintf(err, (size_t)errlen, "%s: the HTML report is not implemented yet", dir);
    return false;
}
