/* test_words.c: the tokenizer: blanks, quotes, escapes, comments, columns and
 * every way a line can be malformed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

/* Split line, expecting success with n words; the caller frees. */
static void split_ok(const char *line, struct words *w, int n)
{
	char err[256] = "";
	int col = -7;
	int got = words_split(line, w, err, sizeof(err), &col);
	if (got != n)
		fail_msg("'%s': %d words (want %d), err '%s'", line, got, n,
			 err);
	assert_int_equal(w->n, n);
}

/* Split line, expecting exactly the error msg at column want_col. */
static void split_err(const char *line, const char *msg, int want_col)
{
	struct words w;
	char err[256] = "";
	int col = -7;
	assert_int_equal(words_split(line, &w, err, sizeof(err), &col), -1);
	assert_string_equal(err, msg);
	assert_int_equal(col, want_col);
	assert_int_equal(w.n, 0);
	words_free(&w); /* harmless after an error */
}

/* One word, and what it is once unquoted. */
static void one_word(const char *line, const char *want)
{
	struct words w;
	split_ok(line, &w, 1);
	assert_string_equal(w.w[0], want);
	words_free(&w);
}

static void test_empty_and_blank(void **state)
{
	(void)state;
	struct words w;
	const char *blank[] = {"", " ", "\t", "  \t  ", "\r\n", "\n", " \r "};
	for (size_t i = 0; i < sizeof(blank) / sizeof(*blank); i++) {
		split_ok(blank[i], &w, 0);
		words_free(&w);
	}
}

static void test_blanks_and_tabs(void **state)
{
	(void)state;
	struct words w;
	split_ok("view 3", &w, 2);
	assert_string_equal(w.w[0], "view");
	assert_string_equal(w.w[1], "3");
	words_free(&w);

	split_ok("  a\t\tbb \t ccc  ", &w, 3);
	assert_string_equal(w.w[0], "a");
	assert_string_equal(w.w[1], "bb");
	assert_string_equal(w.w[2], "ccc");
	words_free(&w);
}

static void test_columns(void **state)
{
	(void)state;
	struct words w;
	/*          0123456789012345678 */
	split_ok("  ab\t\"c d\"  'e'x", &w, 3);
	assert_string_equal(w.w[0], "ab");
	assert_int_equal(w.col[0], 2);
	assert_int_equal(w.end[0], 4);
	assert_string_equal(w.w[1], "c d");
	assert_int_equal(w.col[1], 5);
	assert_int_equal(w.end[1], 10);
	assert_string_equal(w.w[2], "ex");
	assert_int_equal(w.col[2], 12);
	assert_int_equal(w.end[2], 16);
	words_free(&w);
}

static void test_double_quotes(void **state)
{
	(void)state;
	one_word("\"a b\"", "a b");
	one_word("\"  \"", "  ");
	one_word("\"a\\\"b\"", "a\"b"); /* \" */
	one_word("\"a\\\\b\"", "a\\b"); /* \\ */
	one_word("\"a\\nb\"", "a\nb");	/* \n */
	one_word("\"a\\tb\"", "a\tb");	/* \t */
	one_word("\"a\\qb\"", "aqb");	/* unknown escape: the char */
	one_word("\"it's\"", "it's");	/* ' inside "..." */
	one_word("\"#not a comment\"", "#not a comment");
}

static void test_single_quotes_literal(void **state)
{
	(void)state;
	one_word("'a b'", "a b");
	one_word("'a\\nb'", "a\\nb");
	one_word("'a\\\\b'", "a\\\\b");
	one_word("'say \"hi\"'", "say \"hi\"");
	one_word("'$mod'", "$mod");
}

static void test_backslash_outside_quotes(void **state)
{
	(void)state;
	one_word("a\\ b", "a b"); /* an escaped blank joins */
	one_word("a\\\"b", "a\"b");
	one_word("\\#x", "#x");
	/* Outside quotes \n is an n, not a newline. */
	one_word("a\\nb", "anb");
}

static void test_adjacent_parts_join(void **state)
{
	(void)state;
	struct words w;
	split_ok("a\"b c\"d", &w, 1);
	assert_string_equal(w.w[0], "ab cd");
	assert_int_equal(w.col[0], 0);
	assert_int_equal(w.end[0], 7);
	words_free(&w);

	one_word("'a'\"b\"c", "abc");
	one_word("x''y", "xy");
	one_word("--name=\"a b\"", "--name=a b");
}

