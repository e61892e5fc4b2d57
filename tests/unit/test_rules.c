/* test_rules.c: `rule` lines parsed from config text, then matched against
 * windows: regexes on class, instance, title and role, window types, and
 * every matching rule applied in file order, a later one overriding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "config_fixture.h"
#include "rules.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* The fixture (config_fixture.h): a struct config_fx per test, f->c
 * parsed into, f->e the errors of the last parse. */

/* Parse text into the fixture's config, expecting no error. */
static void parse(struct config_fx *f, const char *text)
{
	config_fx_parse_ok(f, text);
}

/* Parse one line, expecting exactly one error at col with message msg
 * (NULL: any message); no rule is added. */
static void parse_err(struct config_fx *f, const char *line, int col,
		      const char *msg)
{
	size_t before = f->c.nrules;
	int n = config_fx_parse(f, line, strlen(line));
	if (n != 1)
		fail_msg("'%s': %d errors, want 1", line, n);
	if (f->e.v[0].col != col)
		fail_msg("'%s': column %d, want %d (%s)", line, f->e.v[0].col,
			 col, f->e.v[0].message);
	if (msg && strcmp(f->e.v[0].message, msg) != 0)
		fail_msg("'%s':\n  got  '%s'\n  want '%s'", line,
			 f->e.v[0].message, msg);
	assert_int_equal(f->c.nrules, before);
}

static struct rule_subject win(const char *class_name, const char *instance,
			       const char *title, const char *role, int type)
{
	return (struct rule_subject){class_name, instance, title, role, type};
}

static struct rule_result apply(const struct config_fx *f,
				struct rule_subject s)
{
	struct rule_result r;
	memset(&r, 0x5a, sizeof(r));
	rules_apply(&f->c, &s, &r);
	return r;
}

/* What no rule said: no tags, the rest -1. */
static void assert_untouched(struct rule_result r)
{
	assert_int_equal(r.tags, 0);
	assert_int_equal(r.floating, -1);
	assert_int_equal(r.fullscreen, -1);
	assert_int_equal(r.monitor, -1);
	assert_int_equal(r.focus, -1);
	assert_int_equal(r.above, -1);
}

#define NORMAL(cls) win(cls, NULL, NULL, NULL, WT_NORMAL)

/* ------------------------------------------------------------------------ */
/* Matching                                                                 */
/* ------------------------------------------------------------------------ */

static void test_no_rules(void **state)
{
	struct config_fx *f = *state;
	assert_int_equal(f->c.nrules, 0);
	assert_untouched(apply(f, NORMAL("XTerm")));
	/* A window with no properties at all. */
	assert_untouched(apply(f, win(NULL, NULL, NULL, NULL, WT_NORMAL)));
}

static void test_no_match_leaves_result(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^XTerm$ tags=3 floating fullscreen monitor=2 "
		 "focus=no above\n");
	assert_untouched(apply(f, NORMAL("Firefox")));
	assert_untouched(apply(f, win(NULL, NULL, NULL, NULL, WT_NORMAL)));
}

/* (?i) in front, as i3 writes it: case does not matter. */
static void test_case_insensitive(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=(?i)^firefox$ tags=2\n");
	assert_int_equal(apply(f, NORMAL("Firefox")).tags, 0x2);
	assert_int_equal(apply(f, NORMAL("FIREFOX")).tags, 0x2);
	assert_int_equal(apply(f, NORMAL("firefox-esr")).tags, 0);
}

/* The example: class=^XTerm$ goes to tag 3. */
static void test_class_anchored(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^XTerm$ tags=3\n");
	assert_int_equal(f->c.nrules, 1);
	struct rule_result r = apply(f, NORMAL("XTerm"));
	assert_int_equal(r.tags, 0x4);
	assert_int_equal(r.floating, -1);
	assert_int_equal(r.fullscreen, -1);
	assert_int_equal(r.monitor, -1);
	assert_int_equal(r.focus, -1);
	/* Anchors hold; case matters. */
	assert_int_equal(apply(f, NORMAL("UXTerm")).tags, 0);
	assert_int_equal(apply(f, NORMAL("XTerm2")).tags, 0);
	assert_int_equal(apply(f, NORMAL("xterm")).tags, 0);
	assert_int_equal(apply(f, NORMAL("")).tags, 0);
}

