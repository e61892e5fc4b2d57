/* test_bar_fit.c: the bar's widgets when they do not all fit: the title
 * yields first, then the status and script text and the config error's
 * banner (the widest first); whole widgets are left out only as a last
 * resort, from the middle of the bar outward; the left ones and the tray
 * never are (a status at the left is still cut), and nothing ever has a
 * negative width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "bar_internal.h"

#define EXPAND WIDGET_EXPAND
#define WHOLE  WIDGET_WHOLE
#define CUT    WIDGET_CUT
#define KEEP   WIDGET_KEEP
#define FLOOR  20

struct fixture {
	struct widget_inst w[BAR_SIDES][8];
	struct widget_inst *v[BAR_SIDES];
	size_t n[BAR_SIDES];
};

static void add(struct fixture *f, int side, int want, enum widget_fit fit)
{
	f->v[side] = f->w[side];
	f->w[side][f->n[side]++] =
	    (struct widget_inst){.want = want, .fit = fit};
}

static int got(const struct fixture *f, int side, size_t k)
{
	return f->w[side][k].w;
}

static int fit(struct fixture *f, int width, int banner)
{
	for (int s = 0; s < BAR_SIDES; s++)
		f->v[s] = f->w[s];
	return bar_fit(f->v, f->n, width, banner, FLOOR);
}

/* dwm's bar: tags, layout symbol and title at the left; status and tray
 * at the right. */
static void dwm_bar(struct fixture *f, int status)
{
	*f = (struct fixture){0};
	add(f, BAR_LEFT, 200, WHOLE);	 /* tags */
	add(f, BAR_LEFT, 30, WHOLE);	 /* layout */
	add(f, BAR_LEFT, EXPAND, WHOLE); /* title */
	add(f, BAR_RIGHT, 50, KEEP);	 /* systray */
	add(f, BAR_RIGHT, status, CUT);	 /* status */
	add(f, BAR_RIGHT, 100, WHOLE);	 /* clock */
}

static void test_all_fit_the_title_takes_the_rest(void **state)
{
	(void)state;
	struct fixture f;
	dwm_bar(&f, 300);
	assert_int_equal(fit(&f, 1280, 0), 0);
	assert_int_equal(got(&f, BAR_LEFT, 0), 200);
	assert_int_equal(got(&f, BAR_LEFT, 2),
			 1280 - 200 - 30 - 50 - 300 - 100);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 300);
	/* With a banner: it comes out of the title's room. */
	assert_int_equal(fit(&f, 1280, 400), 400);
	assert_int_equal(got(&f, BAR_LEFT, 2), 1280 - 680 - 400);
}

static void test_a_long_status_is_cut_and_nothing_pushed_off(void **state)
{
	(void)state;
	struct fixture f;
	dwm_bar(&f, 5000);
	assert_int_equal(fit(&f, 1280, 0), 0);
	assert_int_equal(got(&f, BAR_LEFT, 0), 200);
	assert_int_equal(got(&f, BAR_LEFT, 1), 30);
	assert_int_equal(got(&f, BAR_LEFT, 2), 0);
	assert_int_equal(got(&f, BAR_RIGHT, 0), 50);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 1280 - 200 - 30 - 50 - 100);
	assert_int_equal(got(&f, BAR_RIGHT, 2), 100);
	/* At 800 pixels too. */
	fit(&f, 800, 0);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 800 - 380);
}

static void test_the_widest_text_is_cut_first(void **state)
{
	(void)state;
	struct fixture f = {0};
	add(&f, BAR_LEFT, 200, WHOLE);
	add(&f, BAR_RIGHT, 100, CUT);  /* a short script */
	add(&f, BAR_RIGHT, 3000, CUT); /* a long status */
	fit(&f, 800, 0);
	assert_int_equal(got(&f, BAR_RIGHT, 0), 100);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 500);
	/* Two long ones share alike. */
	f.w[BAR_RIGHT][0].want = 2000;
	fit(&f, 800, 0);
	assert_int_equal(got(&f, BAR_RIGHT, 0), 300);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 300);
}

