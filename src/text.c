/* text.c: Latin-1 and COMPOUND_TEXT titles to UTF-8, bounded. */
#include "text.h"

#include <glib.h>
#include <stdbool.h>
#include <string.h>

struct sink {
	char *out;
	size_t size, used;
	bool full;
};

/* Append one character of n bytes, or mark the sink full. */
static void put(struct sink *s, const char *bytes, size_t n)
{
	if (s->full || s->used + n >= s->size) {
		s->full = true;
		return;
	}
	memcpy(s->out + s->used, bytes, n);
	s->used += n;
}

static void put_latin1(struct sink *s, unsigned char ch)
{
	if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
		put(s, " ", 1);
	} else if (ch < 0x80) {
		put(s, (const char *)&ch, 1);
	} else {
		char two[2] = {(char)(0xc0 | ch >> 6),
			       (char)(0x80 | (ch & 0x3f))};
		put(s, two, 2);
	}
}

/* A UTF-8 sequence starting at data: its length, or 1 for a stray byte. */
static size_t utf8_len(const unsigned char *d, size_t left)
{
	size_t n = d[0] < 0x80		   ? 1
		   : (d[0] & 0xe0) == 0xc0 ? 2
		   : (d[0] & 0xf0) == 0xe0 ? 3
		   : (d[0] & 0xf8) == 0xf0 ? 4
					   : 1;
	return n <= left ? n : 1;
}

static void put_utf8(struct sink *s, const unsigned char *d, size_t n)
{
	if (n == 1 && (d[0] < 0x20 || d[0] == 0x7f))
		put(s, " ", 1);
	else
		put(s, (const char *)d, n);
}

/* The length of the escape sequence at d (ESC, intermediates, final). */
static size_t escape_len(const unsigned char *d, size_t left)
{
	size_t n = 1;
	while (n < left && d[n] >= 0x20 && d[n] <= 0x2f)
		n++;
	return n < left ? n + 1 : left;
}

void text_to_utf8(const char *data, size_t len, enum text_encoding enc,
		  char *out, size_t size)
{
	struct sink s = {out, size, 0, size == 0};
	const unsigned char *d = (const unsigned char *)data;
	/* Many programs (xsetroot among them) put UTF-8 in a STRING against
	 * ICCCM; Latin-1 text that is also valid UTF-8 is rare. */
	bool utf8 =
	    enc == TEXT_UTF8 ||
	    (enc == TEXT_LATIN1 && g_utf8_validate(data, (gssize)len, NULL));
	for (size_t i = 0; i < len && !s.full;) {
		if (enc == TEXT_COMPOUND && d[i] == 0x1b) {
			size_t n = escape_len(d + i, len - i);
			if (n == 3 && d[i + 1] == '%')
				utf8 = d[i + 2] == 'G';
			i += n;
		} else if (utf8) {
			size_t n = utf8_len(d + i, len - i);
			put_utf8(&s, d + i, n);
			i += n;
		} else {
			put_latin1(&s, d[i++]);
		}
	}
	if (size)
		out[s.used] = '\0';
}
