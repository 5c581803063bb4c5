/* `viewcheck lsp`: a Language Server Protocol server on stdin/stdout (docs/editors.md).
 *
 *   lsp_rpc.c      Content-Length framing, JSON-RPC messages, logging to the client
 *   lsp_docs.c     open documents: URIs, text edits, LSP positions (UTF-16 or UTF-8)
 *   lsp_analyze.c  projects (compile database, results database), analyses in a forked child,
 *                  findings turned into diagnostics
 *   lsp_actions.c  code actions: suppression comments, "make this a copy"
 *   lsp_server.c   the event loop and the methods */
#ifndef VC_LSP_H
#define VC_LSP_H

#include "analysis.h"
#include "compdb.h"
#include "config.h"
#include "strmap.h"
#include "unit.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- lsp_rpc.c: framing and JSON-RPC ---------------------------------------------------- */

enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
};
enum { LSP_MSG_ERROR = 1, LSP_MSG_WARNING = 2, LSP_MSG_INFO = 3, LSP_MSG_LOG = 4 };
enum { LSP_MAX_HEADER = 8192 };
#define LSP_MAX_BODY ((size_t)256 << 20)

typedef struct {
    char *buf;
    size_t len, cap;
    bool skipping; /* after a malformed header: its body is dropped without another error */
} lsp_reader;

/* One read(2) of what `fd` has: the bytes read, 0 at the end of input, -1 on error. */
ssize_t lsp_reader_fill(lsp_reader *r, int fd);
/* The next message in the buffer: 1 with *msg (a new reference); 0 when it is incomplete; -1 when
 * the input is malformed (bad headers or Content-Length, invalid JSON): the bad bytes are dropped
 * and err says what was wrong. */
int lsp_reader_next(lsp_reader *r, json_t **msg, char *err, size_t errlen);
void lsp_reader_free(lsp_reader *r);

