/* status.c: the root window's name, as dwm shows it, so `xsetroot -name`
 * loops, slstatus and dwmblocks work unchanged. */
#include "text_widget.h"
#include "wm.h"

static bool status_update(void *self, const struct bar_ctx *ctx)
{
	struct text_widget *t = self;
	return text_cache_set(&t->text, ctx->wm->status);
}

const struct widget_ops widget_status = {
    .name = "status",
    .fit = WIDGET_CUT,
    .create = text_widget_create,
    .update = status_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .destroy = text_widget_destroy,
};
