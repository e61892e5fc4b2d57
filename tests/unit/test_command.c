/* test_command.c: the command table, the dispatcher's errors, junk arguments
 * for every command, and what each command does to the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xcb/xproto.h>
#include <xkbcommon/xkbcommon-keysyms.h>

#include "command.h"
#include "layout.h"
#include "wm.h"

/* ------------------------------------------------------------------------ */
/* Fixture: one monitor, three clients on tag 1, the first in the list     */
/* focused. Managed a, b, c: the tiling list is c, b, a.                   */
/* ------------------------------------------------------------------------ */

#define ID_A 0x00400001u
#define ID_B 0x00400002u
#define ID_C 0x00400003u

struct fx {
	struct wm wm;
	struct monitor *mon;
	struct client *a, *b, *c;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	wm_init(&f->wm);
	f->mon =
	    model_add_monitor(&f->wm.model, (struct rect){0, 0, 1280, 800});
	f->a = model_manage(&f->wm.model, ID_A, f->mon, 0);
	f->b = model_manage(&f->wm.model, ID_B, f->mon, 0);
	f->c = model_manage(&f->wm.model, ID_C, f->mon, 0);
	if (!f->mon || !f->a || !f->b || !f->c)
		return -1;
	model_focus(&f->wm.model, f->c);
	*state = f;
	return 0;
}

/* The same monitor, no client at all. */
static int fx_setup_empty(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	wm_init(&f->wm);
	f->mon =
	    model_add_monitor(&f->wm.model, (struct rect){0, 0, 1280, 800});
	if (!f->mon)
		return -1;
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	wm_finish(&f->wm);
	free(f);
	return 0;
}

static void assert_model_ok(const struct wm *wm)
{
	char why[256] = "";
	if (!model_check(&wm->model, why, sizeof(why)))
		fail_msg("model_check: %s", why);
}

static void run_ok(struct wm *wm, const char *line)
{
	char err[256] = "";
	int col = -1;
	if (!command_run(wm, line, err, sizeof(err), &col))
		fail_msg("'%s' failed: %s (column %d)", line, err, col);
	assert_model_ok(wm);
}

/* line fails with exactly msg at the 0-based column col. */
static void run_err(struct wm *wm, const char *line, const char *msg, int col)
{
	char err[256] = "";
	int got_col = -1;
	if (command_run(wm, line, err, sizeof(err), &got_col))
		fail_msg("'%s' succeeded, want '%s'", line, msg);
	if (strcmp(err, msg) != 0)
		fail_msg("'%s':\n  got  '%s'\n  want '%s'", line, err, msg);
	if (got_col != col)
		fail_msg("'%s': column %d, want %d", line, got_col, col);
	assert_model_ok(wm);
}

static struct tag_state *view_state(struct fx *f)
{
	return monitor_tag_state(f->wm.model.selmon);
}

static struct client *focused(struct fx *f)
{
	return model_focused(&f->wm.model);
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */
/* ------------------------------------------------------------------------ */

static void test_table_sorted(void **state)
{
	(void)state;
	assert_true(command_count > 0);
	for (size_t i = 1; i < command_count; i++)
		if (strcmp(commands[i - 1].name, commands[i].name) >= 0)
			fail_msg("commands[] not sorted: '%s' before '%s'",
				 commands[i - 1].name, commands[i].name);
}

static void test_table_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &commands[i];
		assert_non_null(c->name);
		assert_true(c->name[0] != '\0');
		for (const char *p = c->name; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
				fail_msg("%s: '%c' in a command name", c->name,
					 *p);
		/* Flags: config statement, needs a monitor, or neither. */
		if (c->flags & ~(unsigned)(CMD_CONFIG | CMD_MONITOR))
			fail_msg("%s: unknown flags %#x", c->name, c->flags);
		/* A config statement is read before any monitor exists. */
		if ((c->flags & CMD_CONFIG) && (c->flags & CMD_MONITOR))
			fail_msg("%s: a config statement needing a monitor",
				 c->name);
		assert_non_null(c->help);
		if (c->help[0] == '\0')
			fail_msg("%s: no help", c->name);
		assert_null(strchr(c->help, '\n'));
		assert_non_null(c->usage);
		assert_null(strchr(c->usage, '\n'));
		assert_non_null(c->run);
		assert_true(c->min_args >= 0);
		if (c->max_args != -1 && c->max_args < c->min_args)
			fail_msg("%s: max_args %d < min_args %d", c->name,
				 c->max_args, c->min_args);
		assert_true(c->max_args >= -1);
		/* A command that takes arguments shows them in its usage. */
		if (c->max_args != 0 && c->usage[0] == '\0')
			fail_msg("%s takes arguments but has no usage",
				 c->name);
	}
}

static void test_find(void **state)
{
	(void)state;
	for (size_t i = 0; i < command_count; i++)
		assert_ptr_equal(command_find(commands[i].name), &commands[i]);
	const char *known[] = {"bind", "close",	  "floating",  "focus",
			       "kill", "layout",  "mfact",     "nmaster",
			       "quit", "restart", "set",       "spawn",
			       "swap", "tag",	  "toggletag", "toggleview",
			       "view", "zoom",	  "mode",      "reload"};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (!command_find(known[i]))
			fail_msg("no command '%s'", known[i]);
	/* The config statements the issue and the default config use. */
	const char *config[] = {"bind",
				"border_width",
				"color",
				"default_layout",
				"default_mfact",
				"default_nmaster",
				"exec",
				"exec_always",
				"focus_follows_mouse",
				"font",
				"gaps",
				"mouse",
				"mouse_warps",
				"rule",
				"set",
				"smart_borders",
				"smart_gaps",
				"tag_layout",
				"tags"};
	for (size_t i = 0; i < sizeof(config) / sizeof(*config); i++) {
		const struct command *c = command_find(config[i]);
		if (!c)
			fail_msg("no config statement '%s'", config[i]);
		if (!(c->flags & CMD_CONFIG))
			fail_msg("'%s' is not a config statement", config[i]);
	}
	/* What acts on windows or the view is no config statement. */
	const char *runtime[] = {
	    "view",    "toggleview", "tag",  "toggletag", "layout",   "mfact",
	    "nmaster", "focus",	     "swap", "zoom",	  "floating", "close",
	    "kill",    "spawn",	     "quit", "restart",	  "reload",   "mode"};
	for (size_t i = 0; i < sizeof(runtime) / sizeof(*runtime); i++)
		if (command_find(runtime[i])->flags & CMD_CONFIG)
			fail_msg("'%s' is a config statement", runtime[i]);
	const char *unknown[] = {"",	  "vie",   "VIEW",  "View",
				 "views", " view", "view ", "zoomx",
				 "a",	  "zzzz",  "\xff",  "bin"};
	for (size_t i = 0; i < sizeof(unknown) / sizeof(*unknown); i++)
		if (command_find(unknown[i]))
			fail_msg("'%s' found", unknown[i]);
}

/* ------------------------------------------------------------------------ */
/* Junk arguments: never a crash, success or a message, model intact        */
/* ------------------------------------------------------------------------ */

static char long_word[301];

static const char *junk_args[] = {
    "",
    "x",
    "-1",
    "0",
    "+",
    "-",
    "99999999999999999999",
    "-99999999999999999999",
    "1e400",
    "nan",
    "inf",
    "-inf",
    "0x10",
    "\"\"",
    "''",
    "'a b'",
    "\"\\n\"",
    "all",
    "previous",
    "next",
    "prev",
    "toggle",
    "$x",
    "Mod4+",
    "Mod4+x",
    "+0.05",
    "-0.05",
    "\xff\xfe\x01",
    long_word, /* filled in by the test: 300 x's */
    "1 2 3 4 5",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
};

