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
	model_want_close(&wm->model, c, false);
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
	model_want_close(&wm->model, c, true);
	return true;
}

bool cmd_spawn(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)wm;
	const char *text = command_shell_text(a);
	if (!spawn(text)) {
		snprintf(err, len, "spawn: could not start '%.64s'", text);
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

/* Remember `mode NAME` for the end of the file: modes are usually
 * defined after the key that enters them. */
static bool note_mode_ref(struct config *c, const char *name, int col)
{
	struct mode_ref *grown =
	    realloc(c->mode_refs, (c->nmode_refs + 1) * sizeof(*grown));
	if (!grown)
		return false;
	c->mode_refs = grown;
	grown[c->nmode_refs++] = (struct mode_ref){
	    strdup(name), strdup(c->parse_file ? c->parse_file : "?"),
	    c->parse_line, c->parse_map ? c->parse_map[col] + 1 : col + 1};
	return true;
}

static bool mode_exists(const struct config *c, const char *name)
{
	for (size_t m = 0; m < c->nmodes; m++)
		if (!strcmp(c->modes[m].name, name))
			return true;
	return false;
}

bool bound_command_ok(struct wm *wm, const char *command, int at, int *err_col,
		      char *err, size_t len)
{
	int col = 0;
	if (!command_check(wm->target, command, err, len, &col)) {
		*err_col = at + col;
		return false;
	}
	struct words w;
	if (words_split(command, &w, err, len, &col) < 0)
		return false;
	bool ok = true;
	if (w.n == 2 && !strcmp(w.w[0], "mode")) {
		if (wm->target != &wm->cfg)
			ok = note_mode_ref(wm->target, w.w[1], at + w.col[1]);
		else if (!(ok = mode_exists(wm->target, w.w[1]))) {
			snprintf(err, len, "mode: no mode called '%.64s'",
				 w.w[1]);
			*err_col = at + w.col[1];
		}
	}
	words_free(&w);
	return ok;
}

/* bind MODS+KEY COMMAND...: into the mode being defined; the command is
 * kept as written and its name checked now. */
bool cmd_bind(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct binding b = {0};
	if (!key_parse(a->argv[0], &b.mods, &b.keysym, err, len))
		return false;
	if (!command_find(a->argv[1])) {
		command_unknown(a->argv[1], "bind: ", err, len);
		*a->err_col = a->words->col[2];
		return false;
	}
	const char *command = a->rest + (a->words->col[2] - a->words->col[1]);
	if (!bound_command_ok(wm, command, a->words->col[2], a->err_col, err,
			      len))
		return false;
	struct mode *m = &wm->target->modes[wm->target->cur_mode];
	/* A later binding of the same key replaces the earlier one. */
	size_t i = 0;
	while (i < m->nbindings && (m->bindings[i].mods != b.mods ||
				    m->bindings[i].keysym != b.keysym))
		i++;
	b.command = strdup(command);
	struct binding *grown =
	    i < m->nbindings ? m->bindings
			     : realloc(m->bindings, (i + 1) * sizeof(*grown));
	if (!b.command || !grown) {
		free(b.command);
		snprintf(err, len, "out of memory");
		return false;
	}
	m->bindings = grown;
	if (i < m->nbindings)
		free(grown[i].command);
	else
		m->nbindings++;
	grown[i] = b;
	wm->bindings_dirty = true;
	return true;
}

/* set $NAME VALUE: VALUE is the rest of the line as written. */
bool cmd_set(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct config *c = wm->target;
	const char *name = a->argv[0];
	if (name[0] != '$' || !name[1]) {
		snprintf(err, len, "set: a variable is $ and a name, as $mod");
		return false;
	}
	char *value = strdup(a->rest + (a->words->col[2] - a->words->col[1]));
	size_t i = 0;
	while (i < c->nvars && strcmp(c->vars[i].name, name + 1) != 0)
		i++;
	struct variable *grown =
	    i < c->nvars ? c->vars : realloc(c->vars, (i + 1) * sizeof(*grown));
	char *key = i < c->nvars ? NULL : strdup(name + 1);
	if (!value || !grown || (i == c->nvars && !key)) {
		free(value);
		free(key);
		snprintf(err, len, "out of memory");
		return false;
	}
	c->vars = grown;
	if (i < c->nvars) {
		free(grown[i].value);
		grown[i].value = value;
	} else {
		grown[c->nvars++] = (struct variable){key, value};
	}
	return true;
}

/* mode NAME: the bindings of that mode are live until it is left. */
bool cmd_mode(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	for (size_t m = 0; m < wm->cfg.nmodes; m++) {
		if (!strcmp(wm->cfg.modes[m].name, a->argv[0])) {
			wm->mode = m;
			wm->bindings_dirty = true;
			wm->model.dirty |= DIRTY_BAR;
			return true;
		}
	}
	snprintf(err, len, "mode: no mode called '%.64s'", a->argv[0]);
	return false;
}

bool cmd_reload(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a, (void)err, (void)len;
	wm->reload_wanted = true;
	return true;
}
