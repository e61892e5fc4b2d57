/* log.c: levelled logging to stderr; the level comes from CTILE_LOG. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

/* The one mutable file-scope value besides the signal flag: it is set once
 * at start and only filters output. */
static enum log_level threshold = LOG_INFO;

void log_set_level(enum log_level level)
{
	threshold = level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *const names[] = {"debug", "info", "warning",
					    "error"};
	if (level < threshold)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "ctile: %s: ", names[level]);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
