/* cmd_session.c: commands on windows' lives, programs and the session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "keyparse.h"
#include "spawn.h"
#include "wm.h"

bool cmd_close(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a;
	struct client *c = model_focused(&wm->model);
	if (!c) {
		snprintf(err, len, "no window is focused");
		return false;
	}
	c->close_wanted = true;
	wm->model.dirty |= DIRTY_FOCUS;
	return true;
}

bool cmd_kill(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a;
	struct client *c = model_focused(&wm->model);
	if (!c) {
		snprintf(err, len, "no window is focused");
		return false;
	}
	c->kill_wanted = true;
	wm->model.dirty |= DIRTY_FOCUS;
	return true;
}

bool cmd_spawn(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)wm;
	if (!spawn(a->rest)) {
		snprintf(err, len, "spawn: could not start '%.64s'", a->rest);
		return false;
	}
	return true;
}

bool cmd_restart(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a, (void)err, (void)len;
	wm->exit = WM_RESTART;
	return true;
}

bool cmd_quit(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a, (void)err, (void)len;
	wm->exit = WM_QUIT;
	return true;
}

/* bind MODS+KEY COMMAND...: the command is kept as written, checked now. */
bool cmd_bind(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct binding b = {0};
	if (!key_parse(a->argv[0], &b.mods, &b.keysym, err, len))
		return false;
	const struct words *w = a->words;
	const char *command = a->rest + (w->col[2] - w->col[1]);
	if (!command_find(a->argv[1])) {
		snprintf(err, len, "bind: unknown command '%.64s'", a->argv[1]);
		return false;
	}
	struct binding *grown =
	    realloc(wm->bindings, (wm->nbindings + 1) * sizeof(*grown));
	if (!grown || !(b.command = strdup(command))) {
		if (grown)
			wm->bindings = grown;
		snprintf(err, len, "out of memory");
		return false;
	}
	wm->bindings = grown;
	/* A later binding of the same key replaces the earlier one. */
	for (size_t i = 0; i < wm->nbindings; i++) {
		if (grown[i].mods == b.mods && grown[i].keysym == b.keysym) {
			free(grown[i].command);
			grown[i] = b;
			wm->bindings_dirty = true;
			return true;
		}
	}
	wm->bindings[wm->nbindings++] = b;
	wm->bindings_dirty = true;
	return true;
}

/* set $NAME VALUE: VALUE is the rest of the line, as written. */
bool cmd_set(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	const char *name = a->argv[0];
	if (name[0] != '$' || !name[1]) {
		snprintf(err, len, "set: variable names start with $ ('%.64s')",
			 name);
		return false;
	}
	const char *value = a->rest + (a->words->col[2] - a->words->col[1]);
	for (size_t i = 0; i < wm->nvars; i++) {
		if (strcmp(wm->vars[i].name, name + 1) == 0) {
			char *v = strdup(value);
			if (!v)
				return false;
			free(wm->vars[i].value);
			wm->vars[i].value = v;
			return true;
		}
	}
	struct variable *grown =
	    realloc(wm->vars, (wm->nvars + 1) * sizeof(*grown));
	if (!grown)
		return false;
	wm->vars = grown;
	struct variable v = {strdup(name + 1), strdup(value)};
	if (!v.name || !v.value) {
		free(v.name);
		free(v.value);
		snprintf(err, len, "out of memory");
		return false;
	}
	wm->vars[wm->nvars++] = v;
	return true;
}
