/* test_hints.c: WM_NORMAL_HINTS of any value made safe, then applied to a
 * floating window's size. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "hints.h"

#define F_MIN  XCB_ICCCM_SIZE_HINT_P_MIN_SIZE
#define F_MAX  XCB_ICCCM_SIZE_HINT_P_MAX_SIZE
#define F_INC  XCB_ICCCM_SIZE_HINT_P_RESIZE_INC
#define F_BASE XCB_ICCCM_SIZE_HINT_BASE_SIZE
#define F_ALL  (F_MIN | F_MAX | F_INC | F_BASE)

/* Raw hints with every size field set to v and the given flags. */
static xcb_size_hints_t raw_all(uint32_t flags, int32_t v)
{
	xcb_size_hints_t r;
	memset(&r, 0, sizeof(r));
	r.flags = flags;
	r.x = r.y = r.width = r.height = v;
	r.min_width = r.min_height = v;
	r.max_width = r.max_height = v;
	r.width_inc = r.height_inc = v;
	r.min_aspect_num = r.min_aspect_den = v;
	r.max_aspect_num = r.max_aspect_den = v;
	r.base_width = r.base_height = v;
	r.win_gravity = (uint32_t)v;
	return r;
}

static void assert_hints(const struct size_hints *h, int min_w, int min_h,
			 int max_w, int max_h, int inc_w, int inc_h, int base_w,
			 int base_h, bool fixed)
{
	assert_int_equal(h->min_w, min_w);
	assert_int_equal(h->min_h, min_h);
	assert_int_equal(h->max_w, max_w);
	assert_int_equal(h->max_h, max_h);
	assert_int_equal(h->inc_w, inc_w);
	assert_int_equal(h->inc_h, inc_h);
	assert_int_equal(h->base_w, base_w);
	assert_int_equal(h->base_h, base_h);
	assert_int_equal(h->fixed, fixed);
}

static void test_no_flags(void **state)
{
	(void)state;
	struct size_hints h;
	memset(&h, 0x55, sizeof(h));
	xcb_size_hints_t r = raw_all(0, 100);
	hints_sanitize(&r, &h);
	assert_hints(&h, 0, 0, 0, 0, 0, 0, 0, 0, false);

	/* Flags that carry no size limit change nothing either. */
	r = raw_all(
	    XCB_ICCCM_SIZE_HINT_US_POSITION | XCB_ICCCM_SIZE_HINT_US_SIZE |
		XCB_ICCCM_SIZE_HINT_P_POSITION | XCB_ICCCM_SIZE_HINT_P_SIZE |
		XCB_ICCCM_SIZE_HINT_P_ASPECT |
		XCB_ICCCM_SIZE_HINT_P_WIN_GRAVITY,
	    100);
	hints_sanitize(&r, &h);
	assert_hints(&h, 0, 0, 0, 0, 0, 0, 0, 0, false);
}

/* ICCCM 4.1.2.3: a min without a base is also the base, a base without a
 * min also the min. */
static void test_each_flag_alone(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_MIN, 100);
	r.min_width = 120;
	hints_sanitize(&r, &h);
	assert_hints(&h, 120, 100, 0, 0, 0, 0, 120, 100, false);

	r = raw_all(F_MAX, 100);
	r.max_height = 90;
	hints_sanitize(&r, &h);
	assert_hints(&h, 0, 0, 100, 90, 0, 0, 0, 0, false);

	r = raw_all(F_INC, 7);
	r.height_inc = 13;
	hints_sanitize(&r, &h);
	assert_hints(&h, 0, 0, 0, 0, 7, 13, 0, 0, false);

	r = raw_all(F_BASE, 4);
	r.base_height = 5;
	hints_sanitize(&r, &h);
	assert_hints(&h, 4, 5, 0, 0, 0, 0, 4, 5, false);

	/* Both given: each keeps its own value. */
	r = raw_all(F_MIN | F_BASE, 4);
	r.min_width = 30, r.min_height = 40;
	hints_sanitize(&r, &h);
	assert_hints(&h, 30, 40, 0, 0, 0, 0, 4, 4, false);
}

static void test_all_flags(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_ALL, 0);
	r.min_width = 10, r.min_height = 17;
	r.max_width = 1000, r.max_height = 800;
	r.width_inc = 6, r.height_inc = 13;
	r.base_width = 4, r.base_height = 4;
	hints_sanitize(&r, &h);
	assert_hints(&h, 10, 17, 1000, 800, 6, 13, 4, 4, false);
}

/* Negative, zero and absurd values mean "no hint", whatever the flag. */
static void test_bad_values(void **state)
{
	(void)state;
	const int32_t bad[] = {
	    0, -1, -100, INT32_MIN, INT32_MAX, INT32_MAX - 1, 1 << 30, -32767};
	const uint32_t flags[] = {F_MIN, F_MAX, F_INC, F_BASE, F_ALL};
	for (size_t f = 0; f < sizeof(flags) / sizeof(*flags); f++) {
		for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
			struct size_hints h;
			memset(&h, 0x55, sizeof(h));
			xcb_size_hints_t r = raw_all(flags[f], bad[i]);
			hints_sanitize(&r, &h);
			assert_hints(&h, 0, 0, 0, 0, 0, 0, 0, 0, false);
		}
	}
}