/* Silence stderr (spawn's children) while f runs; restores it after. */
static int stderr_off(void)
{
	fflush(stderr);
	int saved = dup(2);
	int null = open("/dev/null", O_WRONLY);
	if (null >= 0) {
		dup2(null, 2);
		close(null);
	}
	return saved;
}

static void stderr_on(int saved)
{
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, 2);
		close(saved);
	}
}

/* Run every command with every junk argument on wm; false on the first
 * problem, described in why. No cmocka asserts: also used in a child. */
static bool junk_all(struct wm *wm, bool with_spawn, char *why, size_t len)
{
	memset(long_word, 'x', sizeof(long_word) - 1);
	long_word[sizeof(long_word) - 1] = '\0';
	for (size_t i = 0; i < command_count; i++) {
		const char *name = commands[i].name;
		bool spawns = strcmp(name, "spawn") == 0;
		if (spawns && !with_spawn)
			continue;
		/* exec and exec_always start programs too: junk ones, whose
		 * shells complain on stderr. */
		bool starts = spawns || !strcmp(name, "exec") ||
			      !strcmp(name, "exec_always");
		for (size_t j = 0; j < sizeof(junk_args) / sizeof(*junk_args);
		     j++) {
			char line[512], err[256] = "";
			int col = -1;
			snprintf(line, sizeof(line), "%s %s", name,
				 junk_args[j]);
			int saved = starts ? stderr_off() : -1;
			bool ok = command_run(wm, line, err, sizeof(err), &col);
			if (starts)
				stderr_on(saved);
			if (!ok && err[0] == '\0') {
				snprintf(why, len, "'%.80s' failed silently",
					 line);
				return false;
			}
			if (!ok && (col < 0 || col > (int)strlen(line))) {
				snprintf(why, len, "'%.80s': column %d", line,
					 col);
				return false;
			}
			char mwhy[200] = "";
			if (wm->model.mons &&
			    !model_check(&wm->model, mwhy, sizeof(mwhy))) {
				snprintf(why, len, "after '%.80s': %s", line,
					 mwhy);
				return false;
			}
		}
	}
	return true;
}

/* spawn's junk must run nothing: no command can be found. */
static void junk_env(char **old_path)
{
	const char *p = getenv("PATH");
	*old_path = p ? strdup(p) : NULL;
	setenv("PATH", "/nonexistent-ctile-unit-test", 1);
}

static void junk_env_restore(char *old_path)
{
	if (old_path)
		setenv("PATH", old_path, 1);
	else
		unsetenv("PATH");
	free(old_path);
	while (waitpid(-1, NULL, 0) > 0)
		;
}

static void test_junk_args_dont_crash(void **state)
{
	struct fx *f = *state;
	char why[256] = "", *path;
	junk_env(&path);
	bool ok = junk_all(&f->wm, true, why, sizeof(why));
	/* Again on what the first pass left (views, tags, bindings...). */
	if (ok)
		ok = junk_all(&f->wm, true, why, sizeof(why));
	junk_env_restore(path);
	if (!ok)
		fail_msg("%s", why);
}

static void test_junk_args_no_clients(void **state)
{
	struct fx *f = *state;
	char why[256] = "", *path;
	junk_env(&path);
	bool ok = junk_all(&f->wm, true, why, sizeof(why));
	junk_env_restore(path);
	if (!ok)
		fail_msg("%s", why);
}

/* Before the monitors are known (the config is read first): commands must
 * not crash on a model with no monitor. */
static void test_junk_args_no_monitor(void **state)
{
	(void)state;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* A crash must end this child, not resume cmocka's runner. */
		const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
		for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
			signal(sigs[i], SIG_DFL);
		struct wm wm;
		wm_init(&wm);
		char why[256] = "";
		bool ok = junk_all(&wm, false, why, sizeof(why));
		const char *plain[] = {"view 2",       "view previous",
				       "toggleview 2", "layout monocle",
				       "mfact 0.6",    "nmaster 2",
				       "focus next",   "zoom"};
		for (size_t i = 0; ok && i < sizeof(plain) / sizeof(*plain);
		     i++) {
			char err[256] = "";
			int col;
			if (!command_run(&wm, plain[i], err, sizeof(err),
					 &col) &&
			    !err[0]) {
				snprintf(why, sizeof(why), "'%s' silent",
					 plain[i]);
				ok = false;
			}
		}
		if (!ok)
			fprintf(stderr, "no monitor: %s\n", why);
		wm_finish(&wm);
		_exit(ok ? 0 : 10);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("commands without a monitor: killed by signal %d",
			 WTERMSIG(status));
	if (WEXITSTATUS(status) != 0)
		fail_msg("commands without a monitor: exit status %d",
			 WEXITSTATUS(status));
}

/* A tiny error buffer is truncated, never overrun. */
static void test_small_err_buffer(void **state)
{
	struct fx *f = *state;
	char err[8];
	int col;
	assert_false(command_run(&f->wm, "view 0", err, sizeof(err), &col));
	assert_string_equal(err, "unknown");
	assert_false(command_run(&f->wm, "frobnicate", err, 1, &col));
	assert_string_equal(err, "");
	assert_false(command_run(&f->wm, "view", err, sizeof(err), &col));
	assert_string_equal(err, "view: m");
}

/* ------------------------------------------------------------------------ */
/* The dispatcher: empty lines, unknown commands, arity                     */
/* ------------------------------------------------------------------------ */

static void test_empty_lines_succeed(void **state)
{
	struct fx *f = *state;
	const char *lines[] = {"", "   ", "\t", "# view 0", "  # x", "\r\n"};
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++)
		run_ok(&f->wm, lines[i]);
	assert_int_equal(f->mon->view, 0x1);
}

static void test_unknown_command(void **state)
{
	struct fx *f = *state;
	run_err(&f->wm, "foo", "unknown command 'foo'", 0);
	run_err(&f->wm, "   frobnicate 1 2", "unknown command 'frobnicate'", 3);
	run_err(&f->wm, "VIEW 1", "unknown command 'VIEW'", 0);
	run_err(&f->wm, "\"view 1\"", "unknown command 'view 1'", 0);
	run_err(&f->wm, "''", "unknown command ''", 0);
	/* A long name is cut in the message. */
	char line[400], msg[128];
	memset(line, 'q', 300);
	line[300] = '\0';
	snprintf(msg, sizeof(msg), "unknown command '%.64s'", line);
	run_err(&f->wm, line, msg, 0);
}

static void test_split_errors(void **state)
{
	struct fx *f = *state;
	run_err(&f->wm, "view \"3", "unterminated double quote", 5);
	run_err(&f->wm, "spawn 'echo", "unterminated single quote", 6);
	assert_int_equal(f->mon->view, 0x1);
}

