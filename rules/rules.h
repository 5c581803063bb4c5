/* The rule registry and each rule's documentation page (rules/VCnnn.md, built in). */
#ifndef VC_RULES_H
#define VC_RULES_H

#include "flow.h"

extern const vc_rule *const vc_all_rules[];
extern const int vc_nrules;
const vc_rule *rules_find(const char *id);
/* The rule's documentation page (markdown), or NULL. */
const char *rules_doc(const char *id);

#endif
