#include "yaml_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

bool yaml_file_load(const char *path, yaml_document_t *doc, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    bool ok = yaml_parser_load(&parser, doc);
    if (!ok)
        snprintf(err, (size_t)errlen, "%s:%lu: YAML syntax error: %s", path,
                 (unsigned long)parser.problem_mark.line + 1,
                 parser.problem ? parser.problem : "unknown");
    yaml_parser_delete(&parser);
    fclose(f);
    return ok;
}
