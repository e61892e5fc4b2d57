/* systray.c: room in the bar for the system tray's icons (spacing=N pixels
 * at 96 dpi between them, default 2). The icons are windows of their own:
 * src/systray.c owns them; this widget only says how wide they are and
 * where they go. Only the primary monitor's bar shows them. */
#include <stdlib.h>

#include "systray.h"
#include "widget.h"

struct systray_widget {
	const struct wm *wm;
	const struct monitor *mon;
	long spacing;
};

static void *systray_create(const struct widget_args *a, char **error)
{
	struct systray_widget *s = calloc(1, sizeof(*s));
	if (s && !widget_arg_int(a, "spacing", 2, 0, &s->spacing, error)) {
		free(s);
		return NULL;
	}
	return s;
}

/* The tray says itself when its icons change (it marks the bar dirty);
 * here the widget only learns whose bar it is in. */
static bool systray_update(void *self, const struct bar_ctx *ctx)
{
	struct systray_widget *s = self;
	s->wm = ctx->wm;
	s->mon = ctx->mon;
	return false;
}

static int spacing_px(const struct systray_widget *s, const struct draw_ctx *d)
{
	return (int)(s->spacing * d->scale + 0.5);
}

/* Square icons as tall as the bar, spacing apart, padding each side. */
static int systray_measure(void *self, const struct draw_ctx *d)
{
	struct systray_widget *s = self;
	size_t n = s->wm ? systray_count(s->wm, s->mon) : 0;
	if (n == 0)
		return 0;
	return (int)n * d->height + ((int)n - 1) * spacing_px(s, d) +
	       2 * d->padding;
}

static void systray_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct systray_widget *s = self;
	if (!s->wm)
		return;
	struct rect icons = {r.x + d->padding, r.y, r.w - 2 * d->padding,
			     d->height};
	systray_place(s->wm, s->mon, icons, spacing_px(s, d));
}

static void systray_destroy(void *self)
{
	free(self);
}

const struct widget_ops widget_systray = {
    .name = "systray",
    .fit = WIDGET_KEEP,
    .create = systray_create,
    .update = systray_update,
    .measure = systray_measure,
    .draw = systray_draw,
    .destroy = systray_destroy,
};
