/* fuzz_text.c: libFuzzer target for window titles, which any client may
 * set to any bytes (WM_NAME as STRING or COMPOUND_TEXT, _NET_WM_NAME).
 *
 * The first input byte picks the encoding and the size of the output
 * buffer; the rest is the title. Whatever it is, the output ends in a NUL
 * inside the buffer, holds no control character, and is the start of
 * the same title converted with room to spare, no character cut in two at
 * the end (the bar's ellipsizing counts on it). */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why)
{
	fprintf(stderr, "fuzz_text: %s\n", why);
	abort();
}

/* out (n bytes) is the start of whole, the title converted with room to
 * spare, and ends on a character boundary of it: where whole has a valid
 * character, out holds all of it or none. (Invalid UTF-8 that came in is
 * kept as it is, and not judged.) */
static void check_prefix(const char *out, size_t n, const char *whole,
			 size_t whole_n)
{
	if (n > whole_n || memcmp(out, whole, n) != 0)
		fail("a title cut short differs from the whole one");
	const char *end;
	g_utf8_validate(out, (gssize)n, &end);
	size_t v = (size_t)(end - out);
	if (v == n || n - v >= 4)
		return;
	gunichar ch =
	    g_utf8_get_char_validated(whole + v, (gssize)(whole_n - v));
	if (ch == (gunichar)-1 || ch == (gunichar)-2)
		return;
	size_t len = (size_t)(g_utf8_next_char(whole + v) - (whole + v));
	if (v + len > n)
		fail("a character is cut in two at the end");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const enum text_encoding encodings[] = {TEXT_UTF8, TEXT_LATIN1,
						       TEXT_COMPOUND};
	enum text_encoding enc = encodings[data[0] % 3];
	size_t out_size = 1 + (size_t)(data[0] >> 2); /* 1 to 64 */
	/* Guard bytes after the buffer: a write past its end changes them
	 * (ASan sees it too, this says which). */
	char *out = malloc(out_size + 8);
	if (!out)
		return 0;
	memset(out, 0x55, out_size + 8);
	text_to_utf8((const char *)data + 1, size - 1, enc, out, out_size);
	for (size_t i = 0; i < 8; i++)
		if ((unsigned char)out[out_size + i] != 0x55)
			fail("wrote past the end of the buffer");
	size_t n = strnlen(out, out_size);
	if (n == out_size)
		fail("no NUL inside the buffer");
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7F)
			fail("a control character came through");
	static char whole[1 << 16];
	text_to_utf8((const char *)data + 1, size - 1, enc, whole,
		     sizeof(whole));
	check_prefix(out, n, whole, strlen(whole));
	free(out);
	return 0;
}