static void test_class_unanchored(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=Term floating\n");
	assert_int_equal(apply(f, NORMAL("XTerm")).floating, 1);
	assert_int_equal(apply(f, NORMAL("UXTerm")).floating, 1);
	assert_int_equal(apply(f, NORMAL("Terminal")).floating, 1);
	assert_int_equal(apply(f, NORMAL("term")).floating, -1);
}

/* POSIX extended syntax: alternation, groups, + and intervals. */
static void test_extended_syntax(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^(Firefox|Chromium)$ tags=2\n"
		 "rule 'title=^[0-9]+ items?$' floating\n"
		 "rule instance=^a{2,3}$ fullscreen\n"
		 "rule title=^#chan$ monitor=3\n");
	assert_int_equal(apply(f, NORMAL("Firefox")).tags, 0x2);
	assert_int_equal(apply(f, NORMAL("Chromium")).tags, 0x2);
	assert_int_equal(apply(f, NORMAL("Firefox-esr")).tags, 0);
	assert_int_equal(apply(f, NORMAL("(Firefox|Chromium)")).tags, 0);

	assert_int_equal(
	    apply(f, win("x", NULL, "12 items", NULL, WT_NORMAL)).floating, 1);
	assert_int_equal(
	    apply(f, win("x", NULL, "1 item", NULL, WT_NORMAL)).floating, 1);
	assert_int_equal(
	    apply(f, win("x", NULL, " items", NULL, WT_NORMAL)).floating, -1);

	assert_int_equal(
	    apply(f, win("x", "aa", NULL, NULL, WT_NORMAL)).fullscreen, 1);
	assert_int_equal(
	    apply(f, win("x", "aaa", NULL, NULL, WT_NORMAL)).fullscreen, 1);
	assert_int_equal(
	    apply(f, win("x", "aaaa", NULL, NULL, WT_NORMAL)).fullscreen, -1);
	assert_int_equal(
	    apply(f, win("x", "a", NULL, NULL, WT_NORMAL)).fullscreen, -1);

	/* A # inside a word is no comment. */
	assert_int_equal(
	    apply(f, win("x", NULL, "#chan", NULL, WT_NORMAL)).monitor, 2);
}

static void test_each_field(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule instance=^navigator$ tags=1\n"
		 "rule title=Picture-in-Picture floating\n"
		 "rule role=^pop-up$ fullscreen\n");
	assert_int_equal(
	    apply(f, win("Firefox", "navigator", "x", "browser", WT_NORMAL))
		.tags,
	    0x1);
	/* The class is not the instance. */
	assert_int_equal(
	    apply(f, win("navigator", "Navigator", "x", NULL, WT_NORMAL)).tags,
	    0);
	assert_int_equal(apply(f, win("Firefox", NULL, "Picture-in-Picture",
				      NULL, WT_NORMAL))
			     .floating,
			 1);
	assert_int_equal(
	    apply(f, win("Firefox", NULL, "x", "pop-up", WT_NORMAL)).fullscreen,
	    1);
	assert_int_equal(
	    apply(f, win("Firefox", NULL, "pop-up", NULL, WT_NORMAL))
		.fullscreen,
	    -1);
}

/* A missing property is the empty string: ^$ matches it, a word not. */
static void test_missing_property(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule role=^$ tags=2\n"
		 "rule title=. floating\n");
	struct rule_result r = apply(f, win("x", NULL, NULL, NULL, WT_NORMAL));
	assert_int_equal(r.tags, 0x2);
	assert_int_equal(r.floating, -1);
	r = apply(f, win("x", NULL, "t", "r", WT_NORMAL));
	assert_int_equal(r.tags, 0);
	assert_int_equal(r.floating, 1);
}

/* Every match of one rule must hold. */
static void test_matches_all_hold(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^Gimp$ title=^Layers$ type=utility floating\n");
	assert_int_equal(
	    apply(f, win("Gimp", NULL, "Layers", NULL, WT_UTILITY)).floating,
	    1);
	assert_int_equal(
	    apply(f, win("Gimp", NULL, "Layers", NULL, WT_NORMAL)).floating,
	    -1);
	assert_int_equal(
	    apply(f, win("Gimp", NULL, "Brushes", NULL, WT_UTILITY)).floating,
	    -1);
	assert_int_equal(
	    apply(f, win("Inkscape", NULL, "Layers", NULL, WT_UTILITY))
		.floating,
	    -1);
}

