/* config_parse.c: config text to a struct config, with every error found. */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xkbcommon/xkbcommon-keysyms.h>

#include "command.h"
#include "config.h"
#include "wm.h"

#define LINE_MAX_BYTES 4096
#define FILE_MAX_BYTES (4 << 20)
#define INCLUDE_DEPTH  16

struct parser {
	struct wm scratch; /* runs the statements; target: the new config */
	struct config_errors *errs;
	int nerrors;
	char *files[INCLUDE_DEPTH]; /* real paths being read: no loops */
	int depth;
	int mode_line; /* where the open mode { began, 0: none */
	char *mode_file;
};

static void add_error(struct parser *p, const char *file, int line, int col,
		      const char *text, const char *fmt, ...)
{
	struct config_error *grown =
	    realloc(p->errs->v, (p->errs->n + 1) * sizeof(*grown));
	p->nerrors++;
	if (!grown)
		return;
	p->errs->v = grown;
	struct config_error *e = &grown[p->errs->n++];
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&e->message, fmt, ap) < 0)
		e->message = NULL;
	va_end(ap);
	e->file = strdup(file);
	e->text = text ? strdup(text) : NULL;
	e->line = line;
	e->col = col;
}

/* The defined variable whose name is longest at s (just after a $). */
static const struct variable *variable_at(const struct config *c, const char *s)
{
	const struct variable *best = NULL;
	for (size_t i = 0; i < c->nvars; i++) {
		size_t n = strlen(c->vars[i].name);
		if (strncmp(s, c->vars[i].name, n) == 0 &&
		    (!best || n > strlen(best->name)))
			best = &c->vars[i];
	}
	return best;
}

/* Expand variables; map[i] is the column in line of out[i]. */
static bool expand(const struct config *c, const char *line, char *out,
		   int *map, size_t len)
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
	if ((size_t)(s - line) + 1 > len)
		return false;
	for (const char *i = line; i < s; i++, o++) {
		out[o] = *i;
		map[o] = (int)(i - line);
	}
	while (*s) {
		const struct variable *v =
		    *s == '$' ? variable_at(c, s + 1) : NULL;
		const char *piece = v ? v->value : s;
		size_t n = v ? strlen(v->value) : 1;
		if (o + n >= len)
			return false;
		for (size_t k = 0; k < n; k++) {
			out[o + k] = piece[k];
			map[o + k] = (int)(s - line);
		}
		o += n;
		s += v ? 1 + strlen(v->name) : 1;
	}
	out[o] = '\0';
	map[o] = (int)(s - line);
	return true;
}

bool config_expand(const struct config *c, const char *line, char *out,
		   size_t len)
{
	if (len == 0)
		return false;
	int *map = malloc((len + 1) * sizeof(*map));
	bool ok = map && expand(c, line, out, map, len);
	free(map);
	return ok;
}

static void parse_file(struct parser *p, const char *path, const char *from,
		       int from_line, const char *from_text);

/* include PATTERN: ~ is $HOME; relative to the including file's folder. */
static void parse_include(struct parser *p, const struct words *w,
			  const int *map, const char *file, int line,
			  const char *text)
{
	if (w->n != 2) {
		bool missing = w->n < 2;
		add_error(p, file, line,
			  map[missing ? w->end[0] : w->col[2]] + 1, text,
			  "include: %s argument%s; usage: include PATH",
			  missing ? "missing" : "too many", missing ? "" : "s");
		return;
	}
	const char *arg = w->w[1], *home = getenv("HOME");
	char *pattern = NULL, *copy = strdup(file);
	int r;
	if (arg[0] == '~' && (arg[1] == '/' || !arg[1]))
		r = asprintf(&pattern, "%s%s", home ? home : "", arg + 1);
	else if (arg[0] == '/')
		r = asprintf(&pattern, "%s", arg);
	else
		r = asprintf(&pattern, "%s/%s", copy ? dirname(copy) : ".",
			     arg);
	free(copy);
	if (r < 0)
		return;
	glob_t g;
	int found = glob(pattern, GLOB_TILDE_CHECK, NULL, &g);
	bool literal = !strpbrk(arg, "*?[");
	if (found == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			parse_file(p, g.gl_pathv[i], file, line, text);
		globfree(&g);
	} else if (literal) {
		add_error(p, file, line, map[w->col[1]] + 1, text,
			  "include: cannot read '%s': no such file", pattern);
	}
	free(pattern);
}

