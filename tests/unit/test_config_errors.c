/* test_config_errors.c: config texts and the exact errors they give, as
 * `ctile --check-config` shows them (FILE:LINE:COL: message); includes,
 * unreadable files, huge lines, NUL bytes and garbage; the built-in default
 * and config/config parse clean; errors never touch a live config. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xcb/xproto.h>
#include <xkbcommon/xkbcommon-keysyms.h>

#include "activate.h"
#include "config.h"
#include "config_fixture.h"
#include "wm.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

#define LOG_MAX CONFIG_FX_LOG_MAX

/* What every error must be, whatever the input: a file, a line in range,
 * a message, a column inside (or just past) the line kept. NULL if so,
 * else what is wrong. */
static const char *errors_insane(const struct config_errors *e, int max_line)
{
	for (size_t i = 0; i < e->n; i++) {
		const struct config_error *er = &e->v[i];
		if (!er->file || !er->message || !er->message[0])
			return "an error without file or message";
		if (strchr(er->message, '\n'))
			return "a message of several lines";
		if (er->line < 1 || er->line > max_line)
			return "a line number outside the text";
		if (er->col < 0)
			return "a negative column";
		if (er->text && (size_t)er->col > strlen(er->text) + 1)
			return "a column past the end of the line";
		if (er->text && strchr(er->text, '\n'))
			return "a kept line of several lines";
	}
	return NULL;
}

/* Parse len bytes of text as file "test" into f, made fresh; compare the
 * errors with want. f is left for the caller to inspect and free; on a
 * failure it is freed first, so a failed test leaks nothing. */
static void check_text(struct config_fx *f, const char *text, size_t len,
		       const char *want)
{
	static char got[LOG_MAX];
	config_fx_init(f);
	int n = config_fx_parse(f, text, len);
	config_fx_errors_text(&f->e, got, sizeof(got));
	const char *insane = errors_insane(&f->e, config_fx_lines(text, len));
	bool same = (size_t)n == f->e.n && strcmp(got, want) == 0;
	if (!same || insane) {
		config_fx_free(f);
		fail_msg("errors of:\n%.300s\n-- got (count %d):\n%.2000s-- "
			 "want:\n%.2000s%s",
			 text, n, got, want, insane ? insane : "");
	}
}

static void expect_errors(const char *text, const char *want)
{
	struct config_fx f;
	check_text(&f, text, strlen(text), want);
	config_fx_free(&f);
}

/* ------------------------------------------------------------------------ */
/* The table: a config text and the exact errors it gives                   */
/* ------------------------------------------------------------------------ */

struct row {
	const char *name, *text, *want;
};

#define NOT_CONFIG(cmd)                                                        \
	"'" cmd "' is a command, not a config statement (bind it to a key)"
#define RULE_WORDS                                                             \
	"(match class=, instance=, title=, role=, type=; give tags=, "         \
	"floating, fullscreen, above, monitor=, focus=)"
#define RULE_NEEDS                                                             \
	"rule: give at least one match (class=, instance=, title=, role=, "    \
	"type=) and one action"
#define COLOR_USAGE "usage: color focused|normal|urgent #RRGGBB[AA]"
#define NOT_COLOR   "is not #rrggbb or #rrggbbaa"

