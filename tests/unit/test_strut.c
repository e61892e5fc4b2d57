/* test_strut.c: docks' struts parsed from their properties, and the work
 * area they leave on one monitor or two. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>

#include "strut.h"

#define ROOT_W 1280
#define ROOT_H 800

static const struct rect screen = {0, 0, ROOT_W, ROOT_H};

static void assert_rect(struct rect got, struct rect want)
{
	if (!rect_equal(got, want))
		fail_msg("got %d,%d %dx%d, want %d,%d %dx%d", got.x, got.y,
			 got.w, got.h, want.x, want.y, want.w, want.h);
}

/* work on mon, as ctile computes it from mon's whole geometry. */
static struct rect cut(struct rect mon, const struct strut *s,
		       unsigned *ignored)
{
	return strut_cut(mon, mon, ROOT_W, ROOT_H, s, ignored);
}

/* polybar at the top, 30 px high, across the screen. */
static const uint32_t top_bar[12] = {0, 0, 30, 0, 0, 0, 0, 0, 0, 1279, 0, 0};

static void test_partial_top(void **state)
{
	(void)state;
	struct strut s;
	unsigned ignored = 0;
	assert_true(strut_parse(top_bar, 12, true, &s));
	assert_rect(cut(screen, &s, &ignored), (struct rect){0, 30, 1280, 770});
	assert_int_equal(ignored, 0);
}

static void test_plain_strut_spans_whole_edges(void **state)
{
	(void)state;
	/* _NET_WM_STRUT: left 40, bottom 20, each along its whole edge. */
	const uint32_t v[4] = {40, 0, 0, 20};
	struct strut s;
	unsigned ignored = 0;
	assert_true(strut_parse(v, 4, false, &s));
	assert_rect(cut(screen, &s, &ignored), (struct rect){40, 0, 1240, 780});
}

static void test_too_few_values_reserve_nothing(void **state)
{
	(void)state;
	struct strut s;
	unsigned ignored = 0;
	assert_false(strut_parse(top_bar, 11, true, &s));
	assert_rect(cut(screen, &s, &ignored), screen);
	assert_false(strut_parse(top_bar, 3, false, &s));
	assert_false(strut_parse(NULL, 12, true, &s));
	assert_rect(cut(screen, &s, &ignored), screen);
	assert_int_equal(ignored, 0);
}

/* Two monitors side by side; a bar on the right one's top only. */
static void test_partial_on_one_of_two_monitors(void **state)
{
	(void)state;
	struct rect left = {0, 0, 1280, 800}, right = {1280, 0, 1920, 1080};
	const uint32_t v[12] = {0, 0, 24, 0, 0, 0, 0, 0, 1280, 3199, 0, 0};
	struct strut s;
	unsigned ignored = 0;
	strut_parse(v, 12, true, &s);
	assert_rect(strut_cut(left, left, 3200, 1080, &s, &ignored), left);
	assert_rect(strut_cut(right, right, 3200, 1080, &s, &ignored),
		    (struct rect){1280, 24, 1920, 1056});
	assert_int_equal(ignored, 0);
}

/* The bottom strut counts from the root's bottom: on a shorter monitor
 * beside a taller one, a bar at the root's bottom misses it. */
static void test_bottom_band_below_a_shorter_monitor(void **state)
{
	(void)state;
	struct rect shorter = {0, 0, 1280, 800};
	const uint32_t v[4] = {0, 0, 0, 30}; /* root 1080 high: y 1050.. */
	struct strut s;
	unsigned ignored = 0;
	strut_parse(v, 4, false, &s);
	assert_rect(strut_cut(shorter, shorter, 3200, 1080, &s, &ignored),
		    shorter);
	assert_int_equal(ignored, 0);
}

/* Two monitors stacked: a dock at the top monitor's bottom edge says so
 * with a bottom strut reaching up from the root's bottom. */
static void test_bottom_strut_on_the_upper_of_two_monitors(void **state)
{
	(void)state;
	struct rect upper = {0, 0, 1280, 800}, lower = {0, 800, 1280, 800};
	const uint32_t v[12] = {0, 0, 0, 830, 0, 0, 0, 0, 0, 0, 0, 1279};
	struct strut s;
	unsigned ignored = 0;
	strut_parse(v, 12, true, &s);
	assert_rect(strut_cut(upper, upper, 1280, 1600, &s, &ignored),
		    (struct rect){0, 0, 1280, 770});
	/* The lower one is wholly inside the band: that cut is refused. */
	assert_rect(strut_cut(lower, lower, 1280, 1600, &s, &ignored), lower);
	assert_int_equal(ignored, 1u << STRUT_BOTTOM);
}

static void test_cuts_add_up_to_the_largest_per_edge(void **state)
{
	(void)state;
	/* ctile's bar took 20 px at the top already; a dock takes 30. */
	struct rect work = {0, 20, 1280, 780};
	struct strut s;
	unsigned ignored = 0;
	strut_parse(top_bar, 12, true, &s);
	assert_rect(strut_cut(work, screen, ROOT_W, ROOT_H, &s, &ignored),
		    (struct rect){0, 30, 1280, 770});
	const uint32_t small[4] = {0, 0, 10, 0};
	strut_parse(small, 4, false, &s);
	assert_rect(strut_cut(work, screen, ROOT_W, ROOT_H, &s, &ignored),
		    work);
}

static void test_all_four_edges(void **state)
{
	(void)state;
	const uint32_t v[4] = {10, 20, 30, 40};
	struct strut s;
	unsigned ignored = 0;
	strut_parse(v, 4, false, &s);
	assert_rect(cut(screen, &s, &ignored),
		    (struct rect){10, 30, 1250, 730});
}

/* Bad input: struts that would leave less than half the monitor, spans
 * that end before they start, sizes beyond the root. */
static void test_bogus_struts_are_ignored(void **state)
{
	(void)state;
	struct strut s;
	unsigned ignored = 0;
	const uint32_t huge[4] = {0, 0, 100000, 0};
	strut_parse(huge, 4, false, &s);
	assert_rect(cut(screen, &s, &ignored), screen);
	assert_int_equal(ignored, 1u << STRUT_TOP);

	ignored = 0;
	const uint32_t most[4] = {0, 700, 0, UINT32_MAX};
	strut_parse(most, 4, false, &s);
	assert_rect(cut(screen, &s, &ignored), screen);
	assert_int_equal(ignored, 1u << STRUT_RIGHT | 1u << STRUT_BOTTOM);

	ignored = 0;
	const uint32_t backwards[12] = {0, 0, 30, 0, 0, 0, 0, 0, 900, 100};
	strut_parse(backwards, 12, true, &s);
	assert_rect(cut(screen, &s, &ignored), screen);
	assert_int_equal(ignored, 0);

	/* Exactly half is still allowed. */
	const uint32_t half[4] = {640, 0, 0, 0};
	strut_parse(half, 4, false, &s);
	assert_rect(cut(screen, &s, &ignored), (struct rect){640, 0, 640, 800});
	assert_int_equal(ignored, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_partial_top),
	    cmocka_unit_test(test_plain_strut_spans_whole_edges),
	    cmocka_unit_test(test_too_few_values_reserve_nothing),
	    cmocka_unit_test(test_partial_on_one_of_two_monitors),
	    cmocka_unit_test(test_bottom_band_below_a_shorter_monitor),
	    cmocka_unit_test(test_bottom_strut_on_the_upper_of_two_monitors),
	    cmocka_unit_test(test_cuts_add_up_to_the_largest_per_edge),
	    cmocka_unit_test(test_all_four_edges),
	    cmocka_unit_test(test_bogus_struts_are_ignored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