/* mode NAME [oneshot] {   opens a block of bindings; } closes it. */
static bool parse_mode_open(struct parser *p, const struct words *w,
			    const int *map, const char *file, int line,
			    const char *text)
{
	struct config *c = p->scratch.target;
	if (w->n < 3 || strcmp(w->w[w->n - 1], "{") != 0)
		return false;
	bool oneshot = w->n == 4 && strcmp(w->w[2], "oneshot") == 0;
	if (w->n > 4 || (w->n == 4 && !oneshot)) {
		add_error(p, file, line, map[w->col[2]] + 1, text,
			  "mode: usage: mode NAME [oneshot] {");
		return true;
	}
	if (p->mode_line) {
		add_error(p, file, line, map[w->col[0]] + 1, text,
			  "mode: modes do not nest (the one from line %d is "
			  "still open)",
			  p->mode_line);
		return true;
	}
	size_t m = 0;
	while (m < c->nmodes && strcmp(c->modes[m].name, w->w[1]) != 0)
		m++;
	if (m == c->nmodes) {
		struct mode *grown =
		    realloc(c->modes, (c->nmodes + 1) * sizeof(*grown));
		if (!grown)
			return true;
		c->modes = grown;
		c->modes[m] = (struct mode){.name = strdup(w->w[1])};
		c->nmodes++;
	}
	c->modes[m].oneshot = oneshot;
	c->cur_mode = m;
	p->mode_line = line;
	free(p->mode_file);
	p->mode_file = strdup(file);
	return true;
}

static void parse_statement(struct parser *p, const char *expanded,
			    const int *map, const struct words *w,
			    const char *file, int line, const char *text)
{
	const struct command *cmd = command_find(w->w[0]);
	char err[512];
	int col = 0;
	if (cmd && !(cmd->flags & CMD_CONFIG)) {
		add_error(p, file, line, map[w->col[0]] + 1, text,
			  "'%s' is a command, not a config statement (bind it "
			  "to a key)",
			  w->w[0]);
		return;
	}
	struct config *c = p->scratch.target;
	c->parse_file = file;
	c->parse_line = line;
	c->parse_map = map;
	if (!command_run(&p->scratch, expanded, err, sizeof(err), &col))
		add_error(p, file, line, map[col] + 1, text, "%s", err);
	c->parse_map = NULL;
}

static void parse_line(struct parser *p, const char *text, const char *file,
		       int line)
{
	static const size_t cap = LINE_MAX_BYTES * 4;
	char *expanded = malloc(cap);
	int *map = malloc((cap + 1) * sizeof(*map));
	struct words w = {0};
	char err[256];
	int col = 0;
	if (!expanded || !map) {
		add_error(p, file, line, 0, NULL, "out of memory");
	} else if (!expand(p->scratch.target, text, expanded, map, cap)) {
		add_error(p, file, line, 0, text,
			  "line too long once variables are expanded");
	} else if (words_split(expanded, &w, err, sizeof(err), &col) < 0) {
		add_error(p, file, line, map[col] + 1, text, "%s", err);
	} else if (w.n == 0) {
		/* blank or comment */
	} else if (!strcmp(w.w[0], "include")) {
		parse_include(p, &w, map, file, line, text);
	} else if (!strcmp(w.w[0], "}") && w.n == 1) {
		if (!p->mode_line)
			add_error(p, file, line, map[w.col[0]] + 1, text,
				  "'}' closes no mode");
		p->mode_line = 0;
		p->scratch.target->cur_mode = 0;
	} else if (strcmp(w.w[0], "mode") != 0 ||
		   !parse_mode_open(p, &w, map, file, line, text)) {
		parse_statement(p, expanded, map, &w, file, line, text);
	}
	words_free(&w);
	free(expanded);
	free(map);
}

