/* command.c: the command table, lookup and dispatch. Handlers: cmd_*.c. */
#include "command.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm.h"

/* Keep sorted by name: command_find uses bsearch (a unit test checks). */
const struct command commands[] = {
    {"bind", 2, -1, "MODS+KEY COMMAND...", "bind a key to a command", cmd_bind},
    {"close", 0, 0, "", "ask the focused window to close", cmd_close},
    {"floating", 0, 1, "[toggle|on|off]", "float or tile the focused window",
     cmd_floating},
    {"focus", 1, 1, "next|prev", "focus the next or previous window",
     cmd_focus},
    {"kill", 0, 0, "", "kill the focused window's client", cmd_kill},
    {"layout", 1, 1, "NAME|next|prev", "set the layout of the view",
     cmd_layout},
    {"mfact", 1, 1, "[+|-]FACTOR", "set or change the master area's share",
     cmd_mfact},
    {"nmaster", 1, 1, "[+|-]COUNT",
     "set or change the number of master windows", cmd_nmaster},
    {"quit", 0, 0, "", "leave ctile, every window stays mapped", cmd_quit},
    {"restart", 0, 0, "", "re-execute ctile, keeping every window",
     cmd_restart},
    {"set", 2, -1, "$NAME VALUE", "define a variable for later lines", cmd_set},
    {"spawn", 1, -1, "COMMAND...", "run a shell command", cmd_spawn},
    {"swap", 1, 1, "next|prev", "swap the focused window with a neighbour",
     cmd_swap},
    {"tag", 1, 1, "TAG|all", "move the focused window to a tag", cmd_tag},
    {"toggletag", 1, 1, "TAG", "add or remove a tag on the focused window",
     cmd_toggletag},
    {"toggleview", 1, 1, "TAG", "add or remove a tag from the view",
     cmd_toggleview},
    {"view", 1, 1, "TAG|all|previous", "show a tag", cmd_view},
    {"zoom", 0, 0, "", "move the focused window to the master area", cmd_zoom},
};
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
	snprintf(err, len, "%s: %s argument%s; usage: %s %s", cmd->name,
		 argc < cmd->min_args ? "missing" : "too many",
		 argc < cmd->min_args && cmd->min_args - argc == 1 ? "" : "s",
		 cmd->name, cmd->usage);
	return false;
}

bool command_run(struct wm *wm, const char *line, char *err, size_t len,
		 int *err_col)
{
	struct words w;
	*err_col = 0;
	if (words_split(line, &w, err, len, err_col) < 0)
		return false;
	if (w.n == 0)
		return true;
	const struct command *cmd = command_find(w.w[0]);
	bool ok = false;
	if (!cmd) {
		snprintf(err, len, "unknown command '%.64s'", w.w[0]);
		*err_col = w.col[0];
	} else if (!check_arity(cmd, w.n - 1, err, len)) {
		*err_col =
		    w.n > 1 && w.n - 1 > cmd->max_args && cmd->max_args >= 0
			? w.col[cmd->max_args + 1]
			: w.col[0];
	} else {
		struct cmd_args a = {&w, w.n - 1, w.w + 1, line + w.end[0]};
		while (*a.rest == ' ' || *a.rest == '\t')
			a.rest++;
		ok = cmd->run(wm, &a, err, len);
		if (!ok)
			*err_col = w.n > 1 ? w.col[1] : w.col[0];
	}
	words_free(&w);
	return ok;
}
