/* The HTML report: DIR/index.html and DIR/finding-N.html, written from scratch each time. Pages
 * of findings beyond the current count, left by an earlier report, are removed. */
#include "report_html.h"

#include "html.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p. */
static bool make_dir(const char *dir, char *err, int errlen)
{
    if (!*dir) {
        snprintf(err, (size_t)errlen, "--html needs a directory");
        return false;
    }
    char *path = xstrdup(dir);
    bool ok = true;
    for (char *p = path + 1; ok; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        struct stat st;
        if (mkdir(path, 0777) != 0 &&
            (errno != EEXIST || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))) {
            snprintf(err, (size_t)errlen, "%s: cannot create the directory: %s", path,
                     errno == EEXIST ? "not a directory" : strerror(errno));
            ok = false;
        }
        if (last)
            break;
        *p = '/';
    }
    free(path);
    return ok;
}

typedef void (*page_writer)(FILE *out, const void *arg, int i);

typedef struct {
    const vc_report *r;
    const vc_run_stat *history;
    int nhistory;
    html_sources *sources;
} html_job;

static void index_page(FILE *out, const void *arg, int i)
{
    const html_job *job = arg;
    (void)i;
    html_index(out, job->r, job->history, job->nhistory);
}

static void finding_page(FILE *out, const void *arg, int i)
{
    const html_job *job = arg;
    html_finding(out, job->r, i, job->sources);
}

static bool write_page(const char *dir, const char *name, page_writer write, const void *arg, int i,
                       char *err, int errlen)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *out = fopen(path, "w");
    bool ok = out != NULL;
    if (out) {
        write(out, arg, i);
        ok = !ferror(out);
        ok = fclose(out) == 0 && ok;
    }
    if (!ok)
        snprintf(err, (size_t)errlen, "%s: cannot write: %s", path, strerror(errno));
    free(path);
    return ok;
}

static void remove_stale_pages(const char *dir, int from)
{
    for (int i = from;; i++) {
        char name[48];
        char *path = xasprintf("%s/%s", dir, html_finding_name(name, sizeof name, i));
        bool removed = unlink(path) == 0;
        free(path);
        if (!removed)
            break;
    }
}

bool report_html_write(const char *dir, const vc_report *r, const vc_run_stat *history,
                       int nhistory, char *err, int errlen)
{
    if (!make_dir(dir, err, errlen))
        return false;
    html_job job = {r, history, nhistory, html_sources_new()};
    bool ok = write_page(dir, "index.html", index_page, &job, 0, err, errlen);
    for (int i = 0; ok && i < r->findings->n; i++) {
        char name[48];
        ok = write_page(dir, html_finding_name(name, sizeof name, i), finding_page, &job, i, err,
                        errlen);
    }
    html_sources_free(job.sources);
    if (ok)
        remove_stale_pages(dir, r->findings->n);
    return ok;
}
