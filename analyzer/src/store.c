#define _DEFAULT_SOURCE
#include "store.h"

#include "util.h"

#include <errno.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *column_text(sqlite3_stmt *st, int c);

struct vc_store {
    sqlite3 *db;
    char *path;
    json_t *pending_summaries; /* array of [usr, name, file, hash, effects] */
    json_t *pending_units;     /* array of [file, key, unit] */
    char *pending_program_key, *pending_program_deps;
    char *pending_analysis;    /* the analysis key of pending_functions */
    json_t *pending_functions; /* array of [key, summary_inputs, check_inputs, summary, findings] */
};

/* Schema migrations: entry k brings a database from version k to k + 1. */
static const char *const migrations[] = {
    "CREATE TABLE runs(id INTEGER PRIMARY KEY, started TEXT NOT NULL, version TEXT NOT NULL,"
    "  options TEXT, compdb TEXT, duration REAL, files_analyzed INTEGER, files_failed INTEGER);"
    "CREATE TABLE findings(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  rule TEXT NOT NULL, level TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,"
    "  col INTEGER NOT NULL, function TEXT, message TEXT NOT NULL, may INTEGER NOT NULL,"
    "  suppressed INTEGER NOT NULL, suppression_reason TEXT, fingerprint TEXT, notes TEXT);"
    "CREATE INDEX findings_by_run ON findings(run_id);"
    "CREATE TABLE failures(run_id INTEGER NOT NULL REFERENCES runs(id), file TEXT NOT NULL,"
    "  reason TEXT NOT NULL);"
    "CREATE TABLE summaries(usr TEXT PRIMARY KEY, name TEXT NOT NULL, file TEXT, hash TEXT,"
    "  effects TEXT NOT NULL, run_id INTEGER REFERENCES runs(id));",
    /* 2: the incremental cache: each translation unit's lowered IR, valid while its key (the
     * compiler arguments, viewcheck's version, the models) and its files' hashes hold */
    "CREATE TABLE units(file TEXT PRIMARY KEY, key TEXT NOT NULL, unit TEXT NOT NULL,"
    "  run_id INTEGER REFERENCES runs(id));",
    /* 3: the whole-program cache: a run whose findings stand while the key (every unit's key
     * and the analysis options) and the hashes of every file the units read (deps) hold */
    "CREATE TABLE programs(key TEXT PRIMARY KEY, deps TEXT NOT NULL,"
    "  run_id INTEGER REFERENCES runs(id));",
    /* 4: what the whole-program analysis computed for each function, reused by the next run
     * where what it was computed from (summary_inputs, check_inputs) is unchanged */
    "CREATE TABLE function_results(analysis TEXT NOT NULL, key TEXT NOT NULL,"
    "  summary_inputs TEXT NOT NULL, check_inputs TEXT NOT NULL, summary TEXT NOT NULL,"
    "  findings TEXT NOT NULL, run_id INTEGER REFERENCES runs(id), PRIMARY KEY(analysis, key));",
};

/* What the user can do about SQLite's last error on db. */
static const char *advice(sqlite3 *db)
{
    switch (db ? sqlite3_errcode(db) & 0xff : SQLITE_OK) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return " (another process holds a lock on it and did not release it in time; run again "
               "when it has finished)";
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return " (the database is read-only here: use a writable --db)";
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return " (not a viewcheck results database, or a corrupted one; it was left as it is: "
               "move it away or use another --db)";
    case SQLITE_CANTOPEN:
        return " (no database file can be opened or created at that path)";
    default:
        return "";
    }
}

static bool fail(char *err, int errlen, const char *path, const char *what, sqlite3 *db)
{
    snprintf(err, (size_t)errlen, "%s: %s%s%s%s", path, what, db ? ": " : "",
             db ? sqlite3_errmsg(db) : "", advice(db));
    return false;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Brings the schema up to date inside one IMMEDIATE transaction, so that two viewchecks
 * opening a new database at once cannot both create it. */
static bool migrate(sqlite3 *db, const char *path, char *err, int errlen)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return fail(err, errlen, path, "cannot use the results database", db);
    int version = user_version(db);
    int latest = (int)(sizeof migrations / sizeof *migrations);
    bool ok = true;
    if (version < 0) {
        ok = fail(err, errlen, path, "not a viewcheck results database (unreadable or corrupted)",
                  db);
    } else if (version > latest) {
        snprintf(err, (size_t)errlen,
                 "%s: written by a newer viewcheck (schema %d; this one knows up to %d); use a "
                 "newer viewcheck or another --db",
                 path, version, latest);
        ok = false;
    }
    for (int v = version; ok && v < latest; v++) {
        char *sql = xasprintf("%s PRAGMA user_version = %d;", migrations[v], v + 1);
        char *msg = NULL;
        if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
            snprintf(err, (size_t)errlen, "%s: migrating the schema to version %d failed: %s", path,
                     v + 1, msg ? msg : "?");
            ok = false;
        }
        sqlite3_free(msg);
        free(sql);
    }
    sqlite3_exec(db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    return ok;
}