/* One bad field does not spoil the others. */
static void test_bad_value_one_field(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_ALL, 50);
	r.min_width = -5;
	r.max_height = INT32_MAX;
	r.width_inc = 0;
	r.base_height = INT32_MIN;
	hints_sanitize(&r, &h);
	assert_hints(&h, 0, 50, 50, 0, 0, 50, 50, 0, false);
}

/* Big but possible sizes are kept. */
static void test_large_values_kept(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_MIN | F_MAX, 0);
	r.min_width = r.min_height = 1;
	r.max_width = 16384, r.max_height = 10000;
	hints_sanitize(&r, &h);
	assert_hints(&h, 1, 1, 16384, 10000, 0, 0, 1, 1, false);
}

static void test_max_below_min_dropped(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_MIN | F_MAX, 0);
	r.min_width = 200, r.min_height = 100;
	r.max_width = 100, r.max_height = 300;
	hints_sanitize(&r, &h);
	assert_hints(&h, 200, 100, 0, 300, 0, 0, 200, 100, false);

	r.max_width = 300, r.max_height = 50;
	hints_sanitize(&r, &h);
	assert_hints(&h, 200, 100, 300, 0, 0, 0, 200, 100, false);

	/* A max below a min that came from the base is dropped too. */
	r = raw_all(F_BASE | F_MAX, 0);
	r.base_width = 200, r.base_height = 100;
	r.max_width = 100, r.max_height = 300;
	hints_sanitize(&r, &h);
	assert_hints(&h, 200, 100, 0, 300, 0, 0, 200, 100, false);

	/* A max with no min stays. */
	r = raw_all(F_MAX, 0);
	r.max_width = 30, r.max_height = 40;
	hints_sanitize(&r, &h);
	assert_hints(&h, 0, 0, 30, 40, 0, 0, 0, 0, false);
}

static void test_fixed(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_MIN | F_MAX, 0);
	r.min_width = r.max_width = 300;
	r.min_height = r.max_height = 200;
	hints_sanitize(&r, &h);
	assert_hints(&h, 300, 200, 300, 200, 0, 0, 300, 200, true);

	/* Only one dimension fixed: resizable. */
	r.max_height = 400;
	hints_sanitize(&r, &h);
	assert_false(h.fixed);

	/* min == max but only the min flag: not fixed. */
	r = raw_all(F_MIN, 300);
	hints_sanitize(&r, &h);
	assert_false(h.fixed);
	r = raw_all(F_MAX, 300);
	hints_sanitize(&r, &h);
	assert_false(h.fixed);

	/* Equal but nonsense: no hint, not fixed. */
	r = raw_all(F_MIN | F_MAX, -3);
	hints_sanitize(&r, &h);
	assert_false(h.fixed);
	r = raw_all(F_MIN | F_MAX, 1);
	hints_sanitize(&r, &h);
	assert_true(h.fixed);
}

static void apply(const struct size_hints *h, int w, int hgt, int want_w,
		  int want_h)
{
	int gw = w, gh = hgt;
	hints_apply(h, &gw, &gh);
	if (gw != want_w || gh != want_h)
		fail_msg("%dx%d -> %dx%d, want %dx%d", w, hgt, gw, gh, want_w,
			 want_h);
}

static void test_apply_none(void **state)
{
	(void)state;
	struct size_hints h = {0};
	apply(&h, 640, 480, 640, 480);
	apply(&h, 1, 1, 1, 1);
	/* Never below 1, whatever comes in. */
	apply(&h, 0, 0, 1, 1);
	apply(&h, -50, -1, 1, 1);
	apply(&h, INT_MIN, INT_MIN, 1, 1);
	apply(&h, INT_MAX, INT_MAX, INT_MAX, INT_MAX);
}

static void test_apply_min_max(void **state)
{
	(void)state;
	struct size_hints h = {
	    .min_w = 100, .min_h = 50, .max_w = 400, .max_h = 300};
	apply(&h, 200, 100, 200, 100);
	apply(&h, 10, 10, 100, 50);
	apply(&h, 1000, 1000, 400, 300);
	apply(&h, 0, -7, 100, 50);
	apply(&h, 100, 50, 100, 50);
	apply(&h, 400, 300, 400, 300);
}

/* xterm: base 4x4 (borders), inc 6x13 (one character cell). */
static void test_apply_xterm_like(void **state)
{
	(void)state;
	struct size_hints h = {.min_w = 10,
			       .min_h = 17,
			       .inc_w = 6,
			       .inc_h = 13,
			       .base_w = 4,
			       .base_h = 4};
	apply(&h, 500, 300, 496, 290); /* 82 x 22 cells */
	apply(&h, 488, 316, 484, 316); /* 80x24 cells + base */
	apply(&h, 4 + 80 * 6, 4 + 24 * 13, 484, 316);
	apply(&h, 11, 18, 10, 17); /* one cell */
	apply(&h, 1, 1, 10, 17);   /* never below min */
	/* With a max that is not on the grid, the max wins. */
	h.max_w = 400, h.max_h = 200;
	apply(&h, 1000, 1000, 400, 200);
}

