/* test_keyparse.c: MODS+KEY specs to X modifier masks and xkb keysyms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xcb/xproto.h>
#include <xkbcommon/xkbcommon-keysyms.h>
#include <xkbcommon/xkbcommon.h>

#include "config.h"
#include "keyparse.h"

#define SHIFT XCB_MOD_MASK_SHIFT
#define CTRL  XCB_MOD_MASK_CONTROL
#define LOCK  XCB_MOD_MASK_LOCK
#define MOD1  XCB_MOD_MASK_1
#define MOD2  XCB_MOD_MASK_2
#define MOD3  XCB_MOD_MASK_3
#define MOD4  XCB_MOD_MASK_4
#define MOD5  XCB_MOD_MASK_5

static void parse_ok(const char *spec, uint16_t want_mods, uint32_t want_sym)
{
	uint16_t mods = 0xffff;
	uint32_t sym = 0xdeadbeef;
	char err[256] = "";
	if (!key_parse(spec, &mods, &sym, err, sizeof(err)))
		fail_msg("'%s': %s", spec, err);
	assert_int_equal(mods, want_mods);
	assert_int_equal(sym, want_sym);
}

static void parse_err(const char *spec, const char *msg)
{
	uint16_t mods;
	uint32_t sym = 0xdeadbeef;
	char err[256] = "";
	if (key_parse(spec, &mods, &sym, err, sizeof(err)))
		fail_msg("'%s' parsed as mods %#x keysym %#x", spec, mods, sym);
	assert_string_equal(err, msg);
}

static void test_common_bindings(void **state)
{
	(void)state;
	parse_ok("Mod4+Return", MOD4, XKB_KEY_Return);
	parse_ok("Super+Shift+1", MOD4 | SHIFT, XKB_KEY_1);
	parse_ok("Mod4+Shift+Return", MOD4 | SHIFT, XKB_KEY_Return);
	parse_ok("Ctrl+Alt+Delete", CTRL | MOD1, XKB_KEY_Delete);
	parse_ok("Control+Mod1+BackSpace", CTRL | MOD1, XKB_KEY_BackSpace);
	parse_ok("Mod4+space", MOD4, XKB_KEY_space);
	parse_ok("Mod4+Tab", MOD4, XKB_KEY_Tab);
	parse_ok("Mod4+Control+Shift+9", MOD4 | CTRL | SHIFT, XKB_KEY_9);
	parse_ok("Mod1+F12", MOD1, XKB_KEY_F12);
	parse_ok("XF86AudioRaiseVolume", 0, XKB_KEY_XF86AudioRaiseVolume);
	parse_ok("Print", 0, XKB_KEY_Print);
}

static void test_every_modifier(void **state)
{
	(void)state;
	parse_ok("Shift+a", SHIFT, XKB_KEY_a);
	parse_ok("Control+a", CTRL, XKB_KEY_a);
	parse_ok("Ctrl+a", CTRL, XKB_KEY_a);
	parse_ok("Lock+a", LOCK, XKB_KEY_a);
	parse_ok("Mod1+a", MOD1, XKB_KEY_a);
	parse_ok("Alt+a", MOD1, XKB_KEY_a);
	parse_ok("Mod2+a", MOD2, XKB_KEY_a);
	parse_ok("Mod3+a", MOD3, XKB_KEY_a);
	parse_ok("Mod4+a", MOD4, XKB_KEY_a);
	parse_ok("Super+a", MOD4, XKB_KEY_a);
	parse_ok("Mod5+a", MOD5, XKB_KEY_a);
	parse_ok("Shift+Control+Lock+Mod1+Mod2+Mod3+Mod4+Mod5+a",
		 SHIFT | CTRL | LOCK | MOD1 | MOD2 | MOD3 | MOD4 | MOD5,
		 XKB_KEY_a);
	/* The same modifier twice is the same mask. */
	parse_ok("Mod4+Super+a", MOD4, XKB_KEY_a);
}

static void test_modifiers_case_insensitive(void **state)
{
	(void)state;
	parse_ok("mod4+shift+j", MOD4 | SHIFT, XKB_KEY_j);
	parse_ok("MOD4+SHIFT+j", MOD4 | SHIFT, XKB_KEY_j);
	parse_ok("super+ctrl+alt+x", MOD4 | CTRL | MOD1, XKB_KEY_x);
	parse_ok("CONTROL+a", CTRL, XKB_KEY_a);
}

