#include "unit.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

vc_unit *unit_new(const char *main_file)
{
    vc_unit *u = xcalloc(1, sizeof *u);
    u->main_file = xstrdup(main_file);
    strmap_init(&u->function_index);
    u->declared = model_set_new();
    return u;
}

void unit_free(vc_unit *u)
{
    if (!u)
        return;
    for (int i = 0; i < u->nfiles; i++) {
        for (int l = 0; l < u->files[i].nlines; l++)
            free(u->files[i].lines[l]);
        free(u->files[i].lines);
        free(u->files[i].path);
    }
    for (int i = 0; i < u->nfunctions; i++)
        ir_function_free(u->functions[i]);
    free(u->functions);
    free(u->files);
    for (int i = 0; i < u->naddress_taken; i++) {
        free(u->address_taken[i]);
        free(u->address_taken_types[i]);
        free(u->address_taken_fields[i]);
    }
    free(u->address_taken);
    free(u->address_taken_types);
    free(u->address_taken_fields);
    for (int i = 0; i < u->ndeps; i++) {
        free(u->deps[i]);
        free(u->dep_hashes[i]);
    }
    free(u->deps);
    free(u->dep_hashes);
    strmap_free(&u->function_index);
    model_set_free(u->declared);
    free(u->main_file);
    free(u->error);
    free(u->inputs);
    free(u);
}

void unit_set_inputs(vc_unit *u, const char *cache_key)
{
    unsigned long long h = text_hash(1469598103934665603ull, cache_key, strlen(cache_key) + 1);
    for (int i = 0; i < u->ndeps; i++) {
        h = text_hash(h, u->deps[i], strlen(u->deps[i]) + 1);
        h = text_hash(h, u->dep_hashes[i], strlen(u->dep_hashes[i]) + 1);
    }
    free(u->inputs);
    u->inputs = xasprintf("%016llx", h);
}

int unit_file(vc_unit *u, const char *path)
{
    for (int i = 0; i < u->nfiles; i++)
        if (strcmp(u->files[i].path, path) == 0)
            return i;
    GROW(u->files, u->nfiles, u->files_cap);
    memset(&u->files[u->nfiles], 0, sizeof u->files[0]);
    u->files[u->nfiles].path = xstrdup(path);
    return u->nfiles++;
}

void unit_set_file_text(vc_unit *u, int file, const char *text, size_t len)
{
    vc_file *f = &u->files[file];
    if (f->lines)
        return;
    int cap = 0;
    for (size_t start = 0; start <= len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        GROW(f->lines, f->nlines, cap);
        f->lines[f->nlines++] = xstrndup(text + start, end - start);
        if (!nl)
            break;
        start = end + 1;
    }
}

int unit_function(vc_unit *u, const char *name, const char *usr)
{
    int i = strmap_get(&u->function_index, usr);
    if (i >= 0)
        return i;
    GROW(u->functions, u->nfunctions, u->functions_cap);
    u->functions[u->nfunctions] = ir_function_new(name, usr);
    strmap_put(&u->function_index, usr, u->nfunctions);
    return u->nfunctions++;
}

void unit_address_taken(vc_unit *u, const char *usr, const char *type, const char *field)
{
    for (int i = 0; i < u->naddress_taken; i++)
        if (strcmp(u->address_taken[i], usr) == 0 &&
            (field ? u->address_taken_fields[i] && strcmp(u->address_taken_fields[i], field) == 0
                   : !u->address_taken_fields[i]))
            return;
    int cap = u->address_taken_cap;
    GROW(u->address_taken, u->naddress_taken, cap);
    cap = u->address_taken_cap;
    GROW(u->address_taken_fields, u->naddress_taken, cap);
    GROW(u->address_taken_types, u->naddress_taken, u->address_taken_cap);
    u->address_taken[u->naddress_taken] = xstrdup(usr);
    u->address_taken_fields[u->naddress_taken] = field ? xstrdup(field) : NULL;
    u->address_taken_types[u->naddress_taken++] = xstrdup(type);
}

void unit_add_dep(vc_unit *u, const char *path, const char *hash)
{
    int cap = u->deps_cap;
    GROW(u->deps, u->ndeps, cap);
    GROW(u->dep_hashes, u->ndeps, u->deps_cap);
    u->deps[u->ndeps] = xstrdup(path);
    u->dep_hashes[u->ndeps++] = xstrdup(hash ? hash : "");
}