static void test_empty_quoted_word(void **state)
{
	(void)state;
	struct words w;
	split_ok("\"\"", &w, 1);
	assert_non_null(w.w[0]);
	assert_string_equal(w.w[0], "");
	assert_int_equal(w.col[0], 0);
	assert_int_equal(w.end[0], 2);
	words_free(&w);

	split_ok("a '' b \"\"", &w, 4);
	assert_string_equal(w.w[0], "a");
	assert_string_equal(w.w[1], "");
	assert_string_equal(w.w[2], "b");
	assert_string_equal(w.w[3], "");
	assert_int_equal(w.col[3], 7);
	words_free(&w);
}

static void test_comments(void **state)
{
	(void)state;
	struct words w;
	split_ok("# a comment", &w, 0);
	words_free(&w);
	split_ok("   #indented", &w, 0);
	words_free(&w);
	split_ok("#", &w, 0);
	words_free(&w);
	split_ok("view 3 # the third", &w, 2);
	assert_string_equal(w.w[1], "3");
	words_free(&w);
	split_ok("view 3#x", &w, 2); /* not at a word's start */
	assert_string_equal(w.w[1], "3#x");
	words_free(&w);
	split_ok("a#b", &w, 1);
	assert_string_equal(w.w[0], "a#b");
	words_free(&w);
	/* An unterminated quote after a comment is no error. */
	split_ok("a # \"b", &w, 1);
	words_free(&w);
}

/* A # opens a comment only as the first word of a line or as a word of
 * its own (followed by a blank or the end): colours need no quotes. */
static void test_comment_hash_words(void **state)
{
	(void)state;
	struct words w;
	split_ok("color focused #5e81ac", &w, 3);
	assert_string_equal(w.w[2], "#5e81ac");
	assert_int_equal(w.col[2], 14);
	assert_int_equal(w.end[2], 21);
	words_free(&w);
	split_ok("color focused #5e81ac # the border", &w, 3);
	assert_string_equal(w.w[2], "#5e81ac");
	words_free(&w);
	split_ok("view 3 #x", &w, 3);
	assert_string_equal(w.w[2], "#x");
	words_free(&w);
	split_ok("a #\tb c", &w, 1); /* # and a tab */
	words_free(&w);
	split_ok("a #", &w, 1); /* # at the end of the line */
	words_free(&w);
	split_ok("a #\r\n", &w, 1);
	words_free(&w);
	/* As the first word, any # starts a comment. */
	split_ok("#5e81ac x", &w, 0);
	words_free(&w);
	split_ok("\t#x y", &w, 0);
	words_free(&w);
	/* A quoted or escaped # is text, even alone. */
	split_ok("a '#' b", &w, 3);
	assert_string_equal(w.w[1], "#");
	words_free(&w);
	split_ok("a \"#\" b", &w, 3);
	assert_string_equal(w.w[1], "#");
	words_free(&w);
	split_ok("a \\# b", &w, 3);
	assert_string_equal(w.w[1], "#");
	words_free(&w);
	/* A # word after a word with a quote still opens a comment. */
	split_ok("'a' # \"b", &w, 1);
	words_free(&w);
	split_ok("x #y # 'unterminated", &w, 2);
	assert_string_equal(w.w[1], "#y");
	words_free(&w);
}

static void test_unterminated_quotes(void **state)
{
	(void)state;
	split_err("\"abc", "unterminated double quote", 0);
	split_err("view \"3", "unterminated double quote", 5);
	split_err("ab'cd", "unterminated single quote", 2);
	split_err("a b 'c d", "unterminated single quote", 4);
	/* The escaped quote does not close. */
	split_err("x \"a\\\"", "unterminated double quote", 2);
	/* A later quote opens again. */
	split_err("'a'b'c", "unterminated single quote", 4);
	split_err("\"", "unterminated double quote", 0);
}

static void test_too_many_words(void **state)
{
	(void)state;
	char line[WORDS_MAX * 3 + 16];
	size_t o = 0;
	for (int i = 0; i < WORDS_MAX; i++)
		o += (size_t)snprintf(line + o, sizeof(line) - o, "w ");
	struct words w;
	split_ok(line, &w, WORDS_MAX);
	assert_int_equal(w.col[WORDS_MAX - 1], (WORDS_MAX - 1) * 2);
	words_free(&w);

	/* A comment after the last allowed word is fine. */
	snprintf(line + o, sizeof(line) - o, "# x y z");
	split_ok(line, &w, WORDS_MAX);
	words_free(&w);

	snprintf(line + o, sizeof(line) - o, "extra");
	char msg[64];
	snprintf(msg, sizeof(msg), "too many words (at most %d)", WORDS_MAX);
	split_err(line, msg, WORDS_MAX * 2);
}