/* WAL lets readers and one writer work at once; switching needs a moment alone. */
static bool use_wal(sqlite3 *db)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        if (sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) == SQLITE_OK)
            return true;
        if (sqlite3_errcode(db) != SQLITE_BUSY && sqlite3_errcode(db) != SQLITE_LOCKED)
            return false;
        sqlite3_sleep(50);
    }
    return false;
}

vc_store *store_open(const char *path, bool create, char *err, int errlen)
{
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        fail(err, errlen, path, "cannot open the results database", db);
        sqlite3_close(db);
        return NULL;
    }
    const char *wait_ms = getenv("VIEWCHECK_TEST_DB_TIMEOUT_MS"); /* tests: the lock's wait */
    sqlite3_busy_timeout(db, wait_ms && *wait_ms ? atoi(wait_ms) : 30000);
    if (!migrate(db, path, err, errlen)) {
        sqlite3_close(db);
        return NULL;
    }
    if (!use_wal(db) ||
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
        fail(err, errlen, path, "cannot use the results database", db);
        sqlite3_close(db);
        return NULL;
    }
    vc_store *s = xcalloc(1, sizeof *s);
    s->db = db;
    s->path = xstrdup(path);
    s->pending_summaries = json_array();
    s->pending_units = json_array();
    s->pending_functions = json_array();
    return s;
}

void store_close(vc_store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    json_decref(s->pending_summaries);
    json_decref(s->pending_units);
    json_decref(s->pending_functions);
    free(s->pending_analysis);
    free(s->pending_program_key);
    free(s->pending_program_deps);
    free(s->path);
    free(s);
}

static json_t *trace_json(const vc_effect *e)
{
    json_t *steps = json_array();
    for (int i = 0; i < e->ntrace; i++)
        json_array_append_new(steps,
                              json_pack("{s:s, s:i, s:i, s:s}", "file", e->trace[i].file, "line",
                                        (int)e->trace[i].line, "col", (int)e->trace[i].col,
                                        "message", e->trace[i].message));
    return steps;
}

char *store_effects_json(const vc_model *m)
{
    json_t *list = json_array();
    for (int i = 0; i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        json_t *args = json_array();
        for (int a = 0; a < e->nargs; a++) {
            json_t *arg = json_pack("{s:i}", "param", e->args[a].param);
            if (e->args[a].path)
                json_object_set_new(arg, "path", json_string(e->args[a].path));
            if (e->args[a].literal)
                json_object_set_new(arg, "value", json_integer(e->args[a].value));
            json_array_append_new(args, arg);
        }
        json_t *j = json_pack("{s:s, s:o, s:b}", "effect", model_effect_name(e->kind), "args", args,
                              "may", e->may);
        if (e->early)
            json_object_set_new(j, "early", json_true());
        if (e->kind == FX_STORES)
            json_object_set_new(j, "as", json_string(model_effect_name(e->as)));
        if (e->ntrace)
            json_object_set_new(j, "trace", trace_json(e));
        json_array_append_new(list, j);
    }
    char *text = json_dumps(list, JSON_COMPACT);
    json_decref(list);
    return text;
}

void store_put_summary(vc_store *s, int slot, int nslots, const char *usr, const char *name,
                       const char *file, const char *hash, const vc_model *summary)
{
    while (json_array_size(s->pending_summaries) < (size_t)nslots)
        json_array_append_new(s->pending_summaries, json_null());
    char *effects = store_effects_json(summary);
    json_array_set_new(s->pending_summaries, (size_t)slot,
                       json_pack("[s, s, s?, s?, s]", usr, name, file, hash, effects));
    free(effects);
}

