/* The steps of a finding in the order of its story. The notes come in the order the rule wrote
 * them; the primary location goes after the causes (a handle created, made read-only, taken or
 * released, memory written through another handle) and before the consequences (a read, a use
 * again, a write or a resize inside a helper called at the primary location). So VC004 reads
 * created -> write (primary) -> read -> used again, and VC007 released -> used (primary). Notes
 * worded otherwise count as causes: then the primary location is simply the last step. */
#include "html.h"

#include <string.h>

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_consequence(const char *message)
{
    static const char *const suffixes[] = {" read here", " used again here", " written here",
                                           " resized here"};
    if (!message || strncmp(message, "memory ", 7) == 0)
        return false;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (ends_with(message, suffixes[i]))
            return true;
    return false;
}

static html_step note_step(const vc_note *n)
{
    return (html_step){n->file ? n->file : "", n->line, n->col, n->message ? n->message : "",
                       false};
}

void html_step_where(FILE *out, const vc_report *r, const html_step *steps, int nsteps, int k,
                     bool column)
{
    const char *home = NULL;
    for (int j = 0; j < nsteps && !home; j++)
        if (steps[j].primary)
            home = steps[j].file;
    const html_step *st = &steps[k];
    if (home && strcmp(home, st->file) == 0) {
        fprintf(out, "line %u", st->line);
        if (column)
            fprintf(out, ", column %u", st->col);
        return;
    }
    html_escape(out, html_display_path(r, st->file));
    fprintf(out, ":%u", st->line);
    if (column)
        fprintf(out, ":%u", st->col);
}

int html_steps(const vc_finding *f, html_step *out)
{
    int k = 0;
    for (int i = 0; i < f->nnotes; i++)
        if (!is_consequence(f->notes[i].message))
            out[k++] = note_step(&f->notes[i]);
    out[k++] =
        (html_step){f->file ? f->file : "", f->line, f->col, f->message ? f->message : "", true};
    for (int i = 0; i < f->nnotes; i++)
        if (is_consequence(f->notes[i].message))
            out[k++] = note_step(&f->notes[i]);
    return k;
}
