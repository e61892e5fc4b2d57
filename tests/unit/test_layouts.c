/* test_layouts.c: every layout against its contract, for n = 0..64 in
 * normal, odd and tiny areas, plus exact rects worked out by hand. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"

#define LT_MAXN	  64
#define LT_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* One call of a layout and what it returned. */
struct lt_case {
	const struct layout *l;
	struct layout_params p;
	struct rect area;
	size_t n;
	struct rect out[LT_MAXN + 1];
	char ctx[160]; /* names the case when a check fails */
};

/* Fail naming the case, since sweeps run thousands of them. */
#define LT_EXPECT(c, cond)                                                     \
	do {                                                                   \
		if (!(cond))                                                   \
			fail_msg("%s: %s", (c)->ctx, #cond);                   \
	} while (0)

static const struct rect lt_areas[] = {
    {100, 50, 1920, 1080},  /* a monitor right of another */
    {-1280, 0, 1280, 1024}, /* a monitor left of the origin */
    {0, 0, 1001, 777},	    /* odd: remainders everywhere */
    {0, 0, 200, 200},	    /* gap 40 fits for a few windows only */
    {3, 7, 64, 64},	    /* 64 windows just fit in grid */
    {0, 0, 2, 64},	    /* 64 windows just fit in tile, nmaster 1 */
    {0, 0, 8, 8},	    /* too small for most n */
    {0, 0, 3, 500},	    /* narrower than tile's gaps */
    {0, 0, 7, 500},	    /* narrow */
    {0, 0, 500, 7},	    /* flat */
    {0, 0, 2, 3},	    /* tiny */
    {5, 5, 1, 1},	    /* one pixel */
};
static const int lt_nmasters[] = {0, 1, 2, 5};
static const float lt_mfacts[] = {0.05f, 0.55f, 0.95f};
static const int lt_gaps[] = {0, 1, 5, 40};

static const struct rect lt_poison = {-7777, -7777, -7777, -7777};

/* Run the layout, checking it writes out[0..n-1] and nothing past it. */
static void lt_run(struct lt_case *c)
{
	for (size_t i = 0; i < LT_LEN(c->out); i++)
		c->out[i] = lt_poison;
	snprintf(c->ctx, sizeof(c->ctx),
		 "%s n=%zu area={%d,%d,%d,%d} nmaster=%d mfact=%g gap=%d",
		 c->l->name, c->n, c->area.x, c->area.y, c->area.w, c->area.h,
		 c->p.nmaster, (double)c->p.mfact, c->p.gap_inner);
	c->l->arrange(&c->p, c->area, c->n, c->out);
	for (size_t i = c->n; i < LT_LEN(c->out); i++)
		LT_EXPECT(c, rect_equal(c->out[i], lt_poison));
}

static int lt_right(struct rect r)
{
	return r.x + r.w;
}

static int lt_bottom(struct rect r)
{
	return r.y + r.h;
}

static int lt_overlap_x(struct rect a, struct rect b)
{
	return a.x < lt_right(b) && b.x < lt_right(a);
}

static int lt_overlap_y(struct rect a, struct rect b)
{
	return a.y < lt_bottom(b) && b.y < lt_bottom(a);
}

/* The contract every layout keeps: visible sizes, inside the area. */
static void lt_check_inside(const struct lt_case *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct rect r = c->out[i];

		LT_EXPECT(c, r.w >= 1 && r.h >= 1);
		LT_EXPECT(c, r.x >= c->area.x && r.y >= c->area.y);
		LT_EXPECT(c, lt_right(r) <= lt_right(c->area));
		LT_EXPECT(c, lt_bottom(r) <= lt_bottom(c->area));
	}
}

/* Tiling layouts reach every edge: no strip lost to integer division. */
static void lt_check_bounds(const struct lt_case *c)
{
	if (c->n == 0)
		return;
	struct rect b = c->out[0];
	int right = lt_right(b), bottom = lt_bottom(b);

	for (size_t i = 1; i < c->n; i++) {
		struct rect r = c->out[i];

		b.x = r.x < b.x ? r.x : b.x;
		b.y = r.y < b.y ? r.y : b.y;
		right = lt_right(r) > right ? lt_right(r) : right;
		bottom = lt_bottom(r) > bottom ? lt_bottom(r) : bottom;
	}
	b.w = right - b.x;
	b.h = bottom - b.y;
	LT_EXPECT(c, rect_equal(b, c->area));
}

