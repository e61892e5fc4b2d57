/* test_config.c: config texts parsed into a struct config: the built-in
 * default, $variables, modes, error counting and the messages a user
 * reads, and a parsed config made live without losing a window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xcb/xproto.h>
#include <xkbcommon/xkbcommon-keysyms.h>

#include "activate.h"
#include "command.h"
#include "config.h"
#include "config_fixture.h"
#include "layout.h"
#include "log.h"
#include "wm.h"

#define SHIFT XCB_MOD_MASK_SHIFT
#define CTRL  XCB_MOD_MASK_CONTROL
#define MOD1  XCB_MOD_MASK_1
#define MOD4  XCB_MOD_MASK_4

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* The fixture (config_fixture.h): a struct config_fx per test, f->c
 * parsed into, f->e the errors of the last parse. */

#define LOG_MAX CONFIG_FX_LOG_MAX

/* Parse text as file "test" into f->c; the errors (this parse's only)
 * go to log; returns the count config_parse_text gave. */
static int parse_logged(struct config_fx *f, const char *text, size_t len,
			char *log)
{
	int n = config_fx_parse(f, text, len);
	config_fx_errors_text(&f->e, log, LOG_MAX);
	assert_int_equal((size_t)n, f->e.n);
	return n;
}

/* Parse text, expecting no error. */
static void parse(struct config_fx *f, const char *text)
{
	config_fx_parse_ok(f, text);
}

/* Parse text, expecting exactly the errors want (as config_fx_errors_text
 * gives them). */
static void parse_errors(struct config_fx *f, const char *text,
			 const char *want)
{
	char log[LOG_MAX];
	parse_logged(f, text, strlen(text), log);
	if (strcmp(log, want) != 0)
		fail_msg("errors of:\n%s\n-- got:\n%s-- want:\n%s", text, log,
			 want);
}

static const struct mode *find_mode(const struct config *c, const char *name)
{
	for (size_t m = 0; m < c->nmodes; m++)
		if (strcmp(c->modes[m].name, name) == 0)
			return &c->modes[m];
	return NULL;
}

static const struct binding *find_binding(const struct mode *m, uint16_t mods,
					  uint32_t keysym)
{
	for (size_t i = 0; i < m->nbindings; i++)
		if (m->bindings[i].mods == mods &&
		    m->bindings[i].keysym == keysym)
			return &m->bindings[i];
	return NULL;
}

static void assert_binding_in(const struct mode *m, uint16_t mods,
			      uint32_t keysym, const char *command)
{
	const struct binding *b = find_binding(m, mods, keysym);
	if (!b)
		fail_msg("mode %s: no binding for mods %#x keysym %#x (want "
			 "'%s')",
			 m->name, mods, keysym, command);
	assert_string_equal(b->command, command);
}

/* A binding of the default mode. */
static void assert_binding(const struct config *c, uint16_t mods,
			   uint32_t keysym, const char *command)
{
	assert_binding_in(&c->modes[0], mods, keysym, command);
}

static const char *var_value(const struct config *c, const char *name)
{
	for (size_t i = 0; i < c->nvars; i++)
		if (strcmp(c->vars[i].name, name) == 0)
			return c->vars[i].value;
	return NULL;
}

/* How many lines of text start with prefix. */
static size_t lines_starting(const char *text, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);
	for (const char *p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		n += strncmp(p, prefix, len) == 0;
	return n;
}

static void assert_model_ok(const struct wm *wm)
{
	char why[256] = "";
	if (!model_check(&wm->model, why, sizeof(why)))
		fail_msg("model_check: %s", why);
}

