/* tile.c: dwm's tile: nmaster windows in a left column, the rest beside it. */
#include "layout.h"

/* Config and commands can hand us anything; never trust the ranges. */
static float tile_mfact(float mfact)
{
	if (!(mfact >= 0.05f)) /* also catches NaN */
		return 0.05f;
	return mfact > 0.95f ? 0.95f : mfact;
}

/* Split the area into master and stack columns, gap apart. */
static void tile_columns(const struct layout_params *p, struct rect a,
			 struct rect *master, struct rect *stack)
{
	int gap = p->gap_inner > 0 ? p->gap_inner : 0;

	if (a.w < 2)
		return; /* no room for two columns: they overlap */
	if (a.w - 2 < gap)
		gap = 0; /* a gap that leaves no room for windows is dropped */
	int usable = a.w - gap;
	int mw = (int)((double)usable * tile_mfact(p->mfact));

	/* Both columns keep at least one pixel whatever mfact rounds to. */
	if (mw < 1)
		mw = 1;
	if (mw > usable - 1)
		mw = usable - 1;
	master->w = mw;
	stack->x = a.x + mw + gap;
	stack->w = usable - mw;
}

/* Window i of k stacked top to bottom in column col. */
static struct rect tile_cell(struct rect col, size_t k, size_t i, int gap)
{
	struct rect r = col;

	layout_split(col.y, col.h, k, gap, i, &r.y, &r.h);
	return r;
}

static void tile_arrange(const struct layout_params *p, struct rect area,
			 size_t n, struct rect *out)
{
	size_t nm = p->nmaster > 0 ? (size_t)p->nmaster : 0;
	struct rect master, stack;

	/* A degenerate area must still give sizes X can map. */
	if (area.w < 1)
		area.w = 1;
	if (nm > n)
		nm = n;
	/* Only two non-empty groups need two columns; else one takes it all. */
	master = stack = area;
	if (nm > 0 && nm < n)
		tile_columns(p, area, &master, &stack);
	for (size_t i = 0; i < n; i++) {
		if (i < nm)
			out[i] = tile_cell(master, nm, i, p->gap_inner);
		else
			out[i] = tile_cell(stack, n - nm, i - nm, p->gap_inner);
	}
}

const struct layout layout_tile = {
    .name = "tile",
    .symbol = "[]=",
    .arrange = tile_arrange,
};