static int lt_any_overlap(const struct lt_case *c)
{
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = i + 1; j < c->n; j++)
			if (lt_overlap_x(c->out[i], c->out[j]) &&
			    lt_overlap_y(c->out[i], c->out[j]))
				return 1;
	return 0;
}

static long long lt_area_sum(const struct lt_case *c)
{
	long long sum = 0;

	for (size_t i = 0; i < c->n; i++)
		sum += (long long)c->out[i].w * c->out[i].h;
	return sum;
}

/* Facing rects are at least gap apart. */
static void lt_check_gap_apart(const struct lt_case *c, int gap)
{
	for (size_t i = 0; i < c->n; i++) {
		for (size_t j = i + 1; j < c->n; j++) {
			struct rect a = c->out[i], b = c->out[j];

			if (lt_overlap_y(a, b))
				LT_EXPECT(c, b.x - lt_right(a) >= gap ||
						 a.x - lt_right(b) >= gap);
			if (lt_overlap_x(a, b))
				LT_EXPECT(c, b.y - lt_bottom(a) >= gap ||
						 a.y - lt_bottom(b) >= gap);
		}
	}
}

/* r grown by d on every side. */
static struct rect lt_grow(struct rect r, int d)
{
	return (struct rect){r.x - d, r.y - d, r.w + 2 * d, r.h + 2 * d};
}

/* Every edge inside the area has a neighbour exactly gap away. The
 * neighbour may face a's edge or a gap next to it: a short window beside
 * a column of tall ones can face only the gap between two of them. */
static void lt_check_gap_exact(const struct lt_case *c, int gap)
{
	for (size_t i = 0; i < c->n; i++) {
		struct rect a = c->out[i], near = lt_grow(a, gap);
		int right = lt_right(a) >= lt_right(c->area);
		int below = lt_bottom(a) >= lt_bottom(c->area);

		for (size_t j = 0; j < c->n; j++) {
			struct rect b = c->out[j];

			right |=
			    b.x == lt_right(a) + gap && lt_overlap_y(near, b);
			below |=
			    b.y == lt_bottom(a) + gap && lt_overlap_x(near, b);
		}
		LT_EXPECT(c, right);
		LT_EXPECT(c, below);
	}
}

/* Can k windows stand in a line of len pixels, gap apart, without overlap? */
static int lt_line_fits(int len, size_t k, int gap)
{
	return k == 0 || (long long)k + (long long)(k - 1) * gap <= len;
}

/* tile's columns need room for a 1-pixel column each plus the gap between,
 * and each column's height must hold its windows. */
static int lt_tile_fits(const struct lt_case *c, int gap)
{
	size_t nm = c->p.nmaster > 0 ? (size_t)c->p.nmaster : 0;

	if (nm > c->n)
		nm = c->n;
	if (nm > 0 && nm < c->n && !lt_line_fits(c->area.w, 2, gap))
		return 0;
	return lt_line_fits(c->area.h, nm, gap) &&
	       lt_line_fits(c->area.h, c->n - nm, gap);
}

static size_t lt_grid_cols(size_t n)
{
	size_t cols = 1;

	while (cols * cols < n)
		cols++;
	return cols;
}

/* grid's columns each need a pixel, its tallest column one per row. */
static int lt_grid_fits(const struct lt_case *c, int gap)
{
	size_t cols = lt_grid_cols(c->n);
	size_t rows = (c->n + cols - 1) / cols;

	return lt_line_fits(c->area.w, cols, gap) &&
	       lt_line_fits(c->area.h, rows, gap);
}