static void test_window_types(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule type=dialog floating\n");
	assert_int_equal(
	    apply(f, win("x", NULL, NULL, NULL, WT_DIALOG)).floating, 1);
	assert_int_equal(
	    apply(f, win("x", NULL, NULL, NULL, WT_NORMAL)).floating, -1);
	assert_int_equal(
	    apply(f, win("x", NULL, NULL, NULL, WT_SPLASH)).floating, -1);
	/* Every type has its name. */
	config_finish(&f->c);
	config_init(&f->c);
	for (int t = 0; t < WT_COUNT; t++) {
		char line[64];
		snprintf(line, sizeof(line), "rule type=%s monitor=%d\n",
			 window_type_names[t], t + 1);
		parse(f, line);
	}
	assert_int_equal(f->c.nrules, WT_COUNT);
	for (int t = 0; t < WT_COUNT; t++)
		assert_int_equal(
		    apply(f, win("x", NULL, NULL, NULL, t)).monitor, t);
}

/* ------------------------------------------------------------------------ */
/* What rules give                                                          */
/* ------------------------------------------------------------------------ */

static void test_tags_by_name_number_and_all(void **state)
{
	struct config_fx *f = *state;
	parse(f, "tags web mail irc code\n"
		 "rule class=^a$ tags=mail\n"
		 "rule class=^b$ tags=3\n"
		 "rule class=^c$ tags=all\n"
		 "rule class=^d$ tags=web,4\n"
		 "rule class=^e$ tags=code,code\n");
	assert_int_equal(apply(f, NORMAL("a")).tags, 0x2);
	assert_int_equal(apply(f, NORMAL("b")).tags, 0x4);
	assert_int_equal(apply(f, NORMAL("c")).tags, 0xf);
	assert_int_equal(apply(f, NORMAL("d")).tags, 0x9);
	assert_int_equal(apply(f, NORMAL("e")).tags, 0x8);
	/* Beyond the 4 tags, or a name not given: errors. */
	parse_err(f, "rule class=^f$ tags=5\n", 16, "rule: unknown tag in '5'");
	parse_err(f, "rule class=^f$ tags=0\n", 16, "rule: unknown tag in '0'");
	parse_err(f, "rule class=^f$ tags=Web\n", 16,
		  "rule: unknown tag in 'Web'");
}

/* A tag named like a number is found by its name first. */
static void test_tags_numeric_names(void **state)
{
	struct config_fx *f = *state;
	parse(f, "tags 3 2 1\n"
		 "rule class=^a$ tags=1\n");
	assert_int_equal(apply(f, NORMAL("a")).tags, 0x4);
}

/* With 32 tags, all is every bit and 32 is the last. */
static void test_tags_32(void **state)
{
	struct config_fx *f = *state;
	char line[256];
	size_t o = (size_t)snprintf(line, sizeof(line), "tags");
	for (int i = 1; i <= 32; i++)
		o += (size_t)snprintf(line + o, sizeof(line) - o, " t%d", i);
	snprintf(line + o, sizeof(line) - o, "\n");
	parse(f, line);
	parse(f, "rule class=^a$ tags=all\nrule class=^b$ tags=t32\n"
		 "rule class=^c$ tags=32\n");
	assert_int_equal(apply(f, NORMAL("a")).tags, 0xffffffffu);
	assert_int_equal(apply(f, NORMAL("b")).tags, 0x80000000u);
	assert_int_equal(apply(f, NORMAL("c")).tags, 0x80000000u);
}

/* Every matching rule applies in file order; a later one overrides only
 * what it says itself. */
static void test_later_rules_override(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^x$ tags=1 floating monitor=1\n"
		 "rule class=^x$ tags=2\n"
		 "rule class=x fullscreen above\n"
		 "rule class=^y$ tags=9\n"
		 "rule class=^x$ monitor=3 above=no\n");
	struct rule_result r = apply(f, NORMAL("x"));
	assert_int_equal(r.above, 0);
	assert_int_equal(r.tags, 0x2);
	assert_int_equal(r.floating, 1);
	assert_int_equal(r.fullscreen, 1);
	assert_int_equal(r.monitor, 2);
	assert_int_equal(r.focus, -1);
	/* Another window sees only its own rules. */
	r = apply(f, NORMAL("y"));
	assert_int_equal(r.tags, 0x100);
	assert_int_equal(r.floating, -1);
	assert_int_equal(r.monitor, -1);
	r = apply(f, NORMAL("xy"));
	assert_int_equal(r.fullscreen, 1);
	assert_int_equal(r.tags, 0);
}

