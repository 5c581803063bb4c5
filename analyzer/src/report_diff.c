#include "report_diff.h"

#include "strmap.h"

#include <jansson.h>

static void index_fingerprints(const vc_findings *fs, strmap *out)
{
    strmap_init(out);
    for (int i = 0; i < fs->n; i++)
        if (fs->items[i].fingerprint)
            strmap_put(out, fs->items[i].fingerprint, i);
}

static bool in(const strmap *set, const vc_finding *f)
{
    return f->fingerprint && strmap_get(set, f->fingerprint) >= 0;
}

static void text_section(FILE *out, const char *title, const vc_findings *fs, const strmap *other,
                         bool want_in_other)
{
    int n = 0;
    for (int i = 0; i < fs->n; i++)
        n += in(other, &fs->items[i]) == want_in_other;
    fprintf(out, "%s: %d\n", title, n);
    for (int i = 0; i < fs->n; i++) {
        const vc_finding *f = &fs->items[i];
        if (in(other, f) == want_in_other)
            fprintf(out, "  %s:%u:%u: %s: %s [%s]\n", f->file, f->line, f->col, f->level,
                    f->message, f->rule);
    }
}

static json_t *json_section(const vc_findings *fs, const strmap *other, bool want_in_other)
{
    json_t *list = json_array();
    for (int i = 0; i < fs->n; i++) {
        const vc_finding *f = &fs->items[i];
        if (in(other, f) == want_in_other)
            json_array_append_new(list, json_pack("{s:s, s:s, s:i, s:s, s:s?}", "rule", f->rule,
                                                  "file", f->file, "line", (int)f->line, "message",
                                                  f->message, "fingerprint", f->fingerprint));
    }
    return list;
}

bool report_diff(FILE *out, vc_store *store, long long old_run, long long new_run, bool json,
                 char *err, int errlen)
{
    vc_findings old = {0}, now = {0};
    bool ok = store_load_run(store, old_run, &old, NULL, err, errlen) >= 0 &&
              store_load_run(store, new_run, &now, NULL, err, errlen) >= 0;
    if (ok) {
        strmap old_set, now_set;
        index_fingerprints(&old, &old_set);
        index_fingerprints(&now, &now_set);
        if (json) {
            json_t *doc =
                json_pack("{s:I, s:I, s:o, s:o, s:o}", "old_run", (json_int_t)old_run, "new_run",
                          (json_int_t)new_run, "new", json_section(&now, &old_set, false), "fixed",
                          json_section(&old, &now_set, false), "still_present",
                          json_section(&now, &old_set, true));
            json_dumpf(doc, out, JSON_INDENT(2));
            fputc('\n', out);
            json_decref(doc);
        } else {
            fprintf(out, "run %lld -> run %lld\n", old_run, new_run);
            text_section(out, "new", &now, &old_set, false);
            text_section(out, "fixed", &old, &now_set, false);
            text_section(out, "still present", &now, &old_set, true);
        }
        strmap_free(&old_set);
        strmap_free(&now_set);
    }
    findings_free(&old);
    findings_free(&now);
    return ok;
}