static const struct row rows[] = {
    /* Unknown statements. */
    {"unknown statement", "frobnicate 1\n",
     "test:1:1: unknown command 'frobnicate'\n"},
    {"unknown statement, indented, line 2", "border_width 2\n\t  frobnicate\n",
     "test:2:4: unknown command 'frobnicate'\n"},
    {"statement names are case-sensitive", "Border_width 2\n",
     "test:1:1: unknown command 'Border_width'\n"},
    /* i3's words: ctile's are named. */
    {"i3's bindsym", "bindsym Mod4+x close\n",
     "test:1:1: unknown command 'bindsym' (ctile's is bind)\n"},
    {"i3's for_window", "for_window [class=x] floating enable\n",
     "test:1:1: unknown command 'for_window' (ctile's is rule)\n"},
    {"i3's workspace, bound", "bind Mod4+1 workspace 1\n",
     "test:1:13: bind: unknown command 'workspace' (ctile's is view)\n"},

    /* A command of the language that is no config statement. */
    {"runtime command in config", "view 2\n",
     "test:1:1: " NOT_CONFIG("view") "\n"},
    {"runtime command, indented", "border_width 2\n  spawn xterm\n",
     "test:2:3: " NOT_CONFIG("spawn") "\n"},
    {"mode without { is the runtime command", "mode resize\n",
     "test:1:1: " NOT_CONFIG("mode") "\n"},
    {"reload in config", "reload\n", "test:1:1: " NOT_CONFIG("reload") "\n"},
    {"quit in config", "quit\n", "test:1:1: " NOT_CONFIG("quit") "\n"},

    /* Wrong argument counts: a missing one just past the last word, an
     * extra one at the first word too many. */
    {"missing argument", "border_width\n",
     "test:1:13: border_width: missing argument; usage: border_width "
     "PIXELS\n"},
    {"missing arguments", "color\n",
     "test:1:6: color: missing arguments; " COLOR_USAGE "\n"},
    {"missing second argument", "color focused\n",
     "test:1:14: color: missing argument; " COLOR_USAGE "\n"},
    {"missing argument before a comment", "gaps inner   # pixels\n",
     "test:1:11: gaps: missing argument; usage: gaps inner|outer PIXELS\n"},
    {"too many arguments: column of the extra word", "border_width 2 3\n",
     "test:1:16: border_width: too many arguments; usage: border_width "
     "PIXELS\n"},
    {"too many arguments: the first extra word", "gaps inner 1 2 3\n",
     "test:1:14: gaps: too many arguments; usage: gaps inner|outer "
     "PIXELS\n"},
    /* include is read by the parser itself, and counts the same way. */
    {"include without a path", "include\n",
     "test:1:8: include: missing argument; usage: include PATH\n"},
    {"include with two paths: column of the extra word", "include a b\n",
     "test:1:11: include: too many arguments; usage: include PATH\n"},

    /* Keys, modifiers, buttons. */
    {"unknown key name", "bind Mod4+NoSuchKey zoom\n",
     "test:1:6: unknown key 'NoSuchKey'\n"},
    {"no key after the modifiers", "bind Mod4+ zoom\n",
     "test:1:6: no key in 'Mod4+'\n"},
    {"unknown modifier", "bind Hyper+x zoom\n",
     "test:1:6: unknown modifier 'Hyper' in 'Hyper+x'\n"},
    {"unknown modifier in a mouse binding", "mouse Meta+Button1 move\n",
     "test:1:7: unknown modifier 'Meta' in 'Meta+Button1'\n"},
    {"mouse button out of range", "mouse Mod4+Button0 move\n",
     "test:1:7: mouse: 'Mod4+Button0' does not end in Button1..Button9\n"},
    {"mouse binding of an unknown command", "mouse Mod4+Button1 fling\n",
     "test:1:20: mouse: unknown command 'fling'\n"},
    {"binding of an unknown command", "bind Mod4+x frobnicate\n",
     "test:1:13: bind: unknown command 'frobnicate'\n"},

    /* Colours. */
    {"bad colour: five digits", "color focused #12345\n",
     "test:1:15: color: '#12345' " NOT_COLOR "\n"},
    {"bad colour: no #", "color normal 5e81ac\n",
     "test:1:14: color: '5e81ac' " NOT_COLOR "\n"},
    {"bad colour: not hex", "color urgent #gg0000\n",
     "test:1:14: color: '#gg0000' " NOT_COLOR "\n"},
    {"bad colour: seven digits", "color focused #5e81ac8\n",
     "test:1:15: color: '#5e81ac8' " NOT_COLOR "\n"},
    {"bad colour: a name", "color focused red\n",
     "test:1:15: color: 'red' " NOT_COLOR "\n"},
    {"unknown colour", "color border #112233\n",
     "test:1:7: color: 'border' is not focused, normal or urgent\n"},

    /* Numbers out of range or not numbers. */
    {"border_width 1000", "border_width 1000\n",
     "test:1:14: border_width: '1000' is not a whole number in 0..100\n"},
    {"border_width -1", "border_width -1\n",
     "test:1:14: border_width: '-1' is not a whole number in 0..100\n"},
    {"border_width 2px", "border_width 2px\n",
     "test:1:14: border_width: '2px' is not a whole number in 0..100\n"},
    {"border_width huge", "border_width 99999999999999999999\n",
     "test:1:14: border_width: '99999999999999999999' is not a whole "
     "number in 0..100\n"},
    {"gaps inner -1", "gaps inner -1\n",
     "test:1:12: gaps: '-1' is not a whole number in 0..500\n"},
    {"gaps outer 501", "gaps outer 501\n",
     "test:1:12: gaps: '501' is not a whole number in 0..500\n"},
    {"gaps sideways", "gaps sideways 1\n",
     "test:1:6: gaps: 'sideways' is not inner or outer\n"},
    {"default_mfact 2", "default_mfact 2\n",
     "test:1:15: default_mfact: '2' is not a number in 0.05..0.95\n"},
    {"default_mfact 0", "default_mfact 0\n",
     "test:1:15: default_mfact: '0' is not a number in 0.05..0.95\n"},
    {"default_mfact nan", "default_mfact nan\n",
     "test:1:15: default_mfact: 'nan' is not a number in 0.05..0.95\n"},
    {"default_nmaster 65", "default_nmaster 65\n",
     "test:1:17: default_nmaster: '65' is not a whole number in 0..64\n"},

    /* The font. */
    {"empty font", "font \"\"\n",
     "test:1:6: font: give a font description of 1..127 bytes, like "
     "\"DejaVu Sans 10\"\n"},

    /* yes or no. */
    {"bad yes/no", "smart_gaps maybe\n",
     "test:1:12: smart_gaps: 'maybe' is not yes or no\n"},
    {"bad yes/no: a number", "mouse_warps 2\n",
     "test:1:13: mouse_warps: '2' is not yes or no\n"},
    {"bad yes/no in a rule", "rule class=x floating=maybe\n",
     "test:1:14: rule: 'floating=maybe' wants yes or no\n"},

    /* Layouts and tags. */
    {"unknown layout", "default_layout spiral\n",
     "test:1:16: default_layout: unknown layout 'spiral'\n"},
    {"unknown layout in tag_layout", "tag_layout 2 spiral\n",
     "test:1:14: tag_layout: unknown layout 'spiral'\n"},
    {"unknown tag in tag_layout", "tag_layout 10 grid\n",
     "test:1:12: tag_layout: unknown tag '10'\n"},
    {"unknown tag name in tag_layout", "tags web mail\ntag_layout irc grid\n",
     "test:2:12: tag_layout: unknown tag 'irc'\n"},
    {"unknown tag in rule tags=", "rule class=^x$ tags=10\n",
     "test:1:16: rule: unknown tag in '10'\n"},
    {"unknown tag name in rule tags=",
     "tags web mail\nrule class=x tags=web,irc\n",
     "test:2:14: rule: unknown tag in 'web,irc'\n"},
    {"empty rule tags=", "rule class=x tags=\n",
     "test:1:14: rule: unknown tag in ''\n"},
    {"duplicate tag name", "tags web mail web\n",
     "test:1:15: tags: 'web' is named twice\n"},
    {"tag named all", "tags web all\n",
     "test:1:10: tags: 'all' is a word of its own in `view`\n"},
    {"tag name of 32 bytes", "tags a 0123456789abcdef0123456789abcdef\n",
     "test:1:8: tags: a name has 1..31 bytes\n"},
    {"empty tag name", "tags a \"\"\n",
     "test:1:8: tags: a name has 1..31 bytes\n"},

    /* Rules. */
    {"rule without a match", "rule floating fullscreen\n",
     "test:1:6: " RULE_NEEDS "\n"},
    {"rule without an action", "rule class=a title=b\n",
     "test:1:6: " RULE_NEEDS "\n"},
    {"rule of one word", "rule floating\n",
     "test:1:14: rule: missing argument; usage: rule MATCH... ACTION...\n"},
    {"unknown rule word", "rule class=x sticky\n",
     "test:1:14: rule: unknown word 'sticky' " RULE_WORDS "\n"},
    {"unknown rule key", "rule class=x workspace=2\n",
     "test:1:14: rule: unknown word 'workspace=2' " RULE_WORDS "\n"},
    {"unknown window type", "rule type=popup floating\n",
     "test:1:6: rule: unknown window type 'popup'\n"},
    {"rule match given twice", "rule class=a class=b floating\n",
     "test:1:14: rule: class is given twice\n"},

    /* Bar widgets: an option a widget does not read is an error at the
     * option, as is a bad value; an error of the widget as a whole (one it
     * lacks) is at its name. */
    {"misspelt widget option: the nearest one",
     "bar right clock fromat=\"%H\" cpu intervall=1\n",
     "test:1:17: bar: clock: unknown option 'fromat' (did you mean "
     "format=?)\n"},
    {"misspelt widget option after a good widget",
     "bar right clock cpu intervall=1\n",
     "test:1:21: bar: cpu: unknown option 'intervall' (did you mean "
     "interval=?)\n"},
    {"unknown widget option: its options listed",
     "bar right clock nosuchopt=3\n",
     "test:1:17: bar: clock: unknown option 'nosuchopt' (clock has "
     "format=)\n"},
    {"unknown option of a widget with several",
     "bar right script command=date colour=red\n",
     "test:1:31: bar: script: unknown option 'colour' (script has command=, "
     "click=, interval=, max_width=, persist=, markup=)\n"},
    {"unknown option of a widget with none", "bar left tags layout x=1\n",
     "test:1:22: bar: layout: unknown option 'x' (layout has no "
     "options)\n"},
    {"separator takes no width", "bar right separator width=3\n",
     "test:1:21: bar: separator: unknown option 'width' (separator has no "
     "options)\n"},
    {"widget option given twice", "bar right clock format=a format=b\n",
     "test:1:26: bar: clock: format= is given twice\n"},
    {"bad widget value: at the option", "bar left tags title tasks=yse\n",
     "test:1:21: bar: title: tasks= takes yes or no\n"},
    {"bad widget number: at the option", "bar right cpu format=%u interval=0\n",
     "test:1:25: bar: cpu: interval=0 is not a whole number >= 1\n"},
    {"bad widget value: the option at fault, not the last",
     "bar right network iface=a/b path=/x\n",
     "test:1:19: bar: network: iface=a/b is not an interface name\n"},
    {"missing widget option: at the widget", "bar right script interval=5\n",
     "test:1:11: bar: script: command= is missing\n"},
    {"unknown widget", "bar right clock clok\n",
     "test:1:17: bar: unknown widget 'clok'\n"},
    {"option before any widget", "bar right format=%H clock\n",
     "test:1:11: bar: option 'format=%H' before any widget\n"},

    /* Quotes: the column of the opening quote. */
    {"unterminated double quote", "font \"DejaVu Sans 10\n",
     "test:1:6: unterminated double quote\n"},
    {"unterminated single quote", "exec echo 'hi\n",
     "test:1:11: unterminated single quote\n"},

    /* Columns are in the line as written, before $variables expand. */
    {"variable: column of a later word",
     "set $mod Mod4+Shift\n"
     "bind $mod+x frobnicate\n",
     "test:2:13: bind: unknown command 'frobnicate'\n"},
    {"variable: column of the variable itself",
     "set $w 1000\n"
     "border_width $w\n",
     "test:2:14: border_width: '1000' is not a whole number in 0..100\n"},
    {"variable: quote after two expansions",
     "set $a aaaaaaaaaaaa\n"
     "exec $a $a 'x\n",
     "test:2:12: unterminated single quote\n"},
    {"variable: handler error at the variable",
     "set $a aaaaaaaaaaaa\n"
     "gaps $a 1\n",
     "test:2:6: gaps: 'aaaaaaaaaaaa' is not inner or outer\n"},
    {"variable: extra word after a long expansion",
     "set $a aaaaaaaaaaaa\n"
     "gaps $a 1 2\n",
     "test:2:11: gaps: too many arguments; usage: gaps inner|outer "
     "PIXELS\n"},
    {"variable: too many arguments after an expansion",
     "set $i inner\ngaps $i 1 2\n",
     "test:2:11: gaps: too many arguments; usage: gaps inner|outer "
     "PIXELS\n"},
    {"variable: a runtime command through a variable",
     "set $v view\n"
     "$v 2\n",
     "test:2:1: " NOT_CONFIG("view") "\n"},
    {"variable: mode line usage error",
     "set $n a_long_mode_name\n"
     "mode $n bogus {\n"
     "}\n",
     "test:2:9: mode: usage: mode NAME [oneshot] {\n"
     "test:3:1: '}' closes no mode\n"},

    /* Modes. */
    {"unclosed mode", "mode resize {\nbind h zoom\n",
     "test:1: mode is not closed with }\n"},
    {"unclosed mode after a closed one", "mode a {\n}\nmode b {\n",
     "test:3: mode is not closed with }\n"},
    {"} without a mode", "}\n", "test:1:1: '}' closes no mode\n"},
    {"} once too often", "mode a {\n}\n  }\n",
     "test:3:3: '}' closes no mode\n"},
    {"nested mode", "mode a {\nmode b {\nbind x zoom\n}\n",
     "test:2:1: mode: modes do not nest (the one from line 1 is still "
     "open)\n"},
    {"mode with a bad word", "mode a b {\n}\n",
     "test:1:8: mode: usage: mode NAME [oneshot] {\n"
     "test:2:1: '}' closes no mode\n"},

    /* Several errors: all of them, in order. */
    {"several errors, all in order",
     "frobnicate\n"
     "border_width 1000\n"
     "\n"
     "bind Hyper+x zoom\n"
     "view 1\n"
     "color focused #12\n"
     "border_width 3\n"
     "}\n",
     "test:1:1: unknown command 'frobnicate'\n"
     "test:2:14: border_width: '1000' is not a whole number in 0..100\n"
     "test:4:6: unknown modifier 'Hyper' in 'Hyper+x'\n"
     "test:5:1: " NOT_CONFIG("view") "\n"
				     "test:6:15: color: '#12' " NOT_COLOR "\n"
				     "test:8:1: '}' closes no mode\n"},

    /* Line ends. */
    {"CRLF line ends", "border_width 3\r\nfoo\r\nborder_width 1000\r\n",
     "test:2:1: unknown command 'foo'\n"
     "test:3:14: border_width: '1000' is not a whole number in 0..100\n"},
    {"error in a continued line: at its first line",
     "border_width \\\n  1000\nbogus\n",
     "test:1:16: border_width: '1000' is not a whole number in 0..100\n"
     "test:3:1: unknown command 'bogus'\n"},
    {"continuation over three lines keeps the numbering",
     "exec a \\\n b \\\n c\nfoo\n", "test:4:1: unknown command 'foo'\n"},
    {"continuation with CRLF", "border_width \\\r\n 1000\r\n",
     "test:1:15: border_width: '1000' is not a whole number in 0..100\n"},
    {"continuation on the last line is not lost",
     "border_width 3\nborder_width 1000 \\\n",
     "test:2:14: border_width: '1000' is not a whole number in 0..100\n"},
    {"continuation at the end of a file without a newline",
     "border_width 1000 \\",
     "test:1:14: border_width: '1000' is not a whole number in 0..100\n"},
};

