/* test_i3bar.c: the lines a script widget reads: the i3bar protocol
 * (header, block arrays, colours, bad JSON, click events) and the pipe
 * that hands them over (proc: lines, too long ones, floods, stdin). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i3bar.h"
#include "proc.h"

/* -- the header */

static void test_header(void **state)
{
	(void)state;
	bool click = true;
	assert_true(i3bar_parse_header("{\"version\":1}", &click));
	assert_false(click);
	assert_true(i3bar_parse_header("{\"version\":1,\"click_events\":true}",
				       &click));
	assert_true(click);
	assert_true(i3bar_parse_header(
	    " { \"version\": 1, \"stop_signal\": 10, \"cont_signal\": 12, "
	    "\"click_events\": false }\r",
	    &click));
	assert_false(click);
	/* A later version still speaks the protocol. */
	assert_true(i3bar_parse_header("{\"version\":2}", &click));
}

static void test_header_garbage(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "",
	    "hello",
	    "{",
	    "version 1",
	    "{\"version\":\"1\"}",
	    "{\"version\":0}",
	    "{\"version\":-1}",
	    "{\"version\":1.5}",
	    "{\"click_events\":true}",
	    "[{\"version\":1}]",
	    "{\"version\":1} and more",
	    "{\"version\":1}{\"version\":1}",
	    "\"version\"",
	    "12:34",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		bool click = false;
		if (i3bar_parse_header(bad[i], &click))
			fail_msg("'%s' taken for a header", bad[i]);
	}
}

/* -- the stream */

struct fed {
	struct i3bar_stream s;
	struct i3bar_blocks b;
	char err[160];
};

static enum i3bar_result feed(struct fed *f, const char *line)
{
	f->err[0] = '\0';
	return i3bar_feed(&f->s, line, &f->b, f->err, sizeof(f->err));
}

static void test_stream(void **state)
{
	(void)state;
	struct fed f = {0};
	assert_int_equal(feed(&f, "{\"version\":1,\"click_events\":true}"),
			 I3BAR_HEADER);
	assert_true(f.s.click_events);
	assert_int_equal(feed(&f, ""), I3BAR_NOTHING);
	assert_int_equal(feed(&f, "["), I3BAR_NOTHING);
	assert_int_equal(f.s.phase, I3BAR_BODY);
	assert_int_equal(feed(&f, "[{\"full_text\":\"a\"}]"), I3BAR_BLOCKS);
	assert_int_equal(f.b.n, 1);
	assert_string_equal(f.b.v[0].full_text, "a");
	/* The leading comma every later array has. */
	assert_int_equal(
	    feed(&f, ",[{\"full_text\":\"b\"},{\"full_text\":\"c\"}]"),
	    I3BAR_BLOCKS);
	assert_int_equal(f.b.n, 2);
	assert_string_equal(f.b.v[0].full_text, "b");
	assert_string_equal(f.b.v[1].full_text, "c");
	assert_int_equal(feed(&f, " ,\t[{\"full_text\":\"d\"}] ,"),
			 I3BAR_BLOCKS);
	assert_string_equal(f.b.v[0].full_text, "d");
	assert_int_equal(feed(&f, ",[]"), I3BAR_BLOCKS);
	assert_int_equal(f.b.n, 0);
	assert_int_equal(feed(&f, "   "), I3BAR_NOTHING);
	assert_int_equal(feed(&f, "]"), I3BAR_NOTHING);
	i3bar_blocks_free(&f.b);
}

