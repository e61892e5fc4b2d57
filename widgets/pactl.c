/* pactl.c: parse pactl's output lines and format the volume widget's text.
 * pactl runs with LC_ALL=C, but a decimal comma in a dB value is accepted
 * all the same, and anything unexpected is "not this kind of line". */
#include "pactl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VOLUME_NORM 65536u /* PA_VOLUME_NORM: 100% */

static const char *skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* s after the prefix p, or NULL when s does not start with p. */
static const char *after(const char *s, const char *p)
{
	size_t n = strlen(p);
	return strncmp(s, p, n) ? NULL : s + n;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       is_digit(c) || c == '-' || c == '_';
}

/* Decimal digits as a number no greater than max; NULL if there are none
 * or it is greater. */
static const char *parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	const char *start = s;
	for (; is_digit(*s); s++) {
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > max)
			return NULL;
	}
	*out = v;
	return s == start ? NULL : s;
}

/* The end of a line: blanks and a \r at most. */
static bool at_end(const char *s)
{
	s = skip_blank(s);
	return *s == '\0' || (s[0] == '\r' && s[1] == '\0');
}

enum pactl_event pactl_parse_event(const char *line)
{
	const char *s = after(line, "Event '"), *facility;
	if (!s || !(*s >= 'a' && *s <= 'z'))
		return PACTL_EVENT_NONE;
	while (*s >= 'a' && *s <= 'z')
		s++;
	if (!(s = after(s, "' on ")))
		return PACTL_EVENT_NONE;
	facility = s;
	while ((*s >= 'a' && *s <= 'z') || *s == '-')
		s++;
	size_t n = (size_t)(s - facility);
	uint64_t index;
	if (!n || !(s = after(s, " #")) ||
	    !(s = parse_uint(s, UINT32_MAX, &index)) || !at_end(s))
		return PACTL_EVENT_NONE;
	/* "sink-input" and "sink" share a prefix: compare the whole word. */
	if (n == 4 && !strncmp(facility, "sink", n))
		return PACTL_EVENT_SINK;
	if (n == 6 && !strncmp(facility, "server", n))
		return PACTL_EVENT_SERVER;
	return PACTL_EVENT_OTHER;
}

/* A dB value: "-18.06", "0,00", "-inf". */
static const char *parse_db(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (after(s, "inf"))
		return s + 3;
	const char *start = s;
	while (is_digit(*s))
		s++;
	if (s == start)
		return NULL;
	if ((*s == '.' || *s == ',') && is_digit(s[1]))
		for (s++; is_digit(*s);)
			s++;
	return s;
}

/* One channel, "front-left: 32768 /  50% / -18.06 dB" (the dB part is
 * missing where a sink has no dB scale): its raw volume. */
static const char *parse_channel(const char *s, uint64_t *raw)
{
	const char *name = s;
	uint64_t percent;
	while (is_name_char(*s))
		s++;
	if (s == name || *s++ != ':')
		return NULL;
	if (!(s = parse_uint(skip_blank(s), UINT32_MAX, raw)))
		return NULL;
	s = skip_blank(s);
	if (*s++ != '/')
		return NULL;
	if (!(s = parse_uint(skip_blank(s), UINT32_MAX, &percent)) ||
	    *s++ != '%')
		return NULL;
	const char *next = skip_blank(s);
	if (*next != '/')
		return s;
	if (!(s = parse_db(skip_blank(next + 1))))
		return NULL;
	return after(skip_blank(s), "dB");
}

int pactl_parse_volume(const char *line)
{
	const char *s = after(skip_blank(line), "Volume:");
	uint64_t sum = 0, n = 0;
	if (!s)
		return -1;
	for (;;) {
		uint64_t raw;
		if (!(s = parse_channel(skip_blank(s), &raw)))
			return -1;
		sum += raw;
		n++;
		s = skip_blank(s);
		if (*s != ',')
			break;
		s++;
	}
	if (!at_end(s))
		return -1;
	/* The average, rounded to the nearest percent as pactl rounds. */
	return (int)((sum * 100 + n * VOLUME_NORM / 2) / (n * VOLUME_NORM));
}

int pactl_parse_mute(const char *line)
{
	const char *s = after(skip_blank(line), "Mute:"), *end;
	if (!s)
		return -1;
	s = skip_blank(s);
	if ((end = after(s, "yes")) && at_end(end))
		return 1;
	if ((end = after(s, "no")) && at_end(end))
		return 0;
	return -1;
}

bool pactl_is_connection_failure(const char *line)
{
	return after(line, "Connection failure:") ||
	       after(line, "pa_context_connect() failed");
}

void pactl_reply_init(struct pactl_reply *r)
{
	*r = (struct pactl_reply){.volume = -1, .mute = -1};
}

void pactl_reply_line(struct pactl_reply *r, const char *line)
{
	int v;
	if (r->volume < 0 && (v = pactl_parse_volume(line)) >= 0)
		r->volume = v;
	else if (r->mute < 0 && (v = pactl_parse_mute(line)) >= 0)
		r->mute = v;
	else if (pactl_is_connection_failure(line))
		r->no_server = true;
}

char *pactl_format_check(const char *format)
{
	char *error = NULL;
	for (const char *p = format; (p = strchr(p, '%')); p += 2) {
		if (p[1] == 'v' || p[1] == 'm' || p[1] == '%')
			continue;
		if (!p[1]) {
			if (asprintf(&error,
				     "format '%.64s' ends in a lone %%: "
				     "write %%%% for a %% sign",
				     format) < 0)
				error = NULL;
		} else if (asprintf(&error,
				    "format '%.64s': unknown %%%c (%%v is the "
				    "volume, %%m the mute state, %%%% a %% "
				    "sign)",
				    format, p[1]) < 0) {
			error = NULL;
		}
		return error ? error : strdup("bad format");
	}
	return NULL;
}

void pactl_format(char *out, size_t len, const char *format, int volume,
		  bool muted)
{
	size_t n = 0;
	if (!len)
		return;
	for (const char *p = format; *p && n + 1 < len; p++) {
		char num[16];
		const char *piece = NULL;
		if (*p != '%' || !p[1]) {
			out[n++] = *p;
			continue;
		}
		p++;
		if (*p == 'v') {
			snprintf(num, sizeof(num), "%d", volume);
			piece = num;
		} else if (*p == 'm') {
			piece = muted ? "muted" : "";
		} else {
			out[n++] = *p; /* %% and what the check let pass */
			continue;
		}
		size_t k = strlen(piece);
		if (k > len - 1 - n)
			k = len - 1 - n;
		memcpy(out + n, piece, k);
		n += k;
	}
	out[n] = '\0';
}
