/* title.c: the focused window's title, ellipsized to fit; with tasks=yes a
 * task list of the windows in view, where a click focuses one. Minimized
 * ones are listed too, marked "_ " as in Qtile's task list, and a click
 * brings one back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widget.h"
#include "wm.h"

#define TASKS_MAX 32

struct title {
	bool tasks;
	int n, focused; /* tasks shown, and which one is focused (-1) */
	uint32_t ids[TASKS_MAX];
	struct text_cache text[TASKS_MAX];
	bool selected;
	int last_w; /* width at the last draw, to map clicks to cells */
};

static void *title_create(const struct widget_args *a, char **error)
{
	const char *tasks = widget_arg(a, "tasks");
	if (tasks && strcmp(tasks, "yes") && strcmp(tasks, "no")) {
		*error = strdup("tasks= takes yes or no");
		return NULL;
	}
	struct title *t = calloc(1, sizeof(*t));
	if (t)
		t->tasks = tasks && !strcmp(tasks, "yes");
	return t;
}

static bool title_update(void *self, const struct bar_ctx *ctx)
{
	struct title *t = self;
	const struct monitor *mon = ctx->mon;
	int n = 0, focused = -1;
	bool changed = false;
	for (const struct client *c = mon->clients; c && n < TASKS_MAX;
	     c = c->next) {
		bool shown =
		    t->tasks ? (c->tags & mon->view) != 0 : c == mon->focus;
		if (!shown)
			continue;
		if (c == mon->focus)
			focused = n;
		changed |= t->ids[n] != c->id;
		t->ids[n] = c->id;
		char minimized[CTILE_TITLE_MAX + 2];
		if (c->minimized)
			snprintf(minimized, sizeof(minimized), "_ %s",
				 c->title);
		changed |= text_cache_set(&t->text[n++],
					  c->minimized ? minimized : c->title);
	}
	bool selected = ctx->wm->model.selmon == mon;
	changed |=
	    n != t->n || focused != t->focused || selected != t->selected;
	t->n = n;
	t->focused = focused;
	t->selected = selected;
	return changed;
}

static int title_measure(void *self, const struct draw_ctx *d)
{
	(void)self, (void)d;
	return WIDGET_EXPAND;
}

static void title_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct title *t = self;
	const struct bar_colors *c = d->colors;
	t->last_w = r.w;
	for (int i = 0; i < t->n; i++) {
		int x = r.x + r.w * i / t->n,
		    w = r.w * (i + 1) / t->n - r.w * i / t->n;
		bool hot = i == t->focused && t->selected;
		if (hot)
			draw_fill(d, (struct rect){x, 0, w, d->height},
				  c->focused_background);
		draw_text(d, &t->text[i], x + d->padding, 0, w - 2 * d->padding,
			  hot ? c->focused_foreground : c->foreground);
	}
}

static void title_click(void *self, struct wm *wm, int button, int x,
			uint16_t state)
{
	struct title *t = self;
	(void)state;
	if (button != 1 || !t->tasks || t->n == 0)
		return;
	/* The cells split the widget's last width evenly. */
	int i = x * t->n / (t->last_w > 0 ? t->last_w : 1);
	struct client *c = model_find(&wm->model, t->ids[i < t->n ? i : 0]);
	if (c)
		model_activate(&wm->model, c); /* restores a minimized one */
}

static void title_destroy(void *self)
{
	struct title *t = self;
	for (int i = 0; i < TASKS_MAX; i++)
		text_cache_free(&t->text[i]);
	free(t);
}

const struct widget_ops widget_title = {
    .name = "title",
    .create = title_create,
    .update = title_update,
    .measure = title_measure,
    .draw = title_draw,
    .click = title_click,
    .destroy = title_destroy,
};
