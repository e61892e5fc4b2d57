/* clock.c: the time in a strftime format, in the zone $TZ says. It wakes
 * only when its text can change: each minute, or each second when the
 * format shows seconds. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "text_widget.h"

struct clock {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format;
	bool seconds;
};

bool clock_shows_seconds(const char *format)
{
	for (const char *p = format; (p = strchr(p, '%')); p++) {
		p++;
		if (*p == 'E' || *p == 'O')
			p++;
		if (*p && strchr("sSTXcr+", *p))
			return true;
		if (!*p)
			break;
	}
	return false;
}

static void *clock_create(const struct widget_args *a, char **error)
{
	const char *format = widget_arg(a, "format");
	if (format && !*format) {
		*error = strdup("format= is empty");
		return NULL;
	}
	struct clock *c = calloc(1, sizeof(*c));
	if (!c || !(c->format = strdup(format ? format : "%a %d %b %H:%M"))) {
		free(c);
		return NULL;
	}
	c->seconds = clock_shows_seconds(c->format);
	tzset();
	return c;
}

static bool clock_update(void *self, const struct bar_ctx *ctx)
{
	struct clock *c = self;
	(void)ctx;
	char buf[256];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	if (!strftime(buf, sizeof(buf), c->format, &tm))
		buf[0] = '\0';
	return text_cache_set(&c->text.text, buf);
}

static int64_t clock_next(void *self, int64_t now_ms)
{
	struct clock *c = self;
	return widget_next_tick_ms(now_ms, c->seconds ? 1000 : 60000);
}

static void clock_destroy(void *self)
{
	struct clock *c = self;
	free(c->format);
	text_cache_free(&c->text.text);
	free(c);
}

const struct widget_ops widget_clock = {
    .name = "clock",
    .create = clock_create,
    .update = clock_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .next_wakeup_ms = clock_next,
    .destroy = clock_destroy,
};
