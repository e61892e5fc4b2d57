/* strut.c: docks' struts, and the work area they leave. */
#include "strut.h"

#include <string.h>

bool strut_parse(const uint32_t *v, size_t n, bool partial, struct strut *s)
{
	memset(s, 0, sizeof(*s));
	if (!v || n < (partial ? 12u : 4u))
		return false;
	for (int e = 0; e < STRUT_EDGES; e++) {
		s->size[e] = v[e];
		/* _NET_WM_STRUT: the whole edge. */
		s->start[e] = partial ? v[4 + 2 * e] : 0;
		s->end[e] = partial ? v[5 + 2 * e] : UINT32_MAX;
	}
	return true;
}

/* Whether the span [start, end] meets [from, from + len). */
static bool spans(uint32_t start, uint32_t end, int from, int len)
{
	int64_t lo = from, hi = (int64_t)from + len - 1;
	return start <= end && (int64_t)start <= hi && (int64_t)end >= lo;
}

/* Where the band edge e reserves ends, in root coordinates: windows may
 * start there (left, top) or must end there (right, bottom). */
static int64_t limit(enum strut_edge e, uint32_t size, int root_w, int root_h)
{
	switch (e) {
	case STRUT_LEFT:
	case STRUT_TOP:
		return size;
	case STRUT_RIGHT:
		return (int64_t)root_w - size;
	default:
		return (int64_t)root_h - size;
	}
}

struct rect strut_cut(struct rect work, struct rect geom, int root_w,
		      int root_h, const struct strut *s, unsigned *ignored)
{
	for (int e = 0; e < STRUT_EDGES; e++) {
		if (!s->size[e])
			continue;
		bool vertical = e == STRUT_LEFT || e == STRUT_RIGHT;
		/* The span runs along the edge: y for left and right. */
		if (!(vertical ? spans(s->start[e], s->end[e], geom.y, geom.h)
			       : spans(s->start[e], s->end[e], geom.x, geom.w)))
			continue;
		int64_t at = limit(e, s->size[e], root_w, root_h);
		int64_t lo = vertical ? work.x : work.y;
		int64_t hi = lo + (vertical ? work.w : work.h);
		int64_t glo = vertical ? geom.x : geom.y;
		int64_t ghi = glo + (vertical ? geom.w : geom.h);
		bool from_low = e == STRUT_LEFT || e == STRUT_TOP;
		if (from_low ? at <= glo : at >= ghi)
			continue; /* the band ends before this monitor */
		if (from_low)
			lo = at > lo ? at : lo;
		else
			hi = at < hi ? at : hi;
		if (2 * (hi - lo) < ghi - glo) {
			*ignored |= 1u << e;
			continue;
		}
		if (vertical)
			work.x = (int)lo, work.w = (int)(hi - lo);
		else
			work.y = (int)lo, work.h = (int)(hi - lo);
	}
	return work;
}