#define assert_float(got, want)                                                \
	do {                                                                   \
		double g_ = (got), w_ = (want);                                \
		if (fabs(g_ - w_) > 1e-4)                                      \
			fail_msg("%s = %g, want %g", #got, g_, w_);            \
	} while (0)

/* ------------------------------------------------------------------------ */
/* The built-in default                                                     */
/* ------------------------------------------------------------------------ */

static void test_default_config_no_errors(void **state)
{
	struct config_fx *f = *state;
	char log[LOG_MAX];
	assert_int_equal(parse_logged(f, ctile_default_config,
				      strlen(ctile_default_config), log),
			 0);
	assert_string_equal(log, "");
	assert_string_equal(var_value(&f->c, "mod"), "Mod4");

	/* One binding per bind line: no two lines bind the same key. The
	 * indented ones are in the resize mode, with Escape added. */
	size_t binds = lines_starting(ctile_default_config, "bind ");
	size_t mode_binds = lines_starting(ctile_default_config, "    bind ");
	assert_true(binds > 0 && mode_binds > 0);
	assert_int_equal(f->c.nmodes, 2);
	assert_string_equal(f->c.modes[0].name, "default");
	assert_int_equal(f->c.modes[0].nbindings, binds);
	assert_string_equal(f->c.modes[1].name, "resize");
	assert_false(f->c.modes[1].oneshot);
	assert_int_equal(f->c.modes[1].nbindings, mode_binds + 1);
	assert_int_equal(f->c.cur_mode, 0);

	/* config_load without a path reads the same built-in text. */
	struct config_fx f2;
	config_fx_init(&f2);
	assert_int_equal(config_load(&f2.c, NULL, &f2.e), 0);
	assert_int_equal(f2.e.n, 0);
	assert_int_equal(f2.c.modes[0].nbindings, binds);
	assert_int_equal(f2.c.nrules, f->c.nrules);
	config_fx_free(&f2);
}

static void test_default_config_bindings(void **state)
{
	struct config_fx *f = *state;
	parse(f, ctile_default_config);
	const struct config *c = &f->c;
	char cmd[32];
	for (int n = 1; n <= 9; n++) {
		uint32_t sym = XKB_KEY_0 + (uint32_t)n;
		snprintf(cmd, sizeof(cmd), "view %d", n);
		assert_binding(c, MOD4, sym, cmd);
		snprintf(cmd, sizeof(cmd), "toggleview %d", n);
		assert_binding(c, MOD4 | CTRL, sym, cmd);
		snprintf(cmd, sizeof(cmd), "tag %d", n);
		assert_binding(c, MOD4 | SHIFT, sym, cmd);
		snprintf(cmd, sizeof(cmd), "toggletag %d", n);
		assert_binding(c, MOD4 | CTRL | SHIFT, sym, cmd);
	}
	assert_binding(c, MOD4, XKB_KEY_0, "view all");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_0, "tag all");
	assert_binding(c, MOD4, XKB_KEY_Tab, "view previous");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_Return, "zoom");
	assert_binding(c, MOD4, XKB_KEY_Return, "spawn ${TERMINAL:-xterm}");
	assert_binding(c, MOD4, XKB_KEY_j, "focus next");
	assert_binding(c, MOD4, XKB_KEY_k, "focus prev");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_j, "swap next");
	assert_binding(c, MOD4, XKB_KEY_space, "layout next");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_space, "floating toggle");
	assert_binding(c, MOD4, XKB_KEY_h, "mfact -0.05");
	assert_binding(c, MOD4, XKB_KEY_l, "mfact +0.05");
	assert_binding(c, MOD4, XKB_KEY_i, "nmaster +1");
	assert_binding(c, MOD4, XKB_KEY_d, "nmaster -1");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_c, "close");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_r, "reload");
	assert_binding(c, MOD4 | CTRL, XKB_KEY_r, "restart");
	assert_binding(c, MOD4 | SHIFT, XKB_KEY_q, "quit");
	assert_binding(c, MOD4, XKB_KEY_r, "mode resize");
	/* Nothing is bound without Mod4 in the default mode. */
	for (size_t i = 0; i < c->modes[0].nbindings; i++)
		assert_true(c->modes[0].bindings[i].mods & MOD4);

	/* The resize mode: bare keys, and two ways out. */
	const struct mode *r = find_mode(c, "resize");
	assert_non_null(r);
	assert_binding_in(r, 0, XKB_KEY_h, "mfact -0.05");
	assert_binding_in(r, 0, XKB_KEY_l, "mfact +0.05");
	assert_binding_in(r, 0, XKB_KEY_j, "nmaster -1");
	assert_binding_in(r, 0, XKB_KEY_k, "nmaster +1");
	assert_binding_in(r, 0, XKB_KEY_Return, "mode default");
	assert_binding_in(r, 0, XKB_KEY_Escape, "mode default");
}

static void test_default_config_settings(void **state)
{
	struct config_fx *f = *state;
	parse(f, ctile_default_config);
	const struct config *c = &f->c;
	assert_int_equal(c->ntags, 9);
	for (int t = 0; t < 9; t++) {
		char name[4];
		snprintf(name, sizeof(name), "%d", t + 1);
		assert_string_equal(c->tag_names[t], name);
		assert_int_equal(c->tag_layout[t], -1);
	}
	assert_int_equal(c->settings.border_width, 2);
	assert_int_equal(c->settings.color_focused, 0xff5e81acu);
	assert_int_equal(c->settings.color_normal, 0xff3b4252u);
	assert_int_equal(c->settings.color_urgent, 0xffbf616au);
	assert_string_equal(c->settings.font, "DejaVu Sans 10");
	assert_int_equal(c->settings.gap_inner, 0);
	assert_int_equal(c->settings.gap_outer, 0);
	assert_false(c->settings.smart_gaps);
	assert_false(c->settings.smart_borders);
	assert_true(c->settings.focus_follows_mouse);
	assert_false(c->settings.mouse_warps);
	assert_int_equal(c->tag_default.layout, layout_index("tile"));
	assert_float(c->tag_default.mfact, 0.55);
	assert_int_equal(c->tag_default.nmaster, 1);
	/* Dialogs and splash screens float. */
	assert_int_equal(c->nrules, 2);
	assert_int_equal(c->rules[0].floating, 1);
	assert_int_equal(c->rules[1].floating, 1);
	/* Mod4 and a drag moves or resizes. */
	assert_int_equal(c->nmouse, 2);
	assert_int_equal(c->mouse[0].mods, MOD4);
	assert_int_equal(c->mouse[0].button, 1);
	assert_string_equal(c->mouse[0].command, "move");
	assert_int_equal(c->mouse[1].mods, MOD4);
	assert_int_equal(c->mouse[1].button, 3);
	assert_string_equal(c->mouse[1].command, "resize");
	assert_int_equal(c->nexec, 0);
	assert_int_equal(c->nexec_always, 0);
}

/* Every command the default binds, in every mode, runs on a fresh state
 * without error (spawn excepted: it would start a terminal). */
static void test_default_bindings_all_run(void **state)
{
	struct config_fx *f = *state;
	parse(f, ctile_default_config);
	for (size_t m = 0; m < f->c.nmodes; m++) {
		for (size_t i = 0; i < f->c.modes[m].nbindings; i++) {
			const char *cmd = f->c.modes[m].bindings[i].command;
			if (strncmp(cmd, "spawn", 5) == 0)
				continue;
			struct wm w;
			wm_init(&w);
			struct config_errors e = {0};
			config_finish(&w.cfg);
			config_init(&w.cfg);
			assert_int_equal(config_load(&w.cfg, NULL, &e), 0);
			struct monitor *mon = model_add_monitor(
			    &w.model, (struct rect){0, 0, 800, 600});
			assert_non_null(mon);
			model_view(&w.model, mon, 0x3);
			for (uint32_t id = 1; id <= 3; id++)
				assert_non_null(
				    model_manage(&w.model, id, mon, 0x3));
			/* Something for `focus urgent` to jump to, and for
			 * `restore` to bring back. */
			model_set_urgent(&w.model, mon->clients, true);
			model_set_minimized(&w.model, mon->clients->next, true);
			char err[256] = "";
			int col = -1;
			if (!command_run(&w, cmd, err, sizeof(err), &col))
				fail_msg("mode %s: '%s': %s",
					 f->c.modes[m].name, cmd, err);
			assert_model_ok(&w);
			wm_finish(&w);
			config_errors_clear(&e);
		}
	}
}

