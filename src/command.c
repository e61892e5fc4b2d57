/* command.c: the command table, lookup and dispatch. Handlers: cmd_*.c. */
#include "command.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm.h"

/* Keep sorted by name: command_find uses bsearch (a unit test checks). */
#define C CMD_CONFIG
#define M CMD_MONITOR
const struct command commands[] = {
    {"above", M, 0, 1, "[toggle|on|off]",
     "keep the focused window above other floating windows", cmd_above},
    {"bar", C, 1, -1, "position|height|font|color|left|center|right|toggle ...",
     "configure the bar, or show and hide it", cmd_bar},
    {"bind", C, 2, -1, "MODS+KEY COMMAND...", "bind a key to a command",
     cmd_bind},
    {"border_width", C, 1, 1, "PIXELS", "width of window borders",
     cmd_border_width},
    {"close", M, 0, 0, "", "ask the focused window to close", cmd_close},
    {"color", C, 2, 2, "focused|normal|urgent #RRGGBB[AA]",
     "colour of window borders", cmd_color},
    {"default_layout", C, 1, 1, "LAYOUT", "layout of tags without their own",
     cmd_default_layout},
    {"default_mfact", C, 1, 1, "FACTOR", "master area share, 0.05..0.95",
     cmd_default_mfact},
    {"default_nmaster", C, 1, 1, "COUNT", "windows in the master area",
     cmd_default_nmaster},
    {"exec", C, 1, -1, "COMMAND...", "run a command once at session start",
     cmd_exec},
    {"exec_always", C, 1, -1, "COMMAND...",
     "run a command at every start and reload", cmd_exec_always},
    {"floating", M, 0, 1, "[toggle|on|off]", "float or tile the focused window",
     cmd_floating},
    {"focus", M, 1, 1, "next|prev|last|urgent",
     "focus the next or previous window, the one before, or the urgent one",
     cmd_focus},
    {"focus_follows_mouse", C, 1, 1, "yes|no",
     "focus the window under the pointer", cmd_focus_follows_mouse},
    {"font", C, 1, 1, "\"FONT DESCRIPTION\"", "the bar's pango font", cmd_font},
    {"fullscreen", M, 0, 1, "[toggle|on|off]",
     "the focused window covers the whole monitor, bar included",
     cmd_fullscreen},
    {"gaps", C, 2, 2, "inner|outer PIXELS", "space between and around windows",
     cmd_gaps},
    {"kill", M, 0, 0, "", "kill the focused window's client", cmd_kill},
    {"layout", M, 1, 1, "NAME|next|prev", "set the layout of the view",
     cmd_layout},
    {"mfact", M, 1, 1, "[+|-]FACTOR", "set or change the master area's share",
     cmd_mfact},
    {"minimize", M, 0, 0, "",
     "hide the focused window on its tags until restored", cmd_minimize},
    {"mode", 0, 1, 1, "NAME",
     "switch to a binding mode (`mode default` leaves it)", cmd_mode},
    {"mouse", C, 2, -1, "MODS+ButtonN move|resize|COMMAND...",
     "bind a mouse button on windows", cmd_mouse},
    {"mouse_warps", C, 1, 1, "yes|no",
     "move the pointer to a window focused from the keyboard", cmd_mouse_warps},
    {"nmaster", M, 1, 1, "[+|-]COUNT",
     "set or change the number of master windows", cmd_nmaster},
    {"quit", 0, 0, 0, "", "leave ctile, every window stays mapped", cmd_quit},
    {"reload", 0, 0, 0, "", "read the config file again", cmd_reload},
    {"restart", 0, 0, 0, "", "re-execute ctile, keeping every window",
     cmd_restart},
    {"restore", M, 0, 0, "",
     "bring back and focus the window minimized last in the view", cmd_restore},
    {"rule", C, 2, -1, "MATCH... ACTION...", "how to place windows that match",
     cmd_rule},
    {"set", C, 2, -1, "$NAME VALUE", "define a variable for later lines",
     cmd_set},
    {"smart_borders", C, 1, 1, "yes|no", "no border on a lone window",
     cmd_smart_borders},
    {"smart_gaps", C, 1, 1, "yes|no", "no gaps around a lone window",
     cmd_smart_gaps},
    {"spawn", 0, 1, -1, "COMMAND...", "run a shell command", cmd_spawn},
    {"swap", M, 1, 1, "next|prev", "swap the focused window with a neighbour",
     cmd_swap},
    {"tag", M, 1, 1, "TAG|all", "move the focused window to a tag", cmd_tag},
    {"tag_layout", C, 2, 2, "TAG LAYOUT", "the layout a tag starts with",
     cmd_tag_layout},
    {"tags", C, 1, CTILE_MAX_TAGS, "NAME...", "how many tags, and their names",
     cmd_tags},
    {"toggletag", M, 1, 1, "TAG", "add or remove a tag on the focused window",
     cmd_toggletag},
    {"toggleview", M, 1, 1, "TAG", "add or remove a tag from the view",
     cmd_toggleview},
    {"view", M, 1, 1, "TAG|all|previous|next|prev", "show a tag", cmd_view},
    {"zoom", M, 0, 0, "", "move the focused window to the master area",
     cmd_zoom},
};
#undef C
#undef M
const size_t command_count = sizeof(commands) / sizeof(commands[0]);

static int compare_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct command *)elem)->name);
}

const struct command *command_find(const char *name)
{
	return bsearch(name, commands, command_count, sizeof(commands[0]),
		       compare_name);
}