/* The properties of a tiling layout, given when it can avoid overlap. */
static void lt_check_tiling(const struct lt_case *c,
			    int (*fits)(const struct lt_case *, int))
{
	int gap = c->p.gap_inner;

	lt_check_bounds(c);
	/* Overlap exactly when the area is too small to avoid it. */
	LT_EXPECT(c, lt_any_overlap(c) == !fits(c, 0));
	if (fits(c, 0) && gap == 0 && c->n > 0)
		LT_EXPECT(c,
			  lt_area_sum(c) == (long long)c->area.w * c->area.h);
	/* With room for every gap, windows tile the area gap apart. */
	if (gap > 0 && fits(c, gap)) {
		lt_check_gap_apart(c, gap);
		lt_check_gap_exact(c, gap);
	}
}

static void lt_check_monocle(const struct lt_case *c)
{
	for (size_t i = 0; i < c->n; i++)
		LT_EXPECT(c, rect_equal(c->out[i], c->area));
}

#define LT_SWEEP_SIZE                                                          \
	(LT_LEN(lt_areas) * LT_LEN(lt_nmasters) * LT_LEN(lt_mfacts) *          \
	 LT_LEN(lt_gaps) * (LT_MAXN + 1))

/* Case k of the sweep over every area, nmaster, mfact, gap and n. */
static void lt_sweep_case(struct lt_case *c, size_t k)
{
	c->n = k % (LT_MAXN + 1);
	k /= LT_MAXN + 1;
	c->p.gap_inner = lt_gaps[k % LT_LEN(lt_gaps)];
	k /= LT_LEN(lt_gaps);
	c->p.mfact = lt_mfacts[k % LT_LEN(lt_mfacts)];
	k /= LT_LEN(lt_mfacts);
	c->p.nmaster = lt_nmasters[k % LT_LEN(lt_nmasters)];
	k /= LT_LEN(lt_nmasters);
	c->area = lt_areas[k];
}

/* Run l on every case of the sweep and check each result. */
static void lt_sweep(const struct layout *l,
		     void (*check)(const struct lt_case *))
{
	struct lt_case c = {.l = l};

	for (size_t k = 0; k < LT_SWEEP_SIZE; k++) {
		lt_sweep_case(&c, k);
		lt_run(&c);
		lt_check_inside(&c);
		if (check)
			check(&c);
	}
}

static void lt_check_tile(const struct lt_case *c)
{
	lt_check_tiling(c, lt_tile_fits);
}

static void lt_check_grid(const struct lt_case *c)
{
	lt_check_tiling(c, lt_grid_fits);
}

static void test_sweep_every_layout(void **state)
{
	(void)state;
	for (size_t i = 0; i < layout_count; i++)
		if (layouts[i]->arrange)
			lt_sweep(layouts[i], NULL);
}

static void test_sweep_tile(void **state)
{
	(void)state;
	lt_sweep(&layout_tile, lt_check_tile);
}

static void test_sweep_grid(void **state)
{
	(void)state;
	lt_sweep(&layout_grid, lt_check_grid);
}

static void test_sweep_monocle(void **state)
{
	(void)state;
	lt_sweep(&layout_monocle, lt_check_monocle);
}

/* A layout that says its windows do not overlap keeps its word wherever
 * they fit: ctile then leaves the stacking order alone on focus. */
static void test_overlaps_flag(void **state)
{
	(void)state;
	struct lt_case c = {.p = {1, 0.55f, 4}, .area = {0, 0, 1920, 1080}};

	for (size_t i = 0; i < layout_count; i++) {
		c.l = layouts[i];
		if (!c.l->arrange || c.l->overlaps)
			continue;
		for (c.n = 2; c.n <= 16; c.n++) {
			lt_run(&c);
			for (size_t a = 0; a < c.n; a++)
				for (size_t b = a + 1; b < c.n; b++)
					LT_EXPECT(&c,
						  !(lt_overlap_x(c.out[a],
								 c.out[b]) &&
						    lt_overlap_y(c.out[a],
								 c.out[b])));
		}
	}
	assert_true(layout_monocle.overlaps);
}

static void test_one_window_fills(void **state)
{
	const struct layout *tiling[] = {&layout_monocle, &layout_grid};
	struct lt_case c;

	(void)state;
	for (size_t l = 0; l < LT_LEN(tiling); l++) {
		for (size_t k = 0; k < LT_SWEEP_SIZE; k++) {
			lt_sweep_case(&c, k);
			if (c.n != 1)
				continue;
			c.l = tiling[l];
			lt_run(&c);
			LT_EXPECT(&c, rect_equal(c.out[0], c.area));
		}
	}
}

