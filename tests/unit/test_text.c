/* test_text.c: titles in every encoding X programs use come out UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define FFFD "\xef\xbf\xbd"

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

/* COMPOUND_TEXT, in and out; ct is a string literal. */
#define assert_ct(ct, utf8)                                                    \
	assert_string_equal(conv(ct, sizeof(ct) - 1, TEXT_COMPOUND, 256), utf8)

static void test_compound_text(void **state)
{
	(void)state;
	/* What xterm -T "a — b" sets as WM_NAME: a UTF-8 segment. */
	assert_ct("a \x1b%G\xe2\x80\x94\x1b%@ b\xe9",
		  "a \xe2\x80\x94 b\xc3\xa9");
	/* Latin-1 is the initial state: "Grüße". */
	assert_ct("Gr\xfc\xdf"
		  "e",
		  "Gr\xc3\xbc\xc3\x9f"
		  "e");
	/* Characters of no charset, as Xlib writes them: Hebrew, an emoji. */
	assert_ct("\x1b%G\xd7\xa2\xd7\x91\x1b%@ \x1b%G\xf0\x9f\x98\x80\x1b%@",
		  "\xd7\xa2\xd7\x91 \xf0\x9f\x98\x80");
}

static void test_compound_japanese(void **state)
{
	(void)state;
	/* xterm -T '日本語のタイトル' (LANG=C.UTF-8): JIS X 0208 in GL, the
	 * exact WM_NAME xterm 379 sets. */
	assert_ct("\x1b$(BF|K\\8l$N%?%$%H%k",
		  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
		  "\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab");
	/* Xlib's "mix 日本 и Ω é": sets change mid-text and back to ASCII. */
	assert_ct("mix \x1b$(BF|K\\\x1b(B \x1b-L\xd8 \x1b-F\xd9 \x1b-A\xe9",
		  "mix \xe6\x97\xa5\xe6\x9c\xac \xd0\xb8 \xce\xa9 \xc3\xa9");
	/* The same set in GR is EUC-JP as it is. */
	assert_ct("\x1b$)B\xc6\xfc\xcb\xdc", "\xe6\x97\xa5\xe6\x9c\xac");
	/* JIS X 0201 katakana in GR (Xlib's ｶﾀｶﾅ), and in GL. */
	assert_ct("\x1b)I\xb6\xc0\xb6\xc5",
		  "\xef\xbd\xb6\xef\xbe\x80\xef\xbd\xb6\xef\xbe\x85");
	assert_ct("\x1b(I\x36", "\xef\xbd\xb6");
	/* JIS X 0201 Roman: yen and overline where ASCII has \ and ~. */
	assert_ct("\x1b(JA\\~", "A\xc2\xa5\xe2\x80\xbe");
	/* JIS X 0212: 丂. */
	assert_ct("\x1b$(D\x30\x21", "\xe4\xb8\x82");
}

static void test_compound_chinese_korean(void **state)
{
	(void)state;
	/* Xlib's "中文标题": 中文 are in JIS X 0208, 标题 only in GB 2312. */
	assert_ct("\x1b$(BCfJ8\x1b$(A1jLb",
		  "\xe4\xb8\xad\xe6\x96\x87\xe6\xa0\x87\xe9\xa2\x98");
	/* Xlib's "한국어 제목": KS C 5601, ASCII between. */
	assert_ct("\x1b$(CGQ19>n\x1b(B \x1b$(CA&8q",
		  "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 "
		  "\xec\xa0\x9c\xeb\xaa\xa9");
	/* CNS 11643 plane 1: 一. */
	assert_ct("\x1b$(G\x44\x21", "\xe4\xb8\x80");
}

static void test_compound_iso8859(void **state)
{
	(void)state;
	/* Xlib's "Ελληνικά": ISO 8859-7's right half. */
	assert_ct("\x1b-F\xc5\xeb\xeb\xe7\xed\xe9\xea\xdc",
		  "\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\xce\xb9\xce\xba"
		  "\xce\xac");
	/* Xlib's "Русский": ISO 8859-5's. */
	assert_ct("\x1b-L\xc0\xe3\xe1\xe1\xda\xd8\xd9",
		  "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9");
	/* Xlib's "Łódź" (8859-2 and back to Latin-1) and "¥€" (8859-15). */
	assert_ct("\x1b-B\xa3\x1b-A\xf3"
		  "d\x1b-B\xbc",
		  "\xc5\x81\xc3\xb3"
		  "d\xc5\xba");
	assert_ct("\xa5\x1b-b\xa4", "\xc2\xa5\xe2\x82\xac");
}

static void test_compound_extended_segment(void **state)
{
	(void)state;
	/* ESC % / 2, the length (11) in two 7-bit digits, "big5-0" STX, then
	 * Big5 "中文". */
	assert_ct("a\x1b%/2\x80\x8b"
		  "big5-0\x02\xa4\xa4\xa4\xe5"
		  "b",
		  "a\xe4\xb8\xad\xe6\x96\x87"
		  "b");
	/* An encoding we do not know: one U+FFFD for the whole segment. */
	assert_ct("a\x1b%/1\x80\x86zz-0\x02\xc1"
		  "b",
		  "a" FFFD "b");
}

