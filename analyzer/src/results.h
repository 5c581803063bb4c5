/* The run's results database: where it lives by default, and recording a run in it. */
#ifndef VC_RESULTS_H
#define VC_RESULTS_H

#include "analysis.h"
#include "store.h"

/* --db, or .viewcheck/results.db beside the compile database (or in the current directory). */
char *results_default_path(const char *db_option, const char *database_dir);
/* Opens the database, creating its directory; NULL with a message on stderr. */
vc_store *results_open(const char *path);
/* Makes the analysis hand every summary to the store. */
void results_collect_summaries(vc_store *store, vc_config *cfg);

#endif
