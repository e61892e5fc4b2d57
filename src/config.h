/* config.h: the user's configuration, parsed aside and swapped in whole. */
#ifndef CTILE_CONFIG_H
#define CTILE_CONFIG_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"

struct wm;

struct settings {
	int border_width;
	uint32_t color_focused, color_normal, color_urgent; /* 0xAARRGGBB */
	int gap_inner, gap_outer;
	bool smart_gaps;    /* no gaps around a lone window */
	bool smart_borders; /* no border on a lone window */
	bool focus_follows_mouse;
	bool mouse_warps; /* the pointer follows keyboard focus changes */
	char font[128];	  /* a pango font description, for the bar */
};

/* A key binding: modifiers (X mask bits), a keysym and its command. */
struct binding {
	uint16_t mods;
	uint32_t keysym;
	char *command; /* owned */
};

/* A named set of bindings; "default" is always modes[0]. */
struct mode {
	char *name;
	bool oneshot; /* back to default after one binding (a key chain) */
	struct binding *bindings;
	size_t nbindings;
};

struct mouse_binding {
	uint16_t mods;
	uint8_t button;
	char *command; /* "move", "resize", or any command */
};

struct variable {
	char *name; /* without the $ */
	char *value;
};

enum rule_field {
	RULE_CLASS,
	RULE_INSTANCE,
	RULE_TITLE,
	RULE_ROLE,
	RULE_NFIELDS
};

/* rule MATCH... ACTION...: every matching rule applies, in file order. */
struct rule {
	regex_t re[RULE_NFIELDS];
	bool has[RULE_NFIELDS];
	int type;	/* enum window_type to match, -1: any */
	tagmask tags;	/* 0: unset */
	int floating;	/* -1 unset, 0 or 1 */
	int fullscreen; /* -1 unset, 0 or 1 */
	int monitor;	/* -1 unset, else index */
	int focus;	/* -1 unset, 0 or 1 */
	int above;	/* -1 unset, 0 or 1 */
};

/* A widget as the config names it: its type and its key=value options. */
struct widget_spec {
	char *name;
	size_t nargs;
	char **keys, **values;
};

enum bar_side { BAR_LEFT, BAR_CENTER, BAR_RIGHT, BAR_SIDES };

enum bar_color {
	BAR_BACKGROUND,
	BAR_FOREGROUND,
	BAR_DIM,
	BAR_FOCUSED_BACKGROUND,
	BAR_FOCUSED_FOREGROUND,
	BAR_URGENT_BACKGROUND,
	BAR_URGENT_FOREGROUND,
	BAR_NCOLORS
};
extern const char *const bar_color_names[BAR_NCOLORS];

struct bar_config {
	bool bottom;
	int height;	/* pixels at 96 dpi; 0: from the font */
	char font[128]; /* empty: settings.font */
	uint32_t colors[BAR_NCOLORS];
	struct widget_spec *widgets[BAR_SIDES];
	size_t nwidgets[BAR_SIDES];
};

/* A `mode NAME` in a binding, checked once the whole file is read. */
struct mode_ref {
	char *name, *file;
	int line, col;
};

struct config {
	struct settings settings;
	struct bar_config bar;
	struct mode *modes; /* modes[0]: "default" */
	size_t nmodes;
	size_t cur_mode; /* while parsing: the mode { } being defined */
	struct mouse_binding *mouse;
	size_t nmouse;
	struct rule *rules;
	size_t nrules;
	struct variable *vars;
	size_t nvars;
	int ntags;
	char tag_names[CTILE_MAX_TAGS][CTILE_TAG_NAME_MAX];
	struct tag_state tag_default;
	int tag_layout[CTILE_MAX_TAGS]; /* -1: the default layout */
	char **exec, **exec_always;	/* owned command lines */
	size_t nexec, nexec_always;
	/* While parsing: where the statement being run comes from, and the
	 * modes that bindings name before they are defined. */
	const char *parse_file;
	int parse_line;
	const int *parse_map; /* column in the expanded line -> as written */
	struct mode_ref *mode_refs;
	size_t nmode_refs;
};

struct config_error {
	char *file, *message, *text; /* text: the offending line */
	int line, col;		     /* 1-based; col 0: the whole line */
};

struct config_errors {
	struct config_error *v;
	size_t n;
};

/* The built-in default: config/config compiled in (build/default_config.c). */
extern const char ctile_default_config[];

void config_init(struct config *c);
void widget_spec_free(struct widget_spec *w);
/* #rrggbb or #rrggbbaa, as 0xAARRGGBB; false if it is neither. */
bool color_parse(const char *s, uint32_t *out);
void config_finish(struct config *c);

/* Parse text as if read from file name (includes are relative to it).
 * Never touches X. Appends to errs; returns how many it appended. */
int config_parse_text(struct config *c, const char *text, size_t len,
		      const char *name, struct config_errors *errs);
int config_parse_file(struct config *c, const char *path,
		      struct config_errors *errs);

/* Which file to read: cli_path, $XDG_CONFIG_HOME/ctile/config, the first
 * ctile/config in $XDG_CONFIG_DIRS; NULL: the built-in default. */
char *config_find(const char *cli_path);

/* Parse the config ctile should run: path (NULL: built-in) into c. */
int config_load(struct config *c, const char *path, struct config_errors *errs);

/* "FILE:LINE:COL: message", the line, and a caret under the column. */
void config_errors_print(const struct config_errors *e, FILE *out);
void config_errors_clear(struct config_errors *e);

/* Copy line to out with every defined $variable replaced by its value
 * (longest name first); the name after `set` is left alone. */
bool config_expand(const struct config *c, const char *line, char *out,
		   size_t len);

#endif
