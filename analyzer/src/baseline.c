#include "baseline.h"

#include "store.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_sqlite(const char *path)
{
    char head[16] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
}

static bool load_database(const char *path, strmap *fps, char *err, int errlen)
{
    vc_store *s = store_open(path, false, err, errlen);
    if (!s)
        return false;
    vc_findings fs = {0};
    bool ok = store_load_run(s, 0, &fs, NULL, err, errlen) >= 0;
    for (int i = 0; ok && i < fs.n; i++)
        if (fs.items[i].fingerprint)
            strmap_put(fps, fs.items[i].fingerprint, 1);
    findings_free(&fs);
    store_close(s);
    return ok;
}

static bool load_sarif(const char *path, strmap *fps, char *err, int errlen)
{
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    if (!doc) {
        snprintf(err, (size_t)errlen, "%s:%d: not a results database or a SARIF file: %s", path,
                 jerr.line, jerr.text);
        return false;
    }
    json_t *runs = json_object_get(doc, "runs");
    bool ok = json_is_array(runs);
    size_t r, i;
    json_t *run, *result;
    json_array_foreach(runs, r, run)
    {
        json_array_foreach(json_object_get(run, "results"), i, result)
        {
            const char *fp = json_string_value(json_object_get(
                json_object_get(result, "partialFingerprints"), "primaryLocationLineHash"));
            if (fp)
                strmap_put(fps, fp, 1);
        }
    }
    if (!ok)
        snprintf(err, (size_t)errlen, "%s: not a SARIF file (no 'runs' list)", path);
    json_decref(doc);
    return ok;
}

bool baseline_load(const char *path, strmap *fingerprints, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "%s: cannot read the baseline", path);
        return false;
    }
    fclose(f);
    return is_sqlite(path) ? load_database(path, fingerprints, err, errlen)
                           : load_sarif(path, fingerprints, err, errlen);
}

int baseline_filter(vc_findings *fs, const strmap *fingerprints)
{
    int kept = 0, dropped = 0;
    for (int i = 0; i < fs->n; i++) {
        vc_finding *f = &fs->items[i];
        if (f->fingerprint && strmap_get(fingerprints, f->fingerprint) >= 0) {
            finding_clear(f);
            dropped++;
            continue;
        }
        fs->items[kept++] = *f;
    }
    fs->n = kept;
    return dropped;
}
