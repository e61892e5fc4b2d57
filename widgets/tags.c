/* tags.c: every tag by name; viewed, occupied and urgent ones stand out.
 * Left click views, right click toggles into the view, Mod4+left moves
 * the focused window there, the wheel steps through the tags. */
#include <stdio.h>
#include <stdlib.h>

#include <xcb/xproto.h>

#include "command.h"
#include "widget.h"
#include "wm.h"

struct tags {
	struct text_cache name[CTILE_MAX_TAGS];
	int ntags;
	tagmask view, occupied, urgent;
	bool selected; /* the bar's monitor is the focused one */
	int padding;   /* as last measured, to map clicks to cells */
};

static void *tags_create(const struct widget_args *a, char **error)
{
	(void)a, (void)error;
	return calloc(1, sizeof(struct tags));
}

static bool tags_update(void *self, const struct bar_ctx *ctx)
{
	struct tags *t = self;
	const struct model *m = &ctx->wm->model;
	const struct monitor *mon = ctx->mon;
	tagmask occupied = 0, urgent = 0;
	for (const struct client *c = mon->clients; c; c = c->next) {
		occupied |= c->tags;
		urgent |= c->urgent ? c->tags : 0;
	}
	bool changed = t->ntags != m->ntags || t->view != mon->view ||
		       t->occupied != occupied || t->urgent != urgent ||
		       t->selected != (m->selmon == mon);
	for (int i = 0; i < m->ntags; i++)
		changed |= text_cache_set(&t->name[i], m->tag_names[i]);
	t->ntags = m->ntags;
	t->view = mon->view;
	t->occupied = occupied;
	t->urgent = urgent;
	t->selected = m->selmon == mon;
	return changed;
}

static int cell_width(struct tags *t, int i, const struct draw_ctx *d)
{
	return text_cache_width(&t->name[i], d) + 2 * d->padding;
}

static int tags_measure(void *self, const struct draw_ctx *d)
{
	struct tags *t = self;
	int w = 0;
	t->padding = d->padding;
	for (int i = 0; i < t->ntags; i++)
		w += cell_width(t, i, d);
	return w;
}

static void tags_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct tags *t = self;
	const struct bar_colors *c = d->colors;
	int x = r.x, mark = (int)(4 * d->scale + 0.5);
	for (int i = 0; i < t->ntags; i++) {
		tagmask bit = (tagmask)1 << i;
		int w = cell_width(t, i, d);
		uint32_t bg = c->background, fg = c->foreground;
		if (t->urgent & bit)
			bg = c->urgent_background, fg = c->urgent_foreground;
		else if (t->view & bit)
			bg = t->selected ? c->focused_background : c->dim,
			fg = c->focused_foreground;
		else if (!(t->occupied & bit))
			fg = c->dim;
		draw_fill(d, (struct rect){x, 0, w, d->height}, bg);
		/* dwm's mark: a small square on tags that have windows. */
		if (t->occupied & bit)
			draw_fill(d, (struct rect){x + 2, 2, mark, mark}, fg);
		draw_text(d, &t->name[i], x + d->padding, 0, w - 2 * d->padding,
			  fg);
		x += w;
	}
}

static void run(struct wm *wm, const char *fmt, int n)
{
	char line[64], err[256];
	int col;
	snprintf(line, sizeof(line), fmt, n);
	command_run(wm, line, err, sizeof(err), &col);
}

static void tags_click(void *self, struct wm *wm, int button, int x,
		       uint16_t state)
{
	struct tags *t = self;
	int i = 0;
	while (i < t->ntags - 1 && x >= t->name[i].width + 2 * t->padding) {
		x -= t->name[i].width + 2 * t->padding;
		i++;
	}
	int tag = i + 1, low = lowest_tag(t->view);
	if (button == 1)
		run(wm, (state & XCB_MOD_MASK_4) ? "tag %d" : "view %d", tag);
	else if (button == 3)
		run(wm, "toggleview %d", tag);
	else if (button == 4 || button == 5)
		run(wm, "view %d",
		    (low + (button == 5 ? 1 : t->ntags - 1)) % t->ntags + 1);
}

static void tags_destroy(void *self)
{
	struct tags *t = self;
	for (int i = 0; i < CTILE_MAX_TAGS; i++)
		text_cache_free(&t->name[i]);
	free(t);
}

const struct widget_ops widget_tags = {
    .name = "tags",
    .create = tags_create,
    .update = tags_update,
    .measure = tags_measure,
    .draw = tags_draw,
    .click = tags_click,
    .destroy = tags_destroy,
};
