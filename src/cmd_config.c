/* cmd_config.c: config statements; they write to wm->target, the config
 * being parsed or (at run time) the live one. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "keyparse.h"
#include "layout.h"
#include "spawn.h"
#include "wm.h"

/* At run time a changed setting shows at once; while parsing this only
 * touches the scratch model. */
static void settings_changed(struct wm *wm)
{
	wm->model.dirty |= DIRTY_ARRANGE | DIRTY_FOCUS | DIRTY_BAR;
}

static bool parse_int(const char *s, int min, int max, int *out, char *err,
		      size_t len, const char *what)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max) {
		snprintf(err, len,
			 "%s: '%.64s' is not a whole number in %d..%d", what, s,
			 min, max);
		return false;
	}
	*out = (int)v;
	return true;
}

static bool parse_bool(const char *s, bool *out, char *err, size_t len,
		       const char *what)
{
	static const char *const yes[] = {"yes", "on", "true", "1"};
	static const char *const no[] = {"no", "off", "false", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (!strcmp(s, yes[i]) || !strcmp(s, no[i])) {
			*out = !strcmp(s, yes[i]);
			return true;
		}
	}
	snprintf(err, len, "%s: '%.64s' is not yes or no", what, s);
	return false;
}

bool cmd_border_width(struct wm *wm, const struct cmd_args *a, char *err,
		      size_t len)
{
	int v;
	if (!parse_int(a->argv[0], 0, 100, &v, err, len, "border_width"))
		return false;
	wm->target->settings.border_width = v;
	settings_changed(wm);
	return true;
}

bool cmd_color(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct settings *s = &wm->target->settings;
	uint32_t *slot = !strcmp(a->argv[0], "focused")	 ? &s->color_focused
			 : !strcmp(a->argv[0], "normal") ? &s->color_normal
			 : !strcmp(a->argv[0], "urgent") ? &s->color_urgent
							 : NULL;
	if (!slot) {
		snprintf(err, len,
			 "color: '%.64s' is not focused, normal or urgent",
			 a->argv[0]);
		return false;
	}
	if (!color_parse(a->argv[1], slot)) {
		snprintf(err, len, "color: '%.64s' is not #rrggbb or #rrggbbaa",
			 a->argv[1]);
		*a->err_col = a->words->col[2];
		return false;
	}
	settings_changed(wm);
	return true;
}

bool cmd_font(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct settings *s = &wm->target->settings;
	if (!a->argv[0][0] || strlen(a->argv[0]) >= sizeof(s->font)) {
		snprintf(err, len,
			 "font: give a font description of 1..%zu "
			 "bytes, like \"DejaVu Sans 10\"",
			 sizeof(s->font) - 1);
		return false;
	}
	snprintf(s->font, sizeof(s->font), "%s", a->argv[0]);
	settings_changed(wm);
	return true;
}

bool cmd_gaps(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct settings *s = &wm->target->settings;
	int *slot = !strcmp(a->argv[0], "inner")   ? &s->gap_inner
		    : !strcmp(a->argv[0], "outer") ? &s->gap_outer
						   : NULL;
	if (!slot) {
		snprintf(err, len, "gaps: '%.64s' is not inner or outer",
			 a->argv[0]);
		return false;
	}
	*a->err_col = a->words->col[2];
	if (!parse_int(a->argv[1], 0, 500, slot, err, len, "gaps"))
		return false;
	settings_changed(wm);
	return true;
}

#define BOOL_SETTING(fn, field, name)                                          \
	bool fn(struct wm *wm, const struct cmd_args *a, char *err,            \
		size_t len)                                                    \
	{                                                                      \
		if (!parse_bool(a->argv[0], &wm->target->settings.field, err,  \
				len, name))                                    \
			return false;                                          \
		settings_changed(wm);                                          \
		return true;                                                   \
	}

BOOL_SETTING(cmd_smart_gaps, smart_gaps, "smart_gaps")
BOOL_SETTING(cmd_smart_borders, smart_borders, "smart_borders")
BOOL_SETTING(cmd_focus_follows_mouse, focus_follows_mouse,
	     "focus_follows_mouse")
BOOL_SETTING(cmd_mouse_warps, mouse_warps, "mouse_warps")

bool cmd_default_layout(struct wm *wm, const struct cmd_args *a, char *err,
			size_t len)
{
	int i = layout_index(a->argv[0]);
	if (i < 0) {
		snprintf(err, len, "default_layout: unknown layout '%.64s'",
			 a->argv[0]);
		return false;
	}
	wm->target->tag_default.layout = i;
	return true;
}

bool cmd_default_mfact(struct wm *wm, const struct cmd_args *a, char *err,
		       size_t len)
{
	char *end;
	errno = 0;
	double v = strtod(a->argv[0], &end);
	if (errno || end == a->argv[0] || *end || !(v >= 0.05 && v <= 0.95)) {
		snprintf(err, len,
			 "default_mfact: '%.64s' is not a number in "
			 "0.05..0.95",
			 a->argv[0]);
		return false;
	}
	wm->target->tag_default.mfact = (float)v;
	return true;
}

bool cmd_default_nmaster(struct wm *wm, const struct cmd_args *a, char *err,
			 size_t len)
{
	return parse_int(a->argv[0], 0, 64, &wm->target->tag_default.nmaster,
			 err, len, "default_nmaster");
}

