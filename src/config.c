/* config.c: the config structure, the file lookup and error reports. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout.h"

void config_init(struct config *c)
{
	*c = (struct config){0};
	c->settings = (struct settings){
	    .border_width = 2,
	    .color_focused = 0xff5e81ac,
	    .color_normal = 0xff3b4252,
	    .color_urgent = 0xffbf616a,
	    .focus_follows_mouse = true,
	    .font = "DejaVu Sans 10",
	};
	c->modes = calloc(1, sizeof(*c->modes));
	if (c->modes) {
		c->modes[0].name = strdup("default");
		c->nmodes = 1;
	}
	c->ntags = 9;
	for (int i = 0; i < CTILE_MAX_TAGS; i++) {
		snprintf(c->tag_names[i], CTILE_TAG_NAME_MAX, "%d", i + 1);
		c->tag_layout[i] = -1;
	}
	c->tag_default = (struct tag_state){0, 1, 0.55f};
	const uint32_t colors[BAR_NCOLORS] = {
	    0xff2e3440, 0xffd8dee9, 0xff7b8394, 0xff5e81ac,
	    0xffeceff4, 0xffbf616a, 0xffeceff4,
	};
	memcpy(c->bar.colors, colors, sizeof(colors));
}

const char *const bar_color_names[BAR_NCOLORS] = {
    "background",	  "foreground",		"dim",
    "focused_background", "focused_foreground", "urgent_background",
    "urgent_foreground",
};

/* #rrggbb or #rrggbbaa, as 0xAARRGGBB. */
bool color_parse(const char *s, uint32_t *out)
{
	size_t n = strlen(s);
	if (s[0] != '#' || (n != 7 && n != 9) ||
	    strspn(s + 1, "0123456789abcdefABCDEF") != n - 1)
		return false;
	uint32_t v = (uint32_t)strtoul(s + 1, NULL, 16);
	*out = n == 7 ? 0xff000000u | v : (v >> 8) | (v & 0xffu) << 24;
	return true;
}

void widget_spec_free(struct widget_spec *w)
{
	for (size_t i = 0; i < w->nargs; i++) {
		free(w->keys[i]);
		free(w->values[i]);
	}
	free(w->keys);
	free(w->values);
	free(w->name);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void config_finish(struct config *c)
{
	for (size_t m = 0; m < c->nmodes; m++) {
		for (size_t b = 0; b < c->modes[m].nbindings; b++)
			free(c->modes[m].bindings[b].command);
		free(c->modes[m].bindings);
		free(c->modes[m].name);
	}
	free(c->modes);
	for (size_t i = 0; i < c->nmouse; i++)
		free(c->mouse[i].command);
	free(c->mouse);
	for (size_t i = 0; i < c->nrules; i++)
		for (int f = 0; f < RULE_NFIELDS; f++)
			if (c->rules[i].has[f])
				regfree(&c->rules[i].re[f]);
	free(c->rules);
	for (size_t i = 0; i < c->nvars; i++) {
		free(c->vars[i].name);
		free(c->vars[i].value);
	}
	free(c->vars);
	for (int side = 0; side < BAR_SIDES; side++) {
		for (size_t i = 0; i < c->bar.nwidgets[side]; i++)
			widget_spec_free(&c->bar.widgets[side][i]);
		free(c->bar.widgets[side]);
	}
	for (size_t i = 0; i < c->nmode_refs; i++) {
		free(c->mode_refs[i].name);
		free(c->mode_refs[i].file);
	}
	free(c->mode_refs);
	free_strings(c->exec, c->nexec);
	free_strings(c->exec_always, c->nexec_always);
	*c = (struct config){0};
}

/* dir/ctile/config if it can be read: the caller frees it. */
static char *readable_in(const char *dir, size_t len)
{
	char *path = NULL;
	if (len == 0 || asprintf(&path, "%.*s/ctile/config", (int)len, dir) < 0)
		return NULL;
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

char *config_find(const char *cli_path)
{
	if (cli_path)
		return strdup(cli_path);
	const char *home = getenv("HOME");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	char *path = NULL;
	if (xdg && *xdg)
		path = readable_in(xdg, strlen(xdg));
	else if (home && *home) {
		char *dir = NULL;
		if (asprintf(&dir, "%s/.config", home) >= 0)
			path = readable_in(dir, strlen(dir));
		free(dir);
	}
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	if (!dirs || !*dirs)
		dirs = "/etc/xdg";
	while (!path && *dirs) {
		size_t n = strcspn(dirs, ":");
		path = readable_in(dirs, n);
		dirs += n + (dirs[n] == ':');
	}
	return path;
}

int config_load(struct config *c, const char *path, struct config_errors *errs)
{
	if (path)
		return config_parse_file(c, path, errs);
	return config_parse_text(c, ctile_default_config,
				 strlen(ctile_default_config),
				 "built-in config", errs);
}

/* Print s with control bytes as '?': a config file may hold anything,
 * and a terminal must not be driven by it. */
static void put_clean(FILE *out, const char *s, int max)
{
	for (int i = 0; s[i] && i < max; i++) {
		unsigned char ch = (unsigned char)s[i];
		fputc(ch < 0x20 && ch != '\t' ? '?' : ch, out);
	}
}

/* The offending line, and a caret under col, as compilers show it. The
 * caret counts characters, not bytes, so it sits right under UTF-8. */
static void print_caret(FILE *out, const char *text, int col)
{
	const int shown = 160; /* a 1 MB line is not printed whole */
	int len = (int)strlen(text);
	fputs("    ", out);
	put_clean(out, text, shown);
	fputs(len > shown ? "...\n" : "\n", out);
	if (col < 1 || col > shown + 1)
		return;
	fputs("    ", out);
	for (int i = 0; i < col - 1 && i < len; i++) {
		unsigned char ch = (unsigned char)text[i];
		if ((ch & 0xc0) != 0x80) /* not a UTF-8 continuation byte */
			fputc(ch == '\t' ? '\t' : ' ', out);
	}
	fputs("^\n", out);
}

void config_errors_print(const struct config_errors *e, FILE *out)
{
	for (size_t i = 0; i < e->n; i++) {
		const struct config_error *er = &e->v[i];
		fprintf(out, "%s:", er->file ? er->file : "?");
		if (er->line > 0)
			fprintf(out, "%d:", er->line);
		if (er->line > 0 && er->col > 0)
			fprintf(out, "%d:", er->col);
		fputc(' ', out);
		put_clean(out, er->message ? er->message : "out of memory",
			  1 << 20);
		fputc('\n', out);
		if (er->text)
			print_caret(out, er->text, er->col);
	}
}

void config_errors_clear(struct config_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].file);
		free(e->v[i].message);
		free(e->v[i].text);
	}
	free(e->v);
	e->v = NULL;
	e->n = 0;
}
