/* The table of findings on the index page: one row per finding, sorted by a click on a column
 * header and filtered by a text box, a rule, a level and whether suppressed findings show. The
 * script is inline and plain; without it the table is complete, unsorted and unfiltered. */
#include "html.h"

#include <string.h>

static const char *const script =
    "(function () {\n"
    "  var table = document.getElementById('findings');\n"
    "  var body = table.tBodies[0];\n"
    "  var rows = Array.prototype.slice.call(body.rows);\n"
    "  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);\n"
    "  var text = document.getElementById('filter-text');\n"
    "  var rule = document.getElementById('filter-rule');\n"
    "  var level = document.getElementById('filter-level');\n"
    "  var suppressed = document.getElementById('filter-suppressed');\n"
    "  var shown = document.getElementById('shown-count');\n"
    "  function key(row, i) {\n"
    "    var cell = row.cells[i], v = cell.getAttribute('data-sort');\n"
    "    return v === null ? cell.textContent : v;\n"
    "  }\n"
    "  function filter() {\n"
    "    var q = text.value.trim().toLowerCase(), n = 0;\n"
    "    rows.forEach(function (row) {\n"
    "      var ok = (!q || row.textContent.toLowerCase().indexOf(q) >= 0) &&\n"
    "        (!rule.value || row.getAttribute('data-rule') === rule.value) &&\n"
    "        (!level.value || row.getAttribute('data-level') === level.value) &&\n"
    "        (suppressed.checked || row.getAttribute('data-suppressed') !== 'yes');\n"
    "      row.hidden = !ok;\n"
    "      if (ok) n++;\n"
    "    });\n"
    "    shown.textContent = n;\n"
    "  }\n"
    "  function sort(th, i) {\n"
    "    var asc = th.getAttribute('aria-sort') !== 'ascending';\n"
    "    var num = th.getAttribute('data-type') === 'num';\n"
    "    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });\n"
    "    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');\n"
    "    rows.sort(function (a, b) {\n"
    "      var x = key(a, i), y = key(b, i), c;\n"
    "      if (num) c = Number(x) - Number(y);\n"
    "      else c = x < y ? -1 : x > y ? 1 : 0;\n"
    "      if (!c) c = Number(a.getAttribute('data-index')) - "
    "Number(b.getAttribute('data-index'));\n"
    "      return asc ? c : -c;\n"
    "    });\n"
    "    rows.forEach(function (row) { body.appendChild(row); });\n"
    "  }\n"
    "  heads.forEach(function (th, i) {\n"
    "    var button = th.querySelector('button');\n"
    "    if (button) button.addEventListener('click', function () { sort(th, i); });\n"
    "  });\n"
    "  [text, rule, level, suppressed].forEach(function (e) {\n"
    "    e.addEventListener('input', filter);\n"
    "    e.addEventListener('change', filter);\n"
    "  });\n"
    "  filter();\n"
    "})();\n";

static void filters(FILE *out, const vc_report *r, const html_summary *s)
{
    fputs("<div class=\"filters\">\n<input type=\"search\" id=\"filter-text\" "
          "placeholder=\"Filter by file, function or message\" aria-label=\"Filter\">\n"
          "<select id=\"filter-rule\" aria-label=\"Rule\"><option value=\"\">All rules</option>",
          out);
    for (int i = 0; i < s->nrules; i++) {
        if (html_count_total(&s->rules[i]) == 0)
            continue;
        fputs("<option value=\"", out);
        html_escape(out, s->rules[i].name);
        fputs("\">", out);
        html_escape(out, s->rules[i].name);
        fputs("</option>", out);
    }
    fputs("</select>\n<select id=\"filter-level\" aria-label=\"Level\">"
          "<option value=\"\">All levels</option><option value=\"error\">Errors</option>"
          "<option value=\"warning\">Warnings</option></select>\n"
          "<label><input type=\"checkbox\" id=\"filter-suppressed\" checked> "
          "show suppressed</label>\n",
          out);
    fprintf(out, "<span class=\"count\"><span id=\"shown-count\">%d</span> of %d shown</span>\n",
            r->findings->n, r->findings->n);
    fputs("</div>\n", out);
}

static void head(FILE *out)
{
    static const struct {
        const char *label, *type;
    } columns[] = {{"#", "num"},       {"Rule", NULL},    {"Level", NULL},     {"Location", NULL},
                   {"Function", NULL}, {"Message", NULL}, {"Suppressed", NULL}};
    fputs("<table class=\"data\" id=\"findings\"><thead><tr>", out);
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
        fprintf(out, "<th%s><button type=\"button\">%s</button></th>",
                columns[i].type ? " data-type=\"num\" class=\"num\"" : "", columns[i].label);
    fputs("</tr></thead>\n<tbody>\n", out);
}

/* The path escaped, with a line break allowed after each slash. */
static void path_breakable(FILE *out, const char *path)
{
    for (const char *slash; (slash = strchr(path, '/')) != NULL; path = slash + 1) {
        html_escape_n(out, path, (size_t)(slash - path + 1));
        fputs("<wbr>", out);
    }
    html_escape(out, path);
}

static void row(FILE *out, const vc_report *r, int i)
{
    const vc_finding *f = &r->findings->items[i];
    bool error = f->level && strcmp(f->level, "error") == 0;
    const char *path = html_display_path(r, f->file);
    char page[48];
    html_finding_name(page, sizeof page, i);
    fprintf(out, "<tr data-index=\"%d\" data-rule=\"", i + 1);
    html_escape(out, f->rule);
    fprintf(out, "\" data-level=\"%s\" data-suppressed=\"%s\"%s>", error ? "error" : "warning",
            f->suppressed ? "yes" : "no", f->suppressed ? " class=\"suppressed\"" : "");
    fprintf(out, "<td class=\"num\"><a href=\"%s\">%d</a></td><td>", page, i + 1);
    html_escape(out, f->rule);
    fprintf(out, "</td><td data-sort=\"%d\"><span class=\"badge %s\">%s</span></td>", error ? 0 : 1,
            error ? "error" : "warning", error ? "error" : "warning");
    fputs("<td class=\"loc\" data-sort=\"", out);
    html_escape(out, path);
    fprintf(out, "\t%010u\t%06u\"><a href=\"%s\">", f->line, f->col, page);
    path_breakable(out, path);
    fprintf(out, ":%u:%u</a></td><td class=\"loc\">", f->line, f->col);
    html_escape(out, f->function);
    fputs("</td><td class=\"msg\">", out);
    html_escape(out, f->message);
    fputs("</td><td>", out);
    if (f->suppressed) {
        fputs("<span class=\"badge suppressed\" title=\"", out);
        html_escape(out, f->suppression_reason);
        fputs("\">suppressed</span>", out);
    }
    fputs("</td></tr>\n", out);
}

void html_findings_table(FILE *out, const vc_report *r, const html_summary *s)
{
    fputs("<div class=\"panel\" id=\"findings-table\"><h2>Findings</h2>\n", out);
    filters(out, r, s);
    head(out);
    for (int i = 0; i < r->findings->n; i++)
        row(out, r, i);
    fputs("</tbody></table>\n", out);
    if (r->findings->n == 0)
        fputs("<p class=\"empty\">No findings.</p>\n", out);
    fprintf(out, "</div>\n<script>\n%s</script>\n", script);
}