static void test_arity(void **state)
{
	struct fx *f = *state;
	/* A missing argument is pointed at where it should be: just past
	 * the last word. */
	run_err(&f->wm, "view",
		"view: missing argument; usage: view "
		"TAG|all|previous|next|prev",
		4);
	run_err(&f->wm, "  view   ",
		"view: missing argument; usage: view "
		"TAG|all|previous|next|prev",
		6);
	run_err(&f->wm, "view 1 2",
		"view: too many arguments; usage: view "
		"TAG|all|previous|next|prev",
		7);
	run_err(&f->wm, "view 1   2 3",
		"view: too many arguments; usage: view "
		"TAG|all|previous|next|prev",
		9);
	run_err(&f->wm, "floating on off",
		"floating: too many arguments; usage: floating "
		"[toggle|on|off]",
		12);
	run_err(&f->wm, "bind",
		"bind: missing arguments; usage: bind MODS+KEY COMMAND...", 4);
	run_err(&f->wm, "bind Mod4+x",
		"bind: missing argument; usage: bind MODS+KEY COMMAND...", 11);
	run_err(&f->wm, "bind Mod4+x # zoom",
		"bind: missing argument; usage: bind MODS+KEY COMMAND...", 11);
	run_err(&f->wm, "set $x",
		"set: missing argument; usage: set $NAME VALUE", 6);
	run_err(&f->wm, "spawn",
		"spawn: missing argument; usage: spawn COMMAND...", 5);
	run_err(&f->wm, "mfact",
		"mfact: missing argument; usage: mfact "
		"[+|-]FACTOR",
		5);
	run_err(&f->wm, "focus",
		"focus: missing argument; usage: focus "
		"next|prev|last|urgent",
		5);
	run_err(&f->wm, "tags", "tags: missing argument; usage: tags NAME...",
		4);
	run_err(&f->wm, "color focused",
		"color: missing argument; usage: color "
		"focused|normal|urgent #RRGGBB[AA]",
		13);
	run_err(&f->wm, "gaps inner 1 2",
		"gaps: too many arguments; usage: gaps inner|outer PIXELS", 13);
	assert_int_equal(f->mon->view, 0x1);
	assert_int_equal(f->wm.cfg.modes[0].nbindings, 0);
	assert_int_equal(f->wm.exit, WM_RUN);
}

/* A command without arguments: the usage is the bare name. */
static void test_arity_no_arguments_usage(void **state)
{
	struct fx *f = *state;
	run_err(&f->wm, "zoom x", "zoom: too many arguments; usage: zoom", 5);
	run_err(&f->wm, "close now", "close: too many arguments; usage: close",
		6);
	run_err(&f->wm, "kill -9", "kill: too many arguments; usage: kill", 5);
	run_err(&f->wm, "quit 1 2", "quit: too many arguments; usage: quit", 5);
	run_err(&f->wm, "restart x",
		"restart: too many arguments; usage: restart", 8);
	assert_int_equal(f->wm.exit, WM_RUN);
	assert_false(f->c->close_wanted || f->c->kill_wanted);
}

/* ------------------------------------------------------------------------ */
/* Views and tags                                                           */
/* ------------------------------------------------------------------------ */

static void test_view(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "view 3");
	assert_int_equal(f->mon->view, 0x4);
	assert_int_equal(f->mon->prev_view, 0x1);
	assert_null(focused(f)); /* every client is on tag 1 */

	run_ok(&f->wm, "view previous");
	assert_int_equal(f->mon->view, 0x1);
	assert_int_equal(f->mon->prev_view, 0x4);
	assert_ptr_equal(focused(f), f->c);

	run_ok(&f->wm, "view previous");
	assert_int_equal(f->mon->view, 0x4);

	run_ok(&f->wm, "view all");
	assert_int_equal(f->mon->view, 0x1ff);
	assert_ptr_equal(focused(f), f->c);

	run_ok(&f->wm, "view 9");
	assert_int_equal(f->mon->view, 0x100);
	run_ok(&f->wm, "view 1");
	assert_int_equal(f->mon->view, 0x1);

	/* The view already shown: nothing changes, previous is kept. */
	run_ok(&f->wm, "view 1");
	assert_int_equal(f->mon->view, 0x1);
	assert_int_equal(f->mon->prev_view, 0x100);
}

static void test_view_out_of_range(void **state)
{
	struct fx *f = *state;
	const char *bad[] = {"0",   "10",  "-1",
			     "x",   "1x",  "99999999999999999999",
			     "1.0", "All", "PREVIOUS"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char line[64], msg[128];
		snprintf(line, sizeof(line), "view %s", bad[i]);
		snprintf(msg, sizeof(msg),
			 "unknown tag '%s' (tags are 1..9 or their names)",
			 bad[i]);
		run_err(&f->wm, line, msg, 5);
	}
	run_err(&f->wm, "view \"\"",
		"unknown tag '' (tags are 1..9 or their names)", 5);
	assert_int_equal(f->mon->view, 0x1);
	assert_int_equal(f->mon->prev_view, 0x1);

	/* With 4 tags, 5 is out of range and all is 4 tags. */
	assert_true(model_set_ntags(&f->wm.model, 4));
	run_err(&f->wm, "view 5",
		"unknown tag '5' (tags are 1..4 or their names)", 5);
	run_ok(&f->wm, "view 4");
	assert_int_equal(f->mon->view, 0x8);
	run_ok(&f->wm, "view all");
	assert_int_equal(f->mon->view, 0xf);

	/* With 32 tags, the last one and all of them. */
	assert_true(model_set_ntags(&f->wm.model, 32));
	run_ok(&f->wm, "view 32");
	assert_int_equal(f->mon->view, 0x80000000u);
	run_ok(&f->wm, "view all");
	assert_int_equal(f->mon->view, 0xffffffffu);
	run_err(&f->wm, "view 33",
		"unknown tag '33' (tags are 1..32 or their names)", 5);
}

static void test_tag_names(void **state)
{
	struct fx *f = *state;
	struct model *m = &f->wm.model;
	snprintf(m->tag_names[0], CTILE_TAG_NAME_MAX, "web");
	snprintf(m->tag_names[1], CTILE_TAG_NAME_MAX, "mail");
	snprintf(m->tag_names[2], CTILE_TAG_NAME_MAX, "code");
	run_ok(&f->wm, "view mail");
	assert_int_equal(f->mon->view, 0x2);
	run_ok(&f->wm, "view web");
	assert_int_equal(f->mon->view, 0x1);
	/* Numbers still work. */
	run_ok(&f->wm, "view 3");
	assert_int_equal(f->mon->view, 0x4);
	run_err(&f->wm, "view WEB",
		"unknown tag 'WEB' (tags are 1..9 or their names)", 5);
	run_ok(&f->wm, "toggleview web");
	assert_int_equal(f->mon->view, 0x5);
	run_ok(&f->wm, "tag code");
	assert_int_equal(f->c->tags, 0x4);
	run_ok(&f->wm, "toggletag mail");
	assert_int_equal(f->c->tags, 0x6);
}

static void test_toggleview(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "toggleview 2");
	assert_int_equal(f->mon->view, 0x3);
	assert_ptr_equal(focused(f), f->c);
	run_ok(&f->wm, "toggleview 1");
	assert_int_equal(f->mon->view, 0x2);
	assert_null(focused(f));
	run_err(&f->wm, "toggleview 2",
		"toggleview: the view would show no tag", 11);
	assert_int_equal(f->mon->view, 0x2);
	run_err(&f->wm, "toggleview all",
		"unknown tag 'all' (tags are 1..9 or their names)", 11);
	run_err(&f->wm, "toggleview 0",
		"unknown tag '0' (tags are 1..9 or their names)", 11);
	run_err(&f->wm, "toggleview 10",
		"unknown tag '10' (tags are 1..9 or their names)", 11);
	assert_int_equal(f->mon->view, 0x2);
	/* view previous undoes the last toggle. */
	run_ok(&f->wm, "view previous");
	assert_int_equal(f->mon->view, 0x3);
}