/* Where protocol goes (a private duplicate of the original stdout). */
void lsp_set_output(int fd);
int lsp_output(void);
/* false once a write to the client failed (the client is gone). */
bool lsp_output_ok(void);
/* Frames and writes a message (adds "jsonrpc"); steals the reference. */
void lsp_send(json_t *msg);
void lsp_respond(const json_t *id, json_t *result);
void lsp_respond_error(const json_t *id, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void lsp_notify(const char *method, json_t *params);
/* window/logMessage (and stderr), window/showMessage (and stderr). */
void lsp_log(int type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lsp_show(int type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
extern bool lsp_verbose;

/* ---- lsp_docs.c: documents and positions ------------------------------------------------ */

typedef struct lsp_project lsp_project;

/* How a document is compiled. */
typedef struct {
    char *directory;
    char **args;
    int nargs;
    char *origin; /* NULL: its own compile command; else where the flags came from (said once) */
} lsp_command;

typedef struct {
    char *uri, *path; /* path: absolute, symbolic links resolved when the file exists */
    char *text;
    size_t len;
    long long version;      /* the client's */
    unsigned long revision; /* ours: one more at every change */
    vc_unit *unit;          /* the last good lowering, of `unit_revision`, */
    char *unit_text;        /* or its JSON text until it is needed (lsp_doc_unit) */
    unsigned long unit_revision;
    bool dirty;    /* the text changed since the last lowering */
    bool failed;   /* the last lowering failed (diagnostics kept) */
    bool excluded; /* by a .viewcheck.yaml */
    bool analyzed; /* at least one analysis finished */
    lsp_project *project;
    lsp_command cmd;
    char *checks;                    /* its .viewcheck.yaml's checks, or NULL */
    json_t *findings;                /* of the last published diagnostics (for code actions) */
    unsigned long findings_revision; /* the revision they were computed from */
} lsp_doc;

typedef struct {
    lsp_doc **items;
    int n, cap;
} lsp_docs;

lsp_doc *docs_find(const lsp_docs *d, const char *uri);
/* The document's last good unit (read from its text the first time it is needed), or NULL. */
vc_unit *lsp_doc_unit(lsp_doc *d);
lsp_doc *docs_find_path(const lsp_docs *d, const char *path);
lsp_doc *docs_add(lsp_docs *d, const char *uri, const char *path, const char *text, size_t len,
                  long long version);
void docs_remove(lsp_docs *d, lsp_doc *doc);
void docs_free(lsp_docs *d);
void lsp_command_clear(lsp_command *c);

/* Applies one TextDocumentContentChangeEvent (a range and its text, or the whole text). */
bool doc_apply_change(lsp_doc *doc, const json_t *change, bool utf8, char *err, size_t errlen);

/* file:// URIs: NULL when the URI is not a file URI. */
char *lsp_uri_to_path(const char *uri);
char *lsp_path_to_uri(const char *path);
/* The absolute path with symbolic links resolved (as given when the file does not exist). */
char *lsp_canonical(const char *path);

/* Line `n` (0-based) of the text: its start and length without the newline; false past the end. */
bool lsp_line(const char *text, size_t len, long n, const char **start, size_t *linelen);
/* The byte offset of an LSP position (clamped to the text). */
size_t lsp_offset(const char *text, size_t len, long line, long character, bool utf8);
/* The LSP character of a byte offset within a line. */
long lsp_character(const char *line, size_t linelen, size_t byte, bool utf8);
/* Where what a finding at byte `col` of the line points at ends: an identifier with the
 * parentheses of its call, else the rest of the statement on the line. */
size_t lsp_extent(const char *line, size_t linelen, size_t col);
/* An LSP range for a 1-based line and column of a text. */
json_t *lsp_range(const char *text, size_t len, unsigned line, unsigned col, bool utf8);

/* ---- lsp_analyze.c: projects, analyses, diagnostics -------------------------------------- */

typedef struct {
    char *compdb_dir; /* compilationDatabasePath / -p: one compile database for every file */
    char *db;         /* the results database (--db) */
    char *checks;     /* --checks */
    char **models;    /* --model */
    int nmodels;
    char **fallback_flags; /* for files without a compile database (default: -std=c11) */
    int nfallback;
    char *rules_url; /* codeDescription: a template with {id}, or NULL for the built-in pages */
    int debounce_ms;
    int timeout_s;
    bool unknown_calls_write;
    bool utf8;  /* positions count UTF-8 bytes (negotiated), else UTF-16 code units */
    char *root; /* the workspace folder */
} lsp_settings;

struct lsp_project {
    char *dir; /* where compile_commands.json is; NULL: files without a compile database */
    vc_jobs jobs;
    char **job_paths; /* canonical, one per job */
    char *db_path;    /* the results database, or NULL */
    long long db_stamp;
    vc_unit **units; /* the results database's units */
    char **unit_paths;
    int nunits;
    vc_unit **saved; /* lowered from saved editor buffers, newer than the database's */
    int nsaved, saved_cap;
    bool stale; /* an open document's neighbour closed or was saved: analyze again */
};

typedef struct {
    lsp_settings set;
    vc_config cfg;
    const vc_rule *enabled[16];
    vc_configs *configs;
    strmap models_loaded;
    bool defaults_loaded;
    lsp_project **projects;
    int nprojects, projects_cap;
    lsp_docs docs;
    strmap told; /* what was said once: "defaults:PATH", "failed:PATH", ... */
    /* the running analysis */
    pid_t child;
    int child_fd;
    char *out;
    size_t outlen, outcap;
    double child_started;
    double due;         /* when the next analysis starts (monotonic seconds), 0: none pending */
    json_t *run_docs;   /* the running analysis's documents: [{uri, revision}] */
    json_t *run_header; /* its output's first line, once read (published already) */
    size_t run_header_end;
    lsp_project **run_projects;
    int nrun_projects;
    bool initialized, shutdown;
    int analyses, cancelled;
} lsp_server;

double lsp_now(void);
void lsp_settings_defaults(lsp_settings *s);
/* Reads initializationOptions (and the root) into the settings. */
void lsp_settings_apply(lsp_settings *s, const json_t *options);
void lsp_settings_free(lsp_settings *s);
/* Rules and models; false with a message on stderr. */
bool lsp_analyzer_init(lsp_server *s);
void lsp_analyzer_free(lsp_server *s);
/* Finds the document's project and compile command (says once when they are defaults). */
void lsp_attach(lsp_server *s, lsp_doc *d);
/* Keeps the unit of a closed document when its buffer was saved. */
void lsp_detach(lsp_server *s, lsp_doc *d);
/* An analysis `delay` seconds from now (a later change moves it). */
void lsp_schedule(lsp_server *s, double delay);
/* Stops the running analysis (a newer change makes its results stale). */
void lsp_cancel(lsp_server *s, const char *why);
/* Starts the analysis when it is due and none runs; the poll timeout in ms (-1: none). */
int lsp_tick(lsp_server *s);
/* The running analysis's output is readable: reads it; at its end publishes the diagnostics. */
void lsp_collect(lsp_server *s);
/* Publishes a document's diagnostics (empty for NULL findings). */
void lsp_publish(lsp_server *s, lsp_doc *d, json_t *findings);
/* The LSP diagnostic of a finding of the document (as the child reports it). */
json_t *lsp_diagnostic(lsp_server *s, lsp_doc *d, const json_t *finding);
/* The codeDescription href of a rule, or NULL. */
char *lsp_rule_href(lsp_server *s, const char *rule);
/* The text of a file: the open document's, else the disk's (malloc'd; NULL when unreadable). */
char *lsp_file_text(lsp_server *s, const char *path, size_t *len);

/* ---- lsp_actions.c ---------------------------------------------------------------------- */

/* The code actions for a range of a document (the CodeAction[] result). */
json_t *lsp_code_actions(lsp_server *s, lsp_doc *d, const json_t *params);

/* ---- lsp_server.c ----------------------------------------------------------------------- */

/* `viewcheck lsp [OPTIONS]`: serves until `exit` or the end of input; the exit status. */
int lsp_main(int argc, char **argv);
/* Handles one message (for the tests of the protocol); false after `exit`. */
bool lsp_handle(lsp_server *s, json_t *msg, int *exit_status);

#endif
