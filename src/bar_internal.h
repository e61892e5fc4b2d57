/* bar_internal.h: what bar.c and bar_draw.c share. */
#ifndef CTILE_BAR_INTERNAL_H
#define CTILE_BAR_INTERNAL_H

#include <cairo-xcb.h>

#include "bar.h"
#include "config.h"
#include "widget.h"

/* A timed widget due this soon is updated with those due now: widgets on
 * the same tick (widget_next_tick_ms) may compute it a ms apart, and should
 * not wake the bar twice. Less than the tick's lateness, so the clock still
 * reads the new minute. */
#define WAKE_SLACK_MS 2

struct widget_inst {
	const struct widget_ops *ops;
	void *self;
	int x, w;     /* where it was last drawn */
	int drawn_w;  /* w as last drawn: layout_widgets measures into w */
	int64_t wake; /* next due update, CLOCK_MONOTONIC ms; -1: none */
	bool changed; /* shows something else: repaint its cell */
};

struct bar {
	struct monitor *mon;
	xcb_window_t win;
	xcb_pixmap_t pix;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	struct rect geom;
	bool visible;
	bool dirty; /* repaint it all, not only the widgets that changed */
	struct widget_inst *w[BAR_SIDES];
	size_t n[BAR_SIDES];
	struct text_cache problem; /* the config error line, if any */
	int problem_x, problem_w;  /* its box, between the left widgets and
				      the others; w 0: not shown */
};

struct bars {
	struct bar *v;
	size_t n;
	int timerfd;
	double dpi;
	int height, padding;
	struct bar_colors colors;
	PangoFontDescription *font;
	xcb_visualtype_t *visual;
	xcb_gcontext_t gc; /* for copying pixmaps to windows */
	bool timer_due;
};

int64_t bar_now_ms(void);
/* Lay the widgets out and paint the bar into its pixmap, then the window:
 * all of it when b->dirty or a widget moved, else the changed widgets. */
void bar_draw(struct wm *wm, struct bar *b);
/* Update what is due; true if anything on b changed. */
bool bar_update(struct wm *wm, struct bar *b, unsigned dirty, int64_t now);

#endif
