/* registry.c: every widget type, by the name the config uses. */
#include <string.h>

#include "widget.h"

/* Alphabetical; one line per widget type in each list, so that adding a
 * widget adds two lines. */
/* clang-format off */
extern const struct widget_ops widget_battery;
extern const struct widget_ops widget_clock;
extern const struct widget_ops widget_cpu;
extern const struct widget_ops widget_layout;
extern const struct widget_ops widget_memory;
extern const struct widget_ops widget_mode;
extern const struct widget_ops widget_network;
extern const struct widget_ops widget_script;
extern const struct widget_ops widget_separator;
extern const struct widget_ops widget_spacer;
extern const struct widget_ops widget_status;
extern const struct widget_ops widget_systray;
extern const struct widget_ops widget_tags;
extern const struct widget_ops widget_title;
extern const struct widget_ops widget_volume;

const struct widget_ops *const widget_types[] = {
	&widget_battery,
	&widget_clock,
	&widget_cpu,
	&widget_layout,
	&widget_memory,
	&widget_mode,
	&widget_network,
	&widget_script,
	&widget_separator,
	&widget_spacer,
	&widget_status,
	&widget_systray,
	&widget_tags,
	&widget_title,
	&widget_volume,
};
/* clang-format on */
const size_t widget_type_count = sizeof(widget_types) / sizeof(*widget_types);

const struct widget_ops *widget_find(const char *name)
{
	for (size_t i = 0; i < widget_type_count; i++)
		if (!strcmp(widget_types[i]->name, name))
			return widget_types[i];
	return NULL;
}