/* A tag by number or by a name from the config being written. */
static int tag_index(const struct config *c, const char *s)
{
	for (int i = 0; i < c->ntags; i++)
		if (!strcmp(s, c->tag_names[i]))
			return i;
	char *end;
	long n = strtol(s, &end, 10);
	return *s && !*end && n >= 1 && n <= c->ntags ? (int)n - 1 : -1;
}

bool cmd_tag_layout(struct wm *wm, const struct cmd_args *a, char *err,
		    size_t len)
{
	int t = tag_index(wm->target, a->argv[0]);
	int l = layout_index(a->argv[1]);
	if (t < 0) {
		snprintf(err, len, "tag_layout: unknown tag '%.64s'",
			 a->argv[0]);
		return false;
	}
	if (l < 0) {
		snprintf(err, len, "tag_layout: unknown layout '%.64s'",
			 a->argv[1]);
		*a->err_col = a->words->col[2];
		return false;
	}
	wm->target->tag_layout[t] = l;
	return true;
}

static bool tag_name_ok(const struct cmd_args *a, int i, char *err, size_t len)
{
	const char *name = a->argv[i];
	*a->err_col = a->words->col[i + 1];
	if (!name[0] || strlen(name) >= CTILE_TAG_NAME_MAX) {
		snprintf(err, len, "tags: a name has 1..%d bytes",
			 CTILE_TAG_NAME_MAX - 1);
		return false;
	}
	if (!strcmp(name, "all") || !strcmp(name, "previous")) {
		snprintf(err, len, "tags: '%s' is a word of its own in `view`",
			 name);
		return false;
	}
	for (int j = 0; j < i; j++) {
		if (!strcmp(name, a->argv[j])) {
			snprintf(err, len, "tags: '%.64s' is named twice",
				 name);
			return false;
		}
	}
	return true;
}

bool cmd_tags(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	for (int i = 0; i < a->argc; i++)
		if (!tag_name_ok(a, i, err, len))
			return false;
	struct config *c = wm->target;
	c->ntags = a->argc;
	for (int i = 0; i < CTILE_MAX_TAGS; i++)
		snprintf(c->tag_names[i], CTILE_TAG_NAME_MAX, "%s",
			 i < a->argc ? a->argv[i] : "");
	/* Later lines (and key presses) name tags by these names. */
	model_set_ntags(&wm->model, c->ntags);
	memcpy(wm->model.tag_names, c->tag_names, sizeof(c->tag_names));
	return true;
}

static bool append_string(char ***v, size_t *n, const char *s)
{
	char **grown = realloc(*v, (*n + 1) * sizeof(**v));
	if (!grown)
		return false;
	*v = grown;
	return (grown[*n] = strdup(s)) && ++*n;
}

/* Bound to a key (at run time), exec runs at once, as i3 users expect. */
static bool exec_now(const struct cmd_args *a, char *err, size_t len)
{
	const char *text = command_shell_text(a);
	if (spawn(text))
		return true;
	snprintf(err, len, "exec: could not start '%.64s'", text);
	return false;
}

bool cmd_exec(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	struct config *c = wm->target;
	if (c == &wm->cfg)
		return exec_now(a, err, len);
	if (append_string(&c->exec, &c->nexec, command_shell_text(a)))
		return true;
	snprintf(err, len, "out of memory");
	return false;
}

bool cmd_exec_always(struct wm *wm, const struct cmd_args *a, char *err,
		     size_t len)
{
	struct config *c = wm->target;
	if (c == &wm->cfg)
		return exec_now(a, err, len);
	if (append_string(&c->exec_always, &c->nexec_always,
			  command_shell_text(a)))
		return true;
	snprintf(err, len, "out of memory");
	return false;
}

/* mouse MODS+ButtonN ACTION: ButtonN is Button1..Button9. */
bool cmd_mouse(struct wm *wm, const struct cmd_args *a, char *err, size_t len)
{
	uint16_t mods;
	const char *spec = a->argv[0], *button;
	if (!key_parse_mods(spec, &mods, &button, err, len))
		return false;
	if (strncmp(button, "Button", 6) != 0 || !button[6] || button[7] ||
	    button[6] < '1' || button[6] > '9') {
		snprintf(err, len,
			 "mouse: '%.64s' does not end in Button1.."
			 "Button9",
			 spec);
		return false;
	}
	if (!mods) {
		snprintf(err, len,
			 "mouse: '%.64s' needs a modifier, or every "
			 "click on a window would be taken",
			 spec);
		return false;
	}
	const char *action = a->rest + (a->words->col[2] - a->words->col[1]);
	bool drag =
	    !strcmp(a->argv[1], "move") || !strcmp(a->argv[1], "resize");
	if (!drag && !command_find(a->argv[1])) {
		snprintf(err, len, "mouse: unknown command '%.64s'",
			 a->argv[1]);
		*a->err_col = a->words->col[2];
		return false;
	}
	if (!drag && !bound_command_ok(wm, action, a->words->col[2], a->err_col,
				       err, len))
		return false;
	struct config *c = wm->target;
	struct mouse_binding *grown =
	    realloc(c->mouse, (c->nmouse + 1) * sizeof(*grown));
	char *command = strdup(action);
	if (!grown || !command) {
		free(command);
		if (grown)
			c->mouse = grown;
		snprintf(err, len, "out of memory");
		return false;
	}
	c->mouse = grown;
	c->mouse[c->nmouse++] =
	    (struct mouse_binding){mods, (uint8_t)(button[6] - '0'), command};
	return true;
}
