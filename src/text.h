/* text.h: window titles in the encodings X programs use, made UTF-8. */
#ifndef CTILE_TEXT_H
#define CTILE_TEXT_H

#include <stddef.h>

enum text_encoding {
	TEXT_UTF8,     /* UTF8_STRING, as _NET_WM_NAME is */
	TEXT_LATIN1,   /* STRING: ISO 8859-1 by ICCCM (or UTF-8, if valid) */
	TEXT_COMPOUND, /* COMPOUND_TEXT: ISO 2022, Latin-1 to start with */
};

/* Convert len bytes of data to UTF-8 in out (size bytes, NUL-terminated),
 * never cutting a character in two; control characters become blanks.
 * COMPOUND_TEXT is decoded whole: the character sets designated to either
 * half (ISO 8859 right halves, JIS X 0201/0208/0212, GB 2312, KS C 5601,
 * CNS 11643), UTF-8 segments and Xlib's extended segments (Big5, GBK,
 * KOI8); what cannot be decoded becomes U+FFFD, a stray byte in a UTF-8
 * segment too. Invalid UTF-8 in UTF8_STRING or STRING is kept as it is: the
 * bar makes it valid when it draws. */
void text_to_utf8(const char *data, size_t len, enum text_encoding enc,
		  char *out, size_t size);

#endif
