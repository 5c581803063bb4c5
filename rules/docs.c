#include "rules.h"

#include <stddef.h>
#include <string.h>

extern const struct {
    const char *id;
    const char *text;
} vc_rule_docs[];

const vc_rule *rules_find(const char *id)
{
    for (int i = 0; i < vc_nrules; i++)
        if (strcmp(vc_all_rules[i]->id, id) == 0 || strcmp(vc_all_rules[i]->name, id) == 0)
            return vc_all_rules[i];
    return NULL;
}

const char *rules_doc(const char *id)
{
    for (int i = 0; vc_rule_docs[i].id; i++)
        if (strcmp(vc_rule_docs[i].id, id) == 0)
            return vc_rule_docs[i].text;
    return NULL;
}
