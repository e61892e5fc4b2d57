/* text.c: Latin-1 and COMPOUND_TEXT titles to UTF-8, bounded.
 *
 * COMPOUND_TEXT (X Consortium, "Compound Text Encoding", version 1.1) is
 * ISO 2022: 8-bit text whose left half (GL, 0x21-0x7e) and right half (GR,
 * 0xa0-0xff) each hold a character set named by escape sequences. It starts
 * as ASCII in GL and the Latin-1 right half in GR, which is why plain Latin-1
 * is valid compound text. Modern Xlib also emits UTF-8 segments
 * (ESC % G ... ESC % @) for characters no charset has. The sets themselves
 * are decoded by glibc's iconv: a set's bytes with the high bit set are its
 * EUC or ISO 8859 form, which iconv knows. */
#include "text.h"

#include <errno.h>
#include <glib.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#define ESC	    0x1b
#define STX	    0x02
#define CSI	    0x9b	   /* C1 control: direction, in compound text */
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD, for what cannot be decoded */
#define LEN(a)	    (sizeof(a) / sizeof((a)[0]))

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

static void put_replacement(struct sink *s)
{
	put(s, REPLACEMENT, strlen(REPLACEMENT));
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

/* A UTF-8 sequence starting at data: its length, or 1 for a stray byte.
 * Only continuation bytes continue it: a control byte (or a NUL) after a
 * lead byte must not slip through inside a "character". */
static size_t utf8_len(const unsigned char *d, size_t left)
{
	size_t n = d[0] < 0x80		   ? 1
		   : (d[0] & 0xe0) == 0xc0 ? 2
		   : (d[0] & 0xf0) == 0xe0 ? 3
		   : (d[0] & 0xf8) == 0xf0 ? 4
					   : 1;
	if (n > left)
		return 1;
	for (size_t i = 1; i < n; i++)
		if ((d[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

static void put_utf8(struct sink *s, const unsigned char *d, size_t n)
{
	if (n == 1 && (d[0] < 0x20 || d[0] == 0x7f))
		put(s, " ", 1);
	else
		put(s, (const char *)d, n);
}

/* UTF-8 text, a character at a time so that a full sink cuts none. A
 * stray byte is kept (the bar repairs it), or with strays_replaced is
 * U+FFFD: in COMPOUND_TEXT's UTF-8 segments two of them, apart in the
 * input (an escape between), would read as one character in the output. */
static void put_utf8_run(struct sink *s, const unsigned char *d, size_t len,
			 bool strays_replaced)
{
	for (size_t i = 0; i < len && !s->full;) {
		size_t n = utf8_len(d + i, len - i);
		if (strays_replaced && n == 1 && d[i] >= 0x80)
			put_replacement(s);
		else
			put_utf8(s, d + i, n);
		i += n;
	}
}

/* -- iconv */

/* iconv descriptors to UTF-8, opened on first use and kept for good: titles
 * change often and iconv_open loads a module. There are fewer names in the
 * tables below than places here. (iconv_t)-1 if glibc lacks the encoding. */
static iconv_t converter(const char *name)
{
	static struct {
		const char *name;
		iconv_t cd;
	} cache[40];
	for (size_t i = 0; i < LEN(cache); i++) {
		if (!cache[i].name) {
			cache[i].name = name;
			cache[i].cd = iconv_open("UTF-8", name);
		}
		if (!strcmp(cache[i].name, name))
			return cache[i].cd;
	}
	return (iconv_t)-1;
}

/* Exactly one character's n bytes through cd, or U+FFFD if iconv refuses
 * them (unassigned, or not a whole character). */
static void put_converted_char(struct sink *s, iconv_t cd, char *in, size_t n)
{
	char out[16], *o = out;
	size_t room = sizeof(out);
	if (cd == (iconv_t)-1 || iconv(cd, &in, &n, &o, &room) == (size_t)-1 ||
	    n) {
		if (cd != (iconv_t)-1)
			iconv(cd, NULL, NULL, NULL, NULL);
		put_replacement(s);
		return;
	}
	put_utf8_run(s, (const unsigned char *)out, (size_t)(o - out), false);
}

/* What a stateful converter still holds (CP1255 keeps a base letter back
 * for the accent that may follow) goes out, and cd starts afresh: it is
 * kept for the next title. */
static void converter_flush(struct sink *s, iconv_t cd)
{
	char out[16], *o = out;
	size_t room = sizeof(out);
	if (iconv(cd, NULL, NULL, &o, &room) != (size_t)-1 && !s->full)
		put_utf8_run(s, (const unsigned char *)out, (size_t)(o - out),
			     false);
	iconv(cd, NULL, NULL, NULL, NULL);
}

/* A run of text through cd; each byte iconv rejects becomes U+FFFD. */
static void put_converted_run(struct sink *s, iconv_t cd,
			      const unsigned char *d, size_t n)
{
	char *in = (char *)d;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (n && !s->full) {
		char out[64], *o = out;
		size_t room = sizeof(out);
		size_t r = iconv(cd, &in, &n, &o, &room);
		put_utf8_run(s, (const unsigned char *)out, (size_t)(o - out),
			     false);
		/* E2BIG with progress only means out was full: go on. */
		if (r == (size_t)-1 && (errno != E2BIG || o == out)) {
			iconv(cd, NULL, NULL, NULL, NULL);
			put_replacement(s);
			in++;
			n--;
		}
	}
	converter_flush(s, cd);
}

/* -- character sets */

/* ISO 2022 set sizes: 94 or 96 one-byte characters, or 94^n of n bytes. */
enum set_kind { SET_94, SET_96, SET_94N };

/* How a set's characters become UTF-8. */
enum set_conv {
	CONV_UNKNOWN,	/* a set we cannot decode: U+FFFD per character */
	CONV_ASCII,	/* ASCII, in GL or GR */
	CONV_LATIN1,	/* the initial GR set, spared iconv */
	CONV_JIS_ROMAN, /* JIS X 0201 Roman: ASCII but for yen and overline */
	CONV_ICONV,	/* prefix, then the bytes with high bit set, to iconv */
};

struct charset {
	enum set_kind kind;
	unsigned char final; /* the designation's final byte */
	enum set_conv conv;
	const char *iconv_name;
	const char *prefix;  /* EUC's SS2/SS3, for the sets EUC shifts to */
	unsigned char width; /* bytes per character */
};

/* The sets Xlib writes (lcCT.c), by their ISO-IR registered final bytes. */
static const struct charset charsets[] = {
    {SET_94, 'B', CONV_ASCII, NULL, "", 1},
    {SET_94, 'J', CONV_JIS_ROMAN, NULL, "", 1},
    {SET_94, 'I', CONV_ICONV, "EUC-JP", "\x8e", 1}, /* JIS X 0201 kana */
    {SET_96, 'A', CONV_LATIN1, NULL, "", 1},
    {SET_96, 'B', CONV_ICONV, "ISO-8859-2", "", 1},
    {SET_96, 'C', CONV_ICONV, "ISO-8859-3", "", 1},
    {SET_96, 'D', CONV_ICONV, "ISO-8859-4", "", 1},
    {SET_96, 'F', CONV_ICONV, "ISO-8859-7", "", 1}, /* Greek */
    {SET_96, 'G', CONV_ICONV, "ISO-8859-6", "", 1}, /* Arabic */
    {SET_96, 'H', CONV_ICONV, "ISO-8859-8", "", 1}, /* Hebrew */
    {SET_96, 'L', CONV_ICONV, "ISO-8859-5", "", 1}, /* Cyrillic */
    {SET_96, 'M', CONV_ICONV, "ISO-8859-9", "", 1},
    {SET_96, 'T', CONV_ICONV, "TIS-620", "", 1}, /* Thai */
    {SET_96, 'V', CONV_ICONV, "ISO-8859-10", "", 1},
    {SET_96, 'Y', CONV_ICONV, "ISO-8859-13", "", 1},
    {SET_96, '_', CONV_ICONV, "ISO-8859-14", "", 1},
    {SET_96, 'b', CONV_ICONV, "ISO-8859-15", "", 1},
    {SET_96, 'f', CONV_ICONV, "ISO-8859-16", "", 1},
    {SET_94N, 'A', CONV_ICONV, "EUC-CN", "", 2},	 /* GB 2312 */
    {SET_94N, '@', CONV_ICONV, "EUC-JP", "", 2},	 /* JIS C 6226-1978 */
    {SET_94N, 'B', CONV_ICONV, "EUC-JP", "", 2},	 /* JIS X 0208 */
    {SET_94N, 'C', CONV_ICONV, "EUC-KR", "", 2},	 /* KS C 5601 */
    {SET_94N, 'D', CONV_ICONV, "EUC-JP", "\x8f", 2},	 /* JIS X 0212 */
    {SET_94N, 'G', CONV_ICONV, "EUC-TW", "", 2},	 /* CNS 11643-1 */
    {SET_94N, 'H', CONV_ICONV, "EUC-TW", "\x8e\xa2", 2}, /* CNS 11643-2 */
};

/* Unknown sets: their size is known from the escape, so their characters
 * can still be counted and skipped. */
static const struct charset unknown_94 = {SET_94, 0, CONV_UNKNOWN, NULL, "", 1};
static const struct charset unknown_96 = {SET_96, 0, CONV_UNKNOWN, NULL, "", 1};
static const struct charset unknown_94n[] = {
    {SET_94N, 0, CONV_UNKNOWN, NULL, "", 2},
    {SET_94N, 0, CONV_UNKNOWN, NULL, "", 3},
    {SET_94N, 0, CONV_UNKNOWN, NULL, "", 4},
};

static const struct charset *charset_of(enum set_kind kind, unsigned char f)
{
	for (size_t i = 0; i < LEN(charsets); i++)
		if (charsets[i].kind == kind && charsets[i].final == f)
			return &charsets[i];
	if (kind != SET_94N)
		return kind == SET_94 ? &unknown_94 : &unknown_96;
	/* ISO 2022 gives a 94^n set's n by its final: 2 below 0x60, 3 below
	 * 0x70, 4 (or more) above. */
	return &unknown_94n[(f >= 0x60) + (f >= 0x70)];
}

/* Is ch a graphic byte of set cs in the half it is in? */
static bool in_set(const struct charset *cs, unsigned char ch)
{
	unsigned char low = ch & 0x7f;
	if (cs->kind == SET_96 && ch >= 0xa0)
		return true;
	return low >= 0x21 && low <= 0x7e;
}

static void put_jis_roman(struct sink *s, unsigned char ch)
{
	const char *yen = "\xc2\xa5", *overline = "\xe2\x80\xbe";
	if (ch == 0x5c)
		put(s, yen, strlen(yen));
	else if (ch == 0x7e)
		put(s, overline, strlen(overline));
	else
		put_latin1(s, ch);
}

/* One character of set cs, its bytes at d all in the same half as d[0]
 * (checked): how many bytes it took. An odd byte out, or a cut character,
 * becomes U+FFFD and only its first byte is taken. */
static size_t put_set_char(struct sink *s, const struct charset *cs,
			   const unsigned char *d, size_t left)
{
	for (size_t i = 0; i < cs->width; i++) {
		if (i >= left || (d[i] ^ d[0]) & 0x80 || !in_set(cs, d[i])) {
			put_replacement(s);
			return 1;
		}
	}
	unsigned char low = d[0] & 0x7f;
	if (cs->conv == CONV_ASCII)
		put_latin1(s, low);
	else if (cs->conv == CONV_LATIN1)
		put_latin1(s, d[0] | 0x80);
	else if (cs->conv == CONV_JIS_ROMAN)
		put_jis_roman(s, low);
	else if (cs->conv == CONV_UNKNOWN)
		put_replacement(s);
	else {
		char euc[8];
		size_t n = strlen(cs->prefix);
		memcpy(euc, cs->prefix, n);
		for (size_t i = 0; i < cs->width; i++)
			euc[n++] = (char)(d[i] | 0x80);
		put_converted_char(s, converter(cs->iconv_name), euc, n);
	}
	return cs->width;
}

/* -- compound text */

struct ct_state {
	const struct charset *gl, *gr; /* the sets designated to each half */
	bool utf8;		       /* in an ESC % G segment */
};

/* A designation (ESC I.. F) puts a set in GL or GR; true if it was one. */
static bool designate(struct ct_state *st, const unsigned char *mid,
		      size_t nmid, unsigned char final)
{
	static const struct {
		const char *mid;
		enum set_kind kind;
		bool gr;
	} forms[] = {
	    {"(", SET_94, false},   {")", SET_94, true},   {"-", SET_96, true},
	    {"$(", SET_94N, false}, {"$)", SET_94N, true},
	};
	for (size_t i = 0; i < LEN(forms); i++) {
		if (strlen(forms[i].mid) != nmid ||
		    memcmp(forms[i].mid, mid, nmid))
			continue;
		const struct charset *cs = charset_of(forms[i].kind, final);
		*(forms[i].gr ? &st->gr : &st->gl) = cs;
		return true;
	}
	return false;
}

/* Non-ISO 2022 encodings Xlib puts in extended segments, by X name. */
static const char *extended_encoding(const unsigned char *name, size_t n)
{
	static const char *const names[][2] = {
	    {"big5-0", "BIG5"},
	    {"big5hkscs-0", "BIG5-HKSCS"},
	    {"gbk-0", "GBK"},
	    {"koi8-r", "KOI8-R"},
	    {"koi8-u", "KOI8-U"},
	    {"microsoft-cp1251", "CP1251"},
	    {"microsoft-cp1255", "CP1255"},
	    {"microsoft-cp1256", "CP1256"},
	};
	for (size_t i = 0; i < LEN(names); i++)
		if (strlen(names[i][0]) == n &&
		    !strncasecmp(names[i][0], (const char *)name, n))
			return names[i][1];
	return NULL;
}

/* An extended segment, after its ESC % / F: M L (the length of the rest in
 * two 7-bit digits with high bits set), the encoding's name, STX, the text.
 * A segment in an encoding we do not know is one U+FFFD. Its length. */
static size_t extended_segment(struct sink *s, const unsigned char *d,
			       size_t left)
{
	if (left < 2 || d[0] < 0x80 || d[1] < 0x80) {
		put_replacement(s);
		return left < 2 ? left : 0;
	}
	size_t len = (size_t)(d[0] & 0x7f) << 7 | (d[1] & 0x7f);
	const unsigned char *body = d + 2;
	if (len > left - 2)
		len = left - 2; /* cut short: decode what there is */
	const unsigned char *stx = memchr(body, STX, len);
	const char *name = stx ? extended_encoding(body, stx - body) : NULL;
	iconv_t cd = name ? converter(name) : (iconv_t)-1;
	if (cd == (iconv_t)-1)
		put_replacement(s);
	else
		put_converted_run(s, cd, stx + 1, len - (stx + 1 - body));
	return 2 + len;
}

/* The escape sequence at d (ESC, intermediates 0x20-0x2f, a final byte):
 * it designates a set, enters or leaves UTF-8, starts an extended segment or
 * gives the version (ignored). Anything else, cut or invalid, is U+FFFD.
 * How many bytes it took, at least 1. */
static size_t escape(struct ct_state *st, struct sink *s,
		     const unsigned char *d, size_t left)
{
	size_t n = 1;
	while (n < left && d[n] >= 0x20 && d[n] <= 0x2f)
		n++;
	if (n == left || d[n] < 0x30 || d[n] > 0x7e) {
		put_replacement(s);
		return n; /* not the byte after, which may start anything */
	}
	const unsigned char *mid = d + 1;
	size_t nmid = n - 1;
	unsigned char final = d[n++];
	if (designate(st, mid, nmid, final))
		return n;
	if (nmid == 1 && mid[0] == '%' && (final == 'G' || final == '@'))
		st->utf8 = final == 'G';
	else if (nmid == 2 && !memcmp(mid, "%/", 2) && final <= '4')
		n += extended_segment(s, d + n, left - n);
	else if (!(nmid && mid[0] == '#'))
		put_replacement(s);
	return n;
}

/* CSI's direction sequences (CSI 1 ], CSI 2 ], CSI ]) are dropped: titles
 * are drawn left to right. Their length; a cut one is U+FFFD. */
static size_t control_sequence(struct sink *s, const unsigned char *d,
			       size_t left)
{
	size_t n = 1;
	while (n < left && d[n] >= 0x20 && d[n] <= 0x3f)
		n++;
	if (n == left || d[n] < 0x40 || d[n] > 0x7e) {
		put_replacement(s);
		return n;
	}
	return n + 1;
}

static void compound_to_utf8(struct sink *s, const unsigned char *d, size_t len)
{
	struct ct_state st = {charset_of(SET_94, 'B'), charset_of(SET_96, 'A'),
			      false};
	for (size_t i = 0; i < len && !s->full;) {
		unsigned char ch = d[i];
		const struct charset *cs = ch & 0x80 ? st.gr : st.gl;
		if (ch == ESC) {
			i += escape(&st, s, d + i, len - i);
		} else if (st.utf8) {
			/* Up to the ESC that ends it, even one inside a cut
			 * character: it must not pass for a continuation. */
			const unsigned char *esc = memchr(d + i, ESC, len - i);
			size_t run = esc ? (size_t)(esc - (d + i)) : len - i;
			put_utf8_run(s, d + i, run, true);
			i += run;
		} else if (ch == CSI) {
			i += control_sequence(s, d + i, len - i);
		} else if (in_set(cs, ch)) {
			i += put_set_char(s, cs, d + i, len - i);
		} else if (ch >= 0xa0) {
			put_replacement(s); /* 0xa0, 0xff: not in a 94 set */
			i++;
		} else {
			/* Controls, SPACE and DEL are the same in every set. */
			put_latin1(s, ch);
			i++;
		}
	}
}

void text_to_utf8(const char *data, size_t len, enum text_encoding enc,
		  char *out, size_t size)
{
	struct sink s = {out, size, 0, size == 0};
	const unsigned char *d = (const unsigned char *)data;
	/* Many programs (xsetroot among them) put UTF-8 in a STRING against
	 * ICCCM; Latin-1 text that is also valid UTF-8 is rare. */
	if (enc == TEXT_COMPOUND)
		compound_to_utf8(&s, d, len);
	else if (enc == TEXT_UTF8 || g_utf8_validate(data, (gssize)len, NULL))
		put_utf8_run(&s, d, len, false);
	else
		for (size_t i = 0; i < len && !s.full; i++)
			put_latin1(&s, d[i]);
	if (size)
		out[s.used] = '\0';
}