static void test_tag(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "tag 2");
	assert_int_equal(f->c->tags, 0x2);
	assert_true(f->c->tags_dirty);
	/* It left the view: focus goes to the most recent visible one. */
	assert_ptr_equal(focused(f), f->a);
	run_ok(&f->wm, "tag all");
	assert_int_equal(f->a->tags, 0x1ff);
	assert_ptr_equal(focused(f), f->a);
	run_ok(&f->wm, "tag 1");
	assert_int_equal(f->a->tags, 0x1);
	run_err(&f->wm, "tag 0",
		"unknown tag '0' (tags are 1..9 or their names)", 4);
	run_err(&f->wm, "tag 10",
		"unknown tag '10' (tags are 1..9 or their names)", 4);
	run_err(&f->wm, "tag previous",
		"unknown tag 'previous' (tags are 1..9 or their names)", 4);
	assert_int_equal(f->a->tags, 0x1);
	assert_int_equal(f->b->tags, 0x1);

	run_ok(&f->wm, "view 5");
	run_err(&f->wm, "tag 1", "no window is focused", 4);
}

static void test_toggletag(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "toggletag 2");
	assert_int_equal(f->c->tags, 0x3);
	run_ok(&f->wm, "toggletag 9");
	assert_int_equal(f->c->tags, 0x103);
	run_ok(&f->wm, "toggletag 2");
	run_ok(&f->wm, "toggletag 9");
	assert_int_equal(f->c->tags, 0x1);
	run_err(&f->wm, "toggletag 1",
		"toggletag: a window keeps at least one tag", 10);
	assert_int_equal(f->c->tags, 0x1);
	assert_ptr_equal(focused(f), f->c);
	run_err(&f->wm, "toggletag all",
		"unknown tag 'all' (tags are 1..9 or their names)", 10);
	run_err(&f->wm, "toggletag 0",
		"unknown tag '0' (tags are 1..9 or their names)", 10);
	/* Removing the viewed tag hides the window; focus moves on. */
	run_ok(&f->wm, "toggletag 3");
	run_ok(&f->wm, "toggletag 1");
	assert_int_equal(f->c->tags, 0x4);
	assert_ptr_equal(focused(f), f->a);

	run_ok(&f->wm, "view 6");
	run_err(&f->wm, "toggletag 1", "no window is focused", 10);
}

/* ------------------------------------------------------------------------ */
/* Layouts, mfact, nmaster                                                  */
/* ------------------------------------------------------------------------ */

static void test_layout(void **state)
{
	struct fx *f = *state;
	int n = (int)layout_count;
	assert_true(n >= 2);
	assert_int_equal(view_state(f)->layout, 0);
	for (int i = 0; i < n; i++) {
		char line[64];
		snprintf(line, sizeof(line), "layout %s", layouts[i]->name);
		run_ok(&f->wm, line);
		assert_int_equal(view_state(f)->layout, i);
	}
	run_ok(&f->wm, "layout monocle");
	assert_int_equal(view_state(f)->layout, layout_index("monocle"));
	run_ok(&f->wm, "layout tile");
	assert_int_equal(view_state(f)->layout, layout_index("tile"));
	assert_true(f->wm.model.dirty & DIRTY_ARRANGE);

	run_err(&f->wm, "layout foo", "unknown layout 'foo'", 7);
	run_err(&f->wm, "layout Tile", "unknown layout 'Tile'", 7);
	run_err(&f->wm, "layout \"\"", "unknown layout ''", 7);
	run_err(&f->wm, "layout 1", "unknown layout '1'", 7);
	assert_int_equal(view_state(f)->layout, layout_index("tile"));
}

static void test_layout_cycle(void **state)
{
	struct fx *f = *state;
	int n = (int)layout_count;
	for (int i = 1; i <= 2 * n; i++) {
		run_ok(&f->wm, "layout next");
		assert_int_equal(view_state(f)->layout, i % n);
	}
	assert_int_equal(view_state(f)->layout, 0);
	run_ok(&f->wm, "layout prev");
	assert_int_equal(view_state(f)->layout, n - 1);
	for (int i = n - 2; i >= 0; i--) {
		run_ok(&f->wm, "layout prev");
		assert_int_equal(view_state(f)->layout, i);
	}
}

/* Each tag keeps its own layout. */
static void test_layout_per_tag(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "layout monocle");
	run_ok(&f->wm, "view 2");
	assert_int_equal(view_state(f)->layout, 0);
	run_ok(&f->wm, "layout grid");
	run_ok(&f->wm, "view 1");
	assert_int_equal(view_state(f)->layout, layout_index("monocle"));
	run_ok(&f->wm, "view 2");
	assert_int_equal(view_state(f)->layout, layout_index("grid"));
}