/* ------------------------------------------------------------------------ */
/* Variables                                                                */
/* ------------------------------------------------------------------------ */

static void test_variable_in_binding(void **state)
{
	struct config_fx *f = *state;
	parse(f, "set $mod Mod1\nbind $mod+x zoom\n");
	assert_int_equal(f->c.modes[0].nbindings, 1);
	assert_binding(&f->c, MOD1, XKB_KEY_x, "zoom");
	assert_string_equal(var_value(&f->c, "mod"), "Mod1");

	/* Switching the modifier is one line. */
	parse(f, "set $mod Mod4\n"
		 "bind $mod+Shift+x close\n");
	assert_binding(&f->c, MOD4 | SHIFT, XKB_KEY_x, "close");
	assert_int_equal(f->c.nvars, 1);
}

/* A variable is known from its `set` on, not before. */
static void test_variable_used_before_set(void **state)
{
	struct config_fx *f = *state;
	parse_errors(f,
		     "bind $mod+x zoom\n"
		     "set $mod Mod4\n"
		     "bind $mod+y zoom\n",
		     "test:1:6: unknown modifier '$mod' in '$mod+x'\n");
	assert_int_equal(f->c.modes[0].nbindings, 1);
	assert_binding(&f->c, MOD4, XKB_KEY_y, "zoom");
}

static void test_variable_longest_name_wins(void **state)
{
	struct config_fx *f = *state;
	parse(f, "set $m Shift\n"
		 "set $mod Mod4\n"
		 "bind $mod+x zoom\n"
		 "bind $m+y zoom\n");
	assert_binding(&f->c, MOD4, XKB_KEY_x, "zoom");
	assert_binding(&f->c, SHIFT, XKB_KEY_y, "zoom");
	assert_int_equal(f->c.modes[0].nbindings, 2);

	/* The same, defined the other way round. */
	struct config_fx f2;
	config_fx_init(&f2);
	const char *t = "set $mod Mod4\n"
			"set $m Shift\n"
			"bind $mod+x zoom\n";
	assert_int_equal(config_parse_text(&f2.c, t, strlen(t), "t", &f2.e), 0);
	assert_binding(&f2.c, MOD4, XKB_KEY_x, "zoom");
	config_fx_free(&f2);

	char out[128];
	assert_true(
	    config_expand(&f->c, "a $mod $m $mo $modx", out, sizeof(out)));
	assert_string_equal(out, "a Mod4 Shift Shifto Mod4x");
}

static void test_set_does_not_expand_its_name(void **state)
{
	struct config_fx *f = *state;
	parse(f, "set $mod Mod1\nset $mod Mod4\n");
	assert_int_equal(f->c.nvars, 1);
	assert_string_equal(var_value(&f->c, "mod"), "Mod4");
	assert_null(var_value(&f->c, "Mod1"));

	char out[128];
	assert_true(
	    config_expand(&f->c, "set $mod $mod+Shift", out, sizeof(out)));
	assert_string_equal(out, "set $mod Mod4+Shift");
	assert_true(
	    config_expand(&f->c, "  set\t$mod\t$mod", out, sizeof(out)));
	assert_string_equal(out, "  set\t$mod\tMod4");
	/* Only `set` itself: "setx" is another word. */
	assert_true(config_expand(&f->c, "setx $mod", out, sizeof(out)));
	assert_string_equal(out, "setx Mod4");

	/* A value built from another variable. */
	parse(f, "set $both $mod+Shift\n"
		 "bind $both+z zoom\n");
	assert_string_equal(var_value(&f->c, "both"), "Mod4+Shift");
	assert_binding(&f->c, MOD4 | SHIFT, XKB_KEY_z, "zoom");
}

static void test_undefined_variable_stays(void **state)
{
	struct config_fx *f = *state;
	char out[128];
	assert_true(
	    config_expand(&f->c, "exec echo $foo $ $$ a$", out, sizeof(out)));
	assert_string_equal(out, "exec echo $foo $ $$ a$");
	parse(f, "set $bar 1\n");
	assert_true(config_expand(&f->c, "x $foo $bar", out, sizeof(out)));
	assert_string_equal(out, "x $foo 1");

	parse_errors(f, "bind $foo+x zoom\n",
		     "test:1:6: unknown modifier '$foo' in '$foo+x'\n");
	assert_int_equal(f->c.modes[0].nbindings, 0);
	/* An undefined variable in a command is kept for the shell. */
	parse(f, "exec echo $HOME\n");
	assert_int_equal(f->c.nexec, 1);
	assert_string_equal(f->c.exec[0], "echo $HOME");
}

static void test_expand_overflow(void **state)
{
	struct config_fx *f = *state;
	char out[16];
	assert_true(config_expand(&f->c, "abcd", out, 5));
	assert_string_equal(out, "abcd");
	memset(out, '#', sizeof(out));
	assert_false(config_expand(&f->c, "abcd", out, 4));
	assert_true(config_expand(&f->c, "", out, 1));
	assert_string_equal(out, "");

	parse(f, "set $v 0123456\n"
		 "set $longer_name x\n");
	assert_true(config_expand(&f->c, "$v$v", out, 15));
	assert_string_equal(out, "01234560123456");
	assert_false(config_expand(&f->c, "$v$v", out, 14));
	assert_false(config_expand(&f->c, "ab$v", out, 9));
	/* The kept `set $name` alone does not fit. */
	assert_false(config_expand(&f->c, "set $longer_name y", out, 10));

	char big[8192];
	assert_true(config_expand(&f->c, "$v $v", big, sizeof(big)));
	assert_string_equal(big, "0123456 0123456");
}

