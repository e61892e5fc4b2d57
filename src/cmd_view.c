/* cmd_view.c: commands on views, tags, layouts and focus order. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "layout.h"
#include "wm.h"

/* TAG is a number 1..ntags or a tag's name; "all" when allow_all. */
static bool parse_tag(const struct model *m, const char *s, bool allow_all,
		      tagmask *out, char *err, size_t len)
{
	if (allow_all && strcmp(s, "all") == 0) {
		*out = model_all_tags(m);
		return true;
	}
	for (int i = 0; i < m->ntags; i++) {
		if (strcmp(s, m->tag_names[i]) == 0) {
			*out = (tagmask)1 << i;
			return true;
		}
	}
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (!errno && *s && !*end && n >= 1 && n <= m->ntags) {
		*out = (tagmask)1 << (n - 1);
		return true;
	}
	snprintf(err, len,
		 "unknown tag '%.64s' (tags are 1..%d or their names)", s,
		 m->ntags);
	return false;
}

static struct client *focused_or_error(struct wm *wm, char *err, size_t len)
{
	struct client *c = model_focused(&wm->model);
	if (!c)
		snprintf(err, len, "no window is focused");
	return c;
}

bool cmd_view(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct model *m = &wm->model;
	const char *what = a->argv[0];
	if (strcmp(what, "previous") == 0) {
		model_view_previous(m, m->selmon);
		return true;
	}
	/* Cycling through the tags, as awesome's Mod4+Left and Right do. */
	if (strcmp(what, "next") == 0 || strcmp(what, "prev") == 0) {
		model_view_step(m, m->selmon, what[0] == 'n' ? 1 : -1);
		return true;
	}
	tagmask mask;
	if (!parse_tag(m, a->argv[0], true, &mask, err, len))
		return false;
	model_view(m, m->selmon, mask);
	return true;
}

bool cmd_toggleview(struct wm *wm, const struct cmd_args *a, char *err,
		    size_t len)
{
	tagmask mask;
	if (!parse_tag(&wm->model, a->argv[0], false, &mask, err, len))
		return false;
	if (!model_toggleview(&wm->model, wm->model.selmon, mask)) {
		snprintf(err, len, "toggleview: the view would show no tag");
		return false;
	}
	return true;
}

bool cmd_tag(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	tagmask mask;
	if (!parse_tag(&wm->model, a->argv[0], true, &mask, err, len))
		return false;
	struct client *c = focused_or_error(wm, err, len);
	return c && model_set_tags(&wm->model, c, mask);
}

bool cmd_toggletag(struct wm *wm, const struct cmd_args *a, char *err,
		   size_t len)
{
	tagmask mask;
	if (!parse_tag(&wm->model, a->argv[0], false, &mask, err, len))
		return false;
	struct client *c = focused_or_error(wm, err, len);
	if (!c)
		return false;
	if (!model_toggletag(&wm->model, c, mask)) {
		snprintf(err, len,
			 "toggletag: a window keeps at least one tag");
		return false;
	}
	return true;
}

bool cmd_layout(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct tag_state *ts = monitor_tag_state(wm->model.selmon);
	const char *name = a->argv[0];
	int n = (int)layout_count, i;
	if (strcmp(name, "next") == 0)
		i = (ts->layout + 1) % n;
	else if (strcmp(name, "prev") == 0)
		i = (ts->layout + n - 1) % n;
	else if ((i = layout_index(name)) < 0) {
		snprintf(err, len, "unknown layout '%.64s'", name);
		return false;
	}
	ts->layout = i;
	wm->model.dirty |= DIRTY_ARRANGE | DIRTY_VIEW | DIRTY_BAR;
	return true;
}

/* "+0.05"/"-2" change the current value, a bare number replaces it. */
static bool parse_change(const char *s, double current, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v))
		return false;
	*out = (s[0] == '+' || s[0] == '-') ? current + v : v;
	return true;
}

bool cmd_mfact(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct tag_state *ts = monitor_tag_state(wm->model.selmon);
	double v;
	if (!parse_change(a->argv[0], ts->mfact, &v)) {
		snprintf(err, len, "mfact: '%.64s' is not a number",
			 a->argv[0]);
		return false;
	}
	if (v < 0.05 - 1e-6 || v > 0.95 + 1e-6) {
		if (a->argv[0][0] == '+' || a->argv[0][0] == '-')
			return true; /* at the limit already: nothing to do */
		snprintf(err, len, "mfact: %.64s is outside 0.05..0.95",
			 a->argv[0]);
		return false;
	}
	ts->mfact = (float)v;
	wm->model.dirty |= DIRTY_ARRANGE | DIRTY_VIEW;
	return true;
}

