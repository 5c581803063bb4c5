/* The server's event loop and its methods: initialize, shutdown, exit, textDocument/didOpen,
 * didChange, didSave, didClose and codeAction. One poll(2) waits for the client's input, for
 * the running analysis's output and for the end of the debounce delay. */
#define _DEFAULT_SOURCE
#include "lsp.h"

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef VIEWCHECK_VERSION
#define VIEWCHECK_VERSION "0.0.0"
#endif

typedef bool (*handler)(lsp_server *s, const json_t *id, const json_t *params, char *err,
                        size_t errlen);

static const char *uri_of(const json_t *params)
{
    return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static bool on_initialize(lsp_server *s, const json_t *id, const json_t *params, char *err,
                          size_t errlen)
{
    if (s->initialized) {
        snprintf(err, errlen, "initialize was already received");
        return false;
    }
    json_t *encodings = json_object_get(
        json_object_get(json_object_get(params, "capabilities"), "general"), "positionEncodings");
    for (size_t i = 0; i < json_array_size(encodings); i++)
        s->set.utf8 |= json_is_string(json_array_get(encodings, i)) &&
                       strcmp(json_string_value(json_array_get(encodings, i)), "utf-8") == 0;
    const char *root = json_string_value(json_object_get(params, "rootUri"));
    json_t *folders = json_object_get(params, "workspaceFolders");
    if (!root && json_array_size(folders) > 0)
        root = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
    free(s->set.root);
    s->set.root = root ? lsp_uri_to_path(root) : NULL;
    if (!s->set.root && json_is_string(json_object_get(params, "rootPath")))
        s->set.root = xstrdup(json_string_value(json_object_get(params, "rootPath")));
    lsp_settings_apply(&s->set, json_object_get(params, "initializationOptions"));
    if (!lsp_analyzer_init(s)) {
        snprintf(err, errlen, "viewcheck could not start: see its message (models, checks)");
        return false;
    }
    s->initialized = true;
    json_t *caps =
        json_pack("{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]}}", "positionEncoding",
                  s->set.utf8 ? "utf-8" : "utf-16", "textDocumentSync", "openClose", 1, "change", 2,
                  "save", "includeText", 0, "codeActionProvider", "codeActionKinds", "quickfix");
    lsp_respond(id, json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps, "serverInfo", "name",
                              "viewcheck", "version", VIEWCHECK_VERSION));
    return true;
}

static bool on_shutdown(lsp_server *s, const json_t *id, const json_t *params, char *err,
                        size_t errlen)
{
    (void)params, (void)err, (void)errlen;
    lsp_cancel(s, "shutdown");
    s->due = 0;
    s->shutdown = true;
    lsp_respond(id, NULL);
    return true;
}

static bool on_did_open(lsp_server *s, const json_t *id, const json_t *params, char *err,
                        size_t errlen)
{
    (void)id;
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = uri_of(params);
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) {
        snprintf(err, errlen, "didOpen needs textDocument.uri and textDocument.text");
        return false;
    }
    char *path = lsp_uri_to_path(uri);
    if (!path) {
        lsp_log(LSP_MSG_LOG, "viewcheck: %s is not a file; not analyzed", uri);
        return true;
    }
    lsp_doc *old = docs_find(&s->docs, uri);
    if (old)
        docs_remove(&s->docs, old);
    char *canon = lsp_canonical(path);
    lsp_doc *d = docs_add(&s->docs, uri, canon, json_string_value(text), json_string_length(text),
                          json_integer_value(json_object_get(td, "version")));
    free(canon);
    free(path);
    lsp_attach(s, d);
    lsp_schedule(s, s->set.debounce_ms > 50 ? 0.05 : s->set.debounce_ms / 1000.0);
    return true;
}