/* Lines end in \n (a \r before it is dropped); a \ at the very end joins
 * the next line. A NUL byte or an over-long line spoils only its line. */
static void parse_text(struct parser *p, const char *text, size_t len,
		       const char *file)
{
	char *logical = malloc(LINE_MAX_BYTES);
	size_t used = 0;
	int line = 0, first = 1;
	bool spoiled = false;
	for (size_t pos = 0; logical && pos < len;) {
		const char *start = text + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		pos += n + (nl != NULL);
		line++;
		if (used == 0 && !spoiled)
			first = line;
		if (n && start[n - 1] == '\r')
			n--;
		bool joins = n && start[n - 1] == '\\';
		n -= joins;
		const char *nul = memchr(start, '\0', n);
		if (nul && !spoiled) {
			add_error(p, file, line, (int)(nul - start) + 1, NULL,
				  "NUL byte in the line");
			spoiled = true;
		} else if (!spoiled && used + n >= LINE_MAX_BYTES) {
			add_error(p, file, first, 0, NULL,
				  "line too long (at most %d bytes)",
				  LINE_MAX_BYTES - 1);
			spoiled = true;
		} else if (!spoiled) {
			memcpy(logical + used, start, n);
			used += n;
		}
		if (joins && pos < len)
			continue; /* a \ on the last line joins nothing */
		logical[used] = '\0';
		if (!spoiled)
			parse_line(p, logical, file, first);
		used = 0;
		spoiled = false;
	}
	free(logical);
}

/* Where a whole-file error is reported: the include that read the file,
 * or the file itself (line 0) when ctile started from it. */
struct file_ref {
	const char *where, *text;
	int line;
};

/* A descriptor of path if it is a regular file of a sane size, else -1
 * with an error. Non-blocking, so a FIFO or a device named by mistake
 * gets an error instead of hanging ctile for good. */
static int open_regular(struct parser *p, const char *path,
			const struct file_ref *r, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, st) < 0)
		add_error(p, r->where, r->line, 0, r->text,
			  "cannot read '%s': %s", path, strerror(errno));
	else if (S_ISDIR(st->st_mode))
		add_error(p, r->where, r->line, 0, r->text,
			  "'%s' is a directory, not a config file", path);
	else if (!S_ISREG(st->st_mode))
		add_error(p, r->where, r->line, 0, r->text,
			  "'%s' is not a regular file", path);
	else if (st->st_size > FILE_MAX_BYTES)
		add_error(p, r->where, r->line, 0, r->text,
			  "'%s' is larger than %d MiB", path,
			  FILE_MAX_BYTES >> 20);
	else
		return fd;
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Up to max bytes of fd; false on a read error (errno says why). A file
 * that shrank since fstat is read to its new end. */
