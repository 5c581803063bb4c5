/* The page of one finding: its message, the numbered steps of its story linked to the source
 * around each of them, and the documentation of its rule. */
#include "html.h"

#include "rules.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT_LINES 3

const char *html_finding_name(char *buf, size_t size, int i)
{
    snprintf(buf, size, "finding-%d.html", i + 1);
    return buf;
}

static const char *level_class(const vc_finding *f)
{
    if (f->suppressed)
        return "suppressed";
    return f->level && strcmp(f->level, "error") == 0 ? "error" : "warning";
}

static void pager(FILE *out, const vc_report *r, int i)
{
    char buf[48];
    fputs("<p class=\"muted\"><a href=\"index.html#findings-table\">&larr; All findings</a>", out);
    fprintf(out, " &middot; finding %d of %d", i + 1, r->findings->n);
    if (i > 0)
        fprintf(out, " &middot; <a rel=\"prev\" href=\"%s\">previous</a>",
                html_finding_name(buf, sizeof buf, i - 1));
    if (i + 1 < r->findings->n)
        fprintf(out, " &middot; <a rel=\"next\" href=\"%s\">next</a>",
                html_finding_name(buf, sizeof buf, i + 1));
    fputs("</p>\n", out);
}

static void title(FILE *out, const vc_finding *f)
{
    const vc_rule *rule = f->rule ? rules_find(f->rule) : NULL;
    fprintf(out, "<h1><span class=\"badge %s\">",
            f->level && strcmp(f->level, "error") == 0 ? "error" : "warning");
    html_escape(out, f->level ? f->level : "warning");
    fputs("</span> ", out);
    html_escape(out, f->rule ? f->rule : "?");
    if (rule) {
        fputs(" <span class=\"muted\">", out);
        html_escape(out, rule->name);
        fputs("</span>", out);
    }
    if (f->may)
        fputs(" <span class=\"badge may\">on some paths</span>", out);
    if (f->suppressed)
        fputs(" <span class=\"badge suppressed\">suppressed</span>", out);
    fputs("</h1>\n", out);
}

static void message(FILE *out, const vc_report *r, const vc_finding *f)
{
    fprintf(out, "<p class=\"message %s\" id=\"message\">", level_class(f));
    html_escape(out, f->message);
    fputs("</p>\n", out);
    if (f->suppressed) {
        fputs("<div class=\"notice\"><b>Suppressed in the source.</b> ", out);
        html_escape(out, f->suppression_reason && *f->suppression_reason ? f->suppression_reason
                                                                         : "No reason given.");
        fputs("</div>\n", out);
    }
    fputs("<div class=\"meta\"><span>Location <b class=\"loc\">", out);
    html_escape(out, html_display_path(r, f->file));
    fprintf(out, ":%u:%u</b></span>", f->line, f->col);
    if (f->function) {
        fputs("<span>Function <b class=\"loc\">", out);
        html_escape(out, f->function);
        fputs("</b></span>", out);
    }
    if (f->fingerprint) {
        fputs("<span>Fingerprint <b class=\"loc\">", out);
        html_escape(out, f->fingerprint);
        fputs("</b></span>", out);
    }
    fputs("</div>\n", out);
}

static void step_list(FILE *out, const vc_report *r, const html_step *steps, int n)
{
    fputs("<div class=\"panel\"><h2>Steps</h2>\n<ol class=\"steps\">\n", out);
    for (int k = 0; k < n; k++) {
        fprintf(out, "<li><a class=\"step%s\" href=\"#step-%d\">%d</a> <span class=\"loc\">",
                steps[k].primary ? " primary" : "", k + 1, k + 1);
        html_step_where(out, r, steps, n, k, false);
        fputs("</span> <span>", out);
        html_escape(out, steps[k].message);
        fputs("</span></li>\n", out);
    }
    fputs("</ol>\n</div>\n", out);
}

static void rule_doc(FILE *out, const vc_finding *f)
{
    const char *doc = f->rule ? rules_doc(f->rule) : NULL;
    const vc_rule *rule = f->rule ? rules_find(f->rule) : NULL;
    fputs("<div class=\"panel doc\" id=\"rule\">\n", out);
    if (doc) {
        html_markdown(out, doc, 1);
    } else {
        fputs("<h2>", out);
        html_escape(out, f->rule ? f->rule : "?");
        fputs("</h2>\n<p>", out);
        html_escape(out, rule ? rule->summary : "This rule has no documentation page.");
        fputs("</p>\n", out);
    }
    fputs("</div>\n", out);
}

void html_finding(FILE *out, const vc_report *r, int i, html_sources *sources)
{
    const vc_finding *f = &r->findings->items[i];
    char *page_title = xasprintf("%s at %s:%u - viewcheck", f->rule ? f->rule : "?",
                                 html_display_path(r, f->file), f->line);
    html_page_begin(out, page_title, false);
    free(page_title);
    pager(out, r, i);
    title(out, f);
    message(out, r, f);
    html_step *steps = xmalloc((size_t)(f->nnotes + 1) * sizeof *steps);
    int n = html_steps(f, steps);
    step_list(out, r, steps, n);
    fputs("<h2>Source</h2>\n", out);
    for (int k = 0; k < n; k++)
        html_source_excerpt(out, sources, r, steps, n, k, CONTEXT_LINES);
    free(steps);
    fputs("<h2>Rule</h2>\n", out);
    rule_doc(out, f);
    html_page_end(out, r->version);
}
