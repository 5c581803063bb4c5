/* Model files: model_set_load_yaml on any bytes (given to it as /proc/self/fd/N of a memfd,
 * so that the loader's own file reading is what runs). A failure must come with a message
 * "PATH:LINE: reason"; a success gives models whose effects print and resolve. */
#define _GNU_SOURCE
#include "models.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define CHECK(cond, what)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_model_yaml: %s\n", what);                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static int fd = -1;
static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        fd = memfd_create("model.yaml", 0);
        CHECK(fd >= 0, "memfd_create failed");
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    CHECK(ftruncate(fd, 0) == 0 && pwrite(fd, data, size, 0) == (ssize_t)size, "write failed");
    vc_model_set *set = model_set_new();
    char err[1024];
    memset(err, 'x', sizeof err);
    bool ok = model_set_load_yaml(set, path, err, sizeof err);
    if (!ok) {
        CHECK(memchr(err, '\0', sizeof err), "the message is not terminated");
        CHECK(strncmp(err, path, strlen(path)) == 0, "the message does not name the file");
    } else {
        static char *const params[] = {"a", "b", "dest", "src", "p", "n", "m", "x"};
        size_t cursor = 0;
        for (vc_model *m; (m = model_set_next(set, &cursor));) {
            CHECK(m->function && *m->function, "a model without a function name");
            CHECK(model_set_get(set, m->function) == m, "a model not found by its name");
            for (int i = 0; i < m->neffects; i++) {
                CHECK(model_effect_name(m->effects[i].kind), "an effect without a name");
                CHECK(m->effects[i].nargs >= 0 && m->effects[i].nargs <= VC_EFFECT_MAXARGS,
                      "an effect with too many arguments");
            }
            const char *bad = NULL;
            model_resolve(m, params, (int)(sizeof params / sizeof *params), &bad);
        }
    }
    model_set_free(set);
    return 0;
}
