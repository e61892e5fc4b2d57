/* cpu.c: how busy the CPUs were over the last interval, from two samples
 * of /proc/stat; nothing is shown until there are two. */
#include <stdio.h>
#include <stdlib.h>

#include "sysinfo.h"
#include "text_widget.h"

#define CPU_STAT "/proc/stat"

struct cpu {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format;
	long interval; /* seconds */
	struct cpu_sample last;
	bool have_last;
};

static void cpu_destroy(void *self)
{
	struct cpu *c = self;
	if (!c)
		return;
	free(c->format);
	text_cache_free(&c->text.text);
	free(c);
}

static void *cpu_create(const struct widget_args *a, char **error)
{
	struct cpu *c = calloc(1, sizeof(*c));
	if (c && !sysinfo_options(a, 2, "cpu %u%%", "u", &c->interval,
				  &c->format, error)) {
		cpu_destroy(c);
		return NULL;
	}
	return c;
}

static bool cpu_update(void *self, const struct bar_ctx *ctx)
{
	struct cpu *c = self;
	struct cpu_sample s;
	(void)ctx;
	enum sysinfo_status st = sysinfo_cpu_read(CPU_STAT, &s);
	if (st != SYSINFO_OK) {
		c->have_last = false;
		return text_cache_set(&c->text.text,
				      st == SYSINFO_MISSING
					  ? "cpu: no " CPU_STAT
					  : "cpu: bad " CPU_STAT);
	}
	int pct = c->have_last ? sysinfo_cpu_percent(&c->last, &s) : -1;
	c->last = s;
	c->have_last = true;
	if (pct < 0) /* the first sample, or no time passed: keep the text */
		return false;
	char num[16], out[256];
	snprintf(num, sizeof(num), "%d", pct);
	const char *vals[] = {num};
	sysinfo_format(c->format, "u", vals, out, sizeof(out));
	return text_cache_set(&c->text.text, out);
}

static int64_t cpu_next(void *self, int64_t now_ms)
{
	struct cpu *c = self;
	return widget_next_tick_ms(now_ms, (int64_t)c->interval * 1000);
}

const struct widget_ops widget_cpu = {
    .name = "cpu",
    .create = cpu_create,
    .update = cpu_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .next_wakeup_ms = cpu_next,
    .destroy = cpu_destroy,
};
