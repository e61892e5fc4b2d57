/* wm.h: all of ctile's state in one struct, passed explicitly everywhere. */
#ifndef CTILE_WM_H
#define CTILE_WM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct settings {
	int border_width;
	uint32_t color_focused, color_normal, color_urgent; /* 0xRRGGBB */
	int gap_inner, gap_outer;
	bool focus_follows_mouse;
};

/* A key binding as written: modifiers (X mask bits) and a keysym. */
struct binding {
	uint16_t mods;
	uint32_t keysym;
	char *command; /* owned: the command line it runs */
};

struct variable {
	char *name; /* without the $ */
	char *value;
};

struct xconn; /* x.h: the X side, NULL when there is no server */

enum wm_exit { WM_RUN, WM_QUIT, WM_RESTART };

struct wm {
	struct model model;
	struct settings settings;
	struct binding *bindings; /* owned array */
	size_t nbindings;
	bool bindings_dirty; /* grabs must be redone */
	struct variable *vars;
	size_t nvars;
	struct xconn *x;
	enum wm_exit exit;
	char **argv; /* for restart */
};

/* A fresh wm with default settings and no X connection. */
void wm_init(struct wm *wm);
/* Free what wm owns (not wm itself). */
void wm_finish(struct wm *wm);
void wm_clear_bindings(struct wm *wm);
void wm_clear_vars(struct wm *wm);

#endif