bool cmd_nmaster(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct tag_state *ts = monitor_tag_state(wm->model.selmon);
	double v;
	if (!parse_change(a->argv[0], ts->nmaster, &v) || v != floor(v)) {
		snprintf(err, len, "nmaster: '%.64s' is not a whole number",
			 a->argv[0]);
		return false;
	}
	/* Mod4+i past the windows there are changes nothing but the count
	 * Mod4+d must undo (awesome stops there too). */
	int tiled = 0;
	for (struct client *c = wm->model.selmon->clients; c; c = c->next)
		tiled += client_tiled(c);
	if (a->argv[0][0] == '+' && v > ts->nmaster && v > tiled)
		v = ts->nmaster > tiled ? ts->nmaster : tiled;
	if (v > 64)
		v = 64;
	ts->nmaster = v < 0 ? 0 : (int)v;
	wm->model.dirty |= DIRTY_ARRANGE | DIRTY_VIEW;
	return true;
}

static bool parse_dir(const char *s, int *dir, char *err, size_t len)
{
	if (strcmp(s, "next") == 0)
		*dir = 1;
	else if (strcmp(s, "prev") == 0)
		*dir = -1;
	else {
		snprintf(err, len, "'%.64s' is not next or prev", s);
		return false;
	}
	return true;
}

/* awesome's Mod4+Tab: back to the window focused before this one, in
 * view on the monitor. */
static bool focus_last(struct model *m, char *err, size_t len)
{
	struct monitor *mon = m->selmon;
	for (struct client *c = mon->stack; c; c = c->snext)
		if (c != mon->focus && client_visible(c)) {
			model_focus(m, c);
			return true;
		}
	snprintf(err, len, "no other window in view");
	return false;
}

bool cmd_focus(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	int dir;
	if (strcmp(a->argv[0], "last") == 0)
		return focus_last(&wm->model, err, len);
	if (strcmp(a->argv[0], "urgent") != 0) {
		if (!parse_dir(a->argv[0], &dir, err, len)) {
			snprintf(err, len,
				 "'%.64s' is not next, prev, last or urgent",
				 a->argv[0]);
			return false;
		}
		model_focus_dir(&wm->model, dir);
		return true;
	}
	/* Jump to the window asking for attention, wherever it is. */
	struct client *c = model_latest_urgent(&wm->model);
	if (!c) {
		snprintf(err, len, "no window is urgent");
		return false;
	}
	model_activate(&wm->model, c);
	return true;
}

bool cmd_swap(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	int dir;
	if (!parse_dir(a->argv[0], &dir, err, len))
		return false;
	model_swap_dir(&wm->model, dir);
	return true;
}

bool cmd_zoom(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a, (void)err, (void)len;
	model_zoom(&wm->model);
	return true;
}

/* toggle (the default), on or off: what the switch becomes from now. */
static bool parse_switch(const struct cmd_args *a, const char *what, bool now,
			 bool *on, char *err, size_t len)
{
	const char *how = a->argc ? a->argv[0] : "toggle";
	if (strcmp(how, "toggle") == 0)
		*on = !now;
	else if (strcmp(how, "on") == 0)
		*on = true;
	else if (strcmp(how, "off") == 0)
		*on = false;
	else {
		snprintf(err, len, "%s: '%.64s' is not toggle, on or off", what,
			 how);
		return false;
	}
	return true;
}

bool cmd_floating(struct wm *wm, const struct cmd_args *a, char *err,
		  size_t len)
{
	struct client *c = focused_or_error(wm, err, len);
	bool on;
	if (!c || !parse_switch(a, "floating", c->floating, &on, err, len))
		return false;
	model_set_floating(&wm->model, c, on);
	c->tags_dirty = true; /* the floating state is saved with the tags */
	wm->model.dirty |= DIRTY_TAGS;
	return true;
}

bool cmd_above(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct client *c = focused_or_error(wm, err, len);
	bool on;
	if (!c || !parse_switch(a, "above", c->above, &on, err, len))
		return false;
	model_set_above(&wm->model, c, on);
	return true;
}

bool cmd_minimize(struct wm *wm, const struct cmd_args *a, char *err,
		  size_t len)
{
	(void)a;
	struct client *c = focused_or_error(wm, err, len);
	if (c)
		model_set_minimized(&wm->model, c, true);
	return c != NULL;
}

/* awesome's Mod4+Control+n: the window minimized last comes back, with
 * the focus. */
bool cmd_restore(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	(void)a;
	struct client *c = model_last_minimized(wm->model.selmon);
	if (!c) {
		snprintf(err, len, "no window is minimized in this view");
		return false;
	}
	model_activate(&wm->model, c);
	return true;
}

bool cmd_fullscreen(struct wm *wm, const struct cmd_args *a, char *err,
		    size_t len)
{
	struct client *c = focused_or_error(wm, err, len);
	bool on;
	if (!c || !parse_switch(a, "fullscreen", c->fullscreen, &on, err, len))
		return false;
	model_set_fullscreen(&wm->model, c, on);
	return true;
}
