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
	enum widget_fit fit; /* ops->fit */
	int want;	     /* as measured: pixels, or WIDGET_EXPAND */
	int x, w;	     /* where it was last drawn */
	int drawn_w;  /* w as last drawn: layout_widgets lays out into w */
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
	struct text_cache problem;  /* the config error line, if any */
	struct text_cache ellipsis; /* "…": the least a cut widget shows */
	int problem_x, problem_w;   /* its box, between the left widgets and
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
/* Give each widget of v (n[side] a side, want measured) its width w in a
 * bar width pixels wide, and return the config error banner's, of the
 * banner pixels it asks: enum widget_fit says who yields first; the banner
 * yields as a cut widget does. A cut widget keeps floor pixels (or its
 * whole width, if less) unless there is not room for that. */
int bar_fit(struct widget_inst *const v[BAR_SIDES], const size_t n[BAR_SIDES],
	    int width, int banner, int floor);
/* Lay the widgets out and paint the bar into its pixmap, then the window:
 * all of it when b->dirty or a widget moved, else the changed widgets. */
void bar_draw(struct wm *wm, struct bar *b);
/* Update what is due; true if anything on b changed. */
bool bar_update(struct wm *wm, struct bar *b, unsigned dirty, int64_t now);

#endif
