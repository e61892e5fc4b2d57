/* options.c: a widget's key=value options: lookups, and the config's check
 * that every option given is one the widget reads. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "widget.h"

/* Kept only while the config is checked (a->use): that the option was
 * read, that its name is known, and which option was looked up last. */
static void note(const struct widget_args *a, const char *key, long found)
{
	struct widget_arg_use *u = a ? a->use : NULL;
	if (!u)
		return;
	u->last = found;
	if (found >= 0)
		u->read[found] = true;
	for (size_t i = 0; i < u->nknown; i++)
		if (!strcmp(u->known[i], key))
			return;
	if (u->nknown < WIDGET_OPTIONS_MAX)
		u->known[u->nknown++] = key;
}

const char *widget_arg(const struct widget_args *a, const char *key)
{
	for (size_t i = 0; a && i < a->n; i++)
		if (!strcmp(a->keys[i], key)) {
			note(a, key, (long)i);
			return a->values[i];
		}
	note(a, key, -1);
	return NULL;
}

bool widget_arg_int(const struct widget_args *a, const char *key, long def,
		    long min, long *out, char **error)
{
	const char *v = widget_arg(a, key);
	*out = def;
	if (!v)
		return true;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min) {
		if (asprintf(error, "%s=%s is not a whole number >= %ld", key,
			     v, min) < 0)
			*error = NULL;
		return false;
	}
	*out = n;
	return true;
}

/* Levenshtein distance, for "did you mean": option names are short. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[65];
	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The known option nearest to key, if it is near enough to be a typo
 * (two edits at most, and fewer than half the word). */
static const char *nearest(const struct widget_arg_use *u, const char *key)
{
	const char *best = NULL;
	size_t best_d = 3;
	for (size_t i = 0; i < u->nknown; i++) {
		size_t d = distance(key, u->known[i]);
		if (d < best_d && 2 * d < strlen(key))
			best = u->known[i], best_d = d;
	}
	return best;
}

static char *unknown_option(const char *widget, const struct widget_arg_use *u,
			    const char *key)
{
	char list[512] = "";
	size_t n = 0;
	const char *near = nearest(u, key);
	char *msg;
	for (size_t i = 0; i < u->nknown && n < sizeof(list); i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n,
				      "%s%s=", i ? ", " : "", u->known[i]);
	int r =
	    near ? asprintf(&msg,
			    "unknown option '%.64s' (did you mean "
			    "%s=?)",
			    key, near)
	    : u->nknown
		? asprintf(&msg, "unknown option '%.64s' (%s has %s)", key,
			   widget, list)
		: asprintf(&msg, "unknown option '%.64s' (%s has no options)",
			   key, widget);
	return r < 0 ? NULL : msg;
}

char *widget_check(const struct widget_ops *ops, const struct widget_args *a,
		   long *at)
{
	struct widget_arg_use use = {.last = -1};
	struct widget_args args = {a->n, a->keys, a->values, &use};
	char *why = NULL;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < i; j++)
			if (!strcmp(a->keys[i], a->keys[j])) {
				*at = (long)i;
				if (asprintf(&why, "%.64s= is given twice",
					     a->keys[i]) < 0)
					why = NULL;
				return why ? why : strdup("an option twice");
			}
	*at = -1;
	if (!(use.read = calloc(a->n + 1, sizeof(*use.read))))
		return strdup("out of memory");
	void *self = ops->create(&args, &why);
	if (!self) {
		*at = use.last;
		free(use.read);
		return why ? why : strdup("cannot be created");
	}
	ops->destroy(self);
	for (size_t i = 0; i < a->n && !why; i++)
		if (!use.read[i]) {
			*at = (long)i;
			why = unknown_option(ops->name, &use, a->keys[i]);
			if (!why)
				why = strdup("unknown option");
		}
	free(use.read);
	return why;
}