#define assert_float(got, want)                                                \
	do {                                                                   \
		double g_ = (got), w_ = (want);                                \
		if (fabs(g_ - w_) > 1e-4)                                      \
			fail_msg("%s = %g, want %g", #got, g_, w_);            \
	} while (0)

static void test_mfact(void **state)
{
	struct fx *f = *state;
	assert_float(view_state(f)->mfact, 0.55);
	run_ok(&f->wm, "mfact +0.05");
	assert_float(view_state(f)->mfact, 0.60);
	run_ok(&f->wm, "mfact -0.05");
	assert_float(view_state(f)->mfact, 0.55);
	run_ok(&f->wm, "mfact 0.3");
	assert_float(view_state(f)->mfact, 0.3);
	run_ok(&f->wm, "mfact -0.1");
	assert_float(view_state(f)->mfact, 0.2);
	run_ok(&f->wm, "mfact .5");
	assert_float(view_state(f)->mfact, 0.5);
	run_ok(&f->wm, "mfact 0.05");
	assert_float(view_state(f)->mfact, 0.05);
	run_ok(&f->wm, "mfact 0.95");
	assert_float(view_state(f)->mfact, 0.95);
	assert_true(f->wm.model.dirty & DIRTY_ARRANGE);
}

static void test_mfact_limits(void **state)
{
	struct fx *f = *state;
	/* Up to the limit in steps, then further steps do nothing. */
	for (int i = 0; i < 20; i++)
		run_ok(&f->wm, "mfact +0.05");
	assert_float(view_state(f)->mfact, 0.95);
	run_ok(&f->wm, "mfact +0.05");
	assert_float(view_state(f)->mfact, 0.95);
	for (int i = 0; i < 40; i++)
		run_ok(&f->wm, "mfact -0.05");
	assert_float(view_state(f)->mfact, 0.05);
	run_ok(&f->wm, "mfact -0.05");
	assert_float(view_state(f)->mfact, 0.05);

	run_ok(&f->wm, "mfact 0.5");
	run_err(&f->wm, "mfact 0.96", "mfact: 0.96 is outside 0.05..0.95", 6);
	run_err(&f->wm, "mfact 0.04", "mfact: 0.04 is outside 0.05..0.95", 6);
	run_err(&f->wm, "mfact 0", "mfact: 0 is outside 0.05..0.95", 6);
	run_err(&f->wm, "mfact 1", "mfact: 1 is outside 0.05..0.95", 6);
	run_err(&f->wm, "mfact 1e9", "mfact: 1e9 is outside 0.05..0.95", 6);
	assert_float(view_state(f)->mfact, 0.5);
}

static void test_mfact_junk(void **state)
{
	struct fx *f = *state;
	const char *bad[] = {"x",    "nan", "inf", "-inf", "+nan", "1e400",
			     "0.5x", "+",   "-",   "0.5 ", "--0.1"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char line[64], msg[128];
		snprintf(line, sizeof(line), "mfact '%s'", bad[i]);
		snprintf(msg, sizeof(msg), "mfact: '%s' is not a number",
			 bad[i]);
		run_err(&f->wm, line, msg, 6);
	}
	run_err(&f->wm, "mfact \"\"", "mfact: '' is not a number", 6);
	assert_float(view_state(f)->mfact, 0.55);
}

static void test_nmaster(void **state)
{
	struct fx *f = *state;
	assert_int_equal(view_state(f)->nmaster, 1);
	run_ok(&f->wm, "nmaster +1");
	assert_int_equal(view_state(f)->nmaster, 2);
	run_ok(&f->wm, "nmaster +1");
	assert_int_equal(view_state(f)->nmaster, 3);
	run_ok(&f->wm, "nmaster -1");
	assert_int_equal(view_state(f)->nmaster, 2);
	run_ok(&f->wm, "nmaster 0");
	assert_int_equal(view_state(f)->nmaster, 0);
	/* Never negative. */
	run_ok(&f->wm, "nmaster -1");
	assert_int_equal(view_state(f)->nmaster, 0);
	run_ok(&f->wm, "nmaster 5");
	assert_int_equal(view_state(f)->nmaster, 5);
	run_ok(&f->wm, "nmaster -10");
	assert_int_equal(view_state(f)->nmaster, 0);
	run_ok(&f->wm, "nmaster -99999999999999999999");
	assert_int_equal(view_state(f)->nmaster, 0);
	/* Absurdly many is capped, never overflows. */
	run_ok(&f->wm, "nmaster 99999999999999999999");
	assert_true(view_state(f)->nmaster >= 1 &&
		    view_state(f)->nmaster <= 64);
	run_ok(&f->wm, "nmaster 1");
	assert_true(f->wm.model.dirty & DIRTY_ARRANGE);
	/* +1 stops at the windows there are: one -1 is always felt. */
	int tiled = 0;
	for (struct client *c = f->wm.model.selmon->clients; c; c = c->next)
		tiled += client_visible(c) && !c->floating;
	for (int i = 0; i < 70; i++)
		run_ok(&f->wm, "nmaster +1");
	assert_int_equal(view_state(f)->nmaster, tiled > 1 ? tiled : 1);
	run_ok(&f->wm, "nmaster 1");

	const char *bad[] = {"1.5", "x",     "nan", "inf", "-inf",
			     "+",   "1e400", "2x",  "0.1"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char line[64], msg[128];
		snprintf(line, sizeof(line), "nmaster %s", bad[i]);
		snprintf(msg, sizeof(msg),
			 "nmaster: '%s' is not a whole number", bad[i]);
		run_err(&f->wm, line, msg, 8);
	}
	assert_int_equal(view_state(f)->nmaster, 1);
}

/* ------------------------------------------------------------------------ */
/* Focus, swap, zoom, floating                                              */
/* ------------------------------------------------------------------------ */

static bool list_is(struct fx *f, struct client *x, struct client *y,
		    struct client *z)
{
	struct client *l = f->mon->clients;
	return l == x && l && l->next == y && y && y->next == z && z &&
	       !z->next;
}

static void test_focus(void **state)
{
	struct fx *f = *state;
	assert_true(list_is(f, f->c, f->b, f->a));
	assert_ptr_equal(focused(f), f->c);
	run_ok(&f->wm, "focus next");
	assert_ptr_equal(focused(f), f->b);
	run_ok(&f->wm, "focus next");
	assert_ptr_equal(focused(f), f->a);
	run_ok(&f->wm, "focus next"); /* wraps */
	assert_ptr_equal(focused(f), f->c);
	run_ok(&f->wm, "focus prev"); /* wraps back */
	assert_ptr_equal(focused(f), f->a);
	run_ok(&f->wm, "focus prev");
	assert_ptr_equal(focused(f), f->b);

	/* Hidden windows are skipped. */
	assert_true(model_set_tags(&f->wm.model, f->a, 0x2));
	run_ok(&f->wm, "focus next");
	assert_ptr_equal(focused(f), f->c);
	run_ok(&f->wm, "focus next");
	assert_ptr_equal(focused(f), f->b);
	assert_true(list_is(f, f->c, f->b, f->a));

	run_err(&f->wm, "focus x", "'x' is not next, prev, last or urgent", 6);
	run_err(&f->wm, "focus Next",
		"'Next' is not next, prev, last or urgent", 6);
	run_err(&f->wm, "focus 1", "'1' is not next, prev, last or urgent", 6);
	run_err(&f->wm, "focus \"\"", "'' is not next, prev, last or urgent",
		6);
	assert_ptr_equal(focused(f), f->b);
}

/* focus last: back and forth between the two windows used last, hidden
 * ones passed over. */
static void test_focus_last(void **state)
{
	struct fx *f = *state;
	model_focus(&f->wm.model, f->a);
	model_focus(&f->wm.model, f->b);
	run_ok(&f->wm, "focus last");
	assert_ptr_equal(focused(f), f->a);
	run_ok(&f->wm, "focus last");
	assert_ptr_equal(focused(f), f->b);
	assert_true(model_set_tags(&f->wm.model, f->a, 0x2));
	run_ok(&f->wm, "focus last");
	assert_ptr_equal(focused(f), f->c);
	assert_true(model_set_tags(&f->wm.model, f->c, 0x2));
	run_err(&f->wm, "focus last", "no other window in view", 6);
}

static void test_focus_urgent(void **state)
{
	struct fx *f = *state;
	run_err(&f->wm, "focus urgent", "no window is urgent", 6);
	/* The latest to turn urgent wins, on a hidden tag too. */
	assert_true(model_set_tags(&f->wm.model, f->a, 0x2));
	model_set_urgent(&f->wm.model, f->b, true);
	model_set_urgent(&f->wm.model, f->a, true);
	run_ok(&f->wm, "focus urgent");
	assert_ptr_equal(focused(f), f->a);
	assert_int_equal(f->wm.model.selmon->view, 0x2);
	assert_false(f->a->urgent);
	run_ok(&f->wm, "focus urgent");
	assert_ptr_equal(focused(f), f->b);
	assert_int_equal(f->wm.model.selmon->view, 0x1);
	run_err(&f->wm, "focus urgent", "no window is urgent", 6);
	assert_ptr_equal(focused(f), f->b);
}

static void test_view_next_prev(void **state)
{
	struct fx *f = *state;
	struct monitor *mon = f->wm.model.selmon;
	int n = f->wm.model.ntags;
	run_ok(&f->wm, "view next");
	assert_int_equal(mon->view, 0x2);
	run_ok(&f->wm, "view prev");
	run_ok(&f->wm, "view prev"); /* from the first tag to the last */
	assert_int_equal(mon->view, (tagmask)1 << (n - 1));
	run_ok(&f->wm, "view next"); /* and round again */
	assert_int_equal(mon->view, 0x1);
	/* From a view of several tags: the one after its lowest. */
	model_view(&f->wm.model, mon, 0x6);
	run_ok(&f->wm, "view next");
	assert_int_equal(mon->view, 0x4);
	run_ok(&f->wm, "view previous");
	assert_int_equal(mon->view, 0x6);
}

static void test_swap(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "swap next");
	assert_true(list_is(f, f->b, f->c, f->a));
	assert_ptr_equal(focused(f), f->c);
	run_ok(&f->wm, "swap next");
	assert_true(list_is(f, f->b, f->a, f->c));
	run_ok(&f->wm, "swap next"); /* the last one swaps with the first */
	assert_true(list_is(f, f->c, f->a, f->b));
	run_ok(&f->wm, "swap prev"); /* the first one with the last */
	assert_true(list_is(f, f->b, f->a, f->c));
	run_ok(&f->wm, "swap prev");
	assert_true(list_is(f, f->b, f->c, f->a));
	assert_ptr_equal(focused(f), f->c);
	run_err(&f->wm, "swap up", "'up' is not next or prev", 5);
	assert_true(list_is(f, f->b, f->c, f->a));
}

