/* The HTML report: escaping, the markdown of the rule pages, the order of the steps, and a whole
 * report written for findings in a source full of <script>, quotes and ampersands: the pages
 * carry the text escaped, never as markup, and link every step to its anchor. */
#define _DEFAULT_SOURCE
#include "html.h"
#include "util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#define HOSTILE_SOURCE                                                                             \
    "/* <script>alert(1)</script> & \"quotes\" 'single' */\n"                                      \
    "int main(void)\n"                                                                             \
    "{\n"                                                                                          \
    "    nda_array *b = nda_slice(a, 0, 0, 3, 1); // <b>bold</b> & co\n"                           \
    "    nda_set1(b, 0, 100); /* \"</pre><script>window.__pwned=1</script>\" */\n"                 \
    "    nda_print(stdout, a); // 'onload=x' &amp;\n"                                              \
    "    return 0;\n"                                                                              \
    "}\n"

static char dir[64], source[96];

static char *page(const char *name)
{
    char *path = xasprintf("%s/%s", dir, name);
    char *text = read_file(path, NULL);
    free(path);
    assert_non_null(text);
    return text;
}

static int count(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static char *rendered(void (*render)(FILE *, const char *), const char *in)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    render(out, in);
    fclose(out);
    return buf;
}

static void escape_plain(FILE *out, const char *s)
{
    html_escape(out, s);
}

static void markdown_page(FILE *out, const char *s)
{
    html_markdown(out, s, 1);
}

static void escapes_the_five_characters(void **state)
{
    (void)state;
    const char *in = "<script>alert(1)</script> & \"q\" 'a'";
    const char *want = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;";
    char *s = html_escaped(in);
    assert_string_equal(s, want);
    free(s);
    s = rendered(escape_plain, in);
    assert_string_equal(s, want);
    free(s);
    s = html_escaped("plain text, no change");
    assert_string_equal(s, "plain text, no change");
    free(s);
}