static void test_row(void **state)
{
	const struct row *r = *state;
	expect_errors(r->text, r->want);
}

/* ------------------------------------------------------------------------ */
/* Rows whose text or message is computed                                   */
/* ------------------------------------------------------------------------ */

/* `tags` with 33 names: too many, at the 33rd. 32 are fine. */
static void test_tags_33_names(void **state)
{
	(void)state;
	char text[256], want[256];
	size_t o = (size_t)snprintf(text, sizeof(text), "tags");
	int col33 = 0;
	for (int i = 1; i <= 33; i++) {
		if (i == 33)
			col33 = (int)o + 2;
		o += (size_t)snprintf(text + o, sizeof(text) - o, " %d", i);
	}
	snprintf(text + o, sizeof(text) - o, "\n");
	snprintf(want, sizeof(want),
		 "test:1:%d: tags: too many arguments; usage: tags NAME...\n",
		 col33);
	assert_int_equal(col33, 93);
	expect_errors(text, want);

	/* 32 names: no error, 32 tags. */
	char *last = strrchr(text, ' ');
	strcpy(last, "\n");
	struct config_fx f;
	check_text(&f, text, strlen(text), "");
	assert_int_equal(f.c.ntags, 32);
	assert_string_equal(f.c.tag_names[31], "32");
	config_fx_free(&f);
}

