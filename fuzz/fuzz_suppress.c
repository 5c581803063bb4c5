/* Suppression comments: suppress_line_matches on any line and rule id. The first line of the
 * input is the rule id, the rest the source line. A match needs the "viewcheck:" marker; a
 * reason is only given on a match and is no longer than the line; asking for the reason or
 * not gives the same answer. */
#include "suppress.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond, what)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_suppress: %s\n", what);                                          \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *nl = strchr(buf, '\n');
    const char *rule = nl ? buf : "VC004", *line = nl ? nl + 1 : buf;
    if (nl)
        *nl = '\0';
    char *reason = NULL;
    bool match = suppress_line_matches(line, rule, &reason);
    CHECK(match || !reason, "a reason without a match");
    CHECK(!match || strstr(line, "viewcheck:"), "a match without the marker");
    if (reason)
        CHECK(strlen(reason) <= strlen(line), "the reason is longer than the line");
    CHECK(suppress_line_matches(line, rule, NULL) == match, "the answer depends on the reason");
    free(reason);
    /* "" names no rule: a comment that lists ids never matches it */
    reason = NULL;
    suppress_line_matches(line, "", &reason);
    free(reason);
    free(buf);
    return 0;
}
