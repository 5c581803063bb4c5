#include "findings_io.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static const vc_rule *rule_named(const vc_config *cfg, const char *id)
{
    for (int r = 0; r < cfg->nrules; r++)
        if (strcmp(cfg->rules[r]->id, id) == 0)
            return cfg->rules[r];
    return NULL;
}

json_t *finding_json(const vc_finding *fd)
{
    json_t *notes = json_array();
    for (int k = 0; k < fd->nnotes; k++)
        json_array_append_new(notes, json_pack("[s,i,i,s]", fd->notes[k].file, fd->notes[k].line,
                                               fd->notes[k].col, fd->notes[k].message));
    return json_pack("[s,s,i,i,s,s,b,o]", fd->rule, fd->file, fd->line, fd->col, fd->function,
                     fd->message, fd->may, notes);
}

bool finding_from_json(json_t *j, const vc_config *cfg, vc_findings *out)
{
    const char *rule_id, *file, *function, *message;
    int line, col, may;
    json_t *notes;
    if (!j || json_unpack(j, "[s,s,i,i,s,s,b,o]", &rule_id, &file, &line, &col, &function, &message,
                          &may, &notes) != 0)
        return false;
    const vc_rule *rule = rule_named(cfg, rule_id);
    if (!rule)
        return false;
    vc_finding *fd =
        findings_add(out, rule->id, rule->level, file, (vc_loc){0, (unsigned)line, (unsigned)col},
                     function, xstrdup(message));
    fd->may = may;
    size_t k;
    json_t *note;
    json_array_foreach(notes, k, note)
    {
        const char *nf, *nm;
        int nl, nc;
        if (json_unpack(note, "[s,i,i,s]", &nf, &nl, &nc, &nm) == 0)
            finding_note(fd, nf, (vc_loc){0, (unsigned)nl, (unsigned)nc}, xstrdup(nm));
    }
    return true;
}

char *findings_text(const vc_findings *fs)
{
    json_t *list = json_array();
    for (int i = 0; i < fs->n; i++)
        json_array_append_new(list, finding_json(&fs->items[i]));
    char *text = json_dumps(list, JSON_COMPACT);
    json_decref(list);
    return text;
}

bool findings_from_text(const char *text, const vc_config *cfg, vc_findings *out)
{
    json_t *list = text ? json_loads(text, 0, NULL) : NULL;
    vc_findings got = {0};
    bool ok = json_is_array(list);
    size_t i;
    json_t *j;
    json_array_foreach(list, i, j)
    {
        if (!(ok = ok && finding_from_json(j, cfg, &got)))
            break;
    }
    json_decref(list);
    if (!ok) {
        findings_free(&got);
        return false;
    }
    for (int k = 0; k < got.n; k++) {
        GROW(out->items, out->n, out->cap);
        out->items[out->n++] = got.items[k];
    }
    free(got.items);
    return true;
}