/* A bad regular expression: the word, and the C library's reason. */
static void test_bad_regex(void **state)
{
	(void)state;
	const char *bad[] = {"(", "a{2,1}", "[z-a]", "*x)"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		regex_t re;
		int rc = regcomp(&re, bad[i], REG_EXTENDED | REG_NOSUB);
		if (!rc) {
			regfree(&re);
			continue; /* this C library takes it */
		}
		char why[128], text[128], want[512];
		regerror(rc, &re, why, sizeof(why));
		bool cut =
		    rc == REG_EPAREN || rc == REG_EBRACK || rc == REG_EBRACE;
		snprintf(text, sizeof(text), "rule title=x class=%s floating\n",
			 bad[i]);
		snprintf(want, sizeof(want),
			 "test:1:14: rule: bad regular expression '%s': %s%s\n",
			 bad[i], why,
			 cut ? " (quote a value with blanks: title=\"a b\")"
			     : "");
		expect_errors(text, want);
	}
	/* "(" is bad everywhere. */
	expect_errors("rule class=( floating\n",
		      "test:1:6: rule: bad regular expression '(': "
		      "Unmatched ( or \\( (quote a value with blanks: "
		      "title=\"a b\")\n");
}

/* A 1 MB line: one error, at its line; the lines around it still count. */
static void test_megabyte_line(void **state)
{
	(void)state;
	static char text[(1 << 20) + 64];
	const char *head = "border_width 3\n";
	const char *tail = "\nborder_width 4\nbogus\n";
	size_t n = 1 << 20, o = strlen(head);
	memcpy(text, head, o);
	memset(text + o, 'x', n);
	o += n;
	memcpy(text + o, tail, strlen(tail));
	o += strlen(tail);
	struct config_fx f;
	check_text(&f, text, o,
		   "test:2: line too long (at most 4095 bytes)\n"
		   "test:4:1: unknown command 'bogus'\n");
	assert_int_equal(f.c.settings.border_width, 4);
	config_fx_free(&f);

	/* The same line continued over two: still one error. */
	memcpy(text + (1 << 19), "\\\n", 2);
	check_text(&f, text, o,
		   "test:2: line too long (at most 4095 bytes)\n"
		   "test:5:1: unknown command 'bogus'\n");
	config_fx_free(&f);
}

