/* .viewcheck.yaml: any bytes as the configuration of a directory, read by configs_for for a
 * file in it; then exclusions, checks and fail-on as the analyzer applies them. A failure must
 * come with a message naming the file. */
#define _GNU_SOURCE
#include "config.h"
#include "options.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(cond, what)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_config: %s\n", what);                                            \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static char dir[64], yaml[96], source[96];

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    CHECK(f, "cannot write the configuration");
    CHECK(fwrite(data, 1, size, f) == size || size == 0, "short write");
    fclose(f);
}

static void cleanup(void)
{
    unlink(yaml);
    unlink(source);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/fuzz_config.XXXXXX", tmp && strlen(tmp) < 30 ? tmp : "/tmp");
        CHECK(mkdtemp(dir), "mkdtemp failed");
        snprintf(yaml, sizeof yaml, "%s/.viewcheck.yaml", dir);
        snprintf(source, sizeof source, "%s/x.c", dir);
        write_file(source, (const uint8_t *)"int x;\n", 7);
        atexit(cleanup);
    }
    write_file(yaml, data, size);
    vc_configs *c = configs_new();
    const vc_project_config *pc = NULL;
    char err[1024];
    memset(err, 'x', sizeof err);
    if (configs_for(c, source, &pc, err, sizeof err)) {
        CHECK(pc, "the configuration was not found");
        config_excludes(pc, source);
        if (pc->checks)
            options_check_enabled(pc->checks, "VC004");
        vc_fail_on fail_on;
        if (pc->fail_on)
            CHECK(options_parse_fail_on(pc->fail_on, &fail_on), "fail-on accepted, then refused");
        for (int i = 0; i < pc->nmodels; i++)
            CHECK(pc->models[i] && pc->models[i][0], "an empty model path");
    } else {
        CHECK(memchr(err, '\0', sizeof err), "the message is not terminated");
        CHECK(strstr(err, ".viewcheck.yaml"), "the message does not name the file");
    }
    configs_free(c);
    return 0;
}
