/* spacer.c: empty space (width=N pixels at 96 dpi, or width=expand), and
 * separator: a thin line between widgets. */
#include <stdlib.h>
#include <string.h>

#include "widget.h"

struct spacer {
	long width; /* -1: expand */
};

static void *spacer_create(const struct widget_args *a, char **error)
{
	struct spacer *s = calloc(1, sizeof(*s));
	const char *w = widget_arg(a, "width");
	if (!s)
		return NULL;
	if (w && !strcmp(w, "expand"))
		s->width = -1;
	else if (!widget_arg_int(a, "width", 8, 0, &s->width, error)) {
		free(s);
		return NULL;
	}
	return s;
}

static bool spacer_update(void *self, const struct bar_ctx *ctx)
{
	(void)self, (void)ctx;
	return false;
}

static int spacer_measure(void *self, const struct draw_ctx *d)
{
	struct spacer *s = self;
	return s->width < 0 ? WIDGET_EXPAND : (int)(s->width * d->scale + 0.5);
}

static void spacer_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	(void)self, (void)d, (void)r;
}

/* A separator has no options: spacer's width= would mean nothing. */
static void *separator_create(const struct widget_args *a, char **error)
{
	(void)a, (void)error;
	return calloc(1, sizeof(struct spacer));
}

static int separator_measure(void *self, const struct draw_ctx *d)
{
	(void)self;
	return 2 * d->padding + 1;
}

static void separator_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	(void)self;
	int inset = d->height / 4;
	draw_fill(
	    d, (struct rect){r.x + d->padding, inset, 1, d->height - 2 * inset},
	    d->colors->dim);
}

static void spacer_destroy(void *self)
{
	free(self);
}

const struct widget_ops widget_spacer = {
    .name = "spacer",
    .create = spacer_create,
    .update = spacer_update,
    .measure = spacer_measure,
    .draw = spacer_draw,
    .destroy = spacer_destroy,
};

const struct widget_ops widget_separator = {
    .name = "separator",
    .create = separator_create,
    .update = spacer_update,
    .measure = separator_measure,
    .draw = separator_draw,
    .destroy = spacer_destroy,
};
