/* hints.c: WM_NORMAL_HINTS sanitising and application. Pure. */
#include "hints.h"

#include <string.h>

/* Larger than any screen: beyond this a hint is nonsense. */
#define HINT_MAX 32767

static int sane(int32_t v)
{
	return v > 0 && v <= HINT_MAX ? (int)v : 0;
}

void hints_sanitize(const xcb_size_hints_t *raw, struct size_hints *out)
{
	memset(out, 0, sizeof(*out));
	uint32_t f = raw->flags;
	if (f & XCB_ICCCM_SIZE_HINT_P_MIN_SIZE) {
		out->min_w = sane(raw->min_width);
		out->min_h = sane(raw->min_height);
	}
	if (f & XCB_ICCCM_SIZE_HINT_P_MAX_SIZE) {
		out->max_w = sane(raw->max_width);
		out->max_h = sane(raw->max_height);
	}
	if (f & XCB_ICCCM_SIZE_HINT_P_RESIZE_INC) {
		out->inc_w = sane(raw->width_inc);
		out->inc_h = sane(raw->height_inc);
	}
	if (f & XCB_ICCCM_SIZE_HINT_BASE_SIZE) {
		out->base_w = sane(raw->base_width);
		out->base_h = sane(raw->base_height);
	}
	/* ICCCM 4.1.2.3: a missing base size is the minimum, and the other
	 * way round. */
	uint32_t both =
	    XCB_ICCCM_SIZE_HINT_P_MIN_SIZE | XCB_ICCCM_SIZE_HINT_BASE_SIZE;
	if ((f & both) == XCB_ICCCM_SIZE_HINT_P_MIN_SIZE) {
		out->base_w = out->min_w;
		out->base_h = out->min_h;
	} else if ((f & both) == XCB_ICCCM_SIZE_HINT_BASE_SIZE) {
		out->min_w = out->base_w;
		out->min_h = out->base_h;
	}
	/* A max below the min is contradictory: trust the min. */
	if (out->max_w && out->max_w < out->min_w)
		out->max_w = 0;
	if (out->max_h && out->max_h < out->min_h)
		out->max_h = 0;
	out->fixed = out->min_w && out->min_h && out->max_w == out->min_w &&
		     out->max_h == out->min_h;
}

static int fit(int v, int min, int max, int base, int inc)
{
	if (inc > 1 && v > base)
		v = base + (v - base) / inc * inc;
	if (min && v < min)
		v = min;
	if (max && v > max)
		v = max;
	return v < 1 ? 1 : v;
}

void hints_apply(const struct size_hints *h, int *w, int *hgt)
{
	*w = fit(*w, h->min_w, h->max_w, h->base_w, h->inc_w);
	*hgt = fit(*hgt, h->min_h, h->max_h, h->base_h, h->inc_h);
}
