/* battery.c: the charge and state of the system's batteries, from a
 * power_supply directory; it takes no room where there is no battery. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysinfo.h"
#include "text_widget.h"

struct battery {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format, *path;
	long interval; /* seconds */
};

static void battery_destroy(void *self)
{
	struct battery *b = self;
	if (!b)
		return;
	free(b->format);
	free(b->path);
	text_cache_free(&b->text.text);
	free(b);
}

static void *battery_create(const struct widget_args *a, char **error)
{
	const char *path = widget_arg(a, "path");
	if (path && !*path) {
		*error = strdup("path= is empty");
		return NULL;
	}
	struct battery *b = calloc(1, sizeof(*b));
	if (!b)
		return NULL;
	if (!sysinfo_options(a, 30, "bat %c%% %s", "cs", &b->interval,
			     &b->format, error) ||
	    !(b->path = strdup(path ? path : "/sys/class/power_supply"))) {
		battery_destroy(b);
		return NULL;
	}
	return b;
}

static bool battery_update(void *self, const struct bar_ctx *ctx)
{
	struct battery *b = self;
	struct battery_info info;
	char out[256];
	(void)ctx;
	if (sysinfo_battery_read(b->path, &info) != SYSINFO_OK) {
		snprintf(out, sizeof(out), "bat: no %s", b->path);
		return text_cache_set(&b->text.text, out);
	}
	if (!info.count) /* empty text: measured as 0, so hidden */
		return text_cache_set(&b->text.text, "");
	char cap[16] = "?";
	if (info.capacity >= 0)
		snprintf(cap, sizeof(cap), "%d", info.capacity);
	const char *vals[] = {cap, sysinfo_battery_symbol(info.state)};
	sysinfo_format(b->format, "cs", vals, out, sizeof(out));
	return text_cache_set(&b->text.text, out);
}

static int64_t battery_next(void *self, int64_t now_ms)
{
	struct battery *b = self;
	return widget_next_tick_ms(now_ms, (int64_t)b->interval * 1000);
}

const struct widget_ops widget_battery = {
    .name = "battery",
    .create = battery_create,
    .update = battery_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .next_wakeup_ms = battery_next,
    .destroy = battery_destroy,
};
