/* registry.c: every widget type, by the name the config uses. */
#include <string.h>

#include "widget.h"

extern const struct widget_ops widget_clock, widget_layout, widget_mode,
    widget_separator, widget_spacer, widget_status, widget_tags, widget_title;

/* Alphabetical; one line per widget type. */
const struct widget_ops *const widget_types[] = {
    &widget_clock,  &widget_layout, &widget_mode, &widget_separator,
    &widget_spacer, &widget_status, &widget_tags, &widget_title,
};
const size_t widget_type_count = sizeof(widget_types) / sizeof(*widget_types);

const struct widget_ops *widget_find(const char *name)
{
	for (size_t i = 0; i < widget_type_count; i++)
		if (!strcmp(widget_types[i]->name, name))
			return widget_types[i];
	return NULL;
}