/* config_expand writes at most len bytes and says false when the line
 * does not fit, the kept `set $name` included: never a cut-off line. */
static void test_expand_never_overruns(void **state)
{
	struct config_fx *f = *state;
	char out[32];
	parse(f, "set $longer_name x\n");
	memset(out, '#', sizeof(out));
	assert_false(config_expand(&f->c, "set $longer_name", out, 10));
	for (size_t i = 10; i < sizeof(out); i++)
		assert_int_equal(out[i], '#');
	assert_true(config_expand(&f->c, "set $longer_name", out, 17));
	assert_string_equal(out, "set $longer_name");
	/* No room even for the terminating NUL: nothing is written. */
	memset(out, '#', sizeof(out));
	assert_false(config_expand(&f->c, "", out, 0));
	assert_int_equal(out[0], '#');
}

/* A value expanding a line past the limit is one error, nothing else. */
static void test_expand_too_long_is_an_error(void **state)
{
	struct config_fx *f = *state;
	static char text[3200];
	size_t n = 3000;
	memcpy(text, "set $v ", 7);
	memset(text + 7, 'x', n);
	snprintf(text + 7 + n, sizeof(text) - 7 - n,
		 "\nexec $v $v $v $v $v $v\nborder_width 7\n");
	parse_errors(f, text,
		     "test:2: line too long once variables are expanded\n");
	assert_int_equal(f->c.nexec, 0);
	assert_int_equal(f->c.settings.border_width, 7);
	/* Twice the value fits. */
	snprintf(text + 7 + n, sizeof(text) - 7 - n, "\nexec $v $v\n");
	parse(f, text);
	assert_int_equal(f->c.nexec, 1);
	assert_int_equal(strlen(f->c.exec[0]), 2 * n + 1);
}

/* ------------------------------------------------------------------------ */
/* Modes                                                                    */
/* ------------------------------------------------------------------------ */

static void test_mode_block(void **state)
{
	struct config_fx *f = *state;
	parse(f, "bind Mod4+r mode resize\n"
		 "mode resize {\n"
		 "    bind h mfact -0.05   # narrower\n"
		 "    bind l mfact +0.05\n"
		 "}\n"
		 "bind Mod4+x zoom\n");
	assert_int_equal(f->c.nmodes, 2);
	const struct mode *r = find_mode(&f->c, "resize");
	assert_non_null(r);
	assert_false(r->oneshot);
	assert_int_equal(r->nbindings, 3);
	assert_binding_in(r, 0, XKB_KEY_h, "mfact -0.05");
	assert_binding_in(r, 0, XKB_KEY_l, "mfact +0.05");
	/* Escape leaves a mode that does not bind it. */
	assert_binding_in(r, 0, XKB_KEY_Escape, "mode default");
	/* The lines after } are the default mode's again. */
	assert_int_equal(f->c.modes[0].nbindings, 2);
	assert_binding(&f->c, MOD4, XKB_KEY_r, "mode resize");
	assert_binding(&f->c, MOD4, XKB_KEY_x, "zoom");
	assert_null(find_binding(&f->c.modes[0], 0, XKB_KEY_h));
	assert_null(find_binding(&f->c.modes[0], 0, XKB_KEY_Escape));
	assert_int_equal(f->c.cur_mode, 0);
}

static void test_mode_oneshot_and_own_escape(void **state)
{
	struct config_fx *f = *state;
	parse(f, "mode chain oneshot {\n"
		 "bind x zoom\n"
		 "bind Escape view previous\n"
		 "}\n"
		 "mode empty {\n"
		 "}\n");
	const struct mode *ch = find_mode(&f->c, "chain");
	assert_non_null(ch);
	assert_true(ch->oneshot);
	/* Its own Escape is kept, none added. */
	assert_int_equal(ch->nbindings, 2);
	assert_binding_in(ch, 0, XKB_KEY_Escape, "view previous");
	/* Even an empty mode can be left. */
	const struct mode *e = find_mode(&f->c, "empty");
	assert_non_null(e);
	assert_int_equal(e->nbindings, 1);
	assert_binding_in(e, 0, XKB_KEY_Escape, "mode default");
	/* Shift+Escape is another key: Escape is still added. */
	parse(f, "mode s {\nbind Shift+Escape zoom\n}\n");
	const struct mode *s = find_mode(&f->c, "s");
	assert_int_equal(s->nbindings, 2);
	assert_binding_in(s, 0, XKB_KEY_Escape, "mode default");
}

/* A mode opened again adds to it; its name is its identity. */
static void test_mode_reopened(void **state)
{
	struct config_fx *f = *state;
	parse(f, "mode resize {\nbind h zoom\n}\n"
		 "mode resize {\nbind l zoom\nbind h close\n}\n");
	assert_int_equal(f->c.nmodes, 2);
	const struct mode *r = find_mode(&f->c, "resize");
	assert_int_equal(r->nbindings, 3); /* h, l, Escape */
	assert_binding_in(r, 0, XKB_KEY_h, "close");
	assert_binding_in(r, 0, XKB_KEY_l, "zoom");
}

/* ------------------------------------------------------------------------ */
/* Errors: counted, located, and the good lines still apply                 */
/* ------------------------------------------------------------------------ */