/* A NUL byte spoils its line only, at its column. */
static void test_nul_byte(void **state)
{
	(void)state;
	static const char text[] = "border_width 3\n"
				   "bor\0der_width 4\n"
				   "border_width 5\n"
				   "\0\n"
				   "gaps inner 2\n";
	struct config_fx f;
	check_text(&f, text, sizeof(text) - 1,
		   "test:2:4: NUL byte in the line\n"
		   "test:4:1: NUL byte in the line\n");
	assert_int_equal(f.c.settings.border_width, 5);
	assert_int_equal(f.c.settings.gap_inner, 2);
	config_fx_free(&f);
}

/* Binary garbage: errors with positions, never a crash. */
static void test_binary_garbage(void **state)
{
	(void)state;
	char text[512], want[1024];
	size_t o = 0;
	for (int b = 0x80; b < 0xc0; b++) /* line 1: 64 bytes */
		text[o++] = (char)b;
	text[o++] = '\n';
	for (int b = 0xc0; b <= 0xff; b++) /* line 2: 64 bytes */
		text[o++] = (char)b;
	text[o++] = '\n';
	size_t ctl = o;
	for (int b = 1; b < 0x20; b++) /* line 3: control bytes */
		if (b != '\n' && b != '\t' && b != '\r')
			text[o++] = (char)b;
	text[o++] = 0x7f;
	text[o++] = '\n';
	text[o] = '\0';
	int w = snprintf(want, sizeof(want),
			 "test:1:1: unknown command '%.64s'\n"
			 "test:2:1: unknown command '%.64s'\n",
			 text, text + 65);
	snprintf(want + w, sizeof(want) - (size_t)w,
		 "test:3:1: unknown command '%.*s'\n", (int)(o - 1 - ctl),
		 text + ctl);
	expect_errors(text, want);

	/* Pseudo-random binary, NUL bytes included: sane errors only. */
	static char blob[1 << 16];
	uint32_t x = 2463534242u;
	for (int round = 0; round < 50; round++) {
		size_t len = (size_t)(round * 1311) % sizeof(blob);
		int lines = 1;
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			blob[i] = (char)(x >> 24);
			lines += blob[i] == '\n';
		}
		struct config_fx f;
		config_fx_init(&f);
		int n = config_parse_text(&f.c, blob, len, "blob", &f.e);
		size_t kept = f.e.n;
		const char *insane = errors_insane(&f.e, lines);
		config_fx_free(&f);
		assert_int_equal((size_t)n, kept);
		if (insane)
			fail_msg("round %d: %s", round, insane);
	}
}

/* ------------------------------------------------------------------------ */
/* Files: includes, directories, unreadable paths                           */
/* ------------------------------------------------------------------------ */

/* A temporary directory of config files, removed after each test. */
struct tmp {
	char dir[64];
	char *made[32]; /* paths made, removed in reverse */
	int nmade;
};

static int tmp_setup(void **state)
{
	struct tmp *t = calloc(1, sizeof(*t));
	if (!t)
		return -1;
	snprintf(t->dir, sizeof(t->dir), "/tmp/ctile-unit-XXXXXX");
	if (!mkdtemp(t->dir)) {
		free(t);
		return -1;
	}
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;
	for (int i = t->nmade - 1; i >= 0; i--) {
		struct stat st;
		if (lstat(t->made[i], &st) == 0 && S_ISDIR(st.st_mode))
			rmdir(t->made[i]);
		else
			unlink(t->made[i]);
		free(t->made[i]);
	}
	rmdir(t->dir);
	free(t);
	return 0;
}

/* dir/name, remembered for removal; the caller frees nothing. */
static const char *tmp_path(struct tmp *t, const char *name)
{
	char *p = NULL;
	assert_true(asprintf(&p, "%s/%s", t->dir, name) > 0);
	assert_true(t->nmade < 32);
	t->made[t->nmade++] = p;
	return p;
}

static const char *tmp_file(struct tmp *t, const char *name, const char *text)
{
	const char *p = tmp_path(t, name);
	config_fx_write_file(p, text);
	return p;
}

static const char *tmp_dir(struct tmp *t, const char *name)
{
	const char *p = tmp_path(t, name);
	assert_int_equal(mkdir(p, 0700), 0);
	return p;
}

/* Parse the file at path; compare the errors with want, in which every
 * "@" stands for the temporary directory. */
static void check_file(struct tmp *t, struct config *c, const char *path,
		       const char *want)
{
	char expanded[LOG_MAX], got[LOG_MAX];
	size_t o = 0;
	for (const char *s = want; *s && o + 64 < sizeof(expanded); s++)
		if (*s == '@')
			o += (size_t)snprintf(
			    expanded + o, sizeof(expanded) - o, "%s", t->dir);
		else
			expanded[o++] = *s;
	expanded[o] = '\0';
	struct config_errors e = {0};
	config_init(c);
	int n = config_parse_file(c, path, &e);
	bool counted = (size_t)n == e.n;
	config_fx_errors_text(&e, got, sizeof(got));
	config_errors_clear(&e);
	if (!counted || strcmp(got, expanded) != 0) {
		config_finish(c);
		fail_msg("errors of %s:\n-- got (count %d):\n%s-- want:\n%s",
			 path, n, got, expanded);
	}
}

static void test_include_relative_to_including_file(void **state)
{
	struct tmp *t = *state;
	tmp_dir(t, "sub");
	tmp_file(t, "sub/a.conf", "gaps inner 4\ninclude b.conf\n");
	tmp_file(t, "sub/b.conf", "gaps outer 5\n");
	const char *top = tmp_file(t, "main.conf",
				   "set $mod Mod1\n"
				   "include sub/a.conf\n"
				   "border_width 3\n");
	struct config c;
	check_file(t, &c, top, "");
	assert_int_equal(c.settings.gap_inner, 4);
	assert_int_equal(c.settings.gap_outer, 5); /* sub/b.conf, not ./b */
	assert_int_equal(c.settings.border_width, 3);
	config_finish(&c);
}

