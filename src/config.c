/* config.c: apply a config text line by line through the command table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "log.h"
#include "wm.h"

#define LINE_MAX_BYTES 4096

/* The defined variable whose name is longest at s (just after a $). */
static const struct variable *variable_at(const struct wm *wm, const char *s)
{
	const struct variable *best = NULL;
	for (size_t i = 0; i < wm->nvars; i++) {
		size_t n = strlen(wm->vars[i].name);
		if (strncmp(s, wm->vars[i].name, n) == 0 &&
		    (!best || n > strlen(best->name)))
			best = &wm->vars[i];
	}
	return best;
}

bool config_expand(const struct wm *wm, const char *line, char *out, size_t len)
{
	const char *s = line;
	size_t o = 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (strncmp(s, "set", 3) == 0 && (s[3] == ' ' || s[3] == '\t')) {
		s += 3; /* keep `set $name` as written */
		while (*s == ' ' || *s == '\t')
			s++;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	size_t head = (size_t)(s - line);
	if (head >= len)
		return false;
	memcpy(out, line, head);
	o = head;
	while (*s) {
		const struct variable *v =
		    *s == '$' ? variable_at(wm, s + 1) : NULL;
		const char *piece = v ? v->value : s;
		size_t n = v ? strlen(v->value) : 1;
		if (o + n >= len)
			return false;
		memcpy(out + o, piece, n);
		o += n;
		s += v ? 1 + strlen(v->name) : 1;
	}
	out[o] = '\0';
	return true;
}

static int apply_line(struct wm *wm, const char *line, const char *source,
		      int lineno)
{
	char expanded[LINE_MAX_BYTES], err[256];
	int col = 0;
	if (!config_expand(wm, line, expanded, sizeof(expanded))) {
		log_error("%s:%d:1: line too long (at most %d bytes)", source,
			  lineno, LINE_MAX_BYTES - 1);
		return 1;
	}
	if (command_run(wm, expanded, err, sizeof(err), &col))
		return 0;
	log_error("%s:%d:%d: %s", source, lineno, col + 1, err);
	return 1;
}

int config_apply_text(struct wm *wm, const char *text, const char *source)
{
	int errors = 0, lineno = 0;
	char line[LINE_MAX_BYTES];
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (n >= sizeof(line)) {
			log_error("%s:%d:1: line too long (at most %d bytes)",
				  source, lineno, LINE_MAX_BYTES - 1);
			errors++;
		} else {
			memcpy(line, p, n);
			line[n] = '\0';
			errors += apply_line(wm, line, source, lineno);
		}
		p += n + (nl ? 1 : 0);
	}
	return errors;
}