static void test_error_counting(void **state)
{
	struct config_fx *f = *state;
	parse_errors(f,
		     "border_width 5\n"
		     "foo\n"
		     "border_width 1000\n"
		     "default_layout monocle\n"
		     "default_mfact 2\n",
		     "test:2:1: unknown command 'foo'\n"
		     "test:3:14: border_width: '1000' is not a whole number "
		     "in 0..100\n"
		     "test:5:15: default_mfact: '2' is not a number in "
		     "0.05..0.95\n");
	assert_int_equal(f->e.n, 3);
	assert_int_equal(f->c.settings.border_width, 5);
	assert_int_equal(f->c.tag_default.layout, layout_index("monocle"));
	assert_float(f->c.tag_default.mfact, 0.55);
}

static void test_error_messages_located(void **state)
{
	struct config_fx *f = *state;
	parse_errors(f,
		     "\n"
		     "# comment\n"
		     "  border_width 1 extra\n"
		     "font \"DejaVu\n"
		     "\tbind Mod4+x\n"
		     "set mod Mod4\n"
		     "bind Foo+x zoom\n",
		     "test:3:18: border_width: too many arguments; usage: "
		     "border_width PIXELS\n"
		     "test:4:6: unterminated double quote\n"
		     "test:5:13: bind: missing argument; usage: bind "
		     "MODS+KEY COMMAND...\n"
		     "test:6:5: set: a variable is $ and a name, as $mod\n"
		     "test:7:6: unknown modifier 'Foo' in 'Foo+x'\n");
	assert_int_equal(f->c.modes[0].nbindings, 0);
	assert_int_equal(f->c.nvars, 0);
	assert_int_equal(f->c.settings.border_width, 2);
	/* The offending line is kept as written, for the caret. */
	assert_string_equal(f->e.v[0].text, "  border_width 1 extra");
	assert_string_equal(f->e.v[2].text, "\tbind Mod4+x");
}

/* The column is the column in the file as the user wrote it, before any
 * $variable was replaced. */
static void test_error_column_in_original_line(void **state)
{
	struct config_fx *f = *state;
	parse_errors(f,
		     "set $n 1\n"
		     "border_width $n 2\n"
		     "set $long_name_for_a_number 3\n"
		     "border_width $long_name_for_a_number x\n"
		     "set $mods Mod4+Shift+Control\n"
		     "bind $mods+x frobnicate\n",
		     "test:2:17: border_width: too many arguments; usage: "
		     "border_width PIXELS\n"
		     "test:4:38: border_width: too many arguments; usage: "
		     "border_width PIXELS\n"
		     "test:6:14: bind: unknown command 'frobnicate'\n");
	/* The text kept is the line as written, not expanded. */
	assert_string_equal(f->e.v[2].text, "bind $mods+x frobnicate");
}

/* Fewer tags with the default's Mod4+1..9 kept: not refused (the keys
 * of tags that do not exist do nothing), but a tag name is checked. */
static void test_fewer_tags_keep_the_digit_bindings(void **state)
{
	struct config_fx *f = *state;
	parse(f, "tags web mail irc\n"
		 "bind Mod4+9 view 9\n"
		 "bind Mod4+Shift+9 tag 9\n"
		 "bind Mod4+w view web\n");
	assert_int_equal(f->c.ntags, 3);
	assert_binding(&f->c, MOD4, XKB_KEY_9, "view 9");
	assert_binding(&f->c, MOD4, XKB_KEY_w, "view web");
}

/* i3's `exec --no-startup-id CMD` runs CMD: the flag is i3's own. */
static void test_exec_no_startup_id(void **state)
{
	struct config_fx *f = *state;
	parse(f, "exec --no-startup-id nm-applet --indicator\n"
		 "exec_always --no-startup-id  feh --bg-fill a.png\n"
		 "exec --no-startup-id\n");
	assert_int_equal(f->c.nexec, 2);
	assert_string_equal(f->c.exec[0], "nm-applet --indicator");
	assert_string_equal(f->c.exec_always[0], "feh --bg-fill a.png");
	/* Alone it is the command: the shell says what is wrong. */
	assert_string_equal(f->c.exec[1], "--no-startup-id");
}

/* A \ at the very end of a line joins the next one. */
static void test_continuation(void **state)
{
	struct config_fx *f = *state;
	parse(f, "bind Mod4+x \\\n"
		 "    spawn xterm \\\n"
		 "    -e top\n"
		 "exec_always a\\\n"
		 "b\n");
	assert_binding(&f->c, MOD4, XKB_KEY_x, "spawn xterm     -e top");
	assert_string_equal(f->c.exec_always[0], "ab");
	/* A backslash followed by a blank joins nothing: it escapes it. */
	parse(f, "exec a \\ \nborder_width 4\n");
	assert_string_equal(f->c.exec[0], "a \\ ");
	assert_int_equal(f->c.settings.border_width, 4);
	/* The last line of a file may end in one too: it is still read. */
	parse(f, "border_width 7 \\\n");
	assert_int_equal(f->c.settings.border_width, 7);
	parse(f, "gaps inner 3 \\");
	assert_int_equal(f->c.settings.gap_inner, 3);
}

/* A line of n bytes starting with start, padded with blanks, then rest. */
static void make_line(char *text, size_t size, size_t n, const char *start,
		      const char *rest)
{
	memset(text, ' ', n);
	memcpy(text, start, strlen(start));
	snprintf(text + n, size - n, "%s", rest);
}