static void test_stream_open_variants(void **state)
{
	(void)state;
	/* `[` and the first array on one line. */
	struct fed f = {0};
	feed(&f, "{\"version\":1}");
	assert_int_equal(feed(&f, "[[{\"full_text\":\"x\"}]"), I3BAR_BLOCKS);
	assert_string_equal(f.b.v[0].full_text, "x");
	i3bar_blocks_free(&f.b);
	/* A status command that leaves the outer `[` out. */
	struct fed g = {0};
	feed(&g, "{\"version\":1}");
	assert_int_equal(feed(&g, "[{\"full_text\":\"y\"}]"), I3BAR_BLOCKS);
	assert_string_equal(g.b.v[0].full_text, "y");
	assert_int_equal(feed(&g, ",[{\"full_text\":\"z\"}]"), I3BAR_BLOCKS);
	assert_string_equal(g.b.v[0].full_text, "z");
	i3bar_blocks_free(&g.b);
	/* Something else after the header. */
	struct fed h = {0};
	feed(&h, "{\"version\":1}");
	assert_int_equal(feed(&h, "hello"), I3BAR_ERROR);
	assert_non_null(strstr(h.err, "expected `[`"));
}

static void test_plain_text(void **state)
{
	(void)state;
	struct fed f = {0};
	assert_int_equal(feed(&f, "22°C sunny"), I3BAR_TEXT);
	assert_int_equal(f.s.phase, I3BAR_PLAIN);
	/* Only the first line can start the protocol. */
	assert_int_equal(feed(&f, "{\"version\":1}"), I3BAR_TEXT);
	assert_int_equal(feed(&f, "[{\"full_text\":\"a\"}]"), I3BAR_TEXT);
	assert_int_equal(f.b.n, 0);
}

static void test_several_arrays_last_counts(void **state)
{
	(void)state;
	struct i3bar_blocks b = {0};
	char err[160];
	assert_int_equal(i3bar_parse_blocks(
			     "[{\"full_text\":\"a\"}],[{\"full_text\":\"b\"}],",
			     &b, err, sizeof(err)),
			 I3BAR_BLOCKS);
	assert_int_equal(b.n, 1);
	assert_string_equal(b.v[0].full_text, "b");
	i3bar_blocks_free(&b);
}

static void test_block_fields(void **state)
{
	(void)state;
	struct i3bar_blocks b = {0};
	char err[160];
	const char *line =
	    "[{\"name\":\"disk\",\"instance\":\"/\",\"full_text\":\"<b>1G</b>"
	    "\",\"short_text\":\"1G\",\"color\":\"#00ff00\",\"background\":"
	    "\"#11223344\",\"border\":\"#0000ff\",\"border_top\":2,"
	    "\"border_right\":0,\"border_bottom\":3,\"border_left\":4,"
	    "\"min_width\":80,\"align\":\"center\",\"urgent\":true,"
	    "\"separator\":false,\"separator_block_width\":15,"
	    "\"markup\":\"pango\"},"
	    "{\"full_text\":\"plain\",\"min_width\":\"100%\","
	    "\"align\":\"right\"}]";
	assert_int_equal(i3bar_parse_blocks(line, &b, err, sizeof(err)),
			 I3BAR_BLOCKS);
	assert_int_equal(b.n, 2);
	const struct i3bar_block *x = &b.v[0];
	assert_string_equal(x->name, "disk");
	assert_string_equal(x->instance, "/");
	assert_string_equal(x->full_text, "<b>1G</b>");
	assert_string_equal(x->short_text, "1G");
	assert_true(x->has_color && x->has_background && x->has_border);
	assert_int_equal(x->color, 0xff00ff00);
	assert_int_equal(x->background, 0x44112233);
	assert_int_equal(x->border, 0xff0000ff);
	assert_int_equal(x->border_top, 2);
	assert_int_equal(x->border_right, 0);
	assert_int_equal(x->border_bottom, 3);
	assert_int_equal(x->border_left, 4);
	assert_int_equal(x->min_width, 80);
	assert_null(x->min_width_text);
	assert_int_equal(x->align, I3BAR_ALIGN_CENTER);
	assert_true(x->urgent);
	assert_false(x->separator);
	assert_int_equal(x->separator_block_width, 15);
	assert_true(x->markup);
	/* Defaults, and min_width as a text to fit. */
	const struct i3bar_block *y = &b.v[1];
	assert_null(y->name);
	assert_null(y->instance);
	assert_null(y->short_text);
	assert_false(y->has_color || y->has_background || y->has_border);
	assert_int_equal(y->border_top, 1);
	assert_int_equal(y->border_left, 1);
	assert_int_equal(y->min_width, 0);
	assert_string_equal(y->min_width_text, "100%");
	assert_int_equal(y->align, I3BAR_ALIGN_RIGHT);
	assert_false(y->urgent);
	assert_true(y->separator);
	assert_int_equal(y->separator_block_width, 9);
	assert_false(y->markup);
	i3bar_blocks_free(&b);
}

