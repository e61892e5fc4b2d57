/* test_widget_options.c: every widget reads every option it has in its
 * create(), so that widget_check can call any other one unknown: each
 * widget's options, all given at once, are accepted; one more is refused
 * with the list of them; a typo gets the nearest one; the option at fault
 * is the one blamed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "widget.h"

#define N(a) (sizeof(a) / sizeof(*(a)))

/* Each widget type with every option it has, and a good value of each. */
static const struct {
	const char *name, *options[8][2];
} types[] = {
    {"battery", {{"path", "/x"}, {"interval", "9"}, {"format", "%c"}}},
    {"clock", {{"format", "%H"}}},
    {"cpu", {{"interval", "1"}, {"format", "%u"}}},
    {"layout", {{0}}},
    {"memory", {{"interval", "1"}, {"format", "%p"}}},
    {"mode", {{0}}},
    {"network",
     {{"format_down", "%i"},
      {"interval", "3"},
      {"format", "%d"},
      {"iface", "eth0"},
      {"path", "/x"}}},
    {"script",
     {{"command", "date"},
      {"click", "true"},
      {"interval", "5"},
      {"max_width", "100"},
      {"persist", "no"},
      {"markup", "pango"}}},
    {"separator", {{0}}},
    {"spacer", {{"width", "4"}}},
    {"status", {{0}}},
    {"systray", {{"spacing", "3"}}},
    {"tags", {{0}}},
    {"title", {{"tasks", "yes"}}},
    {"volume",
     {{"step", "2"},
      {"max", "150"},
      {"format", "%v"},
      {"format_muted", "m"},
      {"click3", "true"}}},
};

/* Check the widget with the given options (and a needed command=). */
static char *check(const char *name, size_t n, char **keys, char **values,
		   long *at)
{
	const struct widget_ops *ops = widget_find(name);
	assert_non_null(ops);
	struct widget_args a = {n, keys, values, NULL};
	return widget_check(ops, &a, at);
}

static size_t options_of(size_t t, char **keys, char **values)
{
	size_t n = 0;
	for (; n < N(types[t].options) && types[t].options[n][0]; n++) {
		keys[n] = (char *)types[t].options[n][0];
		values[n] = (char *)types[t].options[n][1];
	}
	return n;
}

static void test_the_table_has_every_widget(void **state)
{
	(void)state;
	assert_int_equal(N(types), widget_type_count);
	for (size_t t = 0; t < N(types); t++)
		assert_non_null(widget_find(types[t].name));
}

static void test_all_options_at_once_are_read(void **state)
{
	(void)state;
	for (size_t t = 0; t < N(types); t++) {
		char *keys[9], *values[9];
		long at = -2;
		size_t n = options_of(t, keys, values);
		char *e = check(types[t].name, n, keys, values, &at);
		if (e)
			fail_msg("%s: %s (option %ld)", types[t].name, e, at);
	}
}

/* One option more is unknown, at its index, and the error lists what the
 * widget has, in the order it reads them. */
static void test_another_option_lists_the_known_ones(void **state)
{
	(void)state;
	for (size_t t = 0; t < N(types); t++) {
		char *keys[9], *values[9], want[512], list[400] = "";
		size_t n = options_of(t, keys, values);
		for (size_t i = 0; i < n; i++)
			snprintf(list + strlen(list),
				 sizeof(list) - strlen(list),
				 "%s%s=", i ? ", " : "", keys[i]);
		keys[n] = "zzzzzzzz";
		values[n] = "1";
		long at = -2;
		char *e = check(types[t].name, n + 1, keys, values, &at);
		if (n)
			snprintf(want, sizeof(want),
				 "unknown option 'zzzzzzzz' (%s has %s)",
				 types[t].name, list);
		else
			snprintf(want, sizeof(want),
				 "unknown option 'zzzzzzzz' (%s has no "
				 "options)",
				 types[t].name);
		assert_non_null(e);
		assert_string_equal(e, want);
		assert_int_equal(at, (long)n);
		free(e);
	}
}

static void test_a_typo_gets_the_nearest_option(void **state)
{
	(void)state;
	const char *cases[][4] = {
	    {"clock", "fromat", "%H",
	     "unknown option 'fromat' (did you mean "
	     "format=?)"},
	    {"cpu", "intervall", "1",
	     "unknown option 'intervall' (did you "
	     "mean interval=?)"},
	    {"volume", "format_mute", "m",
	     "unknown option 'format_mute' (did "
	     "you mean format_muted=?)"},
	    {"title", "task", "yes",
	     "unknown option 'task' (did you mean "
	     "tasks=?)"},
	    /* Too far from any to be a typo of one: the list. */
	    {"systray", "x", "1",
	     "unknown option 'x' (systray has "
	     "spacing=)"},
	};
	for (size_t i = 0; i < N(cases); i++) {
		char *keys[] = {(char *)cases[i][1]};
		char *values[] = {(char *)cases[i][2]};
		long at = -2;
		char *e = check(cases[i][0], 1, keys, values, &at);
		assert_non_null(e);
		assert_string_equal(e, cases[i][3]);
		assert_int_equal(at, 0);
		free(e);
	}
}

/* A bad value is blamed on its option, whatever comes before or after;
 * what the widget lacks, on the widget (-1). */
static void test_the_option_at_fault_is_blamed(void **state)
{
	(void)state;
	struct {
		const char *name, *kv[3][2], *error;
		long at;
	} cases[] = {
	    {"title", {{"tasks", "yse"}}, "tasks= takes yes or no", 0},
	    {"network",
	     {{"iface", "a/b"}, {"path", "/x"}},
	     "iface=a/b is not an interface name",
	     0},
	    {"network", {{"path", ""}, {"iface", "eth0"}}, "path= is empty", 0},
	    {"script",
	     {{"command", "date"}, {"persist", "maybe"}, {"interval", "2"}},
	     "persist= is not yes or no",
	     1},
	    {"script", {{"interval", "2"}}, "command= is missing", -1},
	    {"volume",
	     {{"step", "1"}, {"max", "-1"}},
	     "max=-1 is not a whole number >= 0",
	     1},
	    {"clock",
	     {{"format", "a"}, {"format", "b"}},
	     "format= is given twice",
	     1},
	};
	for (size_t i = 0; i < N(cases); i++) {
		char *keys[3], *values[3];
		size_t n = 0;
		for (; n < 3 && cases[i].kv[n][0]; n++) {
			keys[n] = (char *)cases[i].kv[n][0];
			values[n] = (char *)cases[i].kv[n][1];
		}
		long at = -2;
		char *e = check(cases[i].name, n, keys, values, &at);
		assert_non_null(e);
		assert_string_equal(e, cases[i].error);
		assert_int_equal(at, cases[i].at);
		free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_the_table_has_every_widget),
	    cmocka_unit_test(test_all_options_at_once_are_read),
	    cmocka_unit_test(test_another_option_lists_the_known_ones),
	    cmocka_unit_test(test_a_typo_gets_the_nearest_option),
	    cmocka_unit_test(test_the_option_at_fault_is_blamed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