static void test_line_too_long(void **state)
{
	struct config_fx *f = *state;
	static char text[1 << 20];
	char log[LOG_MAX];
	make_line(text, sizeof(text), 5000, "xxxxx", "\nborder_width 4\n");
	parse_errors(f, text, "test:1: line too long (at most 4095 bytes)\n");
	assert_int_equal(f->c.settings.border_width, 4);

	/* 4095 bytes fit; 4096 do not. */
	make_line(text, sizeof(text), 4095, "border_width 5", "\n");
	parse(f, text);
	assert_int_equal(f->c.settings.border_width, 5);

	make_line(text, sizeof(text), 4096, "border_width 6",
		  "\nborder_width 7");
	parse_errors(f, text, "test:1: line too long (at most 4095 bytes)\n");
	assert_int_equal(f->c.settings.border_width, 7);

	/* A huge last line without a newline. */
	memset(text, 'y', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(parse_logged(f, text, strlen(text), log), 1);
	assert_string_equal(log,
			    "test:1: line too long (at most 4095 bytes)\n");
}

static void test_empty_and_comments(void **state)
{
	struct config_fx *f = *state;
	char log[LOG_MAX];
	assert_int_equal(parse_logged(f, "", 0, log), 0);
	parse(f, "\n\n# a comment\n   \n\t\n"
		 "   # indented comment\n"
		 "#border_width 1000\n"
		 "border_width 5 # the fifth\n"
		 "color focused #112233 # a colour is no comment\n"
		 "\n");
	assert_int_equal(f->c.settings.border_width, 5);
	assert_int_equal(f->c.settings.color_focused, 0xff112233u);
	assert_int_equal(f->c.modes[0].nbindings, 0);
}

static void test_no_final_newline(void **state)
{
	struct config_fx *f = *state;
	parse(f, "border_width 2\nborder_width 3");
	assert_int_equal(f->c.settings.border_width, 3);
	parse(f, "default_layout grid");
	assert_int_equal(f->c.tag_default.layout, layout_index("grid"));

	/* Line numbers count the last line too. */
	parse_errors(f, "border_width 1\n\nbogus",
		     "test:3:1: unknown command 'bogus'\n");
}

static void test_crlf_lines(void **state)
{
	struct config_fx *f = *state;
	parse(f, "# windows line ends\r\n"
		 "border_width 4\r\n"
		 "default_layout monocle\r\n"
		 "\r\n"
		 "set $mod Mod1\r\n"
		 "bind $mod+x zoom\r\n");
	assert_int_equal(f->c.settings.border_width, 4);
	assert_int_equal(f->c.tag_default.layout, layout_index("monocle"));
	assert_non_null(find_binding(&f->c.modes[0], MOD1, XKB_KEY_x));
}

/* What `set`, `bind` and `exec` keep must not carry the CR of a CRLF file:
 * a `spawn xterm` would run "xterm\r". */
static void test_crlf_not_kept_in_values(void **state)
{
	struct config_fx *f = *state;
	parse(f, "set $term xterm\r\n"
		 "bind Mod4+Return spawn xterm\r\n"
		 "exec nm-applet\r\n"
		 "tags web mail\r\n");
	assert_string_equal(var_value(&f->c, "term"), "xterm");
	assert_binding(&f->c, MOD4, XKB_KEY_Return, "spawn xterm");
	assert_string_equal(f->c.exec[0], "nm-applet");
	assert_string_equal(f->c.tag_names[1], "mail");
}

/* `set $mod Mod4 # Super` or a stray blank at the end must not break every
 * binding that uses $mod. */
static void test_set_value_trailing_blank_and_comment(void **state)
{
	struct config_fx *f = *state;
	parse(f, "set $mod Mod4 \n"
		 "bind $mod+a zoom\n"
		 "set $alt Mod1 # the Alt key\n"
		 "bind $alt+b zoom\n"
		 "set $c #5e81ac # a colour, then a comment\n"
		 "color focused $c\n");
	assert_string_equal(var_value(&f->c, "mod"), "Mod4");
	assert_string_equal(var_value(&f->c, "alt"), "Mod1");
	assert_string_equal(var_value(&f->c, "c"), "#5e81ac");
	assert_binding(&f->c, MOD4, XKB_KEY_a, "zoom");
	assert_binding(&f->c, MOD1, XKB_KEY_b, "zoom");
	assert_int_equal(f->c.settings.color_focused, 0xff5e81acu);
}

static void test_later_binding_replaces(void **state)
{
	struct config_fx *f = *state;
	parse(f, "bind Mod4+x zoom\n"
		 "bind Mod4+y close\n"
		 "bind Super+x view 2\n");
	assert_int_equal(f->c.modes[0].nbindings, 2);
	assert_binding(&f->c, MOD4, XKB_KEY_x, "view 2");
	assert_binding(&f->c, MOD4, XKB_KEY_y, "close");
}

/* Garbage of every byte: never a crash, every error located. */
static void test_garbage_text(void **state)
{
	struct config_fx *f = *state;
	char text[4096];
	char log[LOG_MAX];
	uint32_t x = 2463534242u;
	for (int round = 0; round < 200; round++) {
		size_t len = (size_t)(round * 13 % (sizeof(text) - 1));
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			text[i] = (char)(1 + x % 255);
		}
		text[len] = '\0';
		int errors = parse_logged(f, text, len, log);
		assert_true(errors >= 0);
		int lines = config_fx_lines(text, len);
		for (size_t i = 0; i < f->e.n; i++) {
			const struct config_error *er = &f->e.v[i];
			assert_string_equal(er->file, "test");
			assert_non_null(er->message);
			assert_true(er->message[0] != '\0');
			assert_in_range(er->line, 1, lines);
			assert_true(er->col >= 0);
			if (er->text)
				assert_in_range(er->col, 0,
						strlen(er->text) + 1);
		}
	}
}

/* ------------------------------------------------------------------------ */
/* Making a parsed config live                                              */
/* ------------------------------------------------------------------------ */

/* At start every tag gets the configured layout, mfact and nmaster; a
 * monitor that comes later gets the defaults. */