static void test_apply_inc_larger_than_size(void **state)
{
	(void)state;
	struct size_hints h = {
	    .inc_w = 100, .inc_h = 200, .base_w = 4, .base_h = 4};
	apply(&h, 50, 150, 4, 4);
	apply(&h, 104, 204, 104, 204);
	apply(&h, 203, 403, 104, 204);

	/* No base and no min: the only grid size below is 0, still >= 1. */
	h = (struct size_hints){.inc_w = 100, .inc_h = 200};
	int w = 50, hgt = 150;
	hints_apply(&h, &w, &hgt);
	assert_true(w >= 1 && hgt >= 1);
	apply(&h, 250, 450, 200, 400);

	/* A huge inc on a huge size does not overflow. */
	h = (struct size_hints){
	    .inc_w = 32767, .inc_h = 32767, .base_w = 1, .base_h = 1};
	apply(&h, INT_MAX, INT_MAX, 1 + (INT_MAX - 1) / 32767 * 32767,
	      1 + (INT_MAX - 1) / 32767 * 32767);
}

static void test_apply_inc_one(void **state)
{
	(void)state;
	struct size_hints h = {
	    .inc_w = 1, .inc_h = 1, .base_w = 3, .base_h = 3};
	apply(&h, 101, 57, 101, 57);
	apply(&h, 3, 4, 3, 4);
}

/* Random hints through sanitize, random sizes through apply: the result is
 * at least 1, at least the min and at most the max. */
static void test_apply_random(void **state)
{
	(void)state;
	uint64_t x = 88172645463325252ULL;
	const int32_t pick[] = {INT32_MIN, -1,	  0,	 1,	   2,
				3,	   7,	  13,	 100,	   640,
				4096,	   32767, 32768, INT32_MAX};
	const size_t npick = sizeof(pick) / sizeof(*pick);
	for (int round = 0; round < 20000; round++) {
		int32_t v[8];
		for (int i = 0; i < 8; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v[i] = pick[x % npick];
		}
		xcb_size_hints_t r = raw_all((uint32_t)(x >> 20) & F_ALL, 0);
		r.min_width = v[0], r.min_height = v[1];
		r.max_width = v[2], r.max_height = v[3];
		r.width_inc = v[4], r.height_inc = v[5];
		r.base_width = v[6], r.base_height = v[7];
		struct size_hints h;
		hints_sanitize(&r, &h);
		assert_in_range(h.min_w, 0, 32767);
		assert_in_range(h.max_w, 0, 32767);
		assert_in_range(h.inc_h, 0, 32767);
		assert_in_range(h.base_h, 0, 32767);
		assert_true(!h.max_w || h.max_w >= h.min_w);
		assert_true(!h.max_h || h.max_h >= h.min_h);
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int w = (int)(x % 5000) - 100, hgt = (int)((x >> 32) % 5000);
		hints_apply(&h, &w, &hgt);
		assert_true(w >= 1 && hgt >= 1);
		if (h.min_w)
			assert_true(w >= h.min_w);
		if (h.max_w)
			assert_true(w <= h.max_w);
		if (h.min_h)
			assert_true(hgt >= h.min_h);
		if (h.max_h)
			assert_true(hgt <= h.max_h);
	}
}

/* ICCCM 4.1.2.3: "If a base size is not provided, the minimum size is to be
 * used in its place and vice versa." A window giving only a min and an inc
 * has its grid start at the min; one giving only a base is never smaller
 * than it. */
static void test_apply_icccm_base_min_defaults(void **state)
{
	(void)state;
	struct size_hints h;
	xcb_size_hints_t r = raw_all(F_MIN | F_INC, 0);
	r.min_width = 100, r.min_height = 20;
	r.width_inc = 7, r.height_inc = 10;
	hints_sanitize(&r, &h);
	apply(&h, 150, 55, 149, 50); /* 100 + 7 * 7, 20 + 3 * 10 */

	r = raw_all(F_BASE | F_INC, 0);
	r.base_width = 40, r.base_height = 30;
	r.width_inc = 10, r.height_inc = 10;
	hints_sanitize(&r, &h);
	apply(&h, 20, 10, 40, 30);
	apply(&h, 65, 45, 60, 40);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_no_flags),
	    cmocka_unit_test(test_each_flag_alone),
	    cmocka_unit_test(test_all_flags),
	    cmocka_unit_test(test_bad_values),
	    cmocka_unit_test(test_bad_value_one_field),
	    cmocka_unit_test(test_large_values_kept),
	    cmocka_unit_test(test_max_below_min_dropped),
	    cmocka_unit_test(test_fixed),
	    cmocka_unit_test(test_apply_none),
	    cmocka_unit_test(test_apply_min_max),
	    cmocka_unit_test(test_apply_xterm_like),
	    cmocka_unit_test(test_apply_inc_larger_than_size),
	    cmocka_unit_test(test_apply_inc_one),
	    cmocka_unit_test(test_apply_random),
	    cmocka_unit_test(test_apply_icccm_base_min_defaults),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