/* CP1255 holds a base letter back for the accent that may follow: the
 * letter still comes out, in its own title and not in the next one. */
static void test_compound_stateful_encoding(void **state)
{
	(void)state;
	assert_ct("a\x1b%/2\x80\x92"
		  "microsoft-cp1255\x02\xe0"
		  "b",
		  "a\xd7\x90"
		  "b");
	assert_ct("c", "c");
}

/* A control byte (or a NUL) after a UTF-8 lead byte is not part of the
 * character: it is blanked like any other. */
static void test_control_after_a_lead_byte(void **state)
{
	(void)state;
	assert_string_equal(conv("a\xce\x02z", 4, TEXT_UTF8, 256), "a\xce z");
	assert_string_equal(conv("a\xe2\x82\x00z", 5, TEXT_UTF8, 256),
			    "a\xe2\x82 z");
}

static void test_compound_malformed(void **state)
{
	(void)state;
	/* An escape cut at the end, or a lone ESC. */
	assert_ct("z\x1b%", "z" FFFD);
	assert_ct("z\x1b", "z" FFFD);
	assert_ct("z\x1b$(", "z" FFFD);
	/* A 2-byte set's character cut at the end, and one whose second byte
	 * is an escape: the lead byte is U+FFFD, the escape still counts. */
	assert_ct("x\x1b$(Ay", "x" FFFD);
	assert_ct("\x1b$(BF|K\x1b(Bok", "\xe6\x97\xa5" FFFD "ok");
	/* Unknown sets: 94^2 'Z' takes two bytes a character, 96 'z' one. */
	assert_ct("\x1b$(Zabcd\x1b(Be", FFFD FFFD "e");
	assert_ct("\x1b-z\xc1\xc2\x1b-Ae", FFFD FFFD "e");
	/* Bytes a set does not have (0xff in a 94 set, C1 controls), a code
	 * EUC-JP leaves unassigned, an escape that is no known one. */
	assert_ct("\x1b$)B\xff", FFFD);
	assert_ct("a\x85z", "a z");
	assert_ct("\x1b$(B\x29\x21", FFFD);
	assert_ct("a\x1bxb", "a" FFFD "b");
	/* A UTF-8 segment whose last character is cut by its end: the stray
	 * byte is U+FFFD, the escape still ends it; two stray bytes with an
	 * escape between do not make one character. */
	assert_ct("\x1b%G\xe2\x1b%@ok", FFFD "ok");
	assert_ct("\x1b%G\xce\x1b%G\x89", FFFD FFFD);
	/* Direction controls are dropped; a version escape too. */
	assert_ct("\x9b"
		  "1]abc\x9b]",
		  "abc");
	assert_ct("\x1b#(0ok", "ok");
	/* Extended segments longer than the text, or with no length. */
	assert_ct("\x1b%/2\x80\xff"
		  "big5-0\x02\xa4\xa4",
		  "\xe4\xb8\xad");
	assert_ct("\x1b%/2\x80", FFFD);
	assert_ct("\x1b%/2ab", FFFD "ab");
}

static void test_compound_bounded(void **state)
{
	(void)state;
	/* Never a character cut: 7 bytes of room hold two 3-byte kanji. */
	const char ct[] = "\x1b$(BF|K\\8l";
	assert_string_equal(conv(ct, sizeof(ct) - 1, TEXT_COMPOUND, 7),
			    "\xe6\x97\xa5\xe6\x9c\xac");
	/* Every prefix of a busy title is safe to decode. */
	const char busy[] = "a\x1b$(BF|\x1b-F\xc5\x1b%G\xe2\x80\x94\x1b%@"
			    "\x1b%/2\x80\x8b"
			    "big5-0\x02\xa4\xa4\xa4\xe5\x9b"
			    "1]";
	for (size_t n = 0; n < sizeof(busy); n++)
		for (size_t size = 0; size < 24; size++)
			conv(busy, n, TEXT_COMPOUND, size);
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
	    cmocka_unit_test(test_compound_japanese),
	    cmocka_unit_test(test_compound_chinese_korean),
	    cmocka_unit_test(test_compound_iso8859),
	    cmocka_unit_test(test_compound_extended_segment),
	    cmocka_unit_test(test_compound_stateful_encoding),
	    cmocka_unit_test(test_control_after_a_lead_byte),
	    cmocka_unit_test(test_compound_malformed),
	    cmocka_unit_test(test_compound_bounded),
	    cmocka_unit_test(test_controls_blanked),
	    cmocka_unit_test(test_never_cuts_a_character),
	    cmocka_unit_test(test_stray_bytes_kept_bounded),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
