/* SARIF 2.1.0 as GitHub code scanning reads it: rules with help, results with locations,
 * relatedLocations and codeFlows for the notes, partialFingerprints, in-source suppressions. */
#include "report.h"

#include "rules.h"
#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *artifact(const vc_report *r, const char *file)
{
    size_t n = r->root ? strlen(r->root) : 0;
    if (n && strncmp(file, r->root, n) == 0 && file[n] == '/')
        return json_pack("{s:s, s:s}", "uri", file + n + 1, "uriBaseId", "SRCROOT");
    if (file[0] == '/') {
        char *uri = xasprintf("file://%s", file);
        json_t *j = json_pack("{s:s}", "uri", uri);
        free(uri);
        return j;
    }
    return json_pack("{s:s}", "uri", file);
}

static json_t *location(const vc_report *r, const char *file, unsigned line, unsigned col,
                        const char *message)
{
    json_t *loc = json_pack("{s:{s:o, s:{s:i, s:i}}}", "physicalLocation", "artifactLocation",
                            artifact(r, file), "region", "startLine", (int)(line ? line : 1),
                            "startColumn", (int)(col ? col : 1));
    if (message)
        json_object_set_new(loc, "message", json_pack("{s:s}", "text", message));
    return loc;
}

static json_t *rules_json(void)
{
    json_t *rules = json_array();
    for (int i = 0; i < vc_nrules; i++) {
        const vc_rule *rule = vc_all_rules[i];
        const char *doc = rules_doc(rule->id);
        json_array_append_new(
            rules, json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s, s:s}, s:{s:s}, s:s}", "id",
                             rule->id, "name", rule->name, "shortDescription", "text",
                             rule->summary, "fullDescription", "text", rule->summary, "help",
                             "text", doc ? doc : rule->summary, "markdown",
                             doc ? doc : rule->summary, "defaultConfiguration", "level",
                             rule->level, "helpUri", "https://viewcheck.invalid/rules"));
    }
    return rules;
}

static int rule_index(const char *id)
{
    for (int i = 0; i < vc_nrules; i++)
        if (strcmp(vc_all_rules[i]->id, id) == 0)
            return i;
    return 0;
}

static json_t *result_json(const vc_report *r, const vc_finding *f)
{
    json_t *related = json_array(), *steps = json_array();
    for (int n = 0; n < f->nnotes; n++) {
        const vc_note *note = &f->notes[n];
        json_t *loc = location(r, note->file, note->line, note->col, note->message);
        json_object_set_new(loc, "id", json_integer(n + 1));
        json_array_append_new(related, loc);
        json_array_append_new(
            steps, json_pack("{s:o}", "location",
                             location(r, note->file, note->line, note->col, note->message)));
    }
    json_array_append_new(
        steps, json_pack("{s:o}", "location", location(r, f->file, f->line, f->col, f->message)));
    json_t *res = json_pack(
        "{s:s, s:i, s:s, s:{s:s}, s:[o], s:o, s:[{s:[{s:o}]}], s:{s:s}}", "ruleId", f->rule,
        "ruleIndex", rule_index(f->rule), "level", f->level, "message", "text", f->message,
        "locations", location(r, f->file, f->line, f->col, NULL), "relatedLocations", related,
        "codeFlows", "threadFlows", "locations", steps, "partialFingerprints",
        "primaryLocationLineHash", f->fingerprint ? f->fingerprint : "");
    if (f->suppressed) {
        json_t *s = json_pack("{s:s}", "kind", "inSource");
        if (f->suppression_reason)
            json_object_set_new(s, "justification", json_string(f->suppression_reason));
        json_object_set_new(res, "suppressions", json_pack("[o]", s));
    }
    return res;
}

int report_sarif(FILE *out, const vc_report *r)
{
    json_t *results = json_array();
    for (int i = 0; i < r->findings->n; i++)
        json_array_append_new(results, result_json(r, &r->findings->items[i]));
    json_t *notifications = json_array();
    for (int i = 0; r->failures && i < r->failures->n; i++)
        json_array_append_new(notifications,
                              json_pack("{s:s, s:{s:s}, s:[o]}", "level", "error", "message",
                                        "text", r->failures->reasons[i], "locations",
                                        location(r, r->failures->files[i], 1, 1, NULL)));
    json_t *run = json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:o, s:[{s:b, s:o}], s:{s:s}}", "tool",
                            "driver", "name", "viewcheck", "version", r->version, "informationUri",
                            "https://viewcheck.invalid/", "rules", rules_json(), "results", results,
                            "invocations", "executionSuccessful", !(r->failures && r->failures->n),
                            "toolExecutionNotifications", notifications, "automationDetails", "id",
                            "viewcheck/");
    if (r->root) {
        char *uri = xasprintf("file://%s/", r->root);
        json_object_set_new(run, "originalUriBaseIds",
                            json_pack("{s:{s:s}}", "SRCROOT", "uri", uri));
        free(uri);
    }
    json_t *doc =
        json_pack("{s:s, s:s, s:[o]}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                  "version", "2.1.0", "runs", run);
    int rc = json_dumpf(doc, out, JSON_INDENT(2));
    fputc('\n', out);
    json_decref(doc);
    return rc;
}