static json_t *notes_json(const vc_finding *f)
{
    json_t *notes = json_array();
    for (int n = 0; n < f->nnotes; n++)
        json_array_append_new(notes,
                              json_pack("{s:s, s:i, s:i, s:s}", "file", f->notes[n].file, "line",
                                        (int)f->notes[n].line, "col", (int)f->notes[n].col,
                                        "message", f->notes[n].message));
    return notes;
}

static bool exec_step(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE;
}

static bool insert_findings(sqlite3 *db, long long run, const vc_findings *fs)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO findings(run_id, rule, level, file, line, col, function,"
                           " message, may, suppressed, suppression_reason, fingerprint, notes)"
                           " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    for (int i = 0; ok && i < fs->n; i++) {
        const vc_finding *f = &fs->items[i];
        json_t *notes = notes_json(f);
        char *notes_text = json_dumps(notes, JSON_COMPACT);
        json_decref(notes);
        sqlite3_bind_int64(st, 1, run);
        sqlite3_bind_text(st, 2, f->rule, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, f->level, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, f->file, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 5, (int)f->line);
        sqlite3_bind_int(st, 6, (int)f->col);
        sqlite3_bind_text(st, 7, f->function, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, f->message, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 9, f->may);
        sqlite3_bind_int(st, 10, f->suppressed);
        sqlite3_bind_text(st, 11, f->suppression_reason, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 12, f->fingerprint, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 13, notes_text, -1, SQLITE_TRANSIENT);
        ok = exec_step(st);
        free(notes_text);
    }
    sqlite3_finalize(st);
    return ok;
}

static bool insert_failures(sqlite3 *db, long long run, const vc_failures *fl)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO failures(run_id, file, reason) VALUES(?,?,?)", -1, &st,
                           NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    for (int i = 0; ok && fl && i < fl->n; i++) {
        sqlite3_bind_int64(st, 1, run);
        sqlite3_bind_text(st, 2, fl->files[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, fl->reasons[i], -1, SQLITE_STATIC);
        ok = exec_step(st);
    }
    sqlite3_finalize(st);
    return ok;
}

static bool insert_summaries(vc_store *s, long long run)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO summaries(usr, name, file, hash, effects, run_id)"
                           " VALUES(?,?,?,?,?,?) ON CONFLICT(usr) DO UPDATE SET"
                           " name=excluded.name, file=excluded.file, hash=excluded.hash,"
                           " effects=excluded.effects, run_id=excluded.run_id",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    size_t i;
    json_t *row;
    json_array_foreach(s->pending_summaries, i, row)
    {
        if (!ok)
            break;
        if (!json_is_array(row))
            continue;
        for (int c = 0; c < 5; c++)
            sqlite3_bind_text(st, c + 1, json_string_value(json_array_get(row, (size_t)c)), -1,
                              SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, run);
        ok = exec_step(st);
    }
    sqlite3_finalize(st);
    json_array_clear(s->pending_summaries);
    return ok;
}

static bool insert_units(vc_store *s, long long run)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO units(file, key, unit, run_id) VALUES(?,?,?,?)"
                           " ON CONFLICT(file) DO UPDATE SET key=excluded.key,"
                           " unit=excluded.unit, run_id=excluded.run_id",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    size_t i;
    json_t *row;
    json_array_foreach(s->pending_units, i, row)
    {
        if (!ok)
            break;
        for (int c = 0; c < 3; c++)
            sqlite3_bind_text(st, c + 1, json_string_value(json_array_get(row, (size_t)c)), -1,
                              SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, run);
        ok = exec_step(st);
    }
    sqlite3_finalize(st);
    json_array_clear(s->pending_units);
    return ok;
}

/* A stored unit is "vcsum:HASH:" and the unit's text: the analysis trusts the indices in a unit,
 * so one damaged on disk (SQLite has no checksums of its own) must be noticed, not loaded. */
static const char SUM_MARK[] = "vcsum:";

static unsigned long long unit_sum(const char *unit)
{
    return text_hash(1469598103934665603ull, unit, strlen(unit));
}

/* The unit's text inside a stored row (freed), or NULL when its checksum does not match. */
static char *unit_checked(char *stored)
{
    size_t mark = sizeof SUM_MARK - 1;
    char *end = NULL;
    unsigned long long sum = 0;
    if (stored && strncmp(stored, SUM_MARK, mark) == 0) {
        errno = 0;
        sum = strtoull(stored + mark, &end, 16);
    }
    char *unit = NULL;
    if (end && *end == ':' && errno == 0 && sum == unit_sum(end + 1))
        unit = xstrdup(end + 1);
    free(stored);
    return unit;
}