static void test_unknown_and_odd_members(void **state)
{
	(void)state;
	struct i3bar_blocks b = {0};
	char err[160];
	/* Unknown keys (i3blocks' _extras), wrong types and blocks without
	 * full_text: ignored, never an error. */
	const char *line =
	    "[{\"full_text\":\"a\",\"_extra\":{\"x\":[1,2]},\"foo\":null,"
	    "\"color\":\"red\",\"background\":12,\"urgent\":\"yes\","
	    "\"separator_block_width\":-5,\"border_top\":99999,"
	    "\"markup\":\"none\"},"
	    "{\"short_text\":\"no full\"},{\"full_text\":42},\"text\",7,null,"
	    "{\"full_text\":\"b\"}]";
	assert_int_equal(i3bar_parse_blocks(line, &b, err, sizeof(err)),
			 I3BAR_BLOCKS);
	assert_int_equal(b.n, 2);
	assert_string_equal(b.v[0].full_text, "a");
	assert_false(b.v[0].has_color);
	assert_false(b.v[0].has_background);
	assert_false(b.v[0].urgent);
	assert_int_equal(b.v[0].separator_block_width, 0);
	assert_int_equal(b.v[0].border_top, 100);
	assert_false(b.v[0].markup);
	assert_string_equal(b.v[1].full_text, "b");
	i3bar_blocks_free(&b);
}

static void test_bad_json(void **state)
{
	(void)state;
	struct fed f = {0};
	feed(&f, "{\"version\":1}");
	feed(&f, "[");
	assert_int_equal(feed(&f, "[{\"full_text\":\"good\"}]"), I3BAR_BLOCKS);
	static const char *const bad[] = {
	    "[{\"full_text\":\"a\"",
	    ",[{\"full_text\":\"a\"}",
	    "{\"full_text\":\"a\"}",
	    "[{\"full_text\":\"a\"}] garbage",
	    "[{\"full_text\":\"a\"}]]x",
	    "\"just a string\"",
	    "[{\"full_text\":\"a\"},]]]}",
	    "[{\"full_text\":\"\\ud800\\u\"}]",
	    "\x01\xff\xfe",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (feed(&f, bad[i]) != I3BAR_ERROR)
			fail_msg("'%s' was not an error", bad[i]);
		assert_true(f.err[0] != '\0');
		/* What was shown stays. */
		assert_int_equal(f.b.n, 1);
		assert_string_equal(f.b.v[0].full_text, "good");
	}
	/* Nesting deeper than json-c's limit: an error, no crash. */
	char deep[4096];
	memset(deep, '[', sizeof(deep) - 1);
	deep[sizeof(deep) - 1] = '\0';
	assert_int_equal(feed(&f, deep), I3BAR_ERROR);
	/* And the stream goes on. */
	assert_int_equal(feed(&f, ",[{\"full_text\":\"again\"}]"),
			 I3BAR_BLOCKS);
	assert_string_equal(f.b.v[0].full_text, "again");
	i3bar_blocks_free(&f.b);
}

