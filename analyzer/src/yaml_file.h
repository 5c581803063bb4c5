/* Loading a YAML file into a libyaml document, with errors as "file:line: reason". */
#ifndef VC_YAML_FILE_H
#define VC_YAML_FILE_H

#include <stdbool.h>
#include <yaml.h>

/* On success the caller owns *doc (yaml_document_delete). */
bool yaml_file_load(const char *path, yaml_document_t *doc, char *err, int errlen);

#endif
