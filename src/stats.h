/* stats.h: ctile's own timings of its costliest work, kept in the running
 * program and published on the root window when asked (_CTILE_STATS), so
 * that make bench reads figures measured inside ctile, not estimated. */
#ifndef CTILE_STATS_H
#define CTILE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wm;

/* One kind of work: how often it ran and how long it took, in
 * CLOCK_MONOTONIC nanoseconds. */
struct stats_slot {
	uint64_t count, last_ns, total_ns, max_ns;
};

struct stats {
	struct stats_slot
	    bar_redraw;		   /* every bar redrawn in full, on request */
	struct stats_slot reload;  /* activate_reload: read, check, swap in */
	struct stats_slot arrange; /* arrange and x_apply of one loop turn */
	bool wanted;		   /* a _CTILE_STATS request came */
	bool redraw_wanted;	   /* ...asking for a timed full redraw */
};

/* Now, as the start of a timing. */
uint64_t stats_begin(void);
/* Count one run of slot's work, started at t0 (stats_begin). */
void stats_end(struct stats_slot *slot, uint64_t t0);
/* The stats as one line of "key=value" words (as snprintf: the length the
 * whole line needs). */
int stats_format(const struct stats *st, char *buf, size_t len);
/* A _CTILE_STATS client message: data[0] 1 asks for a timed full redraw
 * of every bar first. Answered by stats_publish, at the end of the turn. */
void stats_request(struct wm *wm, const uint32_t *data);
/* Answer the requests of this turn: redraw the bars if asked (timed), then
 * set the root's _CTILE_STATS to stats_format's line. */
void stats_publish(struct wm *wm);

#endif
