/* common.c: helpers every widget shares: wake-ups, cached text, drawing. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>

#include "widget.h"

/* Late rather than early, so that the new minute has begun when the clock
 * reads it. */
#define TICK_LATE_MS 5

int64_t widget_tick_wait_ms(int64_t wall_ms, int64_t period_ms)
{
	return period_ms - wall_ms % period_ms + TICK_LATE_MS;
}

int64_t widget_next_tick_ms(int64_t now_ms, int64_t period_ms)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t wall = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	return now_ms + widget_tick_wait_ms(wall, period_ms);
}

void widget_timer_at(int timerfd, int64_t at_ms)
{
	struct itimerspec its = {0};
	if (at_ms >= 0) {
		at_ms = at_ms < 1 ? 1 : at_ms; /* 0 would disarm it */
		its.it_value.tv_sec = at_ms / 1000;
		its.it_value.tv_nsec = (at_ms % 1000) * 1000000;
	}
	timerfd_settime(timerfd, TFD_TIMER_ABSTIME, &its, NULL);
}

bool text_cache_set(struct text_cache *t, const char *text)
{
	/* Window titles and script output may be any bytes: pango wants
	 * valid UTF-8, and glib knows how to make it so. */
	char *valid = g_utf8_make_valid(text ? text : "", -1);
	if (!valid)
		return false;
	if (t->text && !strcmp(t->text, valid)) {
		g_free(valid);
		return false;
	}
	free(t->text);
	t->text = strdup(valid);
	g_free(valid);
	t->width = -1;
	return true;
}

static void set_layout_text(const struct draw_ctx *d, struct text_cache *t)
{
	const char *s = t->text ? t->text : "";
	/* The layout is shared: drop the colours an earlier widget's markup
	 * left on it, or they bleed into this text. */
	pango_layout_set_attributes(d->layout, NULL);
	if (t->markup) {
		/* Bad markup shows as plain text rather than nothing. */
		if (!pango_parse_markup(s, -1, 0, NULL, NULL, NULL, NULL)) {
			pango_layout_set_text(d->layout, s, -1);
			return;
		}
		pango_layout_set_markup(d->layout, s, -1);
	} else {
		pango_layout_set_text(d->layout, s, -1);
	}
}

int text_cache_width(struct text_cache *t, const struct draw_ctx *d)
{
	if (t->width >= 0)
		return t->width;
	if (!t->text || !*t->text)
		return t->width = 0;
	pango_layout_set_width(d->layout, -1);
	set_layout_text(d, t);
	int w, h;
	pango_layout_get_pixel_size(d->layout, &w, &h);
	return t->width = w;
}

void text_cache_free(struct text_cache *t)
{
	free(t->text);
	t->text = NULL;
	t->width = -1;
}

static void set_color(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgba(cr, ((c >> 16) & 0xff) / 255.0,
			      ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0,
			      ((c >> 24) & 0xff) / 255.0);
}

void draw_fill(const struct draw_ctx *d, struct rect r, uint32_t color)
{
	set_color(d->cr, color);
	cairo_rectangle(d->cr, r.x, r.y, r.w, r.h);
	cairo_fill(d->cr);
}

void draw_text(const struct draw_ctx *d, struct text_cache *t, int x, int y,
	       int width, uint32_t color)
{
	if (!t->text || !*t->text || width <= 0)
		return;
	set_layout_text(d, t);
	pango_layout_set_width(d->layout, width * PANGO_SCALE);
	pango_layout_set_ellipsize(d->layout, d->cut_start
						  ? PANGO_ELLIPSIZE_START
						  : PANGO_ELLIPSIZE_END);
	int w, h;
	pango_layout_get_pixel_size(d->layout, &w, &h);
	set_color(d->cr, color);
	cairo_move_to(d->cr, x, y + (d->height - h) / 2);
	pango_cairo_show_layout(d->cr, d->layout);
	pango_layout_set_width(d->layout, -1);
}
