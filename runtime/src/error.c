#include "nda_internal.h"

#include <stdarg.h>

static _Thread_local nda_status last_status = NDA_OK;
static _Thread_local char last_message[512];
static _Atomic(nda_error_handler) handler; /* zero: no handler */

nda_status nda_last_status(void)
{
    return last_status;
}

const char *nda_last_error(void)
{
    return last_message;
}

nda_error_handler nda_set_error_handler(nda_error_handler h)
{
    return atomic_exchange(&handler, h);
}

const char *nda_status_name(nda_status status)
{
    static const char *const names[] = {"NDA_OK",       "NDA_ENOMEM",      "NDA_EINVAL",
                                        "NDA_EBOUNDS",  "NDA_ESHAPE",      "NDA_EREADONLY",
                                        "NDA_EOVERLAP", "NDA_EREFERENCED", "NDA_EOVERFLOW"};
    if ((unsigned)status < sizeof names / sizeof names[0])
        return names[status];
    return "NDA_UNKNOWN";
}

nda_status nda__fail(nda_status status, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, args);
    va_end(args);
    last_status = status;
    nda_error_handler h = atomic_load(&handler);
    if (h)
        h(status, last_message);
    return status;
}

void nda__succeed(void)
{
    last_status = NDA_OK;
    last_message[0] = '\0';
}