static void renders_markdown_escaped(void **state)
{
    (void)state;
    char *s = rendered(markdown_page, "# VC9: <title>\n\nText with `<b>` and *em* and **bold**\n"
                                      "next line.\n\n- one <i>\n  more\n- two\n\n1. first\n"
                                      "2. second\n\n```c\nif (x < y && \"q\")\n```\n"
                                      "<script>alert(1)</script>\n");
    assert_non_null(strstr(s, "<h2>VC9: &lt;title&gt;</h2>"));
    assert_non_null(strstr(s, "<p>Text with <code>&lt;b&gt;</code> and <em>em</em> and "
                              "<strong>bold</strong>\nnext line.</p>"));
    assert_non_null(strstr(s, "<ul>\n<li>one &lt;i&gt;\nmore</li>\n<li>two</li>\n</ul>"));
    assert_non_null(strstr(s, "<ol>\n<li>first</li>\n<li>second</li>\n</ol>"));
    assert_non_null(strstr(s, "<pre><code>if (x &lt; y &amp;&amp; &quot;q&quot;)\n</code></pre>"));
    assert_non_null(strstr(s, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    assert_null(strstr(s, "<script"));
    free(s);
}

static vc_note note(const char *file, unsigned line, unsigned col, const char *message)
{
    return (vc_note){xstrdup(file), line, col, xstrdup(message)};
}

static void add_finding(vc_findings *fs, const char *rule, const char *level, const char *file,
                        unsigned line, const char *message, int nnotes, const vc_note *notes)
{
    GROW(fs->items, fs->n, fs->cap);
    vc_finding *f = &fs->items[fs->n++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->level = level;
    f->file = xstrdup(file);
    f->line = line;
    f->col = 5;
    f->function = xstrdup("main");
    f->message = xstrdup(message);
    f->fingerprint = xstrdup("0123456789abcdef");
    f->notes = xmalloc((size_t)(nnotes ? nnotes : 1) * sizeof *f->notes);
    memcpy(f->notes, notes, (size_t)nnotes * sizeof *notes);
    f->nnotes = f->notes_cap = nnotes;
}

/* A VC004 in the hostile source, a suppressed one with a hostile reason, one whose file is gone. */
static void hostile_findings(vc_findings *fs)
{
    vc_note story[] = {note(source, 4, 20, "'b' created here <from> \"a\""),
                       note(source, 6, 5, "'a' read here"),
                       note(source, 7, 5, "'b' used again here")};
    add_finding(fs, "VC004", "warning", source, 5,
                "write through 'b' mutates 'a' <script>alert(\"msg\")</script> & more", 3, story);
    vc_note created = note(source, 4, 20, "'b' created here");
    add_finding(fs, "VC004", "warning", source, 6, "suppressed one", 1, &created);
    fs->items[1].suppressed = true;
    fs->items[1].suppression_reason = xstrdup("on purpose: <script>alert('r')</script>");
    vc_note gone = note("/nonexistent/dir/gone.c", 3, 1, "'x' released here");
    add_finding(fs, "VC007", "error", "/nonexistent/dir/gone.c", 9, "'x' is used after release", 1,
                &gone);
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/vc_html_XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(source, sizeof source, "%s/src <&> '\"'.c", dir);
    FILE *f = fopen(source, "w");
    assert_non_null(f);
    fputs(HOSTILE_SOURCE, f);
    fclose(f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    return rc;
}

static void write_report(const vc_findings *fs)
{
    char err[256];
    vc_run_stat history[] = {{1, "2026-01-01T00:00:00Z <b>", 3, 1, 0},
                             {2, "2026-01-02T00:00:00Z", 1, 2, 1}};
    vc_report r = {fs, NULL, "0.0-test", NULL};
    char *out = xasprintf("%s/report", dir);
    bool ok = report_html_write(out, &r, history, 2, err, sizeof err);
    free(out);
    assert_true(ok);
}

static void report_escapes_everything_from_sources(void **state)
{
    (void)state;
    vc_findings fs = {0};
    hostile_findings(&fs);
    write_report(&fs);
    char *index = page("report/index.html"), *first = page("report/finding-1.html");
    /* The index: one script (its own), one row per finding, escaped names and messages. */
    assert_int_equal(count(index, "<script"), 1);
    assert_int_equal(count(index, "<tr data-index="), 3);
    assert_null(strstr(index, "<script>alert"));
    assert_non_null(strstr(index, "src &lt;&amp;&gt; &#39;&quot;&#39;.c:5:5"));
    assert_non_null(
        strstr(index, "&lt;script&gt;alert(&quot;msg&quot;)&lt;/script&gt; &amp; more"));
    assert_non_null(strstr(index, "2026-01-01T00:00:00Z &lt;b&gt;"));
    assert_non_null(strstr(index, "<svg"));
    /* The finding page: no script at all, the source lines escaped. */
    assert_int_equal(count(first, "<script"), 0);
    assert_non_null(strstr(first,
                           "/* &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; "
                           "&#39;single&#39; */"));
    assert_non_null(strstr(first, "&quot;&lt;/pre&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;"
                                  "&quot;"));
    assert_non_null(strstr(first, "// &lt;b&gt;bold&lt;/b&gt; &amp; co"));
    assert_non_null(strstr(first, "// &#39;onload=x&#39; &amp;amp;"));
    assert_non_null(strstr(first, "&#39;b&#39; created here &lt;from&gt; &quot;a&quot;"));
    assert_null(strstr(first, "<b>bold"));
    free(index);
    free(first);
    findings_free(&fs);
}

/* Steps: created, then the primary location (the write), then the read and the use again; every
 * link to a step has its anchor. */
static void numbers_and_links_the_steps(void **state)
{
    (void)state;
    vc_findings fs = {0};
    hostile_findings(&fs);
    html_step steps[4];
    assert_int_equal(html_steps(&fs.items[0], steps), 4);
    assert_int_equal(steps[0].line, 4);
    assert_true(steps[1].primary);
    assert_int_equal(steps[1].line, 5);
    assert_int_equal(steps[2].line, 6);
    assert_int_equal(steps[3].line, 7);
    write_report(&fs);
    char *first = page("report/finding-1.html");
    for (int k = 1; k <= 4; k++) {
        char id[32], href[32];
        snprintf(id, sizeof id, "id=\"step-%d\"", k);
        snprintf(href, sizeof href, "href=\"#step-%d\"", k);
        assert_int_equal(count(first, id), 1);
        assert_true(count(first, href) >= 2); /* the step list and the margin */
    }
    assert_null(strstr(first, "step-5"));
    free(first);
    findings_free(&fs);
}

static void marks_suppressed_and_unreadable(void **state)
{
    (void)state;
    vc_findings fs = {0};
    hostile_findings(&fs);
    write_report(&fs);
    char *second = page("report/finding-2.html"), *third = page("report/finding-3.html");
    assert_non_null(strstr(second, "badge suppressed"));
    assert_non_null(strstr(second, "on purpose: &lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt;"));
    assert_non_null(strstr(third, "could not be read"));
    assert_non_null(strstr(third, "VC007"));
    free(second);
    free(third);
    findings_free(&fs);
}

static void writes_the_same_bytes_and_drops_stale_pages(void **state)
{
    (void)state;
    vc_findings fs = {0};
    hostile_findings(&fs);
    write_report(&fs);
    char *before = page("report/finding-1.html"), *index = page("report/index.html");
    write_report(&fs);
    char *again = page("report/finding-1.html"), *index_again = page("report/index.html");
    assert_string_equal(before, again);
    assert_string_equal(index, index_again);
    fs.n = 1; /* the other two are freed below */
    write_report(&fs);
    char *stale = xasprintf("%s/report/finding-2.html", dir);
    assert_int_not_equal(access(stale, F_OK), 0);
    fs.n = 3;
    free(stale);
    free(before);
    free(again);
    free(index);
    free(index_again);
    findings_free(&fs);
}

static void fails_on_an_unwritable_directory(void **state)
{
    (void)state;
    vc_findings fs = {0};
    vc_report r = {&fs, NULL, "0.0-test", NULL};
    char err[256] = "";
    char *file = xasprintf("%s/a-file", dir);
    FILE *f = fopen(file, "w");
    fclose(f);
    char *inside = xasprintf("%s/sub", file);
    assert_false(report_html_write(inside, &r, NULL, 0, err, sizeof err));
    assert_non_null(strstr(err, "cannot create the directory"));
    free(file);
    free(inside);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_the_five_characters),
        cmocka_unit_test(renders_markdown_escaped),
        cmocka_unit_test(report_escapes_everything_from_sources),
        cmocka_unit_test(numbers_and_links_the_steps),
        cmocka_unit_test(marks_suppressed_and_unreadable),
        cmocka_unit_test(writes_the_same_bytes_and_drops_stale_pages),
        cmocka_unit_test(fails_on_an_unwritable_directory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
