/* memory.c: memory in use (MemTotal - MemAvailable) from /proc/meminfo. */
#include <stdio.h>
#include <stdlib.h>

#include "sysinfo.h"
#include "text_widget.h"

#define MEM_INFO "/proc/meminfo"

struct memory {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format;
	long interval; /* seconds */
};

static void memory_destroy(void *self)
{
	struct memory *m = self;
	if (!m)
		return;
	free(m->format);
	text_cache_free(&m->text.text);
	free(m);
}

static void *memory_create(const struct widget_args *a, char **error)
{
	struct memory *m = calloc(1, sizeof(*m));
	if (m && !sysinfo_options(a, 5, "mem %p%%", "utp", &m->interval,
				  &m->format, error)) {
		memory_destroy(m);
		return NULL;
	}
	return m;
}

static bool memory_update(void *self, const struct bar_ctx *ctx)
{
	struct memory *m = self;
	struct mem_info info;
	(void)ctx;
	enum sysinfo_status st = sysinfo_mem_read(MEM_INFO, &info);
	if (st != SYSINFO_OK)
		return text_cache_set(&m->text.text,
				      st == SYSINFO_MISSING
					  ? "mem: no " MEM_INFO
					  : "mem: bad " MEM_INFO);
	char used[16], total[16], pct[16], out[256];
	sysinfo_human(info.used, used, sizeof(used));
	sysinfo_human(info.total, total, sizeof(total));
	snprintf(pct, sizeof(pct), "%d", sysinfo_mem_percent(&info));
	const char *vals[] = {used, total, pct};
	sysinfo_format(m->format, "utp", vals, out, sizeof(out));
	return text_cache_set(&m->text.text, out);
}

static int64_t memory_next(void *self, int64_t now_ms)
{
	struct memory *m = self;
	return widget_next_tick_ms(now_ms, (int64_t)m->interval * 1000);
}

const struct widget_ops widget_memory = {
    .name = "memory",
    .create = memory_create,
    .update = memory_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .next_wakeup_ms = memory_next,
    .destroy = memory_destroy,
};
