/* text_widget.h: the shape most widgets share: one line of text. */
#ifndef CTILE_TEXT_WIDGET_H
#define CTILE_TEXT_WIDGET_H

#include "widget.h"

struct text_widget {
	struct text_cache text;
};

void *text_widget_create(const struct widget_args *a, char **error);
/* Width of the text plus padding; 0 when there is no text. */
int text_widget_measure(void *self, const struct draw_ctx *d);
void text_widget_draw(void *self, const struct draw_ctx *d, struct rect r);
void text_widget_destroy(void *self);

#endif
