/* test_clock.c: the clock widget wakes exactly when its text can change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "clock.h"
#include "widget.h"

static void test_formats_with_seconds(void **state)
{
	(void)state;
	const char *yes[] = {"%S", "%H:%M:%S", "%T", "%s",     "%X",
			     "%c", "%r",       "%+", "%a %OS", "%ES"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		assert_true(clock_shows_seconds(yes[i]));
}

static void test_formats_without_seconds(void **state)
{
	(void)state;
	const char *no[] = {"%H:%M", "%a %d %b %H:%M", "",   "plain", "%%S",
			    "%",     "100%",	       "%R", "%D"};
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
		assert_false(clock_shows_seconds(no[i]));
}

/* The waits are a few ms (TICK_LATE_MS, 5) longer than to the boundary, so
 * the widget reads the clock once the new minute has begun. */
static void test_next_minute(void **state)
{
	(void)state;
	/* 12:00:00.000 -> a whole minute; 12:00:59.999 -> 1 ms. */
	assert_int_equal(widget_tick_wait_ms(1700000040000, 60000), 60005);
	assert_int_equal(widget_tick_wait_ms(1700000099999, 60000), 6);
	assert_int_equal(widget_tick_wait_ms(1700000070500, 60000), 29505);
}

static void test_next_second(void **state)
{
	(void)state;
	assert_int_equal(widget_tick_wait_ms(1700000040000, 1000), 1005);
	assert_int_equal(widget_tick_wait_ms(1700000040999, 1000), 6);
	assert_int_equal(widget_tick_wait_ms(1700000040250, 1000), 755);
}

/* Each instant is a whole multiple of its period on the wall clock (plus the
 * lateness), whenever it is asked for: a 2 s and a 5 s widget then wake
 * together every 10 s, and the clock's new minute is one of their instants. */
static void test_intervals_share_instants(void **state)
{
	(void)state;
	for (int64_t wall = 1700000040000; wall < 1700000100000; wall += 7) {
		int64_t two = wall + widget_tick_wait_ms(wall, 2000);
		int64_t five = wall + widget_tick_wait_ms(wall, 5000);
		int64_t minute = wall + widget_tick_wait_ms(wall, 60000);
		assert_int_equal((two - 5) % 2000, 0);
		assert_int_equal((five - 5) % 5000, 0);
		assert_int_equal((minute - 5) % 2000, 0);
		assert_int_equal((minute - 5) % 5000, 0);
	}
}

static void test_widget_wakes_once_a_minute(void **state)
{
	(void)state;
	const struct widget_ops *ops = widget_find("clock");
	assert_non_null(ops);
	char *keys[] = {"format"}, *values[] = {"%H:%M"};
	struct widget_args a = {1, keys, values, NULL};
	char *error = NULL;
	void *self = ops->create(&a, &error);
	assert_non_null(self);
	int64_t now = 5000000, next = ops->next_wakeup_ms(self, now);
	/* At most a minute (and the few ms of lateness) away, never now. */
	assert_true(next > now);
	assert_true(next <= now + 60000 + 5);
	ops->destroy(self);
}

static void test_empty_format_is_an_error(void **state)
{
	(void)state;
	const struct widget_ops *ops = widget_find("clock");
	char *keys[] = {"format"}, *values[] = {""};
	struct widget_args a = {1, keys, values, NULL};
	char *error = NULL;
	assert_null(ops->create(&a, &error));
	assert_string_equal(error, "format= is empty");
	free(error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_formats_with_seconds),
	    cmocka_unit_test(test_formats_without_seconds),
	    cmocka_unit_test(test_next_minute),
	    cmocka_unit_test(test_next_second),
	    cmocka_unit_test(test_intervals_share_instants),
	    cmocka_unit_test(test_widget_wakes_once_a_minute),
	    cmocka_unit_test(test_empty_format_is_an_error),
	};
	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
