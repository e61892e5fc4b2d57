/* layout.h: a layout is a pure function from n windows in an area to n
 * rects. */
#ifndef CTILE_LAYOUT_H
#define CTILE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "rect.h"

struct layout_params {
	int nmaster;   /* windows in the master area, >= 0 */
	float mfact;   /* share of the width for the master area, 0.05..0.95 */
	int gap_inner; /* pixels between two windows, >= 0 */
};

struct layout {
	const char *name;   /* "tile": what the user types */
	const char *symbol; /* "[]=": what the bar shows */
	/* Fill out[0..n-1] with outer rects (border included) inside area.
	 * Must cope with n = 0, tiny and odd areas: every rect has w, h >= 1.
	 * A NULL arrange means floating: windows keep their own geometry. */
	void (*arrange)(const struct layout_params *p, struct rect area,
			size_t n, struct rect *out);
	/* Windows share space (monocle): the focused one must be raised to
	 * show. Side-by-side layouts leave the stacking order alone. */
	bool overlaps;
};

/* All layouts, in the order `layout next` cycles through them. */
extern const struct layout *const layouts[];
extern const size_t layout_count;

/* The layout called name, or NULL. */
const struct layout *layout_find(const char *name);
/* Index of the layout called name in layouts[], or -1. */
int layout_index(const char *name);

extern const struct layout layout_tile, layout_monocle, layout_grid,
    layout_floating;

/* For the layouts themselves: part i of k along a line of len pixels from
 * start, gap pixels apart, filling the line exactly (sizes differ by at most
 * one). Gaps are dropped when they do not fit; when k > len parts overlap,
 * but each is >= 1 pixel and inside the line. */
void layout_split(int start, int len, size_t k, int gap, size_t i, int *pos,
		  int *size);

#endif