static void test_focus_swap_zoom_no_clients(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "focus next");
	run_ok(&f->wm, "focus prev");
	run_ok(&f->wm, "swap next");
	run_ok(&f->wm, "swap prev");
	run_ok(&f->wm, "zoom");
	run_err(&f->wm, "focus x", "'x' is not next, prev, last or urgent", 6);
	assert_null(focused(f));
}

static void test_zoom(void **state)
{
	struct fx *f = *state;
	model_focus(&f->wm.model, f->a);
	run_ok(&f->wm, "zoom");
	assert_true(list_is(f, f->a, f->c, f->b));
	assert_ptr_equal(focused(f), f->a);
	/* The master zooms the next one up. */
	run_ok(&f->wm, "zoom");
	assert_true(list_is(f, f->c, f->a, f->b));
	assert_ptr_equal(focused(f), f->c);
}

static void test_floating(void **state)
{
	struct fx *f = *state;
	assert_false(f->c->floating);
	f->c->tags_dirty = false;
	f->wm.model.dirty = 0;
	run_ok(&f->wm, "floating");
	assert_true(f->c->floating);
	assert_true(f->c->tags_dirty);
	assert_true(f->wm.model.dirty & DIRTY_TAGS);
	run_ok(&f->wm, "floating");
	assert_false(f->c->floating);
	run_ok(&f->wm, "floating toggle");
	assert_true(f->c->floating);
	run_ok(&f->wm, "floating on");
	assert_true(f->c->floating);
	run_ok(&f->wm, "floating off");
	assert_false(f->c->floating);
	run_ok(&f->wm, "floating off");
	assert_false(f->c->floating);
	run_ok(&f->wm, "floating on");
	assert_false(f->b->floating || f->a->floating);

	run_err(&f->wm, "floating maybe",
		"floating: 'maybe' is not toggle, on or off", 9);
	run_err(&f->wm, "floating ON",
		"floating: 'ON' is not toggle, on or off", 9);
	run_err(&f->wm, "floating 1", "floating: '1' is not toggle, on or off",
		9);
	assert_true(f->c->floating);

	run_ok(&f->wm, "view 4");
	run_err(&f->wm, "floating", "no window is focused", 0);
	run_err(&f->wm, "floating on", "no window is focused", 9);
}

static void test_fullscreen(void **state)
{
	struct fx *f = *state;
	f->wm.model.dirty = 0;
	run_ok(&f->wm, "fullscreen");
	assert_true(f->c->fullscreen);
	assert_true(f->wm.model.dirty & DIRTY_ARRANGE);
	assert_false(f->a->fullscreen || f->b->fullscreen);
	run_ok(&f->wm, "fullscreen toggle");
	assert_false(f->c->fullscreen);
	run_ok(&f->wm, "fullscreen on");
	run_ok(&f->wm, "fullscreen on");
	assert_true(f->c->fullscreen);
	run_err(&f->wm, "fullscreen maybe",
		"fullscreen: 'maybe' is not toggle, on or off", 11);
	assert_true(f->c->fullscreen);
	run_ok(&f->wm, "fullscreen off");
	assert_false(f->c->fullscreen);
	assert_false(f->c->floating); /* fullscreen leaves floating alone */

	run_ok(&f->wm, "view 4");
	run_err(&f->wm, "fullscreen", "no window is focused", 0);
}

/* ------------------------------------------------------------------------ */
/* Windows' lives and the session                                           */
/* ------------------------------------------------------------------------ */

static void test_close_kill(void **state)
{
	struct fx *f = *state;
	run_ok(&f->wm, "close");
	assert_true(f->c->close_wanted);
	assert_false(f->c->kill_wanted);
	assert_false(f->a->close_wanted || f->b->close_wanted);
	assert_true(f->wm.model.dirty & DIRTY_FOCUS);
	model_focus(&f->wm.model, f->b);
	run_ok(&f->wm, "kill");
	assert_true(f->b->kill_wanted);
	assert_false(f->b->close_wanted);
	assert_false(f->a->kill_wanted || f->c->kill_wanted);
	/* Nothing was unmanaged: X does that when the window goes. */
	assert_int_equal(model_count(&f->wm.model), 3);

	run_ok(&f->wm, "view 2");
	run_err(&f->wm, "close", "no window is focused", 0);
	run_err(&f->wm, "kill", "no window is focused", 0);
	run_err(&f->wm, "  kill", "no window is focused", 2);
}

static void test_quit_restart(void **state)
{
	struct fx *f = *state;
	assert_int_equal(f->wm.exit, WM_RUN);
	run_ok(&f->wm, "quit");
	assert_int_equal(f->wm.exit, WM_QUIT);
	f->wm.exit = WM_RUN;
	run_ok(&f->wm, "restart");
	assert_int_equal(f->wm.exit, WM_RESTART);
	/* Nothing else is touched. */
	assert_int_equal(model_count(&f->wm.model), 3);
	assert_ptr_equal(focused(f), f->c);
}

/* spawn hands the rest of the line to the shell as written. */
static void test_spawn_rest_as_written(void **state)
{
	struct fx *f = *state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	fflush(stdout);
	int saved = dup(1);
	assert_true(saved >= 0);
	dup2(p[1], 1);
	close(p[1]);
	char err[256] = "";
	int col;
	bool ok = command_run(&f->wm,
			      "spawn  printf '%s|%s|%s' \"a  b\" 'c\\n' x#y "
			      "# a comment",
			      err, sizeof(err), &col);
	dup2(saved, 1);
	close(saved);
	char out[256];
	size_t n = 0;
	ssize_t got;
	while (n < sizeof(out) - 1 &&
	       (got = read(p[0], out + n, sizeof(out) - 1 - n)) > 0)
		n += (size_t)got;
	out[n] = '\0';
	close(p[0]);
	while (waitpid(-1, NULL, 0) > 0)
		;
	if (!ok)
		fail_msg("spawn: %s", err);
	assert_string_equal(out, "a  b|c\\n|x#y");
}

/* ------------------------------------------------------------------------ */
/* bind and set                                                             */
/* ------------------------------------------------------------------------ */

static void test_bind(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	wm->bindings_dirty = false;
	run_ok(wm, "bind Mod4+x zoom");
	assert_int_equal(wm->cfg.modes[0].nbindings, 1);
	assert_int_equal(wm->cfg.modes[0].bindings[0].mods, XCB_MOD_MASK_4);
	assert_int_equal(wm->cfg.modes[0].bindings[0].keysym, XKB_KEY_x);
	assert_string_equal(wm->cfg.modes[0].bindings[0].command, "zoom");
	assert_true(wm->bindings_dirty);

	/* The command is kept as written: quotes, blanks, comments. */
	run_ok(wm, "bind Mod4+Shift+Return spawn echo \"a  b\" 'c'");
	assert_int_equal(wm->cfg.modes[0].nbindings, 2);
	assert_int_equal(wm->cfg.modes[0].bindings[1].mods,
			 XCB_MOD_MASK_4 | XCB_MOD_MASK_SHIFT);
	assert_int_equal(wm->cfg.modes[0].bindings[1].keysym, XKB_KEY_Return);
	assert_string_equal(wm->cfg.modes[0].bindings[1].command,
			    "spawn echo \"a  b\" 'c'");
	run_ok(wm, "bind\tMod1+y\t\tfocus   next");
	assert_int_equal(wm->cfg.modes[0].nbindings, 3);
	assert_string_equal(wm->cfg.modes[0].bindings[2].command,
			    "focus   next");
	run_ok(wm, "  bind  \"Mod1+z\"  view 3");
	assert_int_equal(wm->cfg.modes[0].bindings[3].mods, XCB_MOD_MASK_1);
	assert_int_equal(wm->cfg.modes[0].bindings[3].keysym, XKB_KEY_z);
	assert_string_equal(wm->cfg.modes[0].bindings[3].command, "view 3");
	/* The bound command was not run. */
	assert_int_equal(f->mon->view, 0x1);
	assert_int_equal(wm->exit, WM_RUN);
	assert_ptr_equal(focused(f), f->c);
}

