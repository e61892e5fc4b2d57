/* words.c: the tokenizer shared by the config file, bindings and socket. */
#include "words.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
	char *s;
	size_t len, cap;
};

static bool buf_put(struct buf *b, char ch)
{
	if (b->len + 1 >= b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		char *s = realloc(b->s, cap);
		if (!s)
			return false;
		b->s = s;
		b->cap = cap;
	}
	b->s[b->len++] = ch;
	b->s[b->len] = '\0';
	return true;
}

static char unescape(char ch)
{
	switch (ch) {
	case 'n':
		return '\n';
	case 't':
		return '\t';
	default:
		return ch;
	}
}

/* Read one word starting at line[*i] into b; returns false on error. */
static bool read_word(const char *line, int *i, struct buf *b, char *err,
		      size_t len, int *err_col)
{
	char quote = 0;
	int open = 0;
	for (; line[*i]; (*i)++) {
		char ch = line[*i];
		if (!quote && strchr(" \t\r\n", ch))
			break;
		if (!quote && (ch == '"' || ch == '\'')) {
			quote = ch;
			open = *i;
			continue;
		}
		if (quote && ch == quote) {
			quote = 0;
			continue;
		}
		if (ch == '\\' && quote != '\'' && line[*i + 1])
			ch = quote ? unescape(line[++*i]) : line[++*i];
		if (!buf_put(b, ch)) {
			snprintf(err, len, "out of memory");
			*err_col = *i;
			return false;
		}
	}
	if (quote) {
		snprintf(err, len, "unterminated %s quote",
			 quote == '"' ? "double" : "single");
		*err_col = open;
		return false;
	}
	if (!b->s && !buf_put(b, '\0'))
		return false;
	return true;
}

/* A # opens a comment as the first word of a line or as a word of its
 * own (followed by a blank); elsewhere it is text, as in #5e81ac. */
static bool starts_comment(const char *line, int i, int nwords)
{
	if (line[i] != '#')
		return false;
	char next = line[i + 1];
	return nwords == 0 || !next || strchr(" \t\r\n", next);
}

int words_split(const char *line, struct words *out, char *err, size_t len,
		int *err_col)
{
	memset(out, 0, sizeof(*out));
	int i = 0;
	for (;;) {
		while (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' ||
		       line[i] == '\n')
			i++;
		if (!line[i] || starts_comment(line, i, out->n))
			return out->n;
		if (out->n == WORDS_MAX) {
			snprintf(err, len, "too many words (at most %d)",
				 WORDS_MAX);
			*err_col = i;
			words_free(out);
			return -1;
		}
		struct buf b = {0};
		out->col[out->n] = i;
		if (!read_word(line, &i, &b, err, len, err_col)) {
			free(b.s);
			words_free(out);
			return -1;
		}
		out->end[out->n] = i;
		out->w[out->n++] = b.s;
	}
}

void words_free(struct words *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->w[i]);
	w->n = 0;
}
