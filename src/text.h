/* text.h: window titles in the encodings X programs use, made UTF-8. */
#ifndef CTILE_TEXT_H
#define CTILE_TEXT_H

#include <stddef.h>

enum text_encoding {
	TEXT_UTF8,     /* UTF8_STRING, as _NET_WM_NAME is */
	TEXT_LATIN1,   /* STRING: ISO 8859-1 by ICCCM (or UTF-8, if valid) */
	TEXT_COMPOUND, /* COMPOUND_TEXT: Latin-1 with escapes to other sets */
};

/* Convert len bytes of data to UTF-8 in out (size bytes, NUL-terminated),
 * never cutting a character in two; control characters become blanks.
 * Of COMPOUND_TEXT the UTF-8 segments (ESC % G) and Latin-1 are kept;
 * other character sets' escapes are dropped. Invalid UTF-8 is kept as it
 * is: the bar makes it valid when it draws. */
void text_to_utf8(const char *data, size_t len, enum text_encoding enc,
		  char *out, size_t size);

#endif