static void test_bind_replaces(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	run_ok(wm, "bind Mod4+x zoom");
	run_ok(wm, "bind Mod4+y close");
	wm->bindings_dirty = false;
	run_ok(wm, "bind Super+x quit");
	assert_int_equal(wm->cfg.modes[0].nbindings, 2);
	assert_string_equal(wm->cfg.modes[0].bindings[0].command, "quit");
	assert_string_equal(wm->cfg.modes[0].bindings[1].command, "close");
	assert_true(wm->bindings_dirty);
	/* The modifiers' order does not matter. */
	run_ok(wm, "bind Shift+Mod4+y kill");
	run_ok(wm, "bind Mod4+Shift+y restart");
	assert_int_equal(wm->cfg.modes[0].nbindings, 3);
	assert_string_equal(wm->cfg.modes[0].bindings[2].command, "restart");
	/* Other modifiers or another key: a new binding. */
	run_ok(wm, "bind Mod1+x zoom");
	run_ok(wm, "bind Mod4+X zoom");
	assert_int_equal(wm->cfg.modes[0].nbindings, 5);
}

static void test_bind_errors(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	run_err(wm, "bind Mod4+NoSuchKey zoom", "unknown key 'NoSuchKey'", 5);
	run_err(wm, "bind Foo+x zoom", "unknown modifier 'Foo' in 'Foo+x'", 5);
	run_err(wm, "bind \"\" zoom", "no key in ''", 5);
	assert_int_equal(wm->cfg.modes[0].nbindings, 0);

	char err[256] = "";
	int col;
	assert_false(
	    command_run(wm, "bind Mod4+x frobnicate", err, sizeof(err), &col));
	assert_string_equal(err, "bind: unknown command 'frobnicate'");
	assert_false(
	    command_run(wm, "bind Mod4+x VIEW 1", err, sizeof(err), &col));
	assert_string_equal(err, "bind: unknown command 'VIEW'");
	assert_int_equal(wm->cfg.modes[0].nbindings, 0);

	/* A failed rebinding keeps the old one. */
	run_ok(wm, "bind Mod4+x zoom");
	assert_false(
	    command_run(wm, "bind Mod4+x nope", err, sizeof(err), &col));
	assert_int_equal(wm->cfg.modes[0].nbindings, 1);
	assert_string_equal(wm->cfg.modes[0].bindings[0].command, "zoom");
}

/* i3 users bind `exec CMD`. In ctile exec is a start-up statement; a key
 * bound to it must either start the program when pressed, or the binding
 * must be refused with a pointer to spawn. Never a key that silently does
 * nothing (and stores one more start-up line on each press). */
static void test_bind_exec_does_something(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	const char *stmts[] = {"exec", "exec_always"};
	for (size_t i = 0; i < 2; i++) {
		char marker[] = "/tmp/ctile-unit-exec-XXXXXX";
		int fd = mkstemp(marker);
		assert_true(fd >= 0);
		close(fd);
		unlink(marker);
		char line[256], err[256] = "";
		int col = -1;
		snprintf(line, sizeof(line), "bind Mod4+x %s touch %s",
			 stmts[i], marker);
		if (!command_run(wm, line, err, sizeof(err), &col)) {
			/* Refused: at the statement, naming spawn. */
			assert_int_equal(col, 12);
			if (!strstr(err, "spawn"))
				fail_msg("'%s': '%s' does not point to spawn",
					 line, err);
			continue;
		}
		/* Accepted: pressing the key starts the program. */
		size_t before = wm->cfg.nexec + wm->cfg.nexec_always;
		const struct binding *b = &wm->cfg.modes[0].bindings[0];
		char cmd[256];
		snprintf(cmd, sizeof(cmd), "%s", b->command);
		bool ran = command_run(wm, cmd, err, sizeof(err), &col);
		while (waitpid(-1, NULL, 0) > 0)
			;
		bool made = access(marker, F_OK) == 0;
		unlink(marker);
		if (!ran || !made)
			fail_msg("a key bound to '%s' did nothing when pressed "
				 "(%s; %zu start-up lines, were %zu)",
				 cmd, ran ? "no error" : err,
				 wm->cfg.nexec + wm->cfg.nexec_always, before);
	}
}

/* The column of an unknown bound command is that command's, not the key's. */
static void test_bind_unknown_command_column(void **state)
{
	struct fx *f = *state;
	run_err(&f->wm, "bind Mod4+x frobnicate",
		"bind: unknown command 'frobnicate'", 12);
	run_err(&f->wm, "bind  Mod4+Shift+x   nope 1",
		"bind: unknown command 'nope'", 21);
}

static void test_set(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	run_ok(wm, "set $term xterm -fa Mono");
	assert_int_equal(wm->cfg.nvars, 1);
	assert_string_equal(wm->cfg.vars[0].name, "term");
	assert_string_equal(wm->cfg.vars[0].value, "xterm -fa Mono");
	/* Redefined: replaced, not added. */
	run_ok(wm, "set $term st");
	assert_int_equal(wm->cfg.nvars, 1);
	assert_string_equal(wm->cfg.vars[0].value, "st");
	/* The value is kept as written. */
	run_ok(wm, "set $t \"a  b\" 'c'");
	assert_int_equal(wm->cfg.nvars, 2);
	assert_string_equal(wm->cfg.vars[1].name, "t");
	assert_string_equal(wm->cfg.vars[1].value, "\"a  b\" 'c'");

	run_err(wm, "set term x", "set: a variable is $ and a name, as $mod",
		4);
	run_err(wm, "set $ x", "set: a variable is $ and a name, as $mod", 4);
	run_err(wm, "set \"\" x", "set: a variable is $ and a name, as $mod",
		4);
	assert_int_equal(wm->cfg.nvars, 2);
	/* A trailing comment or blank is no part of the value. */
	run_ok(wm, "set $u Mod1   # Alt");
	assert_int_equal(wm->cfg.nvars, 3);
	assert_string_equal(wm->cfg.vars[2].value, "Mod1");
}

/* ------------------------------------------------------------------------ */
/* Config statements at run time, modes, reload                             */
/* ------------------------------------------------------------------------ */

/* A config statement run as a command writes to wm->target: the live
 * config at run time. */
