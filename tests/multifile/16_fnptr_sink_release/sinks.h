/* Frame sinks chosen at run time (sinks.c): a struct holds a pointer to the sink function. No
 * finding in a header. */
#ifndef SINKS_H
#define SINKS_H

#include <nda.h>

struct sink {
    const char *name;
    void (*consume)(nda_array *frame);
};

struct sink sink_select(int drop);

#endif