void store_put_unit(vc_store *s, const char *file, const char *key, const char *unit)
{
    char *stored = xasprintf("%s%016llx:%s", SUM_MARK, unit_sum(unit), unit);
    json_array_append_new(s->pending_units, json_pack("[s,s,s]", file, key, stored));
    free(stored);
}

void store_put_program(vc_store *s, const char *key, const char *deps)
{
    free(s->pending_program_key);
    free(s->pending_program_deps);
    s->pending_program_key = xstrdup(key);
    s->pending_program_deps = xstrdup(deps);
}

static bool insert_program(vc_store *s, long long run)
{
    if (!s->pending_program_key)
        return true;
    sqlite3_stmt *st;
    bool ok = sqlite3_prepare_v2(s->db,
                                 "INSERT INTO programs(key, deps, run_id) VALUES(?,?,?)"
                                 " ON CONFLICT(key) DO UPDATE SET deps=excluded.deps,"
                                 " run_id=excluded.run_id",
                                 -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, s->pending_program_key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, s->pending_program_deps, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, run);
        ok = exec_step(st);
    }
    sqlite3_finalize(st);
    free(s->pending_program_key);
    free(s->pending_program_deps);
    s->pending_program_key = s->pending_program_deps = NULL;
    return ok;
}

long long store_cached_program(vc_store *s, const char *key, char **deps)
{
    sqlite3_stmt *st;
    long long run = -1;
    *deps = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT p.deps, p.run_id FROM programs p JOIN runs r ON r.id = p.run_id"
                           " WHERE p.key = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *deps = column_text(st, 0);
        run = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return run;
}

char *store_cached_unit(vc_store *s, const char *file, const char *key)
{
    sqlite3_stmt *st;
    char *text = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT unit FROM units WHERE file = ? AND key = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        text = unit_checked(column_text(st, 0)); /* a damaged one is a miss, parsed again */
    sqlite3_finalize(st);
    return text;
}

void store_put_function_results(vc_store *s, const char *analysis, const vc_function_result *rows,
                                int n)
{
    free(s->pending_analysis);
    s->pending_analysis = xstrdup(analysis);
    json_array_clear(s->pending_functions);
    for (int i = 0; i < n; i++)
        json_array_append_new(s->pending_functions,
                              json_pack("[s,s,s,s,s]", rows[i].key, rows[i].summary_inputs,
                                        rows[i].check_inputs, rows[i].summary, rows[i].findings));
}

/* The analysis's earlier results are replaced as a whole: functions gone are forgotten. */
static bool insert_functions(vc_store *s, long long run)
{
    if (!s->pending_analysis)
        return true;
    sqlite3_stmt *del, *st;
    bool ok = sqlite3_prepare_v2(s->db, "DELETE FROM function_results WHERE analysis = ?", -1, &del,
                                 NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(del, 1, s->pending_analysis, -1, SQLITE_STATIC);
        ok = exec_step(del);
        sqlite3_finalize(del);
    }
    if (!ok || sqlite3_prepare_v2(s->db,
                                  "INSERT OR REPLACE INTO function_results(analysis, key,"
                                  " summary_inputs, check_inputs, summary, findings, run_id)"
                                  " VALUES(?,?,?,?,?,?,?)",
                                  -1, &st, NULL) != SQLITE_OK)
        return false;
    size_t i;
    json_t *row;
    json_array_foreach(s->pending_functions, i, row)
    {
        sqlite3_bind_text(st, 1, s->pending_analysis, -1, SQLITE_STATIC);
        for (int c = 0; c < 5; c++)
            sqlite3_bind_text(st, c + 2, json_string_value(json_array_get(row, (size_t)c)), -1,
                              SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, run);
        if (!(ok = exec_step(st)))
            break;
    }
    sqlite3_finalize(st);
    json_array_clear(s->pending_functions);
    free(s->pending_analysis);
    s->pending_analysis = NULL;
    return ok;
}

void store_function_result_free(vc_function_result *row)
{
    free(row->key);
    free(row->summary_inputs);
    free(row->check_inputs);
    free(row->summary);
    free(row->findings);
}

