#include "report.h"

#include <jansson.h>

static json_t *notes_json(const vc_finding *f)
{
    json_t *notes = json_array();
    for (int n = 0; n < f->nnotes; n++)
        json_array_append_new(notes,
                              json_pack("{s:s, s:i, s:i, s:s}", "file", f->notes[n].file, "line",
                                        (int)f->notes[n].line, "column", (int)f->notes[n].col,
                                        "message", f->notes[n].message));
    return notes;
}

int report_json(FILE *out, const vc_report *r)
{
    json_t *findings = json_array();
    for (int i = 0; i < r->findings->n; i++) {
        const vc_finding *f = &r->findings->items[i];
        json_t *j = json_pack("{s:s, s:s, s:s, s:i, s:i, s:s, s:s, s:b, s:b, s:o}", "rule", f->rule,
                              "level", f->level, "file", f->file, "line", (int)f->line, "column",
                              (int)f->col, "function", f->function, "message", f->message, "may",
                              f->may, "suppressed", f->suppressed, "notes", notes_json(f));
        if (f->fingerprint)
            json_object_set_new(j, "fingerprint", json_string(f->fingerprint));
        if (f->suppression_reason)
            json_object_set_new(j, "suppression_reason", json_string(f->suppression_reason));
        json_array_append_new(findings, j);
    }
    json_t *failures = json_array();
    for (int i = 0; r->failures && i < r->failures->n; i++)
        json_array_append_new(failures, json_pack("{s:s, s:s}", "file", r->failures->files[i],
                                                  "reason", r->failures->reasons[i]));
    json_t *doc = json_pack("{s:s, s:o, s:o}", "version", r->version, "findings", findings,
                            "failures", failures);
    int rc = json_dumpf(doc, out, JSON_INDENT(2));
    fputc('\n', out);
    json_decref(doc);
    return rc;
}
