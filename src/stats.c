/* stats.c: ctile's own timings (stats.h) and the _CTILE_STATS answer. */
#include "stats.h"

#include <stdio.h>
#include <time.h>

#include "bar.h"
#include "wm.h"
#include "x.h"

uint64_t stats_begin(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void stats_end(struct stats_slot *slot, uint64_t t0)
{
	uint64_t ns = stats_begin() - t0;
	slot->count++;
	slot->last_ns = ns;
	slot->total_ns += ns;
	if (ns > slot->max_ns)
		slot->max_ns = ns;
}

int stats_format(const struct stats *st, char *buf, size_t len)
{
	const struct {
		const char *name;
		const struct stats_slot *slot;
	} slots[] = {
	    {"bar_redraw", &st->bar_redraw},
	    {"reload", &st->reload},
	    {"arrange", &st->arrange},
	};
	size_t used = 0;
	for (size_t i = 0; i < sizeof(slots) / sizeof(*slots); i++) {
		const struct stats_slot *s = slots[i].slot;
		const char *n = slots[i].name;
		size_t room = used < len ? len - used : 0;
		int w = snprintf(room ? buf + used : NULL, room,
				 "%s%s_count=%llu %s_last_ns=%llu "
				 "%s_total_ns=%llu %s_max_ns=%llu",
				 i ? " " : "", n, (unsigned long long)s->count,
				 n, (unsigned long long)s->last_ns, n,
				 (unsigned long long)s->total_ns, n,
				 (unsigned long long)s->max_ns);
		if (w < 0)
			return w;
		used += (size_t)w;
	}
	return (int)used;
}

void stats_request(struct wm *wm, const uint32_t *data)
{
	wm->stats.wanted = true;
	if (data[0] == 1)
		wm->stats.redraw_wanted = true;
}

void stats_publish(struct wm *wm)
{
	struct stats *st = &wm->stats;
	if (!st->wanted)
		return;
	if (st->redraw_wanted) {
		/* The drawing requests are sent, not yet drawn by the server:
		 * ctile's own cost, with the writing to the socket. */
		uint64_t t0 = stats_begin();
		bool drawn = bar_redraw_all(wm);
		xcb_flush(wm->x->conn);
		if (drawn)
			stats_end(&st->bar_redraw, t0);
	}
	st->wanted = st->redraw_wanted = false;
	char line[512];
	stats_format(st, line, sizeof(line));
	x_set_stats(wm->x, line);
}
