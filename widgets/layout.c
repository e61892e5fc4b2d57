/* layout.c: the symbol of the current layout; a click cycles layouts. */
#include <stdio.h>

#include "command.h"
#include "layout.h"
#include "text_widget.h"
#include "wm.h"

static bool layout_update(void *self, const struct bar_ctx *ctx)
{
	struct text_widget *t = self;
	struct monitor *mon = (struct monitor *)ctx->mon;
	return text_cache_set(&t->text,
			      layouts[monitor_tag_state(mon)->layout]->symbol);
}

static void layout_click(void *self, struct wm *wm, int button, int x,
			 uint16_t state)
{
	(void)self, (void)x, (void)state;
	char err[256];
	int col;
	if (button == 1 || button == 4)
		command_run(wm, "layout next", err, sizeof(err), &col);
	else if (button == 3 || button == 5)
		command_run(wm, "layout prev", err, sizeof(err), &col);
}

const struct widget_ops widget_layout = {
    .name = "layout",
    .create = text_widget_create,
    .update = layout_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .click = layout_click,
    .destroy = text_widget_destroy,
};
