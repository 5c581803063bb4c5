/* The results database: schema creation and version, refusal of newer and corrupted files,
 * runs written in one transaction and read back, summaries kept by USR. */
#define _DEFAULT_SOURCE
#include "store.h"
#include "util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

static char path[64];

static int make_path(void **state)
{
    (void)state;
    strcpy(path, "/tmp/vc_store_XXXXXX");
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    return 0;
}

static int remove_files(void **state)
{
    (void)state;
    char extra[80];
    unlink(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
    return 0;
}

static int query_int(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void creates_the_schema_in_wal_mode(void **state)
{
    (void)state;
    char err[512];
    vc_store *s = store_open(path, true, err, sizeof err);
    assert_non_null(s);
    store_close(s);
    assert_int_equal(query_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(query_int("SELECT count(*) FROM sqlite_master WHERE name IN"
                               " ('runs', 'findings', 'failures', 'summaries')"),
                     4);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
    sqlite3_step(st);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void refuses_a_newer_schema(void **state)
{
    (void)state;
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    char err[512];
    assert_null(store_open(path, true, err, sizeof err));
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "newer viewcheck (schema 99"));
    assert_int_equal(query_int("PRAGMA user_version"), 99); /* left as it was */
}

static void refuses_a_file_that_is_not_a_database(void **state)
{
    (void)state;
    FILE *f = fopen(path, "w");
    fputs("these are not the pages you are looking for\n", f);
    fclose(f);
    char err[512];
    assert_null(store_open(path, true, err, sizeof err));
    assert_non_null(strstr(err, "not a viewcheck results database"));
    size_t len;
    char *text = read_file(path, &len);
    assert_string_equal(text, "these are not the pages you are looking for\n");
    free(text);
}

static void missing_file_without_create(void **state)
{
    (void)state;
    char err[512];
    assert_null(store_open(path, false, err, sizeof err));
    assert_non_null(strstr(err, "cannot open"));
}

static void run_round_trip(void **state)
{
    (void)state;
    char err[512];
    vc_store *s = store_open(path, true, err, sizeof err);
    assert_non_null(s);
    vc_findings fs = {0};
    vc_finding *f = findings_add(&fs, "VC004", "warning", "/src/a.c", (vc_loc){0, 12, 5}, "main",
                                 xstrdup("write through 'b' mutates 'a'"));
    f->may = true;
    f->fingerprint = xstrdup("0123456789abcdef");
    finding_note(f, "/src/a.c", (vc_loc){0, 10, 3}, xstrdup("'b' created here"));
    findings_add(&fs, "VC007", "error", "/src/b.c", (vc_loc){0, 3, 1}, "g", xstrdup("use"))
        ->suppressed = true;
    vc_failures fl = {0};
    char *files[] = {"/src/broken.c"}, *reasons[] = {"does not parse"};
    fl.files = files;
    fl.reasons = reasons;
    fl.n = 1;
    vc_model m = {0};
    vc_effect e = {.kind = FX_WRITES, .nargs = 1};
    e.args[0].param = 0;
    model_add_effect(&m, e);
    store_put_summary(s, 0, 1, "c:@F@helper", "helper", "/src/h.c", "abc", &m);
    model_clear(&m);
    vc_run_info run = {"2026-11-25T00:00:00Z", "0.1.0", "-p build", "/src", 1.5, 2, 1};
    long long id = store_write_run(s, &run, &fs, &fl, err, sizeof err);
    assert_true(id > 0);
    vc_findings back = {0};
    vc_failures back_fl = {0};
    assert_int_equal(store_load_run(s, 0, &back, &back_fl, err, sizeof err), id);
    assert_int_equal(back.n, 2);
    assert_string_equal(back.items[0].rule, "VC004");
    assert_int_equal(back.items[0].line, 12);
    assert_true(back.items[0].may);
    assert_string_equal(back.items[0].fingerprint, "0123456789abcdef");
    assert_int_equal(back.items[0].nnotes, 1);
    assert_string_equal(back.items[0].notes[0].message, "'b' created here");
    assert_true(back.items[1].suppressed);
    assert_int_equal(back_fl.n, 1);
    assert_string_equal(back_fl.reasons[0], "does not parse");
    store_close(s);
    assert_int_equal(query_int("SELECT count(*) FROM summaries WHERE usr = 'c:@F@helper' AND"
                               " effects LIKE '%\"writes\"%'"),
                     1);
    findings_free(&fs);
    findings_free(&back);
    for (int i = 0; i < back_fl.n; i++) {
        free(back_fl.files[i]);
        free(back_fl.reasons[i]);
    }
    free(back_fl.files);
    free(back_fl.reasons);
}

static void empty_database_has_no_run(void **state)
{
    (void)state;
    char err[512];
    vc_store *s = store_open(path, true, err, sizeof err);
    vc_findings back = {0};
    assert_int_equal(store_load_run(s, 0, &back, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "holds no run"));
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(creates_the_schema_in_wal_mode, make_path, remove_files),
        cmocka_unit_test_setup_teardown(refuses_a_newer_schema, make_path, remove_files),
        cmocka_unit_test_setup_teardown(refuses_a_file_that_is_not_a_database, make_path,
                                        remove_files),
        cmocka_unit_test_setup_teardown(missing_file_without_create, make_path, remove_files),
        cmocka_unit_test_setup_teardown(run_round_trip, make_path, remove_files),
        cmocka_unit_test_setup_teardown(empty_database_has_no_run, make_path, remove_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