static bool on_did_change(lsp_server *s, const json_t *id, const json_t *params, char *err,
                          size_t errlen)
{
    (void)id;
    lsp_doc *d = docs_find(&s->docs, uri_of(params));
    json_t *changes = json_object_get(params, "contentChanges");
    if (!d) {
        snprintf(err, errlen, "didChange of a document that is not open: %s",
                 uri_of(params) ? uri_of(params) : "(no uri)");
        return false;
    }
    if (!json_is_array(changes)) {
        snprintf(err, errlen, "didChange needs contentChanges");
        return false;
    }
    for (size_t i = 0; i < json_array_size(changes); i++)
        if (!doc_apply_change(d, json_array_get(changes, i), s->set.utf8, err, errlen))
            return false;
    json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
    if (json_is_integer(version))
        d->version = json_integer_value(version);
    d->revision++;
    d->dirty = true;
    lsp_cancel(s, "a newer change");
    lsp_schedule(s, s->set.debounce_ms / 1000.0);
    return true;
}

static bool on_did_save(lsp_server *s, const json_t *id, const json_t *params, char *err,
                        size_t errlen)
{
    (void)id;
    lsp_doc *d = docs_find(&s->docs, uri_of(params));
    char *path = uri_of(params) ? lsp_uri_to_path(uri_of(params)) : NULL;
    char *canon = path ? lsp_canonical(path) : NULL;
    free(path);
    if (!canon) {
        snprintf(err, errlen, "didSave needs textDocument.uri (a file)");
        return false;
    }
    json_t *text = json_object_get(params, "text");
    if (d && json_is_string(text)) {
        free(d->text);
        d->text = xstrndup(json_string_value(text), json_string_length(text));
        d->len = json_string_length(text);
        d->revision++;
    }
    /* the saved file and every open document that includes it are lowered again */
    for (int i = 0; i < s->docs.n; i++) {
        lsp_doc *o = s->docs.items[i];
        bool includes = o == d;
        vc_unit *u = includes ? NULL : lsp_doc_unit(o);
        for (int k = 0; !includes && u && k < u->ndeps; k++)
            includes = strcmp(u->deps[k], canon) == 0;
        if (includes) {
            o->dirty = true;
            if (o->project)
                o->project->stale = true;
        }
    }
    free(canon);
    lsp_cancel(s, "a save");
    lsp_schedule(s, 0);
    return true;
}