static void test_key_names(void **state)
{
	(void)state;
	/* Exact xkb names are case-sensitive: J is not j. */
	parse_ok("Mod4+J", MOD4, XKB_KEY_J);
	parse_ok("Mod4+j", MOD4, XKB_KEY_j);
	/* A name in the wrong case still finds its key. */
	parse_ok("Mod4+return", MOD4, XKB_KEY_Return);
	parse_ok("mod4+RETURN", MOD4, XKB_KEY_Return);
	parse_ok("Mod4+comma", MOD4, XKB_KEY_comma);
	parse_ok("Mod4+period", MOD4, XKB_KEY_period);
	parse_ok("Mod4+Escape", MOD4, XKB_KEY_Escape);
	parse_ok("Return", 0, XKB_KEY_Return);
	parse_ok("a", 0, XKB_KEY_a);
	parse_ok("0", 0, XKB_KEY_0);
}

static void test_plus_key(void **state)
{
	(void)state;
	parse_ok("Mod4+plus", MOD4, XKB_KEY_plus);
	parse_ok("plus", 0, XKB_KEY_plus);
	parse_ok("Mod4+minus", MOD4, XKB_KEY_minus);
}

/* "Mod4++": a trailing + after a modifier is the plus key itself, as
 * keyparse.c's own comment promises. */
static void test_plus_key_trailing(void **state)
{
	(void)state;
	parse_ok("Mod4++", MOD4, XKB_KEY_plus);
	parse_ok("Mod4+Shift++", MOD4 | SHIFT, XKB_KEY_plus);
}

static void test_errors(void **state)
{
	(void)state;
	parse_err("", "no key in ''");
	parse_err("Foo+a", "unknown modifier 'Foo' in 'Foo+a'");
	parse_err("Mod4+Hyper+a", "unknown modifier 'Hyper' in 'Mod4+Hyper+a'");
	parse_err("Mod4+NoSuchKey", "unknown key 'NoSuchKey'");
	parse_err("NoSuchKey", "unknown key 'NoSuchKey'");
	/* A hex keysym beyond the range cannot pass for a keycode. */
	parse_err("Mod4+0x80000010", "unknown key '0x80000010'");
	parse_err("+a", "unknown modifier '' in '+a'");
	parse_err("Mod4++a", "unknown modifier '' in 'Mod4++a'");
	/* A blank is no part of a modifier's name. */
	parse_err("Mod4 +a", "unknown modifier 'Mod4 ' in 'Mod4 +a'");
}

/* "Mod4+": modifiers and no key. The key is missing, it is not a key
 * called "Mod4+". */
static void test_error_no_key(void **state)
{
	(void)state;
	parse_err("Mod4+", "no key in 'Mod4+'");
	parse_err("Mod4+Shift+", "no key in 'Mod4+Shift+'");
}

static void test_error_messages_bounded(void **state)
{
	(void)state;
	char spec[600], err[256] = "";
	uint16_t mods;
	uint32_t sym;
	memset(spec, 'x', sizeof(spec) - 1);
	spec[sizeof(spec) - 1] = '\0';
	assert_false(key_parse(spec, &mods, &sym, err, sizeof(err)));
	assert_true(strlen(err) < sizeof(err));
	assert_true(strncmp(err, "unknown key '", 13) == 0);

	spec[300] = '+';
	assert_false(key_parse(spec, &mods, &sym, err, sizeof(err)));
	assert_true(strncmp(err, "unknown modifier '", 18) == 0);

	/* A tiny buffer is truncated, never overrun. */
	char small[4];
	assert_false(key_parse("Foo+a", &mods, &sym, small, sizeof(small)));
	assert_string_equal(small, "unk");
}

static void test_garbage_no_crash(void **state)
{
	(void)state;
	const char *junk[] = {"+",    "++",	   "+++",	 "a+",
			      "\xff", "Mod4+\xff", "Mod4+\t",	 " ",
			      "0x",   "U+",	   "Mod4+U+1234"};
	for (size_t i = 0; i < sizeof(junk) / sizeof(*junk); i++) {
		uint16_t mods;
		uint32_t sym;
		char err[256] = "";
		if (!key_parse(junk[i], &mods, &sym, err, sizeof(err)))
			assert_true(err[0] != '\0');
	}
}