/* A layout call and the rects worked out by hand. */
struct lt_exact {
	struct layout_params p;
	struct rect area;
	size_t n;
	struct rect want[8];
};

static void lt_check_exact(const struct layout *l, const struct lt_exact *e,
			   size_t count)
{
	for (size_t k = 0; k < count; k++) {
		struct lt_case c = {
		    .l = l, .p = e[k].p, .area = e[k].area, .n = e[k].n};

		lt_run(&c);
		for (size_t i = 0; i < c.n; i++) {
			struct rect r = c.out[i], w = e[k].want[i];

			if (!rect_equal(r, w))
				fail_msg("%s: rect %zu is {%d,%d,%d,%d}, "
					 "want {%d,%d,%d,%d}",
					 c.ctx, i, r.x, r.y, r.w, r.h, w.x, w.y,
					 w.w, w.h);
		}
	}
}

/* Tables of hand-worked rects read best one case to a line or two. */
/* clang-format off */
static void test_tile_exact(void **state)
{
	static const struct lt_exact cases[] = {
		/* the dwm classic: half master, two stacked halves */
		{{1, 0.5f, 0}, {0, 0, 1000, 600}, 3,
		 {{0, 0, 500, 600}, {500, 0, 500, 300}, {500, 300, 500, 300}}},
		/* gap 10: columns share 990 px, rows share 590 px */
		{{1, 0.5f, 10}, {0, 0, 1000, 600}, 3,
		 {{0, 0, 495, 600}, {505, 0, 495, 295}, {505, 305, 495, 295}}},
		/* 601 rows over 3: the top window takes the spare pixel */
		{{1, 0.5f, 0}, {0, 0, 1000, 601}, 4,
		 {{0, 0, 500, 601}, {500, 0, 500, 201}, {500, 201, 500, 200},
		  {500, 401, 500, 200}}},
		/* offset area, 2 masters, mfact 0.6 of 997 = 598.2 -> 598 */
		{{2, 0.6f, 4}, {10, 20, 1001, 500}, 5,
		 {{10, 20, 598, 248}, {10, 272, 598, 248}, {612, 20, 399, 164},
		  {612, 188, 399, 164}, {612, 356, 399, 164}}},
		/* nmaster 0: one full-width stack */
		{{0, 0.5f, 0}, {0, 0, 300, 301}, 3,
		 {{0, 0, 300, 101}, {0, 101, 300, 100}, {0, 201, 300, 100}}},
		/* n <= nmaster: one full-width master column */
		{{5, 0.5f, 10}, {0, 0, 800, 600}, 2,
		 {{0, 0, 800, 295}, {0, 305, 800, 295}}},
		/* 3 rows need 13 px with gap 5 but have 3: gap dropped */
		{{0, 0.5f, 5}, {0, 0, 10, 3}, 3,
		 {{0, 0, 10, 1}, {0, 1, 10, 1}, {0, 2, 10, 1}}},
		/* 4 windows in 2 px: 1 px each, overlapping in pairs */
		{{0, 0.5f, 0}, {0, 0, 5, 2}, 4,
		 {{0, 0, 5, 1}, {0, 0, 5, 1}, {0, 1, 5, 1}, {0, 1, 5, 1}}},
		/* 1 px wide: both columns are that pixel */
		{{1, 0.5f, 0}, {0, 0, 1, 10}, 2,
		 {{0, 0, 1, 10}, {0, 0, 1, 10}}},
		/* mfact 0.05 of 100 = 5; 0.95 keeps a 1 px stack in 3 px */
		{{1, 0.05f, 0}, {0, 0, 100, 10}, 2,
		 {{0, 0, 5, 10}, {5, 0, 95, 10}}},
		{{1, 0.95f, 0}, {0, 0, 3, 10}, 2,
		 {{0, 0, 2, 10}, {2, 0, 1, 10}}},
		/* a column gap of 40 does not fit 41 px: dropped */
		{{1, 0.5f, 40}, {0, 0, 41, 10}, 2,
		 {{0, 0, 20, 10}, {20, 0, 21, 10}}},
	};

	(void)state;
	lt_check_exact(&layout_tile, cases, LT_LEN(cases));
}

