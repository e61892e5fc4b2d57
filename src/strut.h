/* strut.h: the room a dock (polybar, lemonbar, tint2) reserves at the
 * screen's edges, read from its EWMH strut properties. Pure: no X. */
#ifndef CTILE_STRUT_H
#define CTILE_STRUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rect.h"

enum strut_edge { STRUT_LEFT, STRUT_RIGHT, STRUT_TOP, STRUT_BOTTOM };
#define STRUT_EDGES 4

/* Per edge: how far it reaches in from the root window's edge, and the
 * span along that edge it covers (root coordinates, ends included). */
struct strut {
	uint32_t size[STRUT_EDGES];
	uint32_t start[STRUT_EDGES], end[STRUT_EDGES];
};

/* A strut from n 32-bit values of _NET_WM_STRUT_PARTIAL (partial: 12
 * values) or _NET_WM_STRUT (4 values, each edge across its whole
 * length); false, and *s reserving nothing, when there are too few. */
bool strut_parse(const uint32_t *v, size_t n, bool partial, struct strut *s);

/* work less the room s reserves on a monitor at geom, on a root window of
 * root_w x root_h. An edge that would leave less than half the monitor is
 * not cut, and its bit (1 << edge) is set in *ignored. */
struct rect strut_cut(struct rect work, struct rect geom, int root_w,
		      int root_h, const struct strut *s, unsigned *ignored);

#endif
