/* clock.h: the clock widget's pure parts, for unit tests. */
#ifndef CTILE_CLOCK_H
#define CTILE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Does this strftime format show seconds (%S, %T, %s, %X, %c, %r, %+)? */
bool clock_shows_seconds(const char *format);

#endif
