/* The charts of the report, drawn as inline SVG: stacked horizontal bars per rule and per
 * directory, and the errors and warnings of the stored runs. Labels are escaped. */
#include "html.h"

#include <string.h>

#define COLOR_ERROR "#cf222e"
#define COLOR_WARNING "#d4a72c"
#define COLOR_SUPPRESSED "#8c959f"
#define LABEL_CHARS 26 /* longer labels keep their end, after an ellipsis */
#define MAX_RUNS 30

static void legend(FILE *out, bool suppressed)
{
    fputs("<div class=\"legend\"><span><i style=\"background:" COLOR_ERROR "\"></i>errors</span>"
          "<span><i style=\"background:" COLOR_WARNING "\"></i>warnings</span>",
          out);
    if (suppressed)
        fputs("<span><i style=\"background:" COLOR_SUPPRESSED "\"></i>suppressed</span>", out);
    fputs("</div>\n", out);
}

/* The label, cut to its last LABEL_CHARS bytes (on a UTF-8 character boundary). */
static void label(FILE *out, const char *s)
{
    size_t n = strlen(s);
    if (n <= LABEL_CHARS) {
        html_escape(out, s);
        return;
    }
    const char *tail = s + n - (LABEL_CHARS - 1);
    while ((*tail & 0xC0) == 0x80)
        tail++;
    fputs("\xE2\x80\xA6", out);
    html_escape(out, tail);
}

static void bar_segment(FILE *out, double x, int y, double w, const char *color)
{
    if (w > 0)
        fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>", x, y,
                w, color);
}

static void bar_row(FILE *out, const html_count *c, int y, double scale)
{
    const int left = 180;
    fputs("<g><title>", out);
    html_escape(out, c->name);
    fprintf(out, ": %d errors, %d warnings, %d suppressed</title>", c->errors, c->warnings,
            c->suppressed);
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 8, y + 12);
    label(out, c->name);
    fputs("</text>", out);
    double x = left;
    const int values[] = {c->errors, c->warnings, c->suppressed};
    const char *colors[] = {COLOR_ERROR, COLOR_WARNING, COLOR_SUPPRESSED};
    for (int k = 0; k < 3; k++) {
        bar_segment(out, x, y, values[k] * scale, colors[k]);
        x += values[k] * scale;
    }
    fprintf(out, "<text x=\"%.1f\" y=\"%d\">%d</text></g>\n", x + 6, y + 12, html_count_total(c));
}

void html_bar_chart(FILE *out, const char *title, const html_count *items, int n, int max)
{
    int shown = n < max ? n : max, top = 0;
    for (int i = 0; i < shown; i++)
        if (html_count_total(&items[i]) > top)
            top = html_count_total(&items[i]);
    const int width = 560, height = 24 * shown + 8;
    double scale = top ? (width - 180 - 40) / (double)top : 0;
    fprintf(out,
            "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
            "xmlns=\"http://www.w3.org/2000/svg\"><title>",
            width, height);
    html_escape(out, title);
    fputs("</title>\n", out);
    for (int i = 0; i < shown; i++)
        bar_row(out, &items[i], 4 + 24 * i, scale);
    fprintf(out, "<line x1=\"180\" y1=\"0\" x2=\"180\" y2=\"%d\" stroke=\"#d1d9e0\"/></svg>\n",
            height);
    if (n > shown)
        fprintf(out, "<p class=\"muted\">and %d more (see the table)</p>\n", n - shown);
    legend(out, true);
}

/* A round step for about four grid lines up to max. */
static int tick_step(int max)
{
    int raw = (max + 3) / 4, p = 1;
    if (raw < 1)
        return 1;
    while (p * 10 <= raw)
        p *= 10;
    static const int mult[] = {1, 2, 5, 10};
    for (int i = 0; i < 4; i++)
        if (mult[i] * p >= raw)
            return mult[i] * p;
    return 10 * p;
}

typedef struct {
    int left, top, width, height; /* the plot area */
    int ymax;
    double slot;
} plot;

static double plot_y(const plot *p, int v)
{
    return p->top + p->height - (double)v * p->height / p->ymax;
}

static void grid(FILE *out, const plot *p, int step)
{
    for (int v = 0; v <= p->ymax; v += step) {
        double y = plot_y(p, v);
        fprintf(out,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
                "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
                p->left, y, p->left + p->width, y, v ? "#eaeef2" : "#afb8c1", p->left - 6, y + 4,
                v);
    }
}

static void run_bar(FILE *out, const plot *p, const vc_run_stat *run, int i, int label_every)
{
    double cx = p->left + p->slot * (i + 0.5), w = p->slot * 0.6 > 40 ? 40 : p->slot * 0.6;
    double y0 = plot_y(p, 0), ye = plot_y(p, run->errors),
           yw = plot_y(p, run->errors + run->warnings);
    fprintf(out, "<g><title>run #%lld", run->id);
    if (run->started) {
        fputs(", ", out);
        html_escape(out, run->started);
    }
    fprintf(out, ": %d errors, %d warnings, %d suppressed</title>", run->errors, run->warnings,
            run->suppressed);
    fprintf(out,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"" COLOR_ERROR
            "\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"" COLOR_WARNING
            "\"/>",
            cx - w / 2, ye, w, y0 - ye, cx - w / 2, yw, w, ye - yw);
    if (i % label_every == 0)
        fprintf(out,
                "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">#%lld</text>",
                cx, y0 + 16, run->id);
    fputs("</g>\n", out);
}

static void trend_line(FILE *out, const plot *p, const vc_run_stat *runs, int n)
{
    if (n < 2)
        return;
    fputs("<polyline fill=\"none\" stroke=\"#24292f\" stroke-width=\"1.5\" points=\"", out);
    for (int i = 0; i < n; i++)
        fprintf(out, "%s%.1f,%.1f", i ? " " : "", p->left + p->slot * (i + 0.5),
                plot_y(p, runs[i].errors + runs[i].warnings));
    fputs("\"/>\n", out);
    for (int i = 0; i < n; i++)
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#24292f\"/>",
                p->left + p->slot * (i + 0.5), plot_y(p, runs[i].errors + runs[i].warnings));
    fputc('\n', out);
}

void html_trend_chart(FILE *out, const vc_run_stat *runs, int n)
{
    if (n <= 0) {
        fputs("<p class=\"empty\">No stored runs.</p>\n", out);
        return;
    }
    int skipped = n > MAX_RUNS ? n - MAX_RUNS : 0, max = 0;
    runs += skipped;
    n -= skipped;
    for (int i = 0; i < n; i++)
        if (runs[i].errors + runs[i].warnings > max)
            max = runs[i].errors + runs[i].warnings;
    int step = tick_step(max);
    plot p = {44, 10, 1100, 170, step * ((max + step - 1) / step), 0};
    if (p.ymax == 0)
        p.ymax = step;
    p.slot = (double)p.width / n;
    fputs(
        "<svg class=\"chart\" viewBox=\"0 0 1160 206\" role=\"img\" "
        "xmlns=\"http://www.w3.org/2000/svg\"><title>Errors and warnings per stored run</title>\n",
        out);
    grid(out, &p, step);
    for (int i = 0; i < n; i++)
        run_bar(out, &p, &runs[i], i, (n + 14) / 15);
    trend_line(out, &p, runs, n);
    fputs("</svg>\n", out);
    if (skipped)
        fprintf(out, "<p class=\"muted\">The last %d of %d runs.</p>\n", n, n + skipped);
    legend(out, false);
}