static void test_colors(void **state)
{
	(void)state;
	uint32_t c = 0;
	assert_true(i3bar_parse_color("#ff0000", &c));
	assert_int_equal(c, 0xffff0000);
	assert_true(i3bar_parse_color("#0A0b0C", &c));
	assert_int_equal(c, 0xff0a0b0c);
	assert_true(i3bar_parse_color("#11223344", &c));
	assert_int_equal(c, 0x44112233);
	assert_true(i3bar_parse_color("#00000000", &c));
	assert_int_equal(c, 0x00000000);
	static const char *const bad[] = {
	    "",		  "#",	     "#fff",	"ff0000", "#ff000",  "#ff00000",
	    "#ff0000001", "#gg0000", "#ff 000", "red",	  "#-f0000", "#+f0000",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		c = 0x12345678;
		if (i3bar_parse_color(bad[i], &c))
			fail_msg("'%s' taken for a colour", bad[i]);
		assert_int_equal(c, 0x12345678);
	}
	assert_false(i3bar_parse_color(NULL, &c));
}

static void test_blocks_equal(void **state)
{
	(void)state;
	struct i3bar_blocks a = {0}, b = {0};
	char err[160];
	const char *one = "[{\"full_text\":\"a\",\"color\":\"#ff0000\"}]";
	i3bar_parse_blocks(one, &a, err, sizeof(err));
	i3bar_parse_blocks(one, &b, err, sizeof(err));
	assert_true(i3bar_blocks_equal(&a, &b));
	i3bar_parse_blocks("[{\"full_text\":\"a\",\"color\":\"#ff0001\"}]", &b,
			   err, sizeof(err));
	assert_false(i3bar_blocks_equal(&a, &b));
	i3bar_parse_blocks("[{\"full_text\":\"a\",\"color\":\"#ff0000\"},"
			   "{\"full_text\":\"b\"}]",
			   &b, err, sizeof(err));
	assert_false(i3bar_blocks_equal(&a, &b));
	i3bar_blocks_free(&a);
	i3bar_blocks_free(&b);
}

/* -- click events */

static void test_click_json(void **state)
{
	(void)state;
	struct i3bar_click c = {
	    .name = "time",
	    .instance = "local/x\"y",
	    .button = 3,
	    .modifiers = 1 | 4 | 64, /* Shift, Control, Mod4 */
	    .x = 1210,
	    .y = 11,
	    .relative_x = 15,
	    .relative_y = 11,
	    .output_x = 1210,
	    .output_y = 11,
	    .width = 60,
	    .height = 22,
	};
	char *j = i3bar_click_json(&c);
	assert_string_equal(
	    j, "{\"name\":\"time\",\"instance\":\"local/x\\\"y\","
	       "\"button\":3,\"modifiers\":[\"Shift\",\"Control\",\"Mod4\"],"
	       "\"x\":1210,\"y\":11,\"relative_x\":15,\"relative_y\":11,"
	       "\"output_x\":1210,\"output_y\":11,\"width\":60,"
	       "\"height\":22}");
	free(j);
	/* No name or instance: left out; caps lock is no modifier. */
	struct i3bar_click d = {.button = 1, .modifiers = 2, .x = 5};
	j = i3bar_click_json(&d);
	assert_string_equal(j,
			    "{\"button\":1,\"modifiers\":[],\"x\":5,\"y\":0,"
			    "\"relative_x\":0,\"relative_y\":0,\"output_x\":0,"
			    "\"output_y\":0,\"width\":0,\"height\":0}");
	free(j);
	struct i3bar_click e = {
	    .name = "\xc3\xa9t\xc3\xa9\n", .button = 5, .modifiers = 8 | 128};
	j = i3bar_click_json(&e);
	assert_non_null(strstr(j,
			       "\"name\":\"\xc3\xa9t\xc3\xa9\\n\",\"button\":5,"
			       "\"modifiers\":[\"Mod1\",\"Mod5\"]"));
	free(j);
}

/* -- the pipe */

/* Every line a command prints, read as the widget reads it: poll, then
 * proc_read and proc_line; at most lim lines kept. */
static size_t read_all(struct proc *p, size_t max, char **lines, size_t lim)
{
	size_t n = 0;
	for (bool more = true; more;) {
		struct pollfd pfd = {.fd = p->out, .events = POLLIN};
		assert_true(poll(&pfd, 1, 10000) == 1);
		more = proc_read(p, max);
		assert_true(p->len - p->start <= PROC_READ_MAX + max + 65536);
		for (const char *l; (l = proc_line(p)); n++)
			if (n < lim)
				lines[n] = strdup(l);
	}
	return n;
}

