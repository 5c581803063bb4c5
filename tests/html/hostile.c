/* A source full of markup for the HTML report test: <script>alert(1)</script>, "quotes",
 * 'apostrophes' and &amp; ampersands & <b>tags</b> in comments, strings and names. The report
 * must show all of it as text: window.__pwned stays undefined. */
#include <nda.h>

#include <stdio.h>

static const char *banner = "</pre><script>window.__pwned = 1;</script><pre>";

/* <img src=x onerror="window.__pwned = 2"> */
static void script_alert_1_(nda_array *a)
{
    nda_array *b = nda_slice(a, 0, 0, 3, 1); /* "<script>alert('b')</script>" & more */
    nda_set1(b, 0, 100);                     // '<script>alert(1)</script>' -- "&lt;"
    printf("%s '&' \"<script>alert(2)</script>\"\n", banner);
    nda_print(stdout, a);
    nda_print(stdout, b);
    nda_release(b);
}

static void quoted_onclick_(nda_array *buf)
{
    nda_array *head = nda_slice(buf, 0, 0, 2, 1);
    // viewcheck: ignore VC004 -- shown on purpose: <script>window.__pwned = 3</script> & "x"
    nda_fill(head, 0.0);
    nda_print(stdout, buf); /* ' onmouseover='window.__pwned = 4' */
    nda_print(stdout, head);
    nda_release(head);
}

int main(void)
{
    nda_array *a = nda_arange(6);
    script_alert_1_(a);
    quoted_onclick_(a);
    nda_array *t = nda_slice(a, 0, 0, 2, 1);
    nda_release(a);
    nda_print(stdout, t); /* </td></tr></table><script>window.__pwned = 5</script> */
    nda_release(t);
    return 0;
}
