/* The index page of the HTML report: the counts per level, per rule and per directory, their
 * charts, the trend over the stored runs, the units that failed, and the table of findings. */
#include "html.h"

#include "rules.h"

#define MAX_BARS 12

static void card(FILE *out, const char *id, const char *cls, int n, const char *label)
{
    fprintf(out, "<div class=\"card %s\" id=\"%s\"><div class=\"n\">%d</div>", cls, id, n);
    fprintf(out, "<div class=\"l\">%s</div></div>\n", label);
}

static void cards(FILE *out, const vc_report *r, const html_summary *s)
{
    fputs("<div class=\"cards\">\n", out);
    card(out, "count-findings", "", html_count_total(&s->total), "findings");
    card(out, "count-errors", "error", s->total.errors, "errors");
    card(out, "count-warnings", "warning", s->total.warnings, "warnings");
    card(out, "count-suppressed", "suppressed", s->total.suppressed, "suppressed");
    card(out, "count-files", "", s->files, "files with findings");
    if (r->failures && r->failures->n)
        card(out, "count-failed", "error", r->failures->n, "units not analyzed");
    fputs("</div>\n", out);
}

static void count_cells(FILE *out, const html_count *c)
{
    fprintf(out,
            "<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
            "<td class=\"num\"><b>%d</b></td></tr>\n",
            c->errors, c->warnings, c->suppressed, html_count_total(c));
}

static void count_head(FILE *out, const char *first, bool name)
{
    fprintf(out, "<table class=\"data\"><thead><tr><th>%s</th>%s", first,
            name ? "<th>Name</th>" : "");
    fputs("<th class=\"num\">Errors</th><th class=\"num\">Warnings</th>"
          "<th class=\"num\">Suppressed</th><th class=\"num\">Total</th></tr></thead><tbody>\n",
          out);
}

static void rules_panel(FILE *out, const html_summary *s)
{
    fputs("<div class=\"panel\" id=\"per-rule\"><h2>Findings per rule</h2>\n", out);
    html_bar_chart(out, "Findings per rule", s->rules, s->nrules, s->nrules);
    fputs("<details><summary>Table</summary>\n", out);
    count_head(out, "Rule", true);
    for (int i = 0; i < s->nrules; i++) {
        const vc_rule *rule = rules_find(s->rules[i].name);
        fputs("<tr><td>", out);
        html_escape(out, s->rules[i].name);
        fputs("</td><td>", out);
        html_escape(out, rule ? rule->name : "");
        fputs("</td>", out);
        count_cells(out, &s->rules[i]);
    }
    fputs("</tbody></table></details></div>\n", out);
}

static void dirs_panel(FILE *out, const html_summary *s)
{
    fputs("<div class=\"panel\" id=\"per-directory\"><h2>Findings per directory</h2>\n", out);
    if (s->ndirs == 0)
        fputs("<p class=\"empty\">No findings.</p>\n", out);
    else
        html_bar_chart(out, "Findings per directory", s->dirs, s->ndirs, MAX_BARS);
    fputs("<details><summary>Table</summary>\n", out);
    count_head(out, "Directory", false);
    for (int i = 0; i < s->ndirs; i++) {
        fputs("<tr><td class=\"loc\">", out);
        html_escape(out, s->dirs[i].name);
        fputs("</td>", out);
        count_cells(out, &s->dirs[i]);
    }
    fputs("</tbody></table></details></div>\n", out);
}

static void trend_panel(FILE *out, const vc_run_stat *history, int nhistory)
{
    fputs("<div class=\"panel\" id=\"trend\"><h2>Errors and warnings over the stored runs</h2>\n",
          out);
    html_trend_chart(out, history, nhistory);
    fputs("</div>\n", out);
}

static void failures_panel(FILE *out, const vc_report *r)
{
    if (!r->failures || r->failures->n == 0)
        return;
    fputs("<div class=\"panel\" id=\"failures\"><h2>Translation units not analyzed</h2>\n"
          "<table class=\"data\"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>\n",
          out);
    for (int i = 0; i < r->failures->n; i++) {
        fputs("<tr><td class=\"loc\">", out);
        html_escape(out, html_display_path(r, r->failures->files[i]));
        fputs("</td><td>", out);
        html_escape(out, r->failures->reasons[i]);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
}

void html_index(FILE *out, const vc_report *r, const vc_run_stat *history, int nhistory)
{
    html_summary s;
    html_summary_build(&s, r);
    html_page_begin(out, "viewcheck report", true);
    fputs("<h1>viewcheck report</h1>\n", out);
    cards(out, r, &s);
    failures_panel(out, r);
    fputs("<div class=\"grid\">\n", out);
    rules_panel(out, &s);
    dirs_panel(out, &s);
    fputs("</div>\n", out);
    trend_panel(out, history, nhistory);
    html_findings_table(out, r, &s);
    html_page_end(out, r->version);
    html_summary_free(&s);
}