static void test_trailing_backslash(void **state)
{
	(void)state;
	/* Nothing to escape: the backslash is kept. */
	one_word("abc\\", "abc\\");
	one_word("\\", "\\");
	struct words w;
	split_ok("a \\", &w, 2);
	assert_string_equal(w.w[1], "\\");
	words_free(&w);
	split_err("\"abc\\", "unterminated double quote", 0);
}

static void test_crlf(void **state)
{
	(void)state;
	struct words w;
	split_ok("view 3\r\n", &w, 2);
	assert_string_equal(w.w[1], "3");
	assert_int_equal(w.end[1], 6);
	words_free(&w);
	split_ok("a\rb", &w, 2);
	words_free(&w);
	/* Inside quotes a CR is kept. */
	one_word("\"a\rb\"", "a\rb");
}

static void test_huge_word(void **state)
{
	(void)state;
	size_t n = 1024 * 1024;
	char *line = malloc(n + 1);
	assert_non_null(line);
	memset(line, 'x', n);
	line[n] = '\0';
	struct words w;
	split_ok(line, &w, 1);
	assert_int_equal(strlen(w.w[0]), n);
	assert_int_equal(w.end[0], (int)n);
	words_free(&w);

	/* The same inside quotes, with escapes. */
	line[0] = '"';
	for (size_t i = 1; i + 1 < n; i += 2)
		line[i] = '\\';
	line[n - 1] = '"';
	split_ok(line, &w, 1);
	words_free(&w);
	free(line);
}

/* Every byte 1..255: never a crash; success or an error with a message. */
static void check_garbage(const char *line)
{
	struct words w;
	char err[256] = "";
	int col = -1;
	int n = words_split(line, &w, err, sizeof(err), &col);
	if (n < 0) {
		assert_true(err[0] != '\0');
		assert_in_range(col, 0, strlen(line));
		return;
	}
	assert_in_range(n, 0, WORDS_MAX);
	for (int i = 0; i < n; i++) {
		assert_non_null(w.w[i]);
		assert_in_range(w.col[i], 0, strlen(line));
		assert_in_range(w.end[i], w.col[i], strlen(line));
	}
	words_free(&w);
}

static void test_garbage_bytes(void **state)
{
	(void)state;
	char line[256];
	for (int i = 1; i < 256; i++)
		line[i - 1] = (char)i;
	line[255] = '\0';
	check_garbage(line);

	/* Without quote characters it must succeed. */
	size_t o = 0;
	for (int i = 1; i < 256; i++)
		if (i != '"' && i != '\'')
			line[o++] = (char)i;
	line[o] = '\0';
	struct words w;
	char err[256] = "";
	int col;
	assert_true(words_split(line, &w, err, sizeof(err), &col) >= 1);
	words_free(&w);

	/* Pseudo-random lines, every byte but NUL. */
	uint32_t x = 12345;
	for (int round = 0; round < 2000; round++) {
		size_t len = (size_t)(round % 200);
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245u + 12345u;
			line[i] = (char)(1 + (x >> 16) % 255);
		}
		line[len] = '\0';
		check_garbage(line);
	}
}

static void test_small_err_buffer(void **state)
{
	(void)state;
	struct words w;
	char err[8];
	int col;
	assert_int_equal(words_split("\"abc", &w, err, sizeof(err), &col), -1);
	assert_string_equal(err, "untermi"); /* truncated, terminated */
	assert_int_equal(col, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty_and_blank),
	    cmocka_unit_test(test_blanks_and_tabs),
	    cmocka_unit_test(test_columns),
	    cmocka_unit_test(test_double_quotes),
	    cmocka_unit_test(test_single_quotes_literal),
	    cmocka_unit_test(test_backslash_outside_quotes),
	    cmocka_unit_test(test_adjacent_parts_join),
	    cmocka_unit_test(test_empty_quoted_word),
	    cmocka_unit_test(test_comments),
	    cmocka_unit_test(test_comment_hash_words),
	    cmocka_unit_test(test_unterminated_quotes),
	    cmocka_unit_test(test_too_many_words),
	    cmocka_unit_test(test_trailing_backslash),
	    cmocka_unit_test(test_crlf),
	    cmocka_unit_test(test_huge_word),
	    cmocka_unit_test(test_garbage_bytes),
	    cmocka_unit_test(test_small_err_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
