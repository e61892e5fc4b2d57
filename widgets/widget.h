/* widget.h: the interface of a bar widget. update gathers data, draw
 * paints it; they never mix. */
#ifndef CTILE_WIDGET_H
#define CTILE_WIDGET_H

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rect.h"

struct wm;
struct monitor;

/* What a widget may read of the window manager while updating. */
struct bar_ctx {
	const struct wm *wm;
	const struct monitor *mon; /* the bar's monitor */
	int64_t now_ms;		   /* CLOCK_MONOTONIC, milliseconds */
};

/* Colours are 0xAARRGGBB. */
struct bar_colors {
	uint32_t background, foreground, dim;
	uint32_t focused_background, focused_foreground;
	uint32_t urgent_background, urgent_foreground;
};

/* What a widget draws with. The layout carries the bar's font. */
struct draw_ctx {
	cairo_t *cr;
	PangoLayout *layout;
	const struct bar_colors *colors;
	int height;   /* of the bar, pixels */
	int padding;  /* each side of a widget's text, pixels */
	double scale; /* Xft.dpi / 96 */
	/* The widget is drawn narrower than it measured (WIDGET_CUT) at the
	 * bar's right: what does not fit goes at the text's start, not its
	 * end (draw_text ellipsizes there). */
	bool cut_start;
};

/* What a widget's create() looked up, kept while the config is checked:
 * the options it read (any other is unknown to it), the names it asked for
 * (the options it knows), and the option its last lookup found (an error
 * from create() is blamed on it). So a widget reads every option it has in
 * create(), present or not, and checks each value as soon as it reads it. */
#define WIDGET_OPTIONS_MAX 16
struct widget_arg_use {
	bool *read; /* one per option */
	const char *known[WIDGET_OPTIONS_MAX];
	size_t nknown;
	long last; /* -1: the last lookup found nothing */
};

/* A widget's options from the config: key=value words after its name. */
struct widget_args {
	size_t n;
	char **keys, **values;
	struct widget_arg_use *use; /* NULL: not kept */
};

/* The value of key, or NULL. */
const char *widget_arg(const struct widget_args *a, const char *key);
/* The value of key as a whole number >= min, or def; false if malformed. */
bool widget_arg_int(const struct widget_args *a, const char *key, long def,
		    long min, long *out, char **error);

/* A measure() result: take whatever width the bar has left. */
#define WIDGET_EXPAND (-1)

/* What the bar may do with a widget when the widgets do not all fit. The
 * expanding ones (the title) shrink first, to nothing; then the config
 * error's banner and the WIDGET_CUT ones share what is left, the widest
 * cut first, ellipsized; only if that is not enough are WIDGET_WHOLE ones
 * left out,
 * those of the centre first, then those of the right from the middle of
 * the bar outward. The left widgets are never left out. */
enum widget_fit {
	WIDGET_WHOLE, /* shown whole, or as a last resort not at all */
	WIDGET_CUT,   /* text of any length (status, script): cut to fit */
	WIDGET_KEEP,  /* never left out: the tray's icons are windows */
};

struct widget_ops {
	const char *name;
	enum widget_fit fit;
	/* NULL with *error (malloc'd) set on bad options. */
	void *(*create)(const struct widget_args *args, char **error);
	bool (*update)(void *self, const struct bar_ctx *ctx); /* changed? */
	int (*measure)(void *self, const struct draw_ctx *d);  /* pixels */
	void (*draw)(void *self, const struct draw_ctx *d, struct rect where);
	/* Optional: a click at x pixels from the widget's left edge. */
	void (*click)(void *self, struct wm *wm, int button, int x,
		      uint16_t state);
	/* Optional: the next CLOCK_MONOTONIC ms to update at; -1: never. */
	int64_t (*next_wakeup_ms)(void *self, int64_t now_ms);
	void (*destroy)(void *self);
	/* Optional: a file descriptor to poll for reading (-1: none), and
	 * what to do when it is readable; true: the widget changed. */
	int (*poll_fd)(void *self);
	bool (*readable)(void *self, int64_t now_ms);
};

/* Every widget type, and lookup by name. */
const struct widget_ops *widget_find(const char *name);
extern const struct widget_ops *const widget_types[];
extern const size_t widget_type_count;

/* The config's check of one widget: create it from args and destroy it.
 * NULL if that works and it read every option; else the error (malloc'd),
 * with *at the option at fault, or -1 for the widget as a whole. An option
 * given twice, or one create() did not read (a misspelling), is an error. */
char *widget_check(const struct widget_ops *ops, const struct widget_args *a,
		   long *at);

/* Text that is measured only when it changes. */
struct text_cache {
	char *text; /* owned, valid UTF-8 */
	int width;  /* -1: not measured yet */
	bool markup;
};
/* Set the text (made valid UTF-8); true if it differs from before. */
bool text_cache_set(struct text_cache *t, const char *text);
int text_cache_width(struct text_cache *t, const struct draw_ctx *d);
void text_cache_free(struct text_cache *t);

/* Widgets that update every period_ms do so a few ms after whole multiples
 * of it on the wall clock, as the clock widget does at each new minute: a
 * 2 s and a 5 s widget then wake the bar together every 10 s, and with the
 * clock once a minute, so it wakes once for all of them. The first gives the
 * wait from wall_ms (CLOCK_REALTIME ms) to the next such instant; the second
 * that instant as a CLOCK_MONOTONIC ms time, from now_ms. */
int64_t widget_tick_wait_ms(int64_t wall_ms, int64_t period_ms);
int64_t widget_next_tick_ms(int64_t now_ms, int64_t period_ms);
/* Arm a CLOCK_MONOTONIC timerfd for at_ms (ms, absolute: the wake-up does
 * not drift by the time arming took), or disarm it when at_ms < 0. */
void widget_timer_at(int timerfd, int64_t at_ms);

/* Drawing helpers: a filled box, and text centred vertically at x. */
void draw_fill(const struct draw_ctx *d, struct rect r, uint32_t color);
void draw_text(const struct draw_ctx *d, struct text_cache *t, int x, int y,
	       int width, uint32_t color);

#endif