static bool check_arity(const struct command *cmd, int argc, char *err,
			size_t len)
{
	if (argc >= cmd->min_args &&
	    (cmd->max_args < 0 || argc <= cmd->max_args))
		return true;
	bool missing = argc < cmd->min_args;
	snprintf(err, len, "%s: %s argument%s; usage: %s%s%s", cmd->name,
		 missing ? "missing" : "too many",
		 missing && cmd->min_args - argc == 1 ? "" : "s", cmd->name,
		 cmd->usage[0] ? " " : "", cmd->usage);
	return false;
}

/* The column of the first word check_arity found wrong. */
static int arity_col(const struct command *cmd, const struct words *w)
{
	if (cmd->max_args >= 0 && w->n - 1 > cmd->max_args)
		return w->col[cmd->max_args + 1];
	return w->n > 0 ? w->end[w->n - 1] : 0;
}

/* i3's words, which its users type first: say what ctile calls them. */
static const char *i3_word(const char *word)
{
	static const char *const words[][2] = {
	    {"bindsym", "bind"},
	    {"bindcode", "bind with #KEYCODE"},
	    {"for_window", "rule"},
	    {"assign", "rule ... tags="},
	    {"workspace", "view"},
	    {"floating_modifier", "mouse"},
	    {"default_border", "border_width"},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(word, words[i][0]))
			return words[i][1];
	return NULL;
}

void command_unknown(const char *word, const char *prefix, char *err,
		     size_t len)
{
	const char *ours = i3_word(word);
	snprintf(err, len, "%sunknown command '%.64s'%s%s%s", prefix, word,
		 ours ? " (ctile's is " : "", ours ? ours : "",
		 ours ? ")" : "");
}

const char *command_shell_text(const struct cmd_args *a)
{
	/* i3's exec flag: ctile sends no startup notification anyway. */
	if (a->argc > 1 && !strcmp(a->argv[0], "--no-startup-id"))
		return a->rest + (a->words->col[2] - a->words->col[1]);
	return a->rest;
}

bool command_run(struct wm *wm, const char *line, char *err, size_t len,
		 int *err_col)
{
	struct words w;
	*err_col = 0;
	err[0] = '\0';
	if (words_split(line, &w, err, len, err_col) < 0)
		return false;
	if (w.n == 0)
		return true;
	const struct command *cmd = command_find(w.w[0]);
	bool ok = false;
	/* The arguments as written, without trailing blanks or comment. */
	char *rest = w.n > 1 ? strndup(line + w.col[1],
				       (size_t)(w.end[w.n - 1] - w.col[1]))
			     : strdup("");
	if (!rest) {
		snprintf(err, len, "out of memory");
	} else if (!cmd) {
		command_unknown(w.w[0], "", err, len);
		*err_col = w.col[0];
	} else if (!check_arity(cmd, w.n - 1, err, len)) {
		*err_col = arity_col(cmd, &w);
	} else if ((cmd->flags & CMD_MONITOR) && !wm->model.selmon) {
		snprintf(err, len, "%s: there is no monitor yet", cmd->name);
	} else {
		struct cmd_args a = {&w, w.n - 1, w.w + 1, rest, err_col};
		*err_col = -1;
		ok = cmd->run(wm, &a, err, len);
		/* A handler may point at the word at fault; else the first. */
		if (!ok && *err_col < 0)
			*err_col = w.n > 1 ? w.col[1] : w.col[0];
	}
	free(rest);
	words_free(&w);
	return ok;
}

static bool side_effects_only(const char *name)
{
	return !strcmp(name, "spawn") || !strcmp(name, "exec") ||
	       !strcmp(name, "exec_always") || !strcmp(name, "mode");
}

bool command_check(const struct config *shape, const char *line, char *err,
		   size_t len, int *err_col)
{
	struct words w;
	*err_col = 0;
	if (words_split(line, &w, err, len, err_col) < 0)
		return false;
	const struct command *cmd = w.n ? command_find(w.w[0]) : NULL;
	bool ok = w.n == 0;
	if (w.n && !cmd) {
		command_unknown(w.w[0], "", err, len);
		*err_col = w.col[0];
	} else if (cmd && side_effects_only(cmd->name)) {
		ok = check_arity(cmd, w.n - 1, err, len);
		if (!ok)
			*err_col = arity_col(cmd, &w);
	} else if (cmd) {
		/* Every tag number is taken: a config that keeps the default
		 * Mod4+1..9 with fewer tags is not refused for them (as in
		 * dwm, the key does nothing); names are checked. */
		struct wm t;
		wm_init(&t);
		t.cfg.ntags = CTILE_MAX_TAGS;
		model_set_ntags(&t.model, CTILE_MAX_TAGS);
		for (int i = 0; i < shape->ntags && i < CTILE_MAX_TAGS; i++) {
			memcpy(t.cfg.tag_names[i], shape->tag_names[i],
			       sizeof(t.cfg.tag_names[i]));
			memcpy(t.model.tag_names[i], shape->tag_names[i],
			       sizeof(t.model.tag_names[i]));
		}
		/* Every tag viewed, a window on all of them and focused, an
		 * urgent one and a minimized one: no command is refused for
		 * the state it finds, only for its arguments. */
		struct monitor *mon =
		    model_add_monitor(&t.model, (struct rect){0, 0, 1280, 800});
		if (mon)
			mon->view = model_all_tags(&t.model);
		model_focus(&t.model, model_manage(&t.model, 1, NULL,
						   model_all_tags(&t.model)));
		struct client *urgent =
		    model_manage(&t.model, 2, NULL, model_all_tags(&t.model));
		if (urgent)
			model_set_urgent(&t.model, urgent, true);
		struct client *hidden =
		    model_manage(&t.model, 3, NULL, model_all_tags(&t.model));
		if (hidden)
			model_set_minimized(&t.model, hidden, true);
		ok = command_run(&t, line, err, len, err_col);
		wm_finish(&t);
	}
	words_free(&w);
	return ok;
}