static void free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
}

static void test_proc_lines(void **state)
{
	(void)state;
	struct proc p;
	char *l[8] = {0};
	assert_true(
	    proc_start(&p, "printf 'a\\n\\nb\\nlast'", false, false, NULL));
	assert_int_equal(read_all(&p, 100, l, 8), 4);
	assert_string_equal(l[0], "a");
	assert_string_equal(l[1], "");
	assert_string_equal(l[2], "b");
	assert_string_equal(l[3], "last"); /* no \n at the end: still a line */
	assert_true(p.eof);
	free_lines(l, 4);
	proc_stop(&p);
	assert_int_equal(p.out, -1);
	assert_int_equal(p.pid, 0);
}

static void test_proc_long_lines_dropped(void **state)
{
	(void)state;
	struct proc p;
	char *l[8] = {0};
	/* One line of exactly max, one a byte longer, one far longer and
	 * spread over many reads, then one that fits. */
	assert_true(proc_start(&p,
			       "printf '0123456789\\n01234567890\\n'; "
			       "head -c 300000 /dev/zero | tr '\\0' x; "
			       "printf '\\nshort\\n'",
			       false, false, NULL));
	assert_int_equal(read_all(&p, 10, l, 8), 2);
	assert_string_equal(l[0], "0123456789");
	assert_string_equal(l[1], "short");
	assert_int_equal(p.dropped, 2);
	free_lines(l, 2);
	proc_stop(&p);
}

static void test_proc_flood_in_slices(void **state)
{
	(void)state;
	struct proc p;
	/* 3 MiB of lines: more than one call takes, all of them arrive. */
	assert_true(proc_start(&p, "head -c 3145728 /dev/zero | tr '\\0' '\\n'",
			       false, false, NULL));
	char *none[1];
	assert_int_equal(read_all(&p, 64, none, 0), 3145728);
	assert_int_equal(p.dropped, 0);
	proc_stop(&p);
}

static void test_proc_stdin_and_env(void **state)
{
	(void)state;
	struct proc p;
	char *l[4] = {0};
	char foo[] = "CTILE_TEST_FOO=bar baz";
	char *env[] = {foo, NULL};
	assert_true(proc_start(&p, "read x; echo \"got $x $CTILE_TEST_FOO\"",
			       true, false, env));
	assert_true(proc_write(&p, "hi\n", 3));
	assert_int_equal(read_all(&p, 100, l, 4), 1);
	assert_string_equal(l[0], "got hi bar baz");
	free_lines(l, 1);
	proc_stop(&p);
	/* Without a pipe, stdin is /dev/null: read sees its end at once. */
	assert_true(proc_start(&p, "cat; echo \"done $?\"", false, true, NULL));
	assert_int_equal(read_all(&p, 100, l, 4), 1);
	assert_string_equal(l[0], "done 0");
	free_lines(l, 1);
	assert_false(proc_write(&p, "x", 1));
	proc_stop(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_header),
	    cmocka_unit_test(test_header_garbage),
	    cmocka_unit_test(test_stream),
	    cmocka_unit_test(test_stream_open_variants),
	    cmocka_unit_test(test_plain_text),
	    cmocka_unit_test(test_several_arrays_last_counts),
	    cmocka_unit_test(test_block_fields),
	    cmocka_unit_test(test_unknown_and_odd_members),
	    cmocka_unit_test(test_bad_json),
	    cmocka_unit_test(test_colors),
	    cmocka_unit_test(test_blocks_equal),
	    cmocka_unit_test(test_click_json),
	    cmocka_unit_test(test_proc_lines),
	    cmocka_unit_test(test_proc_long_lines_dropped),
	    cmocka_unit_test(test_proc_flood_in_slices),
	    cmocka_unit_test(test_proc_stdin_and_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
