/* text_widget.c: create, measure, draw and destroy a one-line widget. */
#include "text_widget.h"

#include <stdlib.h>

void *text_widget_create(const struct widget_args *a, char **error)
{
	(void)a, (void)error;
	return calloc(1, sizeof(struct text_widget));
}

int text_widget_measure(void *self, const struct draw_ctx *d)
{
	struct text_widget *t = self;
	int w = text_cache_width(&t->text, d);
	return w ? w + 2 * d->padding : 0;
}

void text_widget_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct text_widget *t = self;
	draw_text(d, &t->text, r.x + d->padding, 0, r.w - 2 * d->padding,
		  d->colors->foreground);
}

void text_widget_destroy(void *self)
{
	struct text_widget *t = self;
	text_cache_free(&t->text);
	free(t);
}
