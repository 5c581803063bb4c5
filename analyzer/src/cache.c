#include "cache.h"

#include "hash_cache.h"

#include "unit_io.h"
#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef VIEWCHECK_VERSION
#define VIEWCHECK_VERSION "0.0.0"
#endif

/* The viewcheck binary itself: a rebuilt one (same version, other code) finds nothing cached. */
static unsigned long long build_hash(unsigned long long h)
{
    struct stat st;
    if (stat("/proc/self/exe", &st) != 0)
        return h;
    long long identity[3] = {(long long)st.st_size, (long long)st.st_mtime, (long long)st.st_ino};
    return text_hash(h, (const char *)identity, sizeof identity);
}

void cache_init(vc_cache *c, vc_store *store, const vc_model_set *models)
{
    memset(c, 0, sizeof *c);
    c->store = store;
    unsigned long long h = build_hash(1469598103934665603ull);
    size_t cursor = 0;
    for (vc_model *m; models && (m = model_set_next(models, &cursor));) {
        char *effects = store_effects_json(m);
        h = text_hash(h, m->function, strlen(m->function));
        h = text_hash(h, effects, strlen(effects));
        free(effects);
    }
    c->models_hash = xasprintf("%016llx", h);
}

void cache_free(vc_cache *c)
{
    free(c->models_hash);
}

char *cache_key(const vc_cache *c, const vc_job *job)
{
    unsigned long long h = 1469598103934665603ull;
    const char *parts[] = {VIEWCHECK_VERSION, c->models_hash, job->file,
                           job->directory ? job->directory : ""};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        h = text_hash(h, parts[i], strlen(parts[i]) + 1);
    for (int a = 0; a < job->nargs; a++)
        h = text_hash(h, job->args[a], strlen(job->args[a]) + 1);
    return xasprintf("%016llx", h);
}

vc_unit *cache_lookup(vc_cache *c, const vc_job *job)
{
    if (!c->store)
        return NULL;
    char *key = cache_key(c, job), err[256];
    char *text = store_cached_unit(c->store, job->file, key);
    vc_unit *u = text ? unit_deserialize(text, err, sizeof err) : NULL;
    free(text);
    bool valid = u && !u->error && u->ndeps > 0;
    for (int i = 0; valid && i < u->ndeps; i++) {
        const char *now = hash_cache_get(u->deps[i]);
        valid = now && strcmp(now, u->dep_hashes[i]) == 0;
    }
    if (!valid) {
        free(key);
        unit_free(u);
        c->misses++;
        return NULL;
    }
    unit_set_inputs(u, key);
    free(key);
    c->hits++;
    return u;
}

void cache_store(vc_cache *c, const vc_job *job, vc_unit *u)
{
    if (!c->store || u->error)
        return;
    char *key = cache_key(c, job);
    unit_set_inputs(u, key);
    if (u->ndeps > 0) {
        char *text = unit_serialize(u);
        store_put_unit(c->store, job->file, key, text);
        free(text);
    }
    free(key);
}

char *cache_program_key(const vc_cache *c, const vc_jobs *jobs, const char *analysis)
{
    unsigned long long h = text_hash(1469598103934665603ull, analysis, strlen(analysis) + 1);
    for (int i = 0; i < jobs->n; i++) {
        char *key = cache_key(c, &jobs->items[i]);
        h = text_hash(h, key, strlen(key) + 1);
        free(key);
    }
    return xasprintf("%016llx", h);
}

long long cache_program_lookup(vc_cache *c, const char *key)
{
    char *text = NULL;
    long long run = c->store ? store_cached_program(c->store, key, &text) : -1;
    json_t *deps = text ? json_loads(text, 0, NULL) : NULL;
    free(text);
    bool valid = json_is_array(deps) && json_array_size(deps) > 0;
    size_t i;
    json_t *dep;
    json_array_foreach(deps, i, dep)
    {
        const char *path = json_string_value(json_array_get(dep, 0));
        const char *then = json_string_value(json_array_get(dep, 1));
        const char *now = path ? hash_cache_get(path) : NULL;
        if (!(valid = valid && now && then && strcmp(now, then) == 0))
            break;
    }
    json_decref(deps);
    return valid ? run : -1;
}

void cache_program_store(vc_cache *c, const char *key, vc_unit *const *units, int nunits)
{
    if (!c->store)
        return;
    json_t *deps = json_array();
    strmap seen;
    strmap_init(&seen);
    for (int u = 0; u < nunits; u++)
        for (int d = 0; d < units[u]->ndeps; d++)
            if (strmap_get(&seen, units[u]->deps[d]) < 0) {
                strmap_put(&seen, units[u]->deps[d], 1);
                json_array_append_new(
                    deps, json_pack("[ss]", units[u]->deps[d], units[u]->dep_hashes[d]));
            }
    strmap_free(&seen);
    char *text = json_dumps(deps, JSON_COMPACT);
    store_put_program(c->store, key, text);
    free(text);
    json_decref(deps);
}