/* Variables and modes are shared: set in one file, used in another. */
static void test_include_shares_variables(void **state)
{
	struct tmp *t = *state;
	tmp_file(t, "keys.conf", "bind $mod+x zoom\nset $late Mod4\n");
	const char *top = tmp_file(t, "main.conf",
				   "set $mod Mod1\n"
				   "include keys.conf\n"
				   "bind $late+y close\n");
	struct config c;
	check_file(t, &c, top, "");
	assert_int_equal(c.modes[0].nbindings, 2);
	assert_int_equal(c.modes[0].bindings[0].mods, XCB_MOD_MASK_1);
	assert_int_equal(c.modes[0].bindings[1].mods, XCB_MOD_MASK_4);
	config_finish(&c);
}

/* A glob matching two files reads both, in name order. */
static void test_include_glob_two_files(void **state)
{
	struct tmp *t = *state;
	tmp_dir(t, "conf.d");
	tmp_file(t, "conf.d/20-b.conf", "bind Mod4+b close\nborder_width 2\n");
	tmp_file(t, "conf.d/10-a.conf", "bind Mod4+a zoom\nborder_width 1\n");
	tmp_file(t, "conf.d/notes.txt", "this is not read\n");
	const char *top = tmp_file(t, "main.conf",
				   "include conf.d/*.conf\n"
				   "include conf.d/*.nothing\n");
	struct config c;
	check_file(t, &c, top, "");
	assert_int_equal(c.modes[0].nbindings, 2);
	assert_int_equal(c.modes[0].bindings[0].keysym, XKB_KEY_a);
	assert_int_equal(c.modes[0].bindings[1].keysym, XKB_KEY_b);
	assert_int_equal(c.settings.border_width, 2);
	config_finish(&c);
}

/* ~ is $HOME. */
static void test_include_home(void **state)
{
	struct tmp *t = *state;
	tmp_file(t, "home.conf", "border_width 7\n");
	const char *top = tmp_file(t, "main.conf", "include ~/home.conf\n");
	const char *old = getenv("HOME");
	char *saved = old ? strdup(old) : NULL;
	setenv("HOME", t->dir, 1);
	struct config c;
	check_file(t, &c, top, "");
	if (saved)
		setenv("HOME", saved, 1);
	else
		unsetenv("HOME");
	free(saved);
	assert_int_equal(c.settings.border_width, 7);
	config_finish(&c);
}

static void test_include_missing_file(void **state)
{
	struct tmp *t = *state;
	const char *top = tmp_file(t, "main.conf",
				   "border_width 3\n"
				   "include nothere.conf\n"
				   "gaps inner 2\n");
	struct config c;
	check_file(t, &c, top,
		   "@/main.conf:2:9: include: cannot read '@/nothere.conf': no "
		   "such file\n");
	assert_int_equal(c.settings.gap_inner, 2);
	config_finish(&c);
}

/* Errors inside an included file name that file and its line. */
static void test_include_errors_name_their_file(void **state)
{
	struct tmp *t = *state;
	tmp_file(t, "inc.conf", "border_width 2\nbogus\n");
	const char *top = tmp_file(t, "main.conf",
				   "# main\n"
				   "include inc.conf\n"
				   "border_width 1000\n");
	struct config c;
	check_file(t, &c, top,
		   "@/inc.conf:2:1: unknown command 'bogus'\n"
		   "@/main.conf:3:14: border_width: '1000' is not a whole "
		   "number in 0..100\n");
	config_finish(&c);
}

static void test_include_loop(void **state)
{
	struct tmp *t = *state;
	tmp_file(t, "a.conf", "border_width 1\ninclude b.conf\n");
	tmp_file(t, "b.conf", "gaps inner 1\ninclude a.conf\n");
	const char *self = tmp_file(t, "self.conf", "include self.conf\n");
	struct config c;
	check_file(t, &c, t->made[0],
		   "@/b.conf:2: include loop: '@/a.conf' is already being "
		   "read\n");
	assert_int_equal(c.settings.gap_inner, 1);
	config_finish(&c);
	check_file(t, &c, self,
		   "@/self.conf:1: include loop: '@/self.conf' is already "
		   "being read\n");
	config_finish(&c);

	/* The same file twice, one after the other, is no loop. */
	tmp_file(t, "x.conf", "bind Mod4+x zoom\n");
	const char *twice =
	    tmp_file(t, "twice.conf", "include x.conf\ninclude x.conf\n");
	check_file(t, &c, twice, "");
	config_finish(&c);
}

/* A chain of includes deeper than the limit stops with one error. */
static void test_include_too_deep(void **state)
{
	struct tmp *t = *state;
	char name[32], text[64];
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "d%02d.conf", i);
		snprintf(text, sizeof(text), "include d%02d.conf\n", i + 1);
		tmp_file(t, name, text);
	}
	struct config c;
	check_file(t, &c, t->made[0],
		   "@/d15.conf:1: includes nest deeper than 16\n");
	config_finish(&c);
}

/* A file that is a directory, a path that cannot be read. */
static void test_unreadable_paths(void **state)
{
	struct tmp *t = *state;
	const char *dir = tmp_dir(t, "adir");
	const char *plain = tmp_file(t, "plain", "border_width 1\n");
	char through[256], missing[256];
	snprintf(through, sizeof(through), "%s/config", plain);
	snprintf(missing, sizeof(missing), "%s/nothere", t->dir);
	struct config c;
	check_file(t, &c, dir,
		   "@/adir:0: '@/adir' is a directory, not a "
		   "config file\n");
	config_finish(&c);
	check_file(t, &c, missing,
		   "@/nothere:0: cannot read '@/nothere': No such file or "
		   "directory\n");
	config_finish(&c);
	check_file(t, &c, through,
		   "@/plain/config:0: cannot read '@/plain/config': Not a "
		   "directory\n");
	config_finish(&c);

	/* Included, the error is at the include line. */
	const char *top = tmp_file(t, "main.conf",
				   "include adir\n"
				   "border_width 4\n");
	check_file(t, &c, top,
		   "@/main.conf:1: '@/adir' is a directory, not a config "
		   "file\n");
	assert_int_equal(c.settings.border_width, 4);
	config_finish(&c);
}