static bool on_did_close(lsp_server *s, const json_t *id, const json_t *params, char *err,
                         size_t errlen)
{
    (void)id;
    lsp_doc *d = docs_find(&s->docs, uri_of(params));
    if (!d) {
        snprintf(err, errlen, "didClose of a document that is not open");
        return false;
    }
    lsp_notify("textDocument/publishDiagnostics",
               json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
    lsp_detach(s, d);
    docs_remove(&s->docs, d);
    return true;
}

static bool on_code_action(lsp_server *s, const json_t *id, const json_t *params, char *err,
                           size_t errlen)
{
    if (!uri_of(params) || !json_is_object(json_object_get(params, "range"))) {
        snprintf(err, errlen, "codeAction needs textDocument.uri and range");
        return false;
    }
    lsp_doc *d = docs_find(&s->docs, uri_of(params));
    lsp_respond(id, d ? lsp_code_actions(s, d, params) : json_array());
    return true;
}

static bool ignored(lsp_server *s, const json_t *id, const json_t *params, char *err, size_t errlen)
{
    (void)s, (void)id, (void)params, (void)err, (void)errlen;
    return true;
}

static const struct {
    const char *method;
    handler fn;
    bool request;
} methods[] = {
    {"initialize", on_initialize, true},
    {"shutdown", on_shutdown, true},
    {"textDocument/codeAction", on_code_action, true},
    {"initialized", ignored, false},
    {"textDocument/didOpen", on_did_open, false},
    {"textDocument/didChange", on_did_change, false},
    {"textDocument/didSave", on_did_save, false},
    {"textDocument/didClose", on_did_close, false},
    {"workspace/didChangeConfiguration", ignored, false},
    {"workspace/didChangeWatchedFiles", ignored, false},
    {"$/cancelRequest", ignored, false},
    {"$/setTrace", ignored, false},
};

bool lsp_handle(lsp_server *s, json_t *msg, int *exit_status)
{
    if (!json_is_object(msg)) {
        lsp_respond_error(NULL, LSP_INVALID_REQUEST,
                          json_is_array(msg) ? "Invalid Request: batches are not part of LSP"
                                             : "Invalid Request: a message is a JSON object");
        return true;
    }
    json_t *id = json_object_get(msg, "id"), *method = json_object_get(msg, "method");
    json_t *params = json_object_get(msg, "params");
    bool has_id = json_is_string(id) || json_is_integer(id);
    if (id && !has_id && !json_is_null(id)) {
        lsp_respond_error(NULL, LSP_INVALID_REQUEST,
                          "Invalid Request: 'id' must be a string or an integer");
        return true;
    }
    if (!json_is_string(method)) {
        if (has_id && (json_object_get(msg, "result") || json_object_get(msg, "error")))
            return true; /* the answer to a request of ours */
        lsp_respond_error(has_id ? id : NULL, LSP_INVALID_REQUEST, "Invalid Request: no 'method'");
        return true;
    }
    const char *m = json_string_value(method);
    const char *version = json_string_value(json_object_get(msg, "jsonrpc"));
    if (!version || strcmp(version, "2.0") != 0) {
        if (has_id)
            lsp_respond_error(id, LSP_INVALID_REQUEST,
                              "Invalid Request: 'jsonrpc' must be \"2.0\"");
        else
            lsp_log(LSP_MSG_WARNING, "viewcheck: ignored '%s': 'jsonrpc' must be \"2.0\"", m);
        return true;
    }
    if (params && !json_is_object(params) && !json_is_array(params) && !json_is_null(params)) {
        if (has_id)
            lsp_respond_error(id, LSP_INVALID_PARAMS, "Invalid params: 'params' of '%s'", m);
        return true;
    }
    if (strcmp(m, "exit") == 0) {
        *exit_status = s->shutdown ? 0 : 1;
        return false;
    }
    if (!s->initialized && strcmp(m, "initialize") != 0) {
        if (has_id)
            lsp_respond_error(id, LSP_SERVER_NOT_INITIALIZED,
                              "'%s' before 'initialize': the server is not initialized", m);
        return true;
    }
    if (s->shutdown && has_id) {
        lsp_respond_error(id, LSP_INVALID_REQUEST, "'%s' after 'shutdown'", m);
        return true;
    }
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
        if (strcmp(methods[i].method, m) != 0)
            continue;
        if (methods[i].request && !has_id) {
            lsp_log(LSP_MSG_WARNING, "viewcheck: '%s' is a request, sent without an id", m);
            return true;
        }
        char err[1024] = "";
        if (!methods[i].fn(s, id, params, err, sizeof err)) {
            if (has_id)
                lsp_respond_error(id, LSP_INVALID_PARAMS, "Invalid params: %s", err);
            else
                lsp_log(LSP_MSG_WARNING, "viewcheck: ignored '%s': %s", m, err);
        }
        return true;
    }
    if (has_id)
        lsp_respond_error(id, LSP_METHOD_NOT_FOUND, "Method not found: '%s'", m);
    else if (lsp_verbose && strncmp(m, "$/", 2) != 0)
        fprintf(stderr, "viewcheck lsp: ignored notification '%s'\n", m);
    return true;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: viewcheck lsp [--stdio] [-p DIR] [--db FILE] [--checks LIST] [--model FILE]\n"
            "                     [--fallback-flag FLAG] [--debounce MS] [--timeout S] [-v]\n"
            "A Language Server Protocol server on stdin/stdout (docs/editors.md).\n"
            "The client's initializationOptions may set the same: compilationDatabasePath, "
            "resultsDatabase,\nchecks, models, fallbackFlags, debounceMs, timeoutSeconds, "
            "rulesUrl, unknownCallsWrite.\n");
}