static bool read_fd(int fd, char *buf, size_t max, size_t *len)
{
	*len = 0;
	while (*len < max) {
		ssize_t got = read(fd, buf + *len, max - *len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return false;
		if (got == 0)
			break;
		*len += (size_t)got;
	}
	return true;
}

/* The whole file, or NULL with an error. */
static char *read_whole(struct parser *p, const char *path, size_t *len,
			const struct file_ref *r)
{
	struct stat st;
	int fd = open_regular(p, path, r, &st);
	if (fd < 0)
		return NULL;
	char *buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		add_error(p, r->where, r->line, 0, r->text,
			  "cannot read '%s': out of memory", path);
	else if (!read_fd(fd, buf, (size_t)st.st_size, len)) {
		add_error(p, r->where, r->line, 0, r->text,
			  "cannot read '%s': %s", path, strerror(errno));
		free(buf);
		buf = NULL;
	}
	close(fd);
	return buf;
}

static void parse_file(struct parser *p, const char *path, const char *from,
		       int from_line, const char *from_text)
{
	char real[PATH_MAX];
	if (!realpath(path, real))
		snprintf(real, sizeof(real), "%s", path);
	for (int i = 0; i < p->depth; i++) {
		if (strcmp(p->files[i], real) == 0) {
			add_error(p, from ? from : path, from_line, 0,
				  from_text,
				  "include loop: '%s' is already "
				  "being read",
				  path);
			return;
		}
	}
	if (p->depth == INCLUDE_DEPTH) {
		add_error(p, from ? from : path, from_line, 0, from_text,
			  "includes nest deeper than %d", INCLUDE_DEPTH);
		return;
	}
	size_t len = 0;
	struct file_ref r = {from ? from : path, from_text,
			     from ? from_line : 0};
	char *text = read_whole(p, path, &len, &r);
	if (!text)
		return;
	p->files[p->depth++] = strdup(real);
	parse_text(p, text, len, path);
	free(p->files[--p->depth]);
	free(text);
}

static void parser_init(struct parser *p, struct config *c,
			struct config_errors *errs)
{
	*p = (struct parser){.errs = errs};
	wm_init(&p->scratch);
	p->scratch.target = c;
	model_set_ntags(&p->scratch.model, c->ntags);
	model_add_monitor(&p->scratch.model, (struct rect){0, 0, 1280, 800});
}

/* Escape leaves any mode that does not bind it itself: no user is ever
 * stuck in a mode. */
static void add_mode_exits(struct parser *p)
{
	struct config *c = p->scratch.target;
	char err[128];
	int col;
	for (size_t m = 1; m < c->nmodes; m++) {
		bool bound = false;
		for (size_t b = 0; b < c->modes[m].nbindings; b++)
			bound |=
			    c->modes[m].bindings[b].keysym == XKB_KEY_Escape &&
			    !c->modes[m].bindings[b].mods;
		c->cur_mode = m;
		if (!bound)
			command_run(&p->scratch, "bind Escape mode default",
				    err, sizeof(err), &col);
	}
}

/* Every `mode NAME` a binding named must exist once the file is read. */
static void check_mode_refs(struct parser *p)
{
	struct config *c = p->scratch.target;
	for (size_t i = 0; i < c->nmode_refs; i++) {
		struct mode_ref *r = &c->mode_refs[i];
		size_t m = 0;
		while (m < c->nmodes && strcmp(c->modes[m].name, r->name))
			m++;
		if (m == c->nmodes)
			add_error(p, r->file, r->line, r->col, NULL,
				  "mode: no mode called '%s'", r->name);
		free(r->name);
		free(r->file);
	}
	free(c->mode_refs);
	c->mode_refs = NULL;
	c->nmode_refs = 0;
	c->parse_file = NULL;
}

static int parser_finish(struct parser *p)
{
	check_mode_refs(p);
	if (p->mode_line)
		add_error(p, p->mode_file, p->mode_line, 0, NULL,
			  "mode is not closed with }");
	add_mode_exits(p);
	p->scratch.target->cur_mode = 0;
	free(p->mode_file);
	wm_finish(&p->scratch);
	return p->nerrors;
}

int config_parse_text(struct config *c, const char *text, size_t len,
		      const char *name, struct config_errors *errs)
{
	struct parser p;
	parser_init(&p, c, errs);
	parse_text(&p, text, len, name);
	return parser_finish(&p);
}

int config_parse_file(struct config *c, const char *path,
		      struct config_errors *errs)
{
	struct parser p;
	parser_init(&p, c, errs);
	parse_file(&p, path, NULL, 0, NULL);
	return parser_finish(&p);
}
