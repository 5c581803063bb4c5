#include "report.h"

void report_text(FILE *out, const vc_report *r)
{
    const vc_findings *fs = r->findings;
    for (int i = 0; i < fs->n; i++) {
        const vc_finding *f = &fs->items[i];
        if (f->suppressed)
            continue;
        fprintf(out, "%s:%u:%u: %s: %s [%s]\n", f->file, f->line, f->col, f->level, f->message,
                f->rule);
        for (int n = 0; n < f->nnotes; n++)
            fprintf(out, "%s:%u:%u: note: %s\n", f->notes[n].file, f->notes[n].line,
                    f->notes[n].col, f->notes[n].message);
    }
}
