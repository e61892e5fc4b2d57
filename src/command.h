/* command.h: the one table of commands that keys, config and socket run. */
#ifndef CTILE_COMMAND_H
#define CTILE_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "words.h"

struct wm;

struct cmd_args {
	const struct words *words; /* words[0] is the command name */
	int argc;		   /* arguments after the name */
	char *const *argv;	   /* words->w + 1 */
	const char *rest; /* the text after the name as written, up to the end
			     of the last word (no trailing blanks or comment) */
	int *err_col;	  /* a handler may set the 0-based column at fault */
};

/* err: "unknown command 'word'", naming ctile's word for an i3 one. */
void command_unknown(const char *word, const char *prefix, char *err,
		     size_t len);
/* What exec, exec_always and spawn run: the text after the name, less
 * i3's --no-startup-id. */
const char *command_shell_text(const struct cmd_args *a);

/* Run the command; on failure write a one-line reason to err. */
typedef bool (*cmd_handler)(struct wm *wm, const struct cmd_args *a, char *err,
			    size_t len);

enum command_flags {
	CMD_CONFIG = 1, /* a config statement: allowed in the config file */
	CMD_MONITOR = 2 /* needs a monitor (acts on the view or focus) */
};

struct command {
	const char *name;
	unsigned flags;
	int min_args, max_args; /* max -1: any number */
	const char *usage;	/* the arguments, as shown in errors */
	const char *help;	/* one line */
	cmd_handler run;
};

extern const struct command commands[]; /* sorted by name */
extern const size_t command_count;

const struct command *command_find(const char *name);

/* Parse line and run it. Empty lines and comments succeed doing nothing.
 * On failure err holds "message" and *err_col its 0-based column. */
bool command_run(struct wm *wm, const char *line, char *err, size_t len,
		 int *err_col);

/* Would line run? Its command must exist and its arguments parse. It runs
 * on a throwaway wm with the tags of shape and a focused window, so
 * nothing real changes; spawn and exec only have their arity checked,
 * and mode its arity (the mode may be defined later). */
bool command_check(const struct config *shape, const char *line, char *err,
		   size_t len, int *err_col);

/* The command of a binding, written at column at of the statement:
 * checked as command_check does; `mode NAME` is checked now at run time,
 * at the end of the file while parsing. */
bool bound_command_ok(struct wm *wm, const char *command, int at, int *err_col,
		      char *err, size_t len);

/* Handlers, grouped by file (cmd_*.c). */
bool cmd_view(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_toggleview(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_tag(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_toggletag(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_layout(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_mfact(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_nmaster(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_focus(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_swap(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_zoom(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_above(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_floating(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_minimize(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_restore(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_fullscreen(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_close(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_kill(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_spawn(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_restart(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_quit(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_bind(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_set(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_mode(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_reload(struct wm *, const struct cmd_args *, char *, size_t);
/* cmd_bar.c */
bool cmd_bar(struct wm *, const struct cmd_args *, char *, size_t);
/* cmd_config.c: config statements */
bool cmd_tags(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_rule(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_exec(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_exec_always(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_mouse(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_border_width(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_color(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_font(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_gaps(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_smart_gaps(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_smart_borders(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_focus_follows_mouse(struct wm *, const struct cmd_args *, char *,
			     size_t);
bool cmd_mouse_warps(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_default_layout(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_default_mfact(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_default_nmaster(struct wm *, const struct cmd_args *, char *, size_t);
bool cmd_tag_layout(struct wm *, const struct cmd_args *, char *, size_t);

#endif
