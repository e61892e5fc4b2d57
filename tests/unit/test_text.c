/* test_text.c: titles in every encoding X programs use come out UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static const char *conv(const char *in, size_t len, enum text_encoding e,
			size_t size)
{
	static char out[256];
	memset(out, 'X', sizeof(out));
	text_to_utf8(in, len, e, out, size);
	return out;
}

static void test_utf8_kept(void **state)
{
	(void)state;
	const char *s = "editor \xe2\x80\x94 \xc3\xbc";
	assert_string_equal(conv(s, strlen(s), TEXT_UTF8, 256), s);
}

static void test_latin1_converted(void **state)
{
	(void)state;
	/* "Grüße" in ISO 8859-1 */
	assert_string_equal(conv("Gr\xfc\xdf"
				 "e",
				 5, TEXT_LATIN1, 256),
			    "Gr\xc3\xbc\xc3\x9f"
			    "e");
}

static void test_string_holding_utf8(void **state)
{
	(void)state;
	/* xsetroot -name stores UTF-8 bytes as STRING. */
	const char *s = "\xe2\x99\xaa 21\xc2\xb0"
			"C";
	assert_string_equal(conv(s, strlen(s), TEXT_LATIN1, 256), s);
}

static void test_compound_text(void **state)
{
	(void)state;
	/* What xterm -T "a — b" sets as WM_NAME: a UTF-8 segment. */
	const char ct[] = "a \x1b%G\xe2\x80\x94\x1b%@ b\xe9";
	assert_string_equal(conv(ct, sizeof(ct) - 1, TEXT_COMPOUND, 256),
			    "a \xe2\x80\x94 b\xc3\xa9");
	/* Other character sets' escapes are dropped. */
	const char other[] = "x\x1b$(Ay";
	assert_string_equal(conv(other, sizeof(other) - 1, TEXT_COMPOUND, 256),
			    "xy");
	/* A cut escape at the end. */
	assert_string_equal(conv("z\x1b%", 3, TEXT_COMPOUND, 256), "z");
}

static void test_controls_blanked(void **state)
{
	(void)state;
	assert_string_equal(conv("a\tb\nc\x7f", 6, TEXT_UTF8, 256), "a b c ");
	assert_string_equal(conv("a\x85z", 3, TEXT_LATIN1, 256), "a z");
}

static void test_never_cuts_a_character(void **state)
{
	(void)state;
	/* 6 bytes of room: "ab" and one 3-byte dash fit, the next does not. */
	const char *s = "ab\xe2\x80\x94\xe2\x80\x94";
	assert_string_equal(conv(s, strlen(s), TEXT_UTF8, 6), "ab\xe2\x80\x94");
	assert_string_equal(conv(s, strlen(s), TEXT_UTF8, 5), "ab");
	assert_string_equal(conv("\xe9\xe9\xe9", 3, TEXT_LATIN1, 4),
			    "\xc3\xa9");
	/* No room at all: nothing written. */
	const char *o = conv("abc", 3, TEXT_UTF8, 0);
	assert_int_equal(o[0], 'X');
	assert_string_equal(conv("abc", 3, TEXT_UTF8, 1), "");
}

static void test_stray_bytes_kept_bounded(void **state)
{
	(void)state;
	/* Invalid UTF-8 in UTF8_STRING stays (the bar repairs it) but
	 * within the buffer. */
	const char bad[] = "\xff\xfe\xc3";
	const char *o = conv(bad, 3, TEXT_UTF8, 256);
	assert_int_equal(strlen(o), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_kept),
	    cmocka_unit_test(test_latin1_converted),
	    cmocka_unit_test(test_string_holding_utf8),
	    cmocka_unit_test(test_compound_text),
	    cmocka_unit_test(test_controls_blanked),
	    cmocka_unit_test(test_never_cuts_a_character),
	    cmocka_unit_test(test_stray_bytes_kept_bounded),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