int store_load_function_results(vc_store *s, const char *analysis, vc_function_result **out)
{
    sqlite3_stmt *st;
    int n = 0, cap = 0;
    *out = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT key, summary_inputs, check_inputs, summary, findings"
                           " FROM function_results WHERE analysis = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, analysis, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        vc_function_result row = {column_text(st, 0), column_text(st, 1), column_text(st, 2),
                                  column_text(st, 3), column_text(st, 4)};
        if (!row.key || !row.summary_inputs || !row.check_inputs || !row.summary ||
            !row.findings) { /* a damaged row is not reused */
            store_function_result_free(&row);
            continue;
        }
        GROW(*out, n, cap);
        (*out)[n++] = row;
    }
    sqlite3_finalize(st);
    return n;
}

long long store_write_run(vc_store *s, const vc_run_info *run, const vc_findings *findings,
                          const vc_failures *failures, char *err, int errlen)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        fail(err, errlen, s->path, "cannot write the results database", s->db);
        return -1;
    }
    sqlite3_stmt *st;
    long long id = -1;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO runs(started, version, options, compdb, duration,"
                           " files_analyzed, files_failed) VALUES(?,?,?,?,?,?,?)",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, run->started, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, run->version, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, run->options, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, run->compdb, -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 5, run->duration);
        sqlite3_bind_int(st, 6, run->files_analyzed);
        sqlite3_bind_int(st, 7, run->files_failed);
        if (sqlite3_step(st) == SQLITE_DONE)
            id = sqlite3_last_insert_rowid(s->db);
        sqlite3_finalize(st);
    }
    bool ok = id > 0 && insert_findings(s->db, id, findings) &&
              insert_failures(s->db, id, failures) && insert_summaries(s, id) &&
              insert_units(s, id) && insert_program(s, id) && insert_functions(s, id);
    if (!ok || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        fail(err, errlen, s->path, "writing the run failed (nothing was stored)", s->db);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return id;
}

static char *column_text(sqlite3_stmt *st, int c)
{
    const unsigned char *t = sqlite3_column_text(st, c);
    return t ? xstrdup((const char *)t) : NULL;
}

static void load_notes(vc_finding *f, const char *text)
{
    json_t *notes = text ? json_loads(text, 0, NULL) : NULL;
    size_t i;
    json_t *n;
    json_array_foreach(notes, i, n)
    {
        vc_loc at = {0, (uint32_t)json_integer_value(json_object_get(n, "line")),
                     (uint32_t)json_integer_value(json_object_get(n, "col"))};
        finding_note(f, json_string_value(json_object_get(n, "file")), at,
                     xstrdup(json_string_value(json_object_get(n, "message"))));
    }
    json_decref(notes);
}

/* Rule ids and levels come back as the registry's static strings. */
static const char *intern(const char *text, const char *const *known, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(known[i], text) == 0)
            return known[i];
    return "?";
}

static const char *const rule_ids[] = {"VC001", "VC002", "VC003", "VC004",
                                       "VC005", "VC006", "VC007", "VC000"};
static const char *const levels[] = {"error", "warning", "note"};

long long store_load_run(vc_store *s, long long run_id, vc_findings *out, vc_failures *failures,
                         char *err, int errlen)
{
    sqlite3_stmt *st;
    if (run_id <= 0) {
        run_id = -1;
        if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM runs", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            run_id = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (run_id < 0) {
            snprintf(err, (size_t)errlen, "%s: the database holds no run", s->path);
            return -1;
        }
    }
    if (sqlite3_prepare_v2(s->db,
                           "SELECT rule, level, file, line, col, function, message, may,"
                           " suppressed, suppression_reason, fingerprint, notes FROM findings"
                           " WHERE run_id = ? ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK) {
        fail(err, errlen, s->path, "reading findings failed", s->db);
        return -1;
    }
    sqlite3_bind_int64(st, 1, run_id);
    while (sqlite3_step(st) == SQLITE_ROW) {
        vc_loc at = {0, (uint32_t)sqlite3_column_int(st, 3), (uint32_t)sqlite3_column_int(st, 4)};
        vc_finding *f =
            findings_add(out, intern((const char *)sqlite3_column_text(st, 0), rule_ids, 8),
                         intern((const char *)sqlite3_column_text(st, 1), levels, 3),
                         (const char *)sqlite3_column_text(st, 2), at,
                         (const char *)sqlite3_column_text(st, 5), column_text(st, 6));
        f->may = sqlite3_column_int(st, 7);
        f->suppressed = sqlite3_column_int(st, 8);
        f->suppression_reason = column_text(st, 9);
        f->fingerprint = column_text(st, 10);
        load_notes(f, (const char *)sqlite3_column_text(st, 11));
    }
    sqlite3_finalize(st);
    if (failures && sqlite3_prepare_v2(s->db, "SELECT file, reason FROM failures WHERE run_id = ?",
                                       -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, run_id);
        while (sqlite3_step(st) == SQLITE_ROW) {
            GROW(failures->files, failures->n, failures->cap);
            failures->reasons =
                xrealloc(failures->reasons, (size_t)failures->cap * sizeof *failures->reasons);
            failures->files[failures->n] = column_text(st, 0);
            failures->reasons[failures->n++] = column_text(st, 1);
        }
        sqlite3_finalize(st);
    }
    return run_id;
}