static void test_activate_first(void **state)
{
	struct config_fx *f = *state;
	parse(f, "default_layout monocle\n"
		 "default_mfact 0.7\n"
		 "default_nmaster 2\n"
		 "tag_layout 3 grid\n"
		 "tags a b c d\n"
		 "bind Mod4+x zoom\n");
	struct wm wm;
	wm_init(&wm);
	struct monitor *mon =
	    model_add_monitor(&wm.model, (struct rect){0, 0, 1280, 800});
	wm.mode = 1;
	activate_config(&wm, &f->c, true);
	assert_int_equal(wm.mode, 0);
	assert_ptr_equal(wm.target, &wm.cfg);
	assert_true(wm.bindings_dirty);
	assert_int_equal(wm.cfg.modes[0].nbindings, 1);
	assert_int_equal(wm.model.ntags, 4);
	assert_string_equal(wm.model.tag_names[1], "b");
	assert_int_equal(mon->tag[0].layout, layout_index("monocle"));
	assert_float(mon->tag[0].mfact, 0.7);
	assert_int_equal(mon->tag[0].nmaster, 2);
	assert_int_equal(mon->tag[2].layout, layout_index("grid"));
	struct monitor *later =
	    model_add_monitor(&wm.model, (struct rect){1280, 0, 800, 600});
	assert_int_equal(later->tag[0].layout, layout_index("monocle"));
	assert_float(later->tag[0].mfact, 0.7);
	assert_int_equal(later->tag[0].nmaster, 2);
	assert_model_ok(&wm);
	wm_finish(&wm);
}

/* Reload: every window and tag stays; what the user set on a tag stays
 * unless the config changed that tag's layout; the new bindings are live. */
static void test_activate_reload_keeps_windows(void **state)
{
	struct config_fx *f = *state;
	struct wm wm;
	wm_init(&wm);
	struct monitor *mon =
	    model_add_monitor(&wm.model, (struct rect){0, 0, 1280, 800});
	parse(f, "tags web mail irc\nbind Mod4+x zoom\ntag_layout 2 grid\n");
	activate_config(&wm, &f->c, true);
	config_finish(&f->c);
	config_init(&f->c);
	struct client *a = model_manage(&wm.model, 1, mon, 0x1);
	struct client *b = model_manage(&wm.model, 2, mon, 0x4);
	assert_non_null(a);
	assert_non_null(b);
	char err[256];
	int col;
	assert_true(command_run(&wm, "layout monocle", err, sizeof(err), &col));
	assert_true(command_run(&wm, "mfact 0.3", err, sizeof(err), &col));

	parse(f, "tags web mail irc\n"
		 "bind Mod4+y close\n"
		 "tag_layout 2 tile\n"
		 "border_width 9\n");
	activate_config(&wm, &f->c, false);
	assert_int_equal(model_count(&wm.model), 2);
	assert_int_equal(a->tags, 0x1);
	assert_int_equal(b->tags, 0x4);
	assert_int_equal(mon->tag[0].layout, layout_index("monocle"));
	assert_float(mon->tag[0].mfact, 0.3);
	assert_int_equal(mon->tag[1].layout, layout_index("tile"));
	assert_int_equal(wm.cfg.settings.border_width, 9);
	assert_int_equal(wm.cfg.modes[0].nbindings, 1);
	assert_binding(&wm.cfg, MOD4, XKB_KEY_y, "close");
	assert_model_ok(&wm);
	wm_finish(&wm);
}

/* ------------------------------------------------------------------------ */
/* Where the config comes from                                              */
/* ------------------------------------------------------------------------ */

static const char *const env_names[] = {"HOME", "XDG_CONFIG_HOME",
					"XDG_CONFIG_DIRS"};

struct env_saved {
	char *v[3];
	bool set[3];
};

static void env_save(struct env_saved *s)
{
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(env_names[i]);
		s->set[i] = v != NULL;
		s->v[i] = v ? strdup(v) : NULL;
	}
}

static void env_restore(struct env_saved *s)
{
	for (int i = 0; i < 3; i++) {
		if (s->set[i])
			setenv(env_names[i], s->v[i], 1);
		else
			unsetenv(env_names[i]);
		free(s->v[i]);
	}
}

/* dir/sub/ctile/config with a line in it; its path goes to path. */
static void make_config(const char *dir, const char *sub, char *path,
			size_t len)
{
	char d[256];
	snprintf(d, sizeof(d), "%s/%s", dir, sub);
	assert_int_equal(mkdir(d, 0700), 0);
	snprintf(d, sizeof(d), "%s/%s/ctile", dir, sub);
	assert_int_equal(mkdir(d, 0700), 0);
	snprintf(path, len, "%s/config", d);
	config_fx_write_file(path, "border_width 1\n");
}

static void assert_found(const char *cli, const char *want)
{
	char *got = config_find(cli);
	if (!want && got)
		fail_msg("config_find: '%s', want the built-in config", got);
	if (want && (!got || strcmp(got, want) != 0))
		fail_msg("config_find: '%s', want '%s'", got ? got : "(none)",
			 want);
	free(got);
}

/* -c FILE, then $XDG_CONFIG_HOME/ctile/config (~/.config when unset or
 * empty), then the first ctile/config in $XDG_CONFIG_DIRS, else none:
 * the built-in default. */