static bool parse_args(lsp_server *s, int argc, char **argv, bool *help)
{
    json_t *o = json_object(), *models = json_array(), *flags = json_array();
    bool ok = true;
    for (int i = 0; ok && i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--stdio"))
            continue; /* what clients that also know sockets pass */
        if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            lsp_verbose = true;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            *help = true;
            continue;
        }
        const char *key = !strcmp(a, "-p")                ? "compilationDatabasePath"
                          : !strcmp(a, "--db")            ? "resultsDatabase"
                          : !strcmp(a, "--checks")        ? "checks"
                          : !strcmp(a, "--model")         ? "models"
                          : !strcmp(a, "--fallback-flag") ? "fallbackFlags"
                          : !strcmp(a, "--debounce")      ? "debounceMs"
                          : !strcmp(a, "--timeout")       ? "timeoutSeconds"
                                                          : NULL;
        if (!key || !v) {
            fprintf(stderr, "viewcheck: error: lsp: %s '%s'\n",
                    key ? "a value is needed after" : "unknown option", a);
            ok = false;
            break;
        }
        i++;
        if (!strcmp(key, "models"))
            json_array_append_new(models, json_string(v));
        else if (!strcmp(key, "fallbackFlags"))
            json_array_append_new(flags, json_string(v));
        else if (!strcmp(key, "debounceMs") || !strcmp(key, "timeoutSeconds"))
            json_object_set_new(o, key, json_integer(atoi(v)));
        else
            json_object_set_new(o, key, json_string(v));
    }
    if (json_array_size(models))
        json_object_set(o, "models", models);
    if (json_array_size(flags))
        json_object_set(o, "fallbackFlags", flags);
    if (ok)
        lsp_settings_apply(&s->set, o);
    json_decref(models);
    json_decref(flags);
    json_decref(o);
    return ok;
}

int lsp_main(int argc, char **argv)
{
    lsp_server s;
    memset(&s, 0, sizeof s);
    s.child_fd = -1;
    lsp_settings_defaults(&s.set);
    bool help = false;
    if (!parse_args(&s, argc, argv, &help)) {
        usage(stderr);
        lsp_settings_free(&s.set);
        return 2;
    }
    if (help) {
        usage(stdout);
        lsp_settings_free(&s.set);
        return 0;
    }
    /* Protocol goes to a private copy of stdout; fd 1 becomes stderr, so that no stray print of
     * the analyzer (or of libclang) can corrupt the stream. */
    int out = dup(STDOUT_FILENO);
    if (out < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        fprintf(stderr, "viewcheck: error: lsp: cannot set up stdout: %s\n", strerror(errno));
        return 2;
    }
    fcntl(out, F_SETFD, FD_CLOEXEC);
    lsp_set_output(out);
    signal(SIGPIPE, SIG_IGN);
    lsp_reader r = {0};
    int status = 1; /* the end of input without shutdown and exit */
    bool running = true;
    while (running && lsp_output_ok()) {
        int timeout = lsp_tick(&s);
        struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0},
                                {s.child > 0 ? s.child_fd : -1, POLLIN, 0}};
        int rc = poll(fds, 2, timeout);
        if (rc < 0 && errno != EINTR) {
            fprintf(stderr, "viewcheck lsp: poll: %s\n", strerror(errno));
            break;
        }
        if (rc <= 0)
            continue;
        if (fds[1].revents)
            lsp_collect(&s);
        if (!fds[0].revents)
            continue;
        ssize_t n = lsp_reader_fill(&r, STDIN_FILENO);
        json_t *msg;
        char err[512];
        for (int k; running && (k = lsp_reader_next(&r, &msg, err, sizeof err)) != 0;) {
            if (k < 0) {
                lsp_respond_error(NULL, LSP_PARSE_ERROR, "%s", err);
                continue;
            }
            running = lsp_handle(&s, msg, &status);
            json_decref(msg);
        }
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            if (running && lsp_verbose)
                fprintf(stderr, "viewcheck lsp: end of input without 'exit'\n");
            if (running)
                status = s.shutdown ? 0 : 1;
            running = false;
        }
    }
    lsp_reader_free(&r);
    lsp_analyzer_free(&s);
    lsp_settings_free(&s.set);
    close(out);
    return status;
}
