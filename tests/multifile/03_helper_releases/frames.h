/* Frame sinks: frame_emit prints and releases its argument (sink.c); frame_energy only reads
 * (energy.c). No finding in a header. */
#ifndef FRAMES_H
#define FRAMES_H

#include <nda.h>

void frame_emit(nda_array *f);
double frame_energy(const nda_array *f);

#endif
