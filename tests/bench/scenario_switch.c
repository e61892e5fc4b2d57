/* scenario_switch.c: scenarios 1 and 2, the tag switch: N windows over two
 * tags, switched back and forth by _NET_CURRENT_DESKTOP or by keys, timed
 * until the X server shows the final state. The raw floor does the WM's
 * maps, unmaps and configures itself. */
#include <stdio.h>
#include <stdlib.h>

#include "scenario.h"

static void floor_switch(struct run *r, int to)
{
	struct track *t = &r->t;
	xcb_connection_t *c = r->bx->c;
	for (size_t i = 0; i < t->nwins; i++) {
		struct win *w = &t->wins[i];
		if (w->group != to)
			continue;
		/* A window keeps its place in its tag's layout: only its first
		 * showing needs a configure (border included), as in a WM that
		 * sends only what changed. */
		if (!w->placed) {
			uint32_t v[] = {
			    (uint32_t)w->want.x, (uint32_t)w->want.y,
			    (uint32_t)w->want.w, (uint32_t)w->want.h, FLOOR_BW};
			xcb_configure_window(c, w->id,
					     XCB_CONFIG_WINDOW_X |
						 XCB_CONFIG_WINDOW_Y |
						 XCB_CONFIG_WINDOW_WIDTH |
						 XCB_CONFIG_WINDOW_HEIGHT |
						 XCB_CONFIG_WINDOW_BORDER_WIDTH,
					     v);
			w->placed = true;
		}
		xcb_map_window(c, w->id);
	}
	/* Unmapped last: the new windows already cover what the old ones
	 * leave, so the server repaints less root background. */
	for (size_t i = 0; i < t->nwins; i++)
		if (t->wins[i].group != to)
			xcb_unmap_window(c, t->wins[i].id);
}

static void request_switch(struct run *r, int to, bool by_key)
{
	if (r->o->floor) {
		floor_switch(r, to);
	} else if (by_key) {
		enum key_id k[] = {r->o->mod, to ? K_2 : K_1};
		bx_key(r->bx, k, 2);
	} else {
		bx_send_desktop(r->bx, (uint32_t)to);
	}
	xcb_flush(r->bx->c);
}

/* Wait for a switch; a WM still changing what is shown after timeout_ms is
 * slow, not ignoring us: give it up to a minute. Returns 0, or -1 when
 * nothing we follow changed in timeout_ms (or it never completed). */
static int patient_wait(struct run *r, struct pred *p, int quiet, int first_ms,
			uint64_t *done)
{
	uint64_t asked = now_ns(), cpu = cpu_ns(r->pid);
	for (int waited = 0, step = first_ms; waited < 60000;
	     waited += step, step = r->o->timeout_ms) {
		if (track_wait(&r->t, p, quiet, step, done) == 0)
			return 0;
		uint64_t c = cpu_ns(r->pid);
		/* Not a single change, and the WM was not even busy. */
		if (r->t.last_rel_ns < asked && c - cpu < 5000000u)
			return -1;
		cpu = c;
	}
	return -1;
}

static int switch_wait(struct run *r, int to, uint64_t *done)
{
	struct pred p = {to, 1 - to, false};
	return patient_wait(r, &p, 0, r->o->timeout_ms, done);
}

/* Until the WM lists every window we made (or 60 s). */
static void wait_listed(struct run *r)
{
	uint64_t end = now_ns() + 60000000000u;
	while (bx_root_cardinals(r->bx, A_NET_CLIENT_LIST) < (int)r->t.nwins &&
	       now_ns() < end)
		sleep_ms(10);
}

/* The first switch to the second tag: does the WM honour
 * _NET_CURRENT_DESKTOP? dwm does not: it is then driven by its keys. */
static bool first_switch(struct run *r, struct pred *p, int quiet)
{
	/* A WM still busy managing what it was given takes longer to get
	 * to our request: wait until it lists every window, and give the
	 * first request 20 ms more per window. */
	uint64_t done;
	int first_ms = r->o->timeout_ms + 20 * (int)r->t.nwins;
	wait_listed(r);
	wait_wm_idle(r);
	request_switch(r, 1, false);
	if (patient_wait(r, p, quiet, first_ms, &done) == 0)
		return true;
	if (!r->o->key_switch || r->o->floor) {
		emit_skip(r->o->scenario, r->o->n,
			  "ignored _NET_CURRENT_DESKTOP (no switch seen)");
		return false;
	}
	r->by_key = true;
	note_add(r,
		 "ignores _NET_CURRENT_DESKTOP: switched with its %s+1/2 keys",
		 r->o->mod == K_ALT ? "Mod1" : "Mod4");
	request_switch(r, 1, true);
	if (patient_wait(r, p, quiet, first_ms, &done) == 0)
		return true;
	emit_skip(r->o->scenario, r->o->n, "no switch seen, by keys either");
	return false;
}

