/* The model files loaded by default: $VIEWCHECK_MODELS_DIR, else the installed directory, else
 * the source tree's rules/models (a binary run from its build tree). */
#ifndef VC_MODELS_DIR_H
#define VC_MODELS_DIR_H
#include "models.h"

#include <stdbool.h>

/* Loads every .yaml file of the default directory into `set`. False with a message in err when
 * a file is malformed or VIEWCHECK_MODELS_DIR names no directory; a warning on stderr (once)
 * when no directory exists at all. */
bool models_load_default(vc_model_set *set, char *err, int errlen);

#endif