/* A FIFO or a device is not a config file: an error, never a wait for a
 * writer nor a device read as if it were empty. */
static void test_not_regular_files(void **state)
{
	struct tmp *t = *state;
	const char *fifo = tmp_path(t, "fifo");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* With a writer open, even a blocking open returns: whatever the
	 * parser does, this test cannot hang. */
	int writer = open(fifo, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	assert_true(writer >= 0);
	struct config c;
	check_file(t, &c, fifo, "@/fifo:0: '@/fifo' is not a regular file\n");
	config_finish(&c);

	const char *top = tmp_file(t, "main.conf",
				   "include fifo\n"
				   "include /dev/zero\n"
				   "border_width 4\n");
	check_file(t, &c, top,
		   "@/main.conf:1: '@/fifo' is not a regular file\n"
		   "@/main.conf:2: '/dev/zero' is not a regular file\n");
	assert_int_equal(c.settings.border_width, 4);
	config_finish(&c);
	close(writer);
}

/* A whole file read: bigger than the limit is one error, not a hang. */
static void test_huge_file(void **state)
{
	struct tmp *t = *state;
	const char *p = tmp_path(t, "huge.conf");
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	static char chunk[1 << 16];
	memset(chunk, '#', sizeof(chunk));
	for (int i = 0; i < 80; i++) /* 5 MiB of comment */
		assert_int_equal(fwrite(chunk, 1, sizeof(chunk), f),
				 sizeof(chunk));
	assert_int_equal(fclose(f), 0);
	struct config c;
	check_file(t, &c, p,
		   "@/huge.conf:0: '@/huge.conf' is larger than 4 "
		   "MiB\n");
	config_finish(&c);
}

/* ------------------------------------------------------------------------ */
/* Good lines, bad lines and the live config                                */
/* ------------------------------------------------------------------------ */

/* What the good lines set is there, the bad lines set nothing (not half
 * of anything), and a live config elsewhere is not touched at all. */
static void test_errors_touch_only_the_target(void **state)
{
	(void)state;
	struct config_fx live, f;
	config_fx_init(&live);
	const char *good = "bind Mod4+q quit\nset $v live\nborder_width 6\n";
	assert_int_equal(
	    config_parse_text(&live.c, good, strlen(good), "live", &live.e), 0);
	struct settings live_settings = live.c.settings;

	const char *text = "border_width 5\n"
			   "bind Mod4+x zoom\n"
			   "border_width 1000\n"
			   "color focused #zz\n"
			   "gaps inner 7\n"
			   "gaps outer -1\n"
			   "tags a b a\n"
			   "rule class=x bogus\n"
			   "bind Mod4+y nope\n"
			   "mouse Mod4+Button1 fling\n"
			   "set bad value\n"
			   "exec_always xsetroot\n";
	config_fx_init(&f);
	assert_int_equal(config_parse_text(&f.c, text, strlen(text), "t", &f.e),
			 8);
	assert_int_equal(f.c.settings.border_width, 5);
	assert_int_equal(f.c.settings.gap_inner, 7);
	assert_int_equal(f.c.settings.gap_outer, 0);
	assert_int_equal(f.c.settings.color_focused, 0xff5e81acu);
	assert_int_equal(f.c.ntags, 9);
	assert_string_equal(f.c.tag_names[0], "1");
	assert_int_equal(f.c.nrules, 0);
	assert_int_equal(f.c.modes[0].nbindings, 1);
	assert_int_equal(f.c.nmouse, 0);
	assert_int_equal(f.c.nvars, 0);
	assert_int_equal(f.c.nexec_always, 1);

	/* The live one is as it was. */
	assert_memory_equal(&live.c.settings, &live_settings,
			    sizeof(live_settings));
	assert_int_equal(live.c.modes[0].nbindings, 1);
	assert_string_equal(live.c.modes[0].bindings[0].command, "quit");
	assert_int_equal(live.c.nvars, 1);
	assert_int_equal(live.c.ntags, 9);
	assert_int_equal(live.c.nexec_always, 0);
	config_fx_free(&f);
	config_fx_free(&live);
}

/* activate_reload, its log kept off the test's output. */
static void quiet_reload(struct wm *wm)
{
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	assert_true(saved >= 0 && null >= 0);
	dup2(null, 2);
	close(null);
	activate_reload(wm);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}

/* `reload` of a file with errors keeps the running config whole and says
 * why; once fixed, the new one is live. */
static void test_reload_with_errors_keeps_old_config(void **state)
{
	struct tmp *t = *state;
	const char *p = tmp_file(t, "config",
				 "border_width 9\n"
				 "bind Mod4+x zoom\n"
				 "border_width 1000\n");
	struct wm wm;
	struct config_fx f;
	wm_init(&wm);
	model_add_monitor(&wm.model, (struct rect){0, 0, 1280, 800});
	config_fx_init(&f);
	assert_int_equal(config_load(&f.c, NULL, &f.e), 0);
	activate_config(&wm, &f.c, true);
	config_fx_free(&f);
	size_t binds = wm.cfg.modes[0].nbindings;
	wm.config_path = strdup(p);

	wm.reload_wanted = true;
	quiet_reload(&wm);

	assert_false(wm.reload_wanted);
	assert_int_equal(wm.cfg.settings.border_width, 2);
	assert_int_equal(wm.cfg.modes[0].nbindings, binds);
	assert_non_null(wm.config_problem);
	char want[512];
	snprintf(want, sizeof(want),
		 "config: 1 error; %s:3: border_width: '1000' is not a whole "
		 "number in 0..100",
		 p);
	assert_string_equal(wm.config_problem, want);

	/* Fixed: the new config is live, the problem gone. */
	config_fx_write_file(p, "border_width 9\nbind Mod4+x zoom\n");
	quiet_reload(&wm);
	assert_int_equal(wm.cfg.settings.border_width, 9);
	assert_int_equal(wm.cfg.modes[0].nbindings, 1);
	assert_null(wm.config_problem);
	wm_finish(&wm);
}

/* ------------------------------------------------------------------------ */
/* The default config, and how errors are printed                           */
/* ------------------------------------------------------------------------ */

/* config/config, next to this file's folder. */
static void source_path(char *out, size_t len, const char *rel)
{
	const char *me = __FILE__, *cut = strstr(me, "tests/unit/");
	snprintf(out, len, "%.*s%s", cut ? (int)(cut - me) : 0, me, rel);
}

static void test_default_configs_parse_clean(void **state)
{
	(void)state;
	expect_errors(ctile_default_config, "");

	char path[4096];
	source_path(path, sizeof(path), "config/config");
	struct config_fx fx;
	config_fx_init(&fx);
	assert_int_equal(config_parse_file(&fx.c, path, &fx.e), 0);
	assert_int_equal(fx.e.n, 0);
	assert_true(fx.c.modes[0].nbindings > 40);
	config_fx_free(&fx);

	/* The built-in default is config/config itself. */
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char file[1 << 16];
	size_t n = fread(file, 1, sizeof(file) - 1, f);
	fclose(f);
	file[n] = '\0';
	assert_string_equal(ctile_default_config, file);
}

/* config_errors_print: the head line, the line as written, a caret under
 * the column (tabs kept so it lines up); no caret for a whole line. */
static void test_errors_print_format(void **state)
{
	(void)state;
	static char text[8192];
	size_t o = (size_t)sprintf(text, "border_width 1000\n"
					 "\tbind Mod4+x frobnicate\n"
					 "set $n 1\n"
					 "border_width $n 2\n");
	memset(text + o, 'x', 5000);
	o += 5000;
	o += (size_t)sprintf(text + o, "\nmode m {\n");
	struct config_fx f;
	config_fx_init(&f);
	assert_int_equal(config_parse_text(&f.c, text, o, "my.conf", &f.e), 5);
	FILE *out = tmpfile();
	assert_non_null(out);
	config_errors_print(&f.e, out);
	char got[4096];
	rewind(out);
	size_t n = fread(got, 1, sizeof(got) - 1, out);
	got[n] = '\0';
	fclose(out);
	assert_string_equal(
	    got, "my.conf:1:14: border_width: '1000' is not a whole number in "
		 "0..100\n"
		 "    border_width 1000\n"
		 "                 ^\n"
		 "my.conf:2:14: bind: unknown command 'frobnicate'\n"
		 "    \tbind Mod4+x frobnicate\n"
		 "    \t            ^\n"
		 "my.conf:4:17: border_width: too many arguments; usage: "
		 "border_width PIXELS\n"
		 "    border_width $n 2\n"
		 "                    ^\n"
		 "my.conf:5: line too long (at most 4095 bytes)\n"
		 "my.conf:6: mode is not closed with }\n");
	config_fx_free(&f);

	/* Nothing to print, nothing printed. */
	out = tmpfile();
	assert_non_null(out);
	config_errors_print(&f.e, out);
	assert_int_equal(ftell(out), 0);
	fclose(out);
}

/* A missing argument: the caret just past the line's last word. */
static void test_errors_print_caret_past_end(void **state)
{
	(void)state;
	struct config_fx f;
	config_fx_init(&f);
	const char *text = "color focused\n";
	assert_int_equal(config_parse_text(&f.c, text, strlen(text), "t", &f.e),
			 1);
	FILE *out = tmpfile();
	assert_non_null(out);
	config_errors_print(&f.e, out);
	char got[1024];
	rewind(out);
	size_t n = fread(got, 1, sizeof(got) - 1, out);
	got[n] = '\0';
	fclose(out);
	assert_string_equal(got, "t:1:14: color: missing argument; usage: "
				 "color focused|normal|urgent #RRGGBB[AA]\n"
				 "    color focused\n"
				 "                 ^\n");
	config_fx_free(&f);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	    cmocka_unit_test(test_tags_33_names),
	    cmocka_unit_test(test_bad_regex),
	    cmocka_unit_test(test_megabyte_line),
	    cmocka_unit_test(test_nul_byte),
	    cmocka_unit_test(test_binary_garbage),
#define TMP(f) cmocka_unit_test_setup_teardown(f, tmp_setup, tmp_teardown)
	    TMP(test_include_relative_to_including_file),
	    TMP(test_include_shares_variables),
	    TMP(test_include_glob_two_files),
	    TMP(test_include_home),
	    TMP(test_include_missing_file),
	    TMP(test_include_errors_name_their_file),
	    TMP(test_include_loop),
	    TMP(test_include_too_deep),
	    TMP(test_unreadable_paths),
	    TMP(test_not_regular_files),
	    TMP(test_huge_file),
	    cmocka_unit_test(test_errors_touch_only_the_target),
	    TMP(test_reload_with_errors_keeps_old_config),
#undef TMP
	    cmocka_unit_test(test_default_configs_parse_clean),
	    cmocka_unit_test(test_errors_print_format),
	    cmocka_unit_test(test_errors_print_caret_past_end),
	};
	/* One test per row of the table, named after it. */
	size_t nrows = sizeof(rows) / sizeof(*rows);
	size_t nfixed = sizeof(fixed) / sizeof(*fixed);
	struct CMUnitTest *tests = calloc(nrows + nfixed, sizeof(*tests));
	if (!tests)
		return 1;
	for (size_t i = 0; i < nrows; i++)
		tests[i] = (struct CMUnitTest){rows[i].name, test_row, NULL,
					       NULL, (void *)&rows[i]};
	memcpy(tests + nrows, fixed, sizeof(fixed));
	int failed = _cmocka_run_group_tests("test_config_errors", tests,
					     nrows + nfixed, NULL, NULL);
	free(tests);
	return failed;
}