/* N windows, half on the first tag, half on the second, the first shown. */
static bool place_two_tags(struct run *r)
{
	int n1 = r->o->n / 2, n2 = r->o->n - n1;
	create_group(r, 0, n1);
	if (!settle_group(r, 0, -1))
		return false;
	struct pred shown2 = {1, 0, true}, empty2 = {-1, 0, false};
	if (r->o->floor) {
		create_group(r, 1, n2);
		return true;
	}
	if (r->o->place_rule) { /* a rule puts them on the second tag */
		create_group(r, 1, n2);
		uint64_t done;
		struct pred none = {-1, -1, false};
		track_wait(&r->t, &none, r->o->quiet_ms, 300000, &done);
		if (!first_switch(r, &shown2, r->o->quiet_ms))
			return false;
		track_calibrate(&r->t, 1);
		return true;
	}
	if (!first_switch(r, &empty2, 0))
		return false;
	create_group(r, 1, n2);
	return settle_group(r, 1, 0);
}

/* Unmeasured switches first; false (and a skip) if one was not seen. */
static bool warm_up(struct run *r, const char *name, bool by_key, int *cur)
{
	uint64_t done;
	for (int i = 0; i < r->o->warmup; i++, *cur = 1 - *cur) {
		request_switch(r, 1 - *cur, by_key);
		if (switch_wait(r, 1 - *cur, &done) < 0) {
			emit_skip(name, r->o->n, "switch not seen (warm-up)");
			return false;
		}
		sleep_ms(20);
	}
	return true;
}

static int run_switches(struct run *r, const char *name, bool by_key)
{
	struct opts *o = r->o;
	int cur = 1;
	uint64_t done;
	wait_wm_idle(r);
	if (!warm_up(r, name, by_key, &cur))
		return 1;
	struct series s = {0};
	struct pstat x0, x1, w0, w1;
	pstat_read(o->xpid, &x0);
	pstat_read(r->pid, &w0);
	for (int i = 0; i < o->reps; i++, cur = 1 - cur) {
		uint64_t t0 = now_ns();
		request_switch(r, 1 - cur, by_key);
		if (switch_wait(r, 1 - cur, &done) < 0) {
			char why[96];
			snprintf(why, sizeof(why),
				 "switch not complete (rep %d)", i + 1);
			emit_skip(name, o->n, why);
			free(s.v);
			return 1;
		}
		double dt = ms_since(t0, done);
		series_add(&s, dt);
		/* Let the WM finish what follows a switch (focus, hints)
		 * before the next one. */
		sleep_ms(dt * 2 > 10 ? dt * 2 : 10);
	}
	pstat_read(o->xpid, &x1);
	pstat_read(r->pid, &w1);
	if (r->t.mismatches || r->t.polled)
		note_add(r,
			 "detector: %lu event/server disagreements, %lu found "
			 "by polling",
			 r->t.mismatches, r->t.polled);
	emit(name, o->n, &s, "ms", per_op(x0.cpu_ns, x1.cpu_ns, o->reps) / 1e6,
	     per_op(x0.minflt, x1.minflt, o->reps),
	     o->floor ? 0 : per_op(w0.cpu_ns, w1.cpu_ns, o->reps) / 1e6,
	     r->note);
	free(s.v);
	return 0;
}

int scen_switch(struct run *r, bool key)
{
	if (!place_two_tags(r))
		return 1;
	/* What is shown below the screen at rest does not count as shown
	 * or hidden: say how much of it there is. */
	int off = 0;
	for (size_t i = 0; i < r->t.nwins; i++)
		off += !r->t.wins[i].rest_on;
	if (off)
		note_add(r, "%d of %d windows lie off screen at rest", off,
			 r->o->n);
	if (key) {
		if (r->o->floor) {
			emit_skip("key", r->o->n, "no keys without a WM");
			return 1;
		}
		return run_switches(r, "key", true);
	}
	return run_switches(r, "switch", r->by_key);
}
