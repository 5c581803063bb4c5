/* Helpers shared by the rule files. */
#ifndef VC_RULE_UTIL_H
#define VC_RULE_UTIL_H

#include "flow.h"

/* A derived handle in the sense of rules.md (a view, a maybe-view, a copy of a derived handle,
 * a data pointer); copies of a root are the root under another name. */
bool rule_is_derived(const vc_flow *f, int obj);
/* Made (at any depth) from an unproven maybe-view. */
bool rule_under_maybe_view(const vc_flow *f, int obj);
/* The nearest ancestor that is not a plain copy (the handle a copy stands for). */
int rule_unaliased(const vc_flow *f, int obj);
/* p + k is the same handle as p: the object an offset pointer stands for. */
int rule_handle(const vc_flow *f, int obj);
/* The event as its handle sees it (false: nothing happens to the handle). */
bool rule_handle_event(const vc_flow *f, const vc_event *raw, vc_event *out);
/* The handle's base for messages: the root's name. */
const char *rule_base_name(const vc_flow *f, int obj);
char *rule_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
