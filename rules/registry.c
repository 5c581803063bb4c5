/* Every rule, in id order. */
#include "rules.h"

/* Reported by the suppression pass itself (--report-unused-suppressions), not by the dataflow. */
const vc_rule vc_rule_vc000 = {"VC000",   "unused-suppression",
                               "warning", "a suppression comment that silences no finding",
                               NULL,      NULL};

extern const vc_rule vc_rule_vc001, vc_rule_vc002, vc_rule_vc003, vc_rule_vc004, vc_rule_vc005,
    vc_rule_vc006, vc_rule_vc007;

const vc_rule *const vc_all_rules[] = {&vc_rule_vc000, &vc_rule_vc001, &vc_rule_vc002,
                                       &vc_rule_vc003, &vc_rule_vc004, &vc_rule_vc005,
                                       &vc_rule_vc006, &vc_rule_vc007};
const int vc_nrules = sizeof vc_all_rules / sizeof vc_all_rules[0];