static void test_grid_exact(void **state)
{
	static const struct lt_exact cases[] = {
		/* 5 in 3 columns: the first holds 1, the last two hold 2 */
		{{1, 0.5f, 0}, {0, 0, 900, 600}, 5,
		 {{0, 0, 300, 600}, {300, 0, 300, 300}, {300, 300, 300, 300},
		  {600, 0, 300, 300}, {600, 300, 300, 300}}},
		/* 3 with gap 10: 991 px of columns, the first gets 496 */
		{{1, 0.5f, 10}, {0, 0, 1001, 600}, 3,
		 {{0, 0, 496, 600}, {506, 0, 495, 295}, {506, 305, 495, 295}}},
		/* 4 at an offset: 2 by 2, filled column by column */
		{{1, 0.5f, 0}, {50, 60, 400, 400}, 4,
		 {{50, 60, 200, 200}, {50, 260, 200, 200}, {250, 60, 200, 200},
		  {250, 260, 200, 200}}},
		/* 7 in 3 columns of 2, 2, 3 */
		{{1, 0.5f, 0}, {0, 0, 300, 300}, 7,
		 {{0, 0, 100, 150}, {0, 150, 100, 150}, {100, 0, 100, 150},
		  {100, 150, 100, 150}, {200, 0, 100, 100}, {200, 100, 100, 100},
		  {200, 200, 100, 100}}},
		/* 2 side by side, gap 6 */
		{{1, 0.5f, 6}, {0, 0, 106, 50}, 2,
		 {{0, 0, 50, 50}, {56, 0, 50, 50}}},
	};

	(void)state;
	lt_check_exact(&layout_grid, cases, LT_LEN(cases));
}
/* clang-format on */

static void test_split(void **state)
{
	static const struct {
		int len, gap;
		size_t k;
		int pos[4], size[4];
	} cases[] = {
	    {10, 0, 3, {0, 4, 7}, {4, 3, 3}},
	    {10, 2, 3, {0, 4, 8}, {2, 2, 2}},
	    {4, 1, 3, {0, 2, 3}, {2, 1, 1}}, /* 5 px needed: gap dropped */
	    {2, 0, 4, {0, 0, 1, 1}, {1, 1, 1, 1}},
	    {7, -3, 2, {0, 4}, {4, 3}},
	    {0, 0, 2, {0, 0}, {1, 1}},
	};

	(void)state;
	for (size_t c = 0; c < LT_LEN(cases); c++) {
		for (size_t i = 0; i < cases[c].k; i++) {
			int pos = -1, size = -1;

			layout_split(100, cases[c].len, cases[c].k,
				     cases[c].gap, i, &pos, &size);
			assert_int_equal(pos, 100 + cases[c].pos[i]);
			assert_int_equal(size, cases[c].size[i]);
		}
	}
}

/* Same rects for params p and q, on every area and n. */
static void lt_check_same(const struct layout *l, struct layout_params p,
			  struct layout_params q)
{
	struct lt_case a = {.l = l, .p = p}, b = {.l = l, .p = q};

	for (size_t k = 0; k < LT_LEN(lt_areas); k++) {
		for (size_t n = 0; n <= LT_MAXN; n++) {
			a.area = b.area = lt_areas[k];
			a.n = b.n = n;
			lt_run(&a);
			lt_run(&b);
			lt_check_inside(&a);
			for (size_t i = 0; i < n; i++)
				LT_EXPECT(&a, rect_equal(a.out[i], b.out[i]));
		}
	}
}