static void test_keycodes(void **state)
{
	(void)state;
	parse_ok("Mod4+#10", MOD4, KEY_CODE_BIT | 10);
	parse_ok("#255", 0, KEY_CODE_BIT | 255);
	parse_ok("Mod4+Shift+#8", MOD4 | SHIFT, KEY_CODE_BIT | 8);
	parse_err("Mod4+#7", "keycode '#7' is not # and 8 to 255");
	parse_err("Mod4+#256", "keycode '#256' is not # and 8 to 255");
	parse_err("Mod4+#10x", "keycode '#10x' is not # and 8 to 255");
	parse_err("Mod4+#", "unknown key '#'");
}

/* Keymaps compiled from xkeyboard-config's names, as setxkbmap would. */
static struct xkb_keymap *keymap(const char *layout)
{
	struct xkb_context *ctx = xkb_context_new(
	    XKB_CONTEXT_NO_ENVIRONMENT_NAMES | XKB_CONTEXT_NO_DEFAULT_INCLUDES);
	assert_non_null(ctx);
	xkb_context_include_path_append_default(ctx);
	struct xkb_rule_names names = {
	    .rules = "evdev", .model = "pc105", .layout = layout};
	struct xkb_keymap *km = xkb_keymap_new_from_names(ctx, &names, 0);
	xkb_context_unref(ctx);
	if (!km)
		fail_msg("no keymap for layout '%s' (is xkb-data installed?)",
			 layout);
	return km;
}

struct resolved {
	struct key_grab *v;
	size_t n, cap;
};

/* Resolve bindings given as "MODS+KEY" specs. */
static struct resolved resolve(struct xkb_keymap *km, const char *const *specs,
			       size_t n)
{
	struct binding b[16] = {0};
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++) {
		char err[256];
		if (!key_parse(specs[i], &b[i].mods, &b[i].keysym, err,
			       sizeof(err)))
			fail_msg("%s: %s", specs[i], err);
	}
	struct resolved r = {0};
	assert_true(key_resolve(km, b, n, &r.v, &r.n, &r.cap));
	return r;
}

/* The binding that key code with mods runs, -1 for none. */
static int bound(const struct resolved *r, uint8_t code, uint16_t mods)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].code == code && r->v[i].mods == mods)
			return (int)r->v[i].binding;
	return -1;
}

/* Grabs of binding b. */
static size_t grabs_of(const struct resolved *r, size_t b)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->v[i].binding == b;
	return n;
}

static const char *const digit_bindings[] = {
    "Mod4+1", "Mod4+Shift+1", "Mod4+Control+1", "Mod4+Control+Shift+1",
    "Mod4+0", "Mod4+Shift+0",
};

static void test_resolve_qwerty(void **state)
{
	(void)state;
	struct xkb_keymap *km = keymap("us");
	struct resolved r = resolve(km, digit_bindings, 6);
	assert_int_equal(bound(&r, 10, MOD4), 0);
	assert_int_equal(bound(&r, 10, MOD4 | SHIFT), 1);
	assert_int_equal(bound(&r, 10, MOD4 | CTRL), 2);
	assert_int_equal(bound(&r, 10, MOD4 | CTRL | SHIFT), 3);
	assert_int_equal(bound(&r, 19, MOD4), 4);
	assert_int_equal(bound(&r, 19, MOD4 | SHIFT), 5);
	assert_int_equal(r.n, 6);
	free(r.v);
	xkb_keymap_unref(km);
}

/* On AZERTY the digits are on the Shift level of the number row: Mod4+1
 * falls back to the key with '1' on it, grabbed without Shift, while
 * Mod4+Shift+1 keeps the same key with Shift. */
static void test_resolve_azerty(void **state)
{
	(void)state;
	struct xkb_keymap *km = keymap("fr");
	struct resolved r = resolve(km, digit_bindings, 6);
	assert_int_equal(bound(&r, 10, MOD4), 0);
	assert_int_equal(bound(&r, 10, MOD4 | SHIFT), 1);
	assert_int_equal(bound(&r, 10, MOD4 | CTRL), 2);
	assert_int_equal(bound(&r, 10, MOD4 | CTRL | SHIFT), 3);
	assert_int_equal(bound(&r, 19, MOD4), 4);
	assert_int_equal(bound(&r, 19, MOD4 | SHIFT), 5);
	for (size_t b = 0; b < 6; b++)
		assert_int_equal(grabs_of(&r, b), 1);
	free(r.v);
	xkb_keymap_unref(km);
}