/* floating=no after a rule that floats: the later one wins. */
static void test_floating_no_overrides(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule type=dialog floating\n"
		 "rule class=^Gimp$ floating=no\n");
	assert_int_equal(
	    apply(f, win("Gimp", NULL, NULL, NULL, WT_DIALOG)).floating, 0);
	assert_int_equal(
	    apply(f, win("Other", NULL, NULL, NULL, WT_DIALOG)).floating, 1);
	assert_int_equal(
	    apply(f, win("Gimp", NULL, NULL, NULL, WT_NORMAL)).floating, 0);
	/* And the other way round. */
	parse(f, "rule class=^Gimp$ title=^Toolbox$ floating=yes\n");
	assert_int_equal(
	    apply(f, win("Gimp", NULL, "Toolbox", NULL, WT_NORMAL)).floating,
	    1);
}

static void test_yes_no_words(void **state)
{
	struct config_fx *f = *state;
	const char *yes[] = {"yes", "on", "true"};
	const char *no[] = {"no", "off", "false"};
	for (size_t i = 0; i < 3; i++) {
		char text[128];
		config_finish(&f->c);
		config_init(&f->c);
		snprintf(text, sizeof(text),
			 "rule class=a floating=%s fullscreen=%s focus=%s\n",
			 yes[i], no[i], yes[i]);
		parse(f, text);
		struct rule_result r = apply(f, NORMAL("a"));
		assert_int_equal(r.floating, 1);
		assert_int_equal(r.fullscreen, 0);
		assert_int_equal(r.focus, 1);
	}
	parse_err(f, "rule class=a floating=Yes\n", 14,
		  "rule: 'floating=Yes' wants yes or no");
	parse_err(f, "rule class=a fullscreen=\n", 14,
		  "rule: 'fullscreen=' wants yes or no");
}

/* A rule takes the same yes/no words as the settings do: a user who wrote
 * `smart_gaps 1` can write `floating=1`. */
static void test_yes_no_same_as_settings(void **state)
{
	struct config_fx *f = *state;
	const char *words[] = {"yes", "on",    "true", "1",	"no",
			       "off", "false", "0",    "maybe", "Y"};
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		char setting[64], rule[64];
		struct config_fx g;
		snprintf(setting, sizeof(setting), "smart_gaps %s\n", words[i]);
		snprintf(rule, sizeof(rule), "rule class=a floating=%s\n",
			 words[i]);
		config_fx_init(&g);
		int s = config_parse_text(&g.c, setting, strlen(setting), "t",
					  &g.e);
		int r = config_parse_text(&g.c, rule, strlen(rule), "t", &g.e);
		config_fx_free(&g);
		if ((s == 0) != (r == 0))
			fail_msg("'%s': smart_gaps %s, a rule %s", words[i],
				 s ? "refuses it" : "takes it",
				 r ? "refuses it" : "takes it");
	}
	(void)f;
}

static void test_focus_no_and_nofocus(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^a$ focus=no\n"
		 "rule class=^b$ nofocus\n"
		 "rule class=^c$ focus\n"
		 "rule class=^d$ focus=yes\n"
		 "rule class=^c|d$ nofocus\n");
	assert_int_equal(apply(f, NORMAL("a")).focus, 0);
	assert_int_equal(apply(f, NORMAL("b")).focus, 0);
	/* c: focus, then nofocus from the last rule; d matches ^c|d$ too. */
	assert_int_equal(apply(f, NORMAL("c")).focus, 0);
	assert_int_equal(apply(f, NORMAL("d")).focus, 0);
	parse(f, "rule class=^c$ focus\n");
	assert_int_equal(apply(f, NORMAL("c")).focus, 1);
	assert_int_equal(apply(f, NORMAL("zzz")).focus, -1);
}

static void test_fullscreen(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^mpv$ fullscreen\n"
		 "rule class=^mpv$ title=small fullscreen=no\n");
	assert_int_equal(apply(f, NORMAL("mpv")).fullscreen, 1);
	assert_int_equal(
	    apply(f, win("mpv", NULL, "small one", NULL, WT_NORMAL)).fullscreen,
	    0);
}

