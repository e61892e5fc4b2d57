/* hints.h: ICCCM size hints made safe, and applied to a floating size. */
#ifndef CTILE_HINTS_H
#define CTILE_HINTS_H

#include <xcb/xcb_icccm.h>

#include "model.h"

/* Turn raw WM_NORMAL_HINTS into values that are safe to use as they are:
 * negative, zero or absurd values mean "no hint". */
void hints_sanitize(const xcb_size_hints_t *raw, struct size_hints *out);
/* Adjust a client size (border excluded) to min, max, base and inc. */
void hints_apply(const struct size_hints *h, int *w, int *hgt);

#endif