/* A binding of what the key gives at its first level keeps the key; the
 * fallback only takes keys nobody bound directly, whatever the order. */
static void test_resolve_direct_wins(void **state)
{
	(void)state;
	struct xkb_keymap *fr = keymap("fr");
	const char *const azerty[] = {"Mod4+1", "Mod4+ampersand"};
	struct resolved r = resolve(fr, azerty, 2);
	assert_int_equal(bound(&r, 10, MOD4), 1);
	assert_int_equal(grabs_of(&r, 0), 0);
	free(r.v);
	xkb_keymap_unref(fr);

	struct xkb_keymap *us = keymap("us");
	const char *const qwerty[] = {"Mod4+exclam", "Mod4+1"};
	r = resolve(us, qwerty, 2);
	assert_int_equal(bound(&r, 10, MOD4), 1);
	assert_int_equal(grabs_of(&r, 0), 0);
	free(r.v);
	/* Nothing else on the key: the shifted symbol finds it. */
	r = resolve(us, qwerty, 1);
	assert_int_equal(bound(&r, 10, MOD4), 0);
	free(r.v);
	xkb_keymap_unref(us);
}

/* Two bindings of one key: the later takes it, as a later bind of the
 * same keys replaces an earlier one (a user's line after the default's). */
static void test_resolve_later_binding_wins(void **state)
{
	(void)state;
	struct xkb_keymap *us = keymap("us");
	const char *const specs[] = {"Mod4+Shift+1", "Mod4+Shift+exclam"};
	struct resolved r = resolve(us, specs, 2);
	assert_int_equal(bound(&r, 10, MOD4 | SHIFT), 1);
	assert_int_equal(grabs_of(&r, 0), 0);
	free(r.v);
	xkb_keymap_unref(us);
}

/* A Latin letter on a Cyrillic first layout is found in the second. */
static void test_resolve_other_layout(void **state)
{
	(void)state;
	struct xkb_keymap *km = keymap("ru,us");
	const char *const specs[] = {"Mod4+j", "Mod4+Return"};
	struct resolved r = resolve(km, specs, 2);
	assert_int_equal(bound(&r, 44, MOD4), 0);
	assert_int_equal(bound(&r, 36, MOD4), 1);
	free(r.v);
	xkb_keymap_unref(km);
}

static void test_resolve_keycodes_and_missing(void **state)
{
	(void)state;
	struct xkb_keymap *km = keymap("us");
	const char *const specs[] = {"Mod4+#10", "Mod4+Greek_alpha", "Mod4+1",
				     "Shift+#38"};
	struct resolved r = resolve(km, specs, 4);
	assert_int_equal(bound(&r, 10, MOD4), 2); /* the later one */
	assert_int_equal(grabs_of(&r, 0), 0);
	assert_int_equal(grabs_of(&r, 1), 0);
	assert_int_equal(bound(&r, 38, SHIFT), 3);
	assert_int_equal(r.n, 2);
	free(r.v);
	xkb_keymap_unref(km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_common_bindings),
	    cmocka_unit_test(test_every_modifier),
	    cmocka_unit_test(test_modifiers_case_insensitive),
	    cmocka_unit_test(test_key_names),
	    cmocka_unit_test(test_plus_key),
	    cmocka_unit_test(test_plus_key_trailing),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_error_no_key),
	    cmocka_unit_test(test_error_messages_bounded),
	    cmocka_unit_test(test_garbage_no_crash),
	    cmocka_unit_test(test_keycodes),
	    cmocka_unit_test(test_resolve_qwerty),
	    cmocka_unit_test(test_resolve_azerty),
	    cmocka_unit_test(test_resolve_direct_wins),
	    cmocka_unit_test(test_resolve_later_binding_wins),
	    cmocka_unit_test(test_resolve_other_layout),
	    cmocka_unit_test(test_resolve_keycodes_and_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
