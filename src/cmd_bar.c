/* cmd_bar.c: the `bar` statement: its look, its widgets, and showing it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bar.h"
#include "command.h"
#include "widget.h"
#include "wm.h"

static bool push_arg(struct widget_spec *w, const char *word, size_t eq)
{
	char **k = realloc(w->keys, (w->nargs + 1) * sizeof(*k));
	if (k)
		w->keys = k;
	char **v = realloc(w->values, (w->nargs + 1) * sizeof(*v));
	if (v)
		w->values = v;
	if (!k || !v)
		return false;
	w->keys[w->nargs] = strndup(word, eq);
	w->values[w->nargs] = strdup(word + eq + 1);
	return w->keys[w->nargs] && w->values[w->nargs++];
}

/* The widget's own checks of its options (widget_check); the error's
 * column is that of the option at fault, else of the widget's name. Its
 * options are the words after its name: word names the name. */
static bool check_widget(const struct widget_spec *w, const struct cmd_args *a,
			 int word, char *err, size_t len)
{
	const struct widget_ops *ops = widget_find(w->name);
	*a->err_col = a->words->col[word];
	if (!ops) {
		snprintf(err, len, "bar: unknown widget '%.64s'", w->name);
		return false;
	}
	struct widget_args args = {w->nargs, w->keys, w->values, NULL};
	long at;
	char *why = widget_check(ops, &args, &at);
	if (!why)
		return true;
	if (at >= 0)
		*a->err_col = a->words->col[word + 1 + at];
	snprintf(err, len, "bar: %s: %s", w->name, why);
	free(why);
	return false;
}

/* bar left|center|right WIDGET [key=value]... [WIDGET ...]... */
static bool parse_side(struct wm *wm, const struct cmd_args *a, int side,
		       char *err, size_t len)
{
	struct bar_config *b = &wm->target->bar;
	struct widget_spec *list = NULL;
	size_t n = 0;
	int words[WORDS_MAX]; /* each widget's name, as a word of the line */
	bool ok = true;
	for (int i = 1; i < a->argc && ok; i++) {
		const char *word = a->argv[i], *eq = strchr(word, '=');
		*a->err_col = a->words->col[i + 1];
		if (!eq) {
			struct widget_spec *grown =
			    realloc(list, (n + 1) * sizeof(*grown));
			ok = grown != NULL;
			if (ok) {
				list = grown;
				words[n] = i + 1;
				list[n++] =
				    (struct widget_spec){.name = strdup(word)};
			}
		} else if (!n) {
			snprintf(err, len,
				 "bar: option '%.64s' before any "
				 "widget",
				 word);
			ok = false;
		} else {
			ok = push_arg(&list[n - 1], word, (size_t)(eq - word));
		}
	}
	for (size_t i = 0; ok && i < n; i++)
		ok = check_widget(&list[i], a, words[i], err, len);
	if (!ok) {
		for (size_t i = 0; i < n; i++)
			widget_spec_free(&list[i]);
		free(list);
		return false;
	}
	for (size_t i = 0; i < b->nwidgets[side]; i++)
		widget_spec_free(&b->widgets[side][i]);
	free(b->widgets[side]);
	b->widgets[side] = list;
	b->nwidgets[side] = n;
	return true;
}

static int side_of(const char *s)
{
	return !strcmp(s, "left")     ? BAR_LEFT
	       : !strcmp(s, "center") ? BAR_CENTER
	       : !strcmp(s, "right")  ? BAR_RIGHT
				      : -1;
}

static bool set_look(struct wm *wm, const struct cmd_args *a, char *err,
		     size_t len)
{
	struct bar_config *b = &wm->target->bar;
	const char *what = a->argv[0], *v = a->argc > 1 ? a->argv[1] : "";
	*a->err_col = a->argc > 1 ? a->words->col[2] : a->words->col[1];
	if (!strcmp(what, "position") && a->argc == 2 &&
	    (!strcmp(v, "top") || !strcmp(v, "bottom"))) {
		b->bottom = !strcmp(v, "bottom");
	} else if (!strcmp(what, "height") && a->argc == 2) {
		char *end;
		long h = strtol(v, &end, 10);
		if (!strcmp(v, "auto"))
			h = 0, end = "";
		if (*end || h < 0 || h > 200 || end == v) {
			snprintf(err, len,
				 "bar height: '%.64s' is not auto "
				 "or 0..200",
				 v);
			return false;
		}
		b->height = (int)h;
	} else if (!strcmp(what, "font") && a->argc == 2 &&
		   strlen(v) < sizeof(b->font)) {
		snprintf(b->font, sizeof(b->font), "%s", v);
	} else if (!strcmp(what, "color") && a->argc == 3) {
		int c = 0;
		while (c < BAR_NCOLORS && strcmp(bar_color_names[c], v))
			c++;
		if (c == BAR_NCOLORS) {
			snprintf(err, len, "bar color: unknown colour '%.64s'",
				 v);
			return false;
		}
		*a->err_col = a->words->col[3];
		if (!color_parse(a->argv[2], &b->colors[c])) {
			snprintf(err, len,
				 "bar color: '%.64s' is not #rrggbb "
				 "or #rrggbbaa",
				 a->argv[2]);
			return false;
		}
	} else {
		*a->err_col = a->words->col[1];
		snprintf(err, len,
			 "bar: usage: bar position top|bottom, bar "
			 "height N|auto, bar font \"FONT\", bar "
			 "color NAME #RRGGBB, bar left|center|right "
			 "WIDGET..., bar toggle|show|hide");
		return false;
	}
	return true;
}

bool cmd_bar(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	const char *what = a->argv[0];
	int side = side_of(what);
	bool runtime = wm->target == &wm->cfg;
	if (!strcmp(what, "toggle") || !strcmp(what, "show") ||
	    !strcmp(what, "hide")) {
		if (!runtime) {
			snprintf(err, len,
				 "bar %s: a command, not a config "
				 "statement (bind it to a key)",
				 what);
			return false;
		}
		if (a->argc != 1) {
			snprintf(err, len, "bar %s takes no argument", what);
			return false;
		}
		bar_show(wm, what[0] == 't' ? -1 : what[0] == 's');
		return true;
	}
	bool ok = side >= 0 ? parse_side(wm, a, side, err, len)
			    : set_look(wm, a, err, len);
	if (ok && runtime)
		wm->bars_outdated = true;
	return ok;
}