/* monitor=N counts from 1 in the file and is kept from 0. */
static void test_monitor(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^a$ monitor=2\n"
		 "rule class=^b$ monitor=1\n"
		 "rule class=^c$ monitor=64\n");
	assert_int_equal(f->c.rules[0].monitor, 1);
	assert_int_equal(apply(f, NORMAL("a")).monitor, 1);
	assert_int_equal(apply(f, NORMAL("b")).monitor, 0);
	assert_int_equal(apply(f, NORMAL("c")).monitor, 63);
	/* Out of range or not a number: an error at the word. */
	parse_err(f, "rule class=^d$ monitor=0\n", 16, NULL);
	parse_err(f, "rule class=^d$ monitor=65\n", 16, NULL);
	parse_err(f, "rule class=^d$ monitor=x\n", 16, NULL);
	parse_err(f, "rule class=^d$ monitor=-1\n", 16, NULL);
	parse_err(f, "rule class=^d$ monitor=\n", 16, NULL);
	assert_int_equal(f->c.nrules, 3);
}

/* ------------------------------------------------------------------------ */
/* How rules are written                                                    */
/* ------------------------------------------------------------------------ */

/* Quotes keep blanks in a regex; a variable may hold one. */
static void test_quoted_regex_and_variables(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule \"title=^My Window$\" floating\n"
		 "rule title=\"^Other Window$\" tags=2\n"
		 "set $term ^(XTerm|URxvt)$\n"
		 "rule class=$term tags=3\n");
	assert_int_equal(
	    apply(f, win("x", NULL, "My Window", NULL, WT_NORMAL)).floating, 1);
	assert_int_equal(
	    apply(f, win("x", NULL, "Other Window", NULL, WT_NORMAL)).tags,
	    0x2);
	assert_int_equal(apply(f, NORMAL("URxvt")).tags, 0x4);
	assert_int_equal(apply(f, NORMAL("XTerm")).tags, 0x4);
}

/* The words may come in any order: actions before matches. */
static void test_word_order(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule floating tags=2 class=^a$\n");
	struct rule_result r = apply(f, NORMAL("a"));
	assert_int_equal(r.floating, 1);
	assert_int_equal(r.tags, 0x2);
}

/* A rule with an error adds nothing, not even its good words. */
static void test_bad_rule_adds_nothing(void **state)
{
	struct config_fx *f = *state;
	parse(f, "rule class=^a$ tags=2\n");
	parse_err(f, "rule class=^b$ tags=3 sticky\n", 23, NULL);
	parse_err(f, "rule class=( tags=3\n", 6, NULL);
	parse_err(f, "rule class=^b$ type=popup tags=3\n", 16,
		  "rule: unknown window type 'popup'");
	parse_err(f, "rule class=^b$ instance=x title=y role=z\n", 6, NULL);
	assert_int_equal(f->c.nrules, 1);
	assert_int_equal(apply(f, NORMAL("b")).tags, 0);
	assert_int_equal(apply(f, NORMAL("a")).tags, 0x2);
}

/* The built-in default: dialogs and splash screens float, nothing else
 * is touched. */
static void test_default_config_rules(void **state)
{
	struct config_fx *f = *state;
	parse(f, ctile_default_config);
	struct rule_result r =
	    apply(f, win("Gimp", "gimp", "Open", NULL, WT_DIALOG));
	assert_int_equal(r.floating, 1);
	assert_int_equal(r.tags, 0);
	assert_int_equal(r.focus, -1);
	assert_int_equal(
	    apply(f, win("x", NULL, NULL, NULL, WT_SPLASH)).floating, 1);
	assert_untouched(apply(f, win("XTerm", "xterm", "~", NULL, WT_NORMAL)));
}

int main(void)
{
#define T(f)                                                                   \
	cmocka_unit_test_setup_teardown(f, config_fx_setup, config_fx_teardown)
	const struct CMUnitTest tests[] = {
	    T(test_no_rules),
	    T(test_no_match_leaves_result),
	    T(test_case_insensitive),
	    T(test_class_anchored),
	    T(test_class_unanchored),
	    T(test_extended_syntax),
	    T(test_each_field),
	    T(test_missing_property),
	    T(test_matches_all_hold),
	    T(test_window_types),
	    T(test_tags_by_name_number_and_all),
	    T(test_tags_numeric_names),
	    T(test_tags_32),
	    T(test_later_rules_override),
	    T(test_floating_no_overrides),
	    T(test_yes_no_words),
	    T(test_yes_no_same_as_settings),
	    T(test_focus_no_and_nofocus),
	    T(test_fullscreen),
	    T(test_monitor),
	    T(test_quoted_regex_and_variables),
	    T(test_word_order),
	    T(test_bad_rule_adds_nothing),
	    T(test_default_config_rules),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