static void test_nonsense_params(void **state)
{
	const struct layout *tiling[] = {&layout_grid};

	(void)state;
	lt_check_same(&layout_tile, (struct layout_params){1, -1.0f, 0},
		      (struct layout_params){1, 0.05f, 0});
	lt_check_same(&layout_tile, (struct layout_params){1, 5.0f, 0},
		      (struct layout_params){1, 0.95f, 0});
	lt_check_same(&layout_tile, (struct layout_params){-3, 0.5f, 0},
		      (struct layout_params){0, 0.5f, 0});
	for (size_t l = 0; l < LT_LEN(tiling); l++)
		lt_check_same(tiling[l], (struct layout_params){2, 0.5f, -10},
			      (struct layout_params){2, 0.5f, 0});
	/* No sane answer exists for these; any rects in the area will do. */
	lt_check_same(&layout_tile, (struct layout_params){1, NAN, 0},
		      (struct layout_params){1, NAN, 0});
	lt_check_same(&layout_tile, (struct layout_params){1, INFINITY, 0},
		      (struct layout_params){1, INFINITY, 0});
	for (size_t l = 0; l < LT_LEN(tiling); l++)
		lt_check_same(tiling[l],
			      (struct layout_params){INT_MAX, 0.5f, INT_MAX},
			      (struct layout_params){INT_MAX, 0.5f, INT_MAX});
}

/* A zero or negative area is the caller's bug, but must not give X
 * zero or negative sizes. */
static void test_degenerate_area(void **state)
{
	static const struct rect areas[] = {
	    {10, 10, 0, 0}, {0, 0, -5, 3}, {0, 0, 3, -5}};

	(void)state;
	for (size_t l = 0; l < layout_count; l++) {
		if (!layouts[l]->arrange)
			continue;
		for (size_t a = 0; a < LT_LEN(areas); a++) {
			struct lt_case c = {.l = layouts[l],
					    .p = {1, 0.5f, 5},
					    .area = areas[a],
					    .n = 5};

			lt_run(&c);
			/* as if the area were at least 1x1 */
			c.area.w = c.area.w < 1 ? 1 : c.area.w;
			c.area.h = c.area.h < 1 ? 1 : c.area.h;
			lt_check_inside(&c);
		}
	}
}

static void test_table(void **state)
{
	static const char *const names[] = {"tile", "monocle", "grid",
					    "floating"};
	static const char *const symbols[] = {"[]=", "[M]", "HHH", "><>"};

	(void)state;
	assert_int_equal(layout_count, LT_LEN(names));
	for (size_t i = 0; i < layout_count; i++) {
		assert_string_equal(layouts[i]->name, names[i]);
		assert_string_equal(layouts[i]->symbol, symbols[i]);
		/* only floating leaves windows where they are */
		assert_int_equal(layouts[i]->arrange == NULL,
				 layouts[i] == &layout_floating);
	}
}

static void test_find_known(void **state)
{
	(void)state;
	for (size_t i = 0; i < layout_count; i++) {
		assert_ptr_equal(layout_find(layouts[i]->name), layouts[i]);
		assert_int_equal(layout_index(layouts[i]->name), (int)i);
	}
	assert_ptr_equal(layout_find("grid"), &layout_grid);
	assert_int_equal(layout_index("floating"), 3);
}

static void test_find_unknown(void **state)
{
	static const char *const bad[] = {
	    "", "Tile", "tile ", " tile", "til", "tiles", "[]=", "max",
	};

	(void)state;
	assert_null(layout_find(NULL));
	assert_int_equal(layout_index(NULL), -1);
	for (size_t i = 0; i < LT_LEN(bad); i++) {
		assert_null(layout_find(bad[i]));
		assert_int_equal(layout_index(bad[i]), -1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_find_known),
	    cmocka_unit_test(test_find_unknown),
	    cmocka_unit_test(test_split),
	    cmocka_unit_test(test_sweep_every_layout),
	    cmocka_unit_test(test_sweep_tile),
	    cmocka_unit_test(test_sweep_grid),
	    cmocka_unit_test(test_sweep_monocle),
	    cmocka_unit_test(test_overlaps_flag),
	    cmocka_unit_test(test_one_window_fills),
	    cmocka_unit_test(test_tile_exact),
	    cmocka_unit_test(test_grid_exact),
	    cmocka_unit_test(test_nonsense_params),
	    cmocka_unit_test(test_degenerate_area),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
