/* layout.c: the symbol of the current layout (monocle's counts the windows,
 * as dwm's does); a click cycles layouts. */
#include <stdio.h>

#include "command.h"
#include "layout.h"
#include "text_widget.h"
#include "wm.h"

/* Monocle shows one window and hides the others behind it: as dwm does, its
 * symbol counts the windows of the view, "[3]", so the user knows how many
 * there are. An empty view keeps the layout's own symbol. */
static const char *shown_symbol(const struct layout *l,
				const struct monitor *mon, char *buf,
				size_t len)
{
	int n = 0;
	if (l != &layout_monocle)
		return l->symbol;
	for (const struct client *c = mon->clients; c; c = c->next)
		n += client_visible(c);
	if (n == 0)
		return l->symbol;
	snprintf(buf, len, "[%d]", n);
	return buf;
}

static bool layout_update(void *self, const struct bar_ctx *ctx)
{
	struct text_widget *t = self;
	struct monitor *mon = (struct monitor *)ctx->mon;
	char buf[16];
	const struct layout *l = layouts[monitor_tag_state(mon)->layout];
	return text_cache_set(&t->text, shown_symbol(l, mon, buf, sizeof(buf)));
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
