/* config.h: read a config text: one command per line, with $variables. */
#ifndef CTILE_CONFIG_H
#define CTILE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct wm;

/* The built-in default: config/config compiled in (build/default_config.c). */
extern const char ctile_default_config[];

/* Run every line of text as a command. Each error is logged as
 * "source:line:column: message"; returns the number of errors. */
int config_apply_text(struct wm *wm, const char *text, const char *source);

/* Copy line to out with every defined $variable replaced by its value
 * (longest name first); the name after `set` is left alone. */
bool config_expand(const struct wm *wm, const char *line, char *out,
		   size_t len);

#endif
