/* Dynamic findings: printed like viewcheck's (file:line:col: level: message [rule], the helper
 * call sites as notes) and kept for the SARIF file NDA_CHECK_SARIF names, written at exit. */
#include "check_state.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *rule;
    check_site at;
    char message[256];
} check_finding;

static check_finding *found;
static int nfound;

static const char *level_of(const char *rule)
{
    return strcmp(rule, "VC003") == 0 || strcmp(rule, "VC004") == 0 ? "warning" : "error";
}

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(out, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(out, "\\u%04x", (unsigned char)*s);
        else
            fputc(*s, out);
    }
    fputc('"', out);
}

static void location(FILE *out, const char *file, int line)
{
    fputs("{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", out);
    json_string(out, file);
    fprintf(out, "},\"region\":{\"startLine\":%d}}}", line);
}

static void write_result(FILE *out, const check_finding *f)
{
    fputs("{\"ruleId\":", out);
    json_string(out, f->rule);
    fprintf(out, ",\"level\":\"%s\",\"message\":{\"text\":", level_of(f->rule));
    json_string(out, f->message);
    fputs("},\"locations\":[", out);
    location(out, f->at.file, f->at.line);
    fputs("],\"relatedLocations\":[", out);
    for (int i = 0; i < f->at.nframes; i++) {
        fprintf(out, "%s{\"id\":%d,\"message\":{\"text\":\"called from here\"},", i ? "," : "", i);
        fputs("\"physicalLocation\":{\"artifactLocation\":{\"uri\":", out);
        json_string(out, f->at.frame_files[i]);
        fprintf(out, "},\"region\":{\"startLine\":%d}}}", f->at.frame_lines[i]);
    }
    fputs("]}", out);
}

static void write_sarif(void)
{
    const char *path = getenv("NDA_CHECK_SARIF");
    FILE *out = path && *path ? fopen(path, "w") : NULL;
    if (!out) {
        if (path && *path)
            fprintf(stderr, "nda-check: error: %s: cannot write the SARIF file\n", path);
        return;
    }
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"nda-check\",\"informationUri\":"
          "\"https://example.invalid/viewcheck\"}},\"results\":[",
          out);
    for (int i = 0; i < nfound; i++) {
        if (i)
            fputc(',', out);
        write_result(out, &found[i]);
    }
    fputs("]}]}\n", out);
    fclose(out);
}

__attribute__((constructor)) static void write_sarif_at_exit(void)
{
    atexit(write_sarif);
}

void check_report(const char *rule, const check_site *at, const char *fmt, ...)
{
    for (int i = 0; i < nfound; i++) /* one finding per rule and line */
        if (found[i].rule == rule && found[i].at.line == at->line &&
            strcmp(found[i].at.file, at->file) == 0)
            return;
    check_finding *grown = realloc(found, (size_t)(nfound + 1) * sizeof *grown);
    if (!grown)
        abort();
    found = grown;
    check_finding *f = &found[nfound++];
    f->rule = rule;
    f->at = *at;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->message, sizeof f->message, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s:%d:1: %s: %s [%s] (nda checked mode)\n", at->file, at->line, level_of(rule),
            f->message, rule);
    for (int i = at->nframes - 1; i >= 0; i--)
        fprintf(stderr, "%s:%d:1: note: in the helper called here\n", at->frame_files[i],
                at->frame_lines[i]);
}

int nda_check_findings(void)
{
    return nfound;
}
