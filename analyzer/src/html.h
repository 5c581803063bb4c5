/* Internals of the HTML report: escaping, the page shell, markdown, SVG charts, source excerpts,
 * the summary counts and the two kinds of page. Everything here writes to a FILE. */
#ifndef VC_HTML_H
#define VC_HTML_H

#include "report_html.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* html_escape.c: & < > " ' become entities, so the text is safe in element content and in
 * attribute values quoted with either quote. */
void html_escape(FILE *out, const char *s);
void html_escape_n(FILE *out, const char *s, size_t n);
char *html_escaped(const char *s); /* malloc'd */

/* html_page.c: the shell of every page, with the inline style sheet. Pages with scripts allow
 * only inline scripts; the others allow none. Nothing is ever loaded from the network. */
void html_page_begin(FILE *out, const char *title, bool scripts);
void html_page_end(FILE *out, const char *version);

/* html_markdown.c: headings, paragraphs, lists, fenced code, `code`, *em* and **strong**;
 * everything else is shown as escaped text. Headings are shifted down by shift levels. */
void html_markdown(FILE *out, const char *md, int shift);

/* html_summary.c: counts per rule, per level and per directory. */
typedef struct {
    char *name;
    int errors, warnings, suppressed;
} html_count;

typedef struct {
    html_count total;
    html_count *rules; /* the registry's rules in order, then any other id found */
    int nrules;
    html_count *dirs; /* most findings first, then by name */
    int ndirs;
    int files; /* distinct files with findings */
} html_summary;

void html_summary_build(html_summary *s, const vc_report *r);
void html_summary_free(html_summary *s);
int html_count_total(const html_count *c);
/* The path shown for a file: relative to the report's root when it is under it. */
const char *html_display_path(const vc_report *r, const char *file);
/* The directory part of a shown path ("." for none), malloc'd. */
char *html_directory(const char *path);

/* html_svg.c: horizontal stacked bars (errors, warnings, suppressed) of at most max items, and
 * the errors and warnings of each stored run. */
void html_bar_chart(FILE *out, const char *title, const html_count *items, int n, int max);
void html_trend_chart(FILE *out, const vc_run_stat *runs, int n);

/* html_source.c: source files read once, and excerpts around a line with the steps that fall on
 * the shown lines numbered in the margin. */
typedef struct {
    const char *file;
    unsigned line, col;
    const char *message;
    bool primary; /* the finding's own location */
} html_step;

typedef struct html_sources html_sources;

html_sources *html_sources_new(void);
void html_sources_free(html_sources *s);
/* The block of step k (0-based) with context lines either side, anchored at #step-(k+1). */
void html_source_excerpt(FILE *out, html_sources *s, const vc_report *r, const html_step *steps,
                         int nsteps, int k, int context);

/* html_steps.c: the steps of a finding in the order of its story (nnotes + 1 of them). */
int html_steps(const vc_finding *f, html_step *out);
/* Where step k is: "line N" in the file of the finding, else the path and line; with the column
 * if asked. Escaped. */
void html_step_where(FILE *out, const vc_report *r, const html_step *steps, int nsteps, int k,
                     bool column);

/* html_index.c, html_table.c and html_finding.c: the pages. Findings are numbered from 1. */
void html_index(FILE *out, const vc_report *r, const vc_run_stat *history, int nhistory);
/* The sortable, filterable table of all findings with its inline script. */
void html_findings_table(FILE *out, const vc_report *r, const html_summary *s);
void html_finding(FILE *out, const vc_report *r, int i, html_sources *sources);
/* "finding-N.html" for finding i (0-based), in buf. */
const char *html_finding_name(char *buf, size_t size, int i);

#endif
