/* mode.c: the active binding mode or pending key chain; empty otherwise. */
#include "text_widget.h"
#include "wm.h"

static bool mode_update(void *self, const struct bar_ctx *ctx)
{
	struct text_widget *t = self;
	const struct wm *wm = ctx->wm;
	return text_cache_set(&t->text, wm->mode ? wm_mode(wm)->name : "");
}

static void mode_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct text_widget *t = self;
	draw_fill(d, r, d->colors->urgent_background);
	draw_text(d, &t->text, r.x + d->padding, 0, r.w - 2 * d->padding,
		  d->colors->urgent_foreground);
}

const struct widget_ops widget_mode = {
    .name = "mode",
    .create = text_widget_create,
    .update = mode_update,
    .measure = text_widget_measure,
    .draw = mode_draw,
    .destroy = text_widget_destroy,
};
