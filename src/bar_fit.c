/* bar_fit.c: the width each widget of a bar gets, and the config error's
 * banner, when they do not all fit (enum widget_fit says in what order). No
 * X and no drawing: the measured widths in, the given ones out. */
#include "bar_internal.h"

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* A widget that is cut to fit: an expanding one only expands. */
static bool is_cut(const struct widget_inst *w)
{
	return w->fit == WIDGET_CUT && w->want != WIDGET_EXPAND;
}

/* A cut widget's width with at most cap, and no less than floor (or its
 * whole width, if that is less). */
static int capped(const struct widget_inst *w, int cap, int floor)
{
	int least = min_int(w->want, floor), got = min_int(w->want, cap);
	return got > least ? got : least;
}

/* What the cut widgets and the banner take with at most cap each. */
static int cut_total(struct widget_inst *const v[BAR_SIDES],
		     const size_t n[BAR_SIDES], int cap, int floor, int banner)
{
	int sum = min_int(banner, cap);
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < n[side]; k++)
			if (is_cut(&v[side][k]))
				sum += capped(&v[side][k], cap, floor);
	return sum;
}

/* The cut widgets and the banner in room: the widest are cut first, down
 * to one width (the cap) that all of them share, so a short one stays
 * whole while a long one is cut; no widget below floor. Returns the
 * cap. */
static int cut_to(struct widget_inst *const v[BAR_SIDES],
		  const size_t n[BAR_SIDES], int room, int floor, int banner)
{
	int lo = 0, hi = banner;
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < n[side]; k++)
			if (is_cut(&v[side][k]) && v[side][k].want > hi)
				hi = v[side][k].want;
	while (lo < hi) { /* the largest cap that fits */
		int mid = lo + (hi - lo + 1) / 2;
		if (cut_total(v, n, mid, floor, banner) <= room)
			lo = mid;
		else
			hi = mid - 1;
	}
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < n[side]; k++)
			if (is_cut(&v[side][k]))
				v[side][k].w = capped(&v[side][k], lo, floor);
	return lo;
}

/* Leave out whole widgets until short_by more pixels are free: the centre
 * ones, then the right ones from the middle of the bar outward; never the
 * left ones or those to keep. Returns how many pixels it freed. */
static int leave_out(struct widget_inst *const v[BAR_SIDES],
		     const size_t n[BAR_SIDES], int short_by)
{
	static const int order[] = {BAR_CENTER, BAR_RIGHT};
	int freed = 0;
	for (size_t o = 0; o < 2; o++)
		for (size_t k = 0; k < n[order[o]] && freed < short_by; k++) {
			struct widget_inst *w = &v[order[o]][k];
			if (w->fit != WIDGET_WHOLE || w->w <= 0)
				continue;
			freed += w->w;
			w->w = 0;
		}
	return freed;
}

int bar_fit(struct widget_inst *const v[BAR_SIDES], const size_t n[BAR_SIDES],
	    int width, int banner, int floor)
{
	int fixed = 0, cut = 0, floors = 0, expanding = 0;
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < n[side]; k++) {
			struct widget_inst *w = &v[side][k];
			w->w = w->want == WIDGET_EXPAND ? 0 : w->want;
			if (w->want == WIDGET_EXPAND)
				expanding++;
			else if (w->fit == WIDGET_CUT)
				cut += w->want,
				    floors += min_int(w->want, floor);
			else
				fixed += w->want;
		}
	/* If the left and kept ones are still too wide, they overlap. */
	if (fixed > width)
		fixed -= leave_out(v, n, fixed - width);
	int room = width > fixed ? width - fixed : 0;
	if (cut + banner > room) {
		/* The banner is cut as the text widgets are, the widest
		 * first: a long status leaves it room, and a long error
		 * leaves a short status whole. */
		int floor_or_0 = floors <= room ? floor : 0;
		int cap = cut_to(v, n, room, floor_or_0, banner);
		banner = min_int(banner, cap);
		cut = cut_total(v, n, cap, floor_or_0, 0);
	}
	int spare = room - cut - banner;
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < n[side]; k++)
			if (v[side][k].want == WIDGET_EXPAND)
				v[side][k].w =
				    spare > 0 ? spare / expanding : 0;
	return banner;
}