int store_run_history(vc_store *s, vc_run_stat **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT r.id, r.started,"
                           " sum(f.level = 'error' AND NOT f.suppressed),"
                           " sum(f.level = 'warning' AND NOT f.suppressed), sum(f.suppressed)"
                           " FROM runs r LEFT JOIN findings f ON f.run_id = r.id"
                           " GROUP BY r.id ORDER BY r.id",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    int n = 0, cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        GROW(*out, n, cap);
        (*out)[n].id = sqlite3_column_int64(st, 0);
        (*out)[n].started = column_text(st, 1);
        (*out)[n].errors = sqlite3_column_int(st, 2);
        (*out)[n].warnings = sqlite3_column_int(st, 3);
        (*out)[n].suppressed = sqlite3_column_int(st, 4);
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

int store_load_units(vc_store *s, char ***files, char ***texts)
{
    *files = *texts = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT file, unit FROM units ORDER BY file", -1, &st, NULL) !=
        SQLITE_OK)
        return 0;
    int n = 0, cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        char *text = unit_checked(column_text(st, 1));
        if (!text) {
            fprintf(stderr, "viewcheck: warning: %s: the stored unit of %s is damaged; skipped\n",
                    s->path, (const char *)sqlite3_column_text(st, 0));
            continue;
        }
        int c2 = cap;
        GROW(*files, n, c2);
        GROW(*texts, n, cap);
        (*files)[n] = column_text(st, 0);
        (*texts)[n++] = text;
    }
    sqlite3_finalize(st);
    return n;
}

/* Copies every run of another database (its findings and failures with it) into this one. */
bool store_copy_runs(vc_store *s, const char *other, char *err, int errlen)
{
    sqlite3_stmt *st;
    char *sql = NULL;
    bool ok = sqlite3_prepare_v2(s->db, "ATTACH DATABASE ? AS src", -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, other, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
    }
    if (!ok)
        return fail(err, errlen, other, "cannot attach the shard's database", s->db);
    ok = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_stmt *runs = NULL;
    if (ok)
        ok = sqlite3_prepare_v2(s->db, "SELECT id FROM src.runs ORDER BY id", -1, &runs, NULL) ==
             SQLITE_OK;
    while (ok && sqlite3_step(runs) == SQLITE_ROW) {
        long long old = sqlite3_column_int64(runs, 0);
        char *msg = NULL;
        sql = xasprintf(
            "INSERT INTO runs(started, version, options, compdb, duration, files_analyzed,"
            " files_failed) SELECT started, version, options, compdb, duration, files_analyzed,"
            " files_failed FROM src.runs WHERE id = %lld",
            old);
        ok = sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK;
        free(sql);
        long long now = sqlite3_last_insert_rowid(s->db);
        sql = xasprintf(
            "INSERT INTO findings(run_id, rule, level, file, line, col, function, message, may,"
            " suppressed, suppression_reason, fingerprint, notes) SELECT %lld, rule, level,"
            " file, line, col, function, message, may, suppressed, suppression_reason,"
            " fingerprint, notes FROM src.findings WHERE run_id = %lld",
            now, old);
        if (ok)
            ok = sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK;
        if (!ok)
            snprintf(err, (size_t)errlen, "%s: copying run %lld failed: %s", other, old,
                     msg ? msg : "?");
        sqlite3_free(msg);
        free(sql);
    }
    sqlite3_finalize(runs);
    sqlite3_exec(s->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    sqlite3_exec(s->db, "DETACH DATABASE src", NULL, NULL, NULL);
    return ok;
}