static void test_the_banner_and_the_status_share(void **state)
{
	(void)state;
	struct fixture f;
	dwm_bar(&f, 5000);
	/* 900 pixels of room: a short banner is whole, the status has the
	 * rest; a long one and the status get half each. */
	assert_int_equal(fit(&f, 1280, 200), 200);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 700);
	assert_int_equal(fit(&f, 1280, 2000), 450);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 450);
	/* A short status stays whole beside a long banner. */
	dwm_bar(&f, 300);
	assert_int_equal(fit(&f, 1280, 2000), 600);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 300);
	/* No room for the status's glimpse (FLOOR): all share what is. */
	dwm_bar(&f, 5000);
	assert_int_equal(fit(&f, 390, 2000), 5);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 5);
	assert_int_equal(got(&f, BAR_LEFT, 0), 200);
	assert_int_equal(got(&f, BAR_RIGHT, 0), 50);
}

static void test_whole_widgets_go_from_the_middle_outward(void **state)
{
	(void)state;
	struct fixture f = {0};
	add(&f, BAR_LEFT, 300, WHOLE);
	add(&f, BAR_CENTER, 100, WHOLE);
	add(&f, BAR_RIGHT, 50, KEEP);
	add(&f, BAR_RIGHT, 80, WHOLE);
	add(&f, BAR_RIGHT, 90, WHOLE);
	add(&f, BAR_RIGHT, 400, CUT);
	add(&f, BAR_RIGHT, 100, WHOLE);
	/* 720 whole pixels in 600: the centre's 100, then the right's
	 * first whole one (80) go; 60 pixels left for the status. */
	fit(&f, 600, 0);
	assert_int_equal(got(&f, BAR_LEFT, 0), 300);
	assert_int_equal(got(&f, BAR_CENTER, 0), 0);
	assert_int_equal(got(&f, BAR_RIGHT, 0), 50);
	assert_int_equal(got(&f, BAR_RIGHT, 1), 0);
	assert_int_equal(got(&f, BAR_RIGHT, 2), 90);
	assert_int_equal(got(&f, BAR_RIGHT, 3), 60);
	assert_int_equal(got(&f, BAR_RIGHT, 4), 100);
	/* Narrower than the left and the tray: they alone stay. */
	fit(&f, 320, 0);
	assert_int_equal(got(&f, BAR_LEFT, 0), 300);
	assert_int_equal(got(&f, BAR_RIGHT, 0), 50);
	for (size_t k = 1; k < 5; k++)
		assert_int_equal(got(&f, BAR_RIGHT, k), 0);
}

/* Any mix, any width: no width below 0 or above what was measured, and
 * unless the left and kept widgets alone are too wide, all fits. */
static void test_random_bars_fit(void **state)
{
	(void)state;
	srand(7);
	for (int round = 0; round < 5000; round++) {
		struct fixture f = {0};
		int hold = 0, width = rand() % 2000,
		    banner = rand() % 3 ? 0 : rand() % 900;
		for (int s = 0; s < BAR_SIDES; s++)
			for (int k = rand() % 5; k > 0; k--) {
				int r = rand() % 4, want = rand() % 600;
				enum widget_fit how = r == 0   ? CUT
						      : r == 1 ? KEEP
							       : WHOLE;
				if (rand() % 6 == 0)
					want = EXPAND;
				add(&f, s, want, how);
				if (want > 0 && how != CUT &&
				    (how == KEEP || s == BAR_LEFT))
					hold += want;
			}
		int b = fit(&f, width, banner), sum = b;
		assert_true(b >= 0 && b <= banner);
		for (int s = 0; s < BAR_SIDES; s++)
			for (size_t k = 0; k < f.n[s]; k++) {
				const struct widget_inst *w = &f.w[s][k];
				assert_true(w->w >= 0);
				assert_true(w->want == EXPAND ||
					    w->w <= w->want);
				if ((w->fit == KEEP || s == BAR_LEFT) &&
				    w->fit != CUT && w->want != EXPAND)
					assert_int_equal(w->w, w->want);
				sum += w->w;
			}
		if (hold <= width)
			assert_true(sum <= width);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_all_fit_the_title_takes_the_rest),
	    cmocka_unit_test(test_a_long_status_is_cut_and_nothing_pushed_off),
	    cmocka_unit_test(test_the_widest_text_is_cut_first),
	    cmocka_unit_test(test_the_banner_and_the_status_share),
	    cmocka_unit_test(test_whole_widgets_go_from_the_middle_outward),
	    cmocka_unit_test(test_random_bars_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