static void test_config_statement_writes_target(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	assert_ptr_equal(wm->target, &wm->cfg);
	wm->model.dirty = 0;
	run_ok(wm, "border_width 5");
	assert_int_equal(wm->cfg.settings.border_width, 5);
	assert_true(wm->model.dirty & DIRTY_ARRANGE);
	run_ok(wm, "gaps inner 10");
	assert_int_equal(wm->cfg.settings.gap_inner, 10);
	run_ok(wm, "color focused #112233");
	assert_int_equal(wm->cfg.settings.color_focused, 0xff112233u);
	run_ok(wm, "smart_gaps on");
	assert_true(wm->cfg.settings.smart_gaps);
	run_err(wm, "border_width 101",
		"border_width: '101' is not a whole number in 0..100", 13);
	run_err(wm, "color normal #1234",
		"color: '#1234' is not #rrggbb or #rrggbbaa", 13);
	assert_int_equal(wm->cfg.settings.border_width, 5);

	/* Aimed at another config: the live one is left alone. */
	struct config other;
	config_init(&other);
	wm->target = &other;
	run_ok(wm, "border_width 9");
	run_ok(wm, "bind Mod4+q quit");
	run_ok(wm, "set $x y");
	wm->target = &wm->cfg;
	assert_int_equal(other.settings.border_width, 9);
	assert_int_equal(other.modes[0].nbindings, 1);
	assert_int_equal(other.nvars, 1);
	assert_int_equal(wm->cfg.settings.border_width, 5);
	assert_int_equal(wm->cfg.modes[0].nbindings, 0);
	assert_int_equal(wm->cfg.nvars, 0);
	config_finish(&other);
}

/* bind writes into the mode being defined (cur_mode of the target). */
static void test_bind_into_mode_being_defined(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	struct config c;
	struct config_errors errs = {0};
	config_init(&c);
	assert_int_equal(
	    config_parse_text(&c, "mode resize {\n}\n", 16, "t", &errs), 0);
	assert_int_equal(c.nmodes, 2);
	size_t before = c.modes[1].nbindings; /* Escape, added */
	wm->target = &c;
	c.cur_mode = 1;
	run_ok(wm, "bind h mfact -0.05");
	c.cur_mode = 0;
	run_ok(wm, "bind Mod4+h zoom");
	wm->target = &wm->cfg;
	assert_int_equal(c.modes[1].nbindings, before + 1);
	assert_string_equal(c.modes[1].bindings[before].command, "mfact -0.05");
	assert_int_equal(c.modes[0].nbindings, 1);
	assert_string_equal(c.modes[0].bindings[0].command, "zoom");
	assert_int_equal(wm->cfg.modes[0].nbindings, 0);
	config_finish(&c);
	config_errors_clear(&errs);
}

static void test_mode_command(void **state)
{
	struct fx *f = *state;
	struct wm *wm = &f->wm;
	const char *text = "mode resize {\n"
			   "bind h mfact -0.05\n"
			   "}\n"
			   "mode chain oneshot {\n"
			   "bind x zoom\n"
			   "}\n";
	struct config_errors errs = {0};
	config_finish(&wm->cfg);
	config_init(&wm->cfg);
	assert_int_equal(
	    config_parse_text(&wm->cfg, text, strlen(text), "t", &errs), 0);
	assert_int_equal(wm->mode, 0);
	assert_string_equal(wm_mode(wm)->name, "default");

	wm->bindings_dirty = false;
	wm->model.dirty = 0;
	run_ok(wm, "mode resize");
	assert_int_equal(wm->mode, 1);
	assert_string_equal(wm_mode(wm)->name, "resize");
	assert_true(wm->bindings_dirty);
	assert_true(wm->model.dirty & DIRTY_BAR);
	run_ok(wm, "mode chain");
	assert_string_equal(wm_mode(wm)->name, "chain");
	assert_true(wm_mode(wm)->oneshot);

	run_err(wm, "mode nosuch", "mode: no mode called 'nosuch'", 5);
	run_err(wm, "mode Resize", "mode: no mode called 'Resize'", 5);
	run_err(wm, "mode", "mode: missing argument; usage: mode NAME", 4);
	assert_string_equal(wm_mode(wm)->name, "chain");
	run_ok(wm, "mode default");
	assert_int_equal(wm->mode, 0);
	config_errors_clear(&errs);
}

static void test_reload_command(void **state)
{
	struct fx *f = *state;
	assert_false(f->wm.reload_wanted);
	run_ok(&f->wm, "reload");
	assert_true(f->wm.reload_wanted);
	/* The command only asks; the loop reloads. Nothing else moved. */
	assert_int_equal(f->wm.exit, WM_RUN);
	assert_int_equal(model_count(&f->wm.model), 3);
	assert_int_equal(f->mon->view, 0x1);
	run_err(&f->wm, "reload now",
		"reload: too many arguments; usage: reload", 7);
}

/* Before any monitor exists, commands on the view say so. */
static void test_no_monitor_messages(void **state)
{
	(void)state;
	struct wm wm;
	wm_init(&wm);
	const char *lines[] = {"view 2",      "toggleview 2", "tag 1",
			       "toggletag 1", "layout tile",  "mfact 0.5",
			       "nmaster 1",   "focus next",   "swap next",
			       "zoom",	      "floating",     "close",
			       "kill"};
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		char want[128], name[32];
		sscanf(lines[i], "%31s", name);
		snprintf(want, sizeof(want), "%s: there is no monitor yet",
			 name);
		char err[256] = "";
		int col = -1;
		if (command_run(&wm, lines[i], err, sizeof(err), &col))
			fail_msg("'%s' succeeded without a monitor", lines[i]);
		if (strcmp(err, want) != 0)
			fail_msg("'%s': '%s', want '%s'", lines[i], err, want);
		assert_int_equal(col, 0);
	}
	/* Config statements need none. */
	char err[256] = "";
	int col;
	assert_true(command_run(&wm, "border_width 3", err, sizeof(err), &col));
	assert_int_equal(wm.cfg.settings.border_width, 3);
	wm_finish(&wm);
}

int main(void)
{
#define T(f)  cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
#define TE(f) cmocka_unit_test_setup_teardown(f, fx_setup_empty, fx_teardown)
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table_sorted),
	    cmocka_unit_test(test_table_rows),
	    cmocka_unit_test(test_find),
	    T(test_junk_args_dont_crash),
	    TE(test_junk_args_no_clients),
	    cmocka_unit_test(test_junk_args_no_monitor),
	    T(test_small_err_buffer),
	    T(test_empty_lines_succeed),
	    T(test_unknown_command),
	    T(test_split_errors),
	    T(test_arity),
	    T(test_arity_no_arguments_usage),
	    T(test_view),
	    T(test_view_out_of_range),
	    T(test_tag_names),
	    T(test_toggleview),
	    T(test_tag),
	    T(test_toggletag),
	    T(test_layout),
	    T(test_layout_cycle),
	    T(test_layout_per_tag),
	    T(test_mfact),
	    T(test_mfact_limits),
	    T(test_mfact_junk),
	    T(test_nmaster),
	    T(test_focus),
	    T(test_swap),
	    TE(test_focus_swap_zoom_no_clients),
	    T(test_zoom),
	    T(test_floating),
	    T(test_fullscreen),
	    T(test_focus_last),
	    T(test_focus_urgent),
	    T(test_view_next_prev),
	    T(test_close_kill),
	    T(test_quit_restart),
	    T(test_spawn_rest_as_written),
	    T(test_bind),
	    T(test_bind_replaces),
	    T(test_bind_errors),
	    T(test_bind_unknown_command_column),
	    T(test_bind_exec_does_something),
	    T(test_set),
	    T(test_config_statement_writes_target),
	    T(test_bind_into_mode_being_defined),
	    T(test_mode_command),
	    T(test_reload_command),
	    cmocka_unit_test(test_no_monitor_messages),
	};
#undef T
#undef TE
	return cmocka_run_group_tests(tests, NULL, NULL);
}