static void test_config_find(void **state)
{
	(void)state;
	char dir[] = "/tmp/ctile-unit-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char home_cfg[512], xdg_cfg[512], sys2_cfg[512], home_dot[512];
	snprintf(home_dot, sizeof(home_dot), "%s/home", dir);
	assert_int_equal(mkdir(home_dot, 0700), 0);
	make_config(dir, "home/.config", home_cfg, sizeof(home_cfg));
	make_config(dir, "xdg", xdg_cfg, sizeof(xdg_cfg));
	make_config(dir, "sys2", sys2_cfg, sizeof(sys2_cfg));
	char sys_dirs[1200], d[600];

	struct env_saved saved;
	env_save(&saved);
	setenv("HOME", home_dot, 1);
	snprintf(d, sizeof(d), "%s/xdg", dir);
	setenv("XDG_CONFIG_HOME", d, 1);
	snprintf(sys_dirs, sizeof(sys_dirs), "%s/sys1::%s/sys2", dir, dir);
	setenv("XDG_CONFIG_DIRS", sys_dirs, 1);

	/* -c wins, even when it cannot be read (the parse says so). */
	assert_found("/nonexistent/my.conf", "/nonexistent/my.conf");
	assert_found(NULL, xdg_cfg);
	unsetenv("XDG_CONFIG_HOME");
	assert_found(NULL, home_cfg);
	setenv("XDG_CONFIG_HOME", "", 1);
	assert_found(NULL, home_cfg);
	/* No user config: the first system one that exists. */
	unlink(home_cfg);
	assert_found(NULL, sys2_cfg);
	unlink(sys2_cfg);
	assert_found(NULL, NULL);

	env_restore(&saved);
	/* Clean up what is left of the tree. */
	unlink(xdg_cfg);
	const char *dirs[] = {
	    "xdg/ctile",	  "xdg",	  "sys2/ctile", "sys2",
	    "home/.config/ctile", "home/.config", "home"};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		snprintf(d, sizeof(d), "%s/%s", dir, dirs[i]);
		rmdir(d);
	}
	assert_int_equal(rmdir(dir), 0);
}

/* The border width a reload puts in force; its "reloaded" line is kept
 * off the test's output. */
static int reload_border(struct wm *wm)
{
	log_set_level(LOG_ERROR);
	activate_reload(wm);
	log_set_level(LOG_INFO);
	return wm->cfg.settings.border_width;
}

static void write_border(const char *path, int width)
{
	char text[64];
	snprintf(text, sizeof(text), "border_width %d\n", width);
	config_fx_write_file(path, text);
}

/* Without -c, every reload looks the file up as start-up does: a config
 * copied in after start counts, and once it is gone the next one down the
 * list does. With -c FILE, reload reads FILE whatever else appears. */
static void test_reload_looks_the_config_up_again(void **state)
{
	(void)state;
	char dir[] = "/tmp/ctile-unit-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char user[512], sys[512], cli[512], d[600];
	make_config(dir, "xdg", user, sizeof(user));
	make_config(dir, "sys", sys, sizeof(sys));
	unlink(user);
	unlink(sys);
	snprintf(cli, sizeof(cli), "%s/cli.conf", dir);
	struct env_saved saved;
	env_save(&saved);
	snprintf(d, sizeof(d), "%s/home", dir);
	setenv("HOME", d, 1);
	snprintf(d, sizeof(d), "%s/xdg", dir);
	setenv("XDG_CONFIG_HOME", d, 1);
	snprintf(d, sizeof(d), "%s/sys", dir);
	setenv("XDG_CONFIG_DIRS", d, 1);

	struct wm wm;
	struct config c;
	struct config_errors e = {0};
	wm_init(&wm);
	model_add_monitor(&wm.model, (struct rect){0, 0, 1280, 800});
	config_init(&c);
	assert_int_equal(config_load(&c, NULL, &e), 0);
	activate_config(&wm, &c, true);
	assert_int_equal(reload_border(&wm), 2);
	write_border(user, 9);
	assert_int_equal(reload_border(&wm), 9);
	unlink(user);
	write_border(sys, 5);
	assert_int_equal(reload_border(&wm), 5);
	unlink(sys);
	assert_int_equal(reload_border(&wm), 2);

	write_border(cli, 3);
	write_border(user, 9);
	wm.config_path = strdup(cli);
	assert_int_equal(reload_border(&wm), 3);
	wm_finish(&wm);

	env_restore(&saved);
	unlink(user);
	unlink(cli);
	const char *dirs[] = {"xdg/ctile", "xdg", "sys/ctile", "sys"};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		snprintf(d, sizeof(d), "%s/%s", dir, dirs[i]);
		rmdir(d);
	}
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
#define T(f)                                                                   \
	cmocka_unit_test_setup_teardown(f, config_fx_setup, config_fx_teardown)
	const struct CMUnitTest tests[] = {
	    T(test_default_config_no_errors),
	    T(test_default_config_bindings),
	    T(test_default_config_settings),
	    T(test_default_bindings_all_run),
	    T(test_variable_in_binding),
	    T(test_variable_used_before_set),
	    T(test_variable_longest_name_wins),
	    T(test_set_does_not_expand_its_name),
	    T(test_undefined_variable_stays),
	    T(test_expand_overflow),
	    T(test_expand_never_overruns),
	    T(test_expand_too_long_is_an_error),
	    T(test_mode_block),
	    T(test_mode_oneshot_and_own_escape),
	    T(test_mode_reopened),
	    T(test_error_counting),
	    T(test_error_messages_located),
	    T(test_error_column_in_original_line),
	    T(test_line_too_long),
	    T(test_empty_and_comments),
	    T(test_no_final_newline),
	    T(test_exec_no_startup_id),
	    T(test_fewer_tags_keep_the_digit_bindings),
	    T(test_continuation),
	    T(test_crlf_lines),
	    T(test_crlf_not_kept_in_values),
	    T(test_set_value_trailing_blank_and_comment),
	    T(test_later_binding_replaces),
	    T(test_garbage_text),
	    T(test_activate_first),
	    T(test_activate_reload_keeps_windows),
	    cmocka_unit_test(test_config_find),
	    cmocka_unit_test(test_reload_looks_the_config_up_again),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
