/* scenario.h: what the scenario files share: one run of one scenario against
 * one WM (or none: the raw floor), and the waits and helpers they all use. */
#ifndef CTBENCH_SCENARIO_H
#define CTBENCH_SCENARIO_H

#include "bench.h"

#define FLOOR_BW 2

struct run {
	struct bx *bx;
	struct opts *o;
	struct track t;
	pid_t pid; /* the WM */
	bool by_key;
	int stale_list; /* entries left in _NET_CLIENT_LIST after teardown */
	char note[256];
};

/* scenario.c */
double ms_since(uint64_t t0, uint64_t t1);
double per_op(uint64_t a, uint64_t b, int reps);
/* Add one part to r->note, "; " between parts. */
void note_add(struct run *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
struct rect_s tile_rect(const struct bx *bx, int i, int n);
bool wait_ready(struct bx *bx, int timeout_ms);
bool wait_no_wm(struct bx *bx, int timeout_ms);
void wait_wm_idle(struct run *r);
void create_group(struct run *r, int group, int count);
bool settle_group(struct run *r, int group, int hide);
long count_lines(const char *log, const char *what);

/* One function per scenario; each returns 0, or 1 when it emitted a skip. */
int scen_switch(struct run *r, bool key); /* scenario_switch.c */
int scen_burst(struct run *r);		  /* scenario_burst.c */
int scen_idle(struct run *r);		  /* scenario_idle.c */
int scen_startup(struct run *r);	  /* scenario_startup.c */
int scen_reload(struct run *r);		  /* scenario_ctile.c */
int scen_bar_redraw(struct run *r);	  /* scenario_ctile.c */

#endif
