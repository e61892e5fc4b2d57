/* scenario.c: the scenarios, each against one WM (or none: the raw
 * floor) on one X server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static double ms_since(uint64_t t0, uint64_t t1)
{
	return (double)(t1 - t0) / 1e6;
}

/* Where a tiling WM would put window i of n: master and stack, as the raw
 * floor draws them. */
static struct rect_s tile_rect(const struct bx *bx, int i, int n)
{
	int bw2 = 2 * FLOOR_BW;
	if (n <= 1)
		return (struct rect_s){0, 0, bx->sw - bw2, bx->sh - bw2};
	int mw = bx->sw * 55 / 100;
	if (i == 0)
		return (struct rect_s){0, 0, mw - bw2, bx->sh - bw2};
	int h = bx->sh / (n - 1);
	int ih = h - bw2 < 1 ? 1 : h - bw2;
	return (struct rect_s){mw, (i - 1) * h, bx->sw - mw - bw2, ih};
}

/* ---- the WM's life ---- */

static bool wait_ready(struct bx *bx, int timeout_ms)
{
	uint64_t end = now_ns() + (uint64_t)timeout_ms * 1000000u;
	while (now_ns() < end) {
		if (bx_wm_running(bx) &&
		    bx_root_prop_set(bx, A_NET_SUPPORTING_WM_CHECK))
			return true;
		sleep_ms(0.1);
	}
	return false;
}

static bool wait_no_wm(struct bx *bx, int timeout_ms)
{
	uint64_t end = now_ns() + (uint64_t)timeout_ms * 1000000u;
	while (bx_wm_running(bx))
		if (now_ns() > end)
			return false;
		else
			sleep_ms(1);
	return true;
}

static bool start_wm(struct run *r)
{
	struct opts *o = r->o;
	if (o->floor)
		return true;
	bx_delete_root_prop(r->bx, A_NET_SUPPORTING_WM_CHECK);
	bx_delete_root_prop(r->bx, A_NET_CLIENT_LIST);
	xcb_flush(r->bx->c);
	r->pid = wm_launch(o->wm_argv, o->wm_log);
	if (r->pid < 0 || !wait_ready(r->bx, 30000)) {
		emit_skip(o->scenario, o->n,
			  r->pid < 0 ? "cannot start"
				     : "not ready (SubstructureRedirect and "
				       "_NET_SUPPORTING_WM_CHECK) within 30 s");
		return false;
	}
	uint64_t end = now_ns() + 10000000000u;
	while (o->want_desktops > 0 &&
	       bx_root_cardinals(r->bx, A_NET_NUMBER_OF_DESKTOPS) <
		   o->want_desktops &&
	       now_ns() < end)
		sleep_ms(5);
	sleep_ms(200);		   /* its config script, if any, finishes */
	bx_send_desktop(r->bx, 0); /* start on the first tag, whatever the
				      X server remembers */
	if (o->hide_bar) {
		enum key_id k[] = {o->mod, K_B};
		bx_key(r->bx, k, 2);
		xcb_flush(r->bx->c);
		sleep_ms(200);
	}
	track_drain(&r->t);
	return true;
}

/* ---- tag switches ---- */

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

/* Until the WM has used under 1 ms of CPU in 200 ms (or 120 s): a WM
 * still working through what it was given is not ready to be timed. */
static void wait_wm_idle(struct run *r)
{
	uint64_t end = now_ns() + 120000000000u, cpu = cpu_ns(r->pid);
	while (r->pid > 0 && now_ns() < end) {
		sleep_ms(200);
		uint64_t c = cpu_ns(r->pid);
		if (c - cpu < 1000000u)
			break;
		cpu = c;
	}
	track_drain(&r->t);
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
	snprintf(r->note, sizeof(r->note),
		 "ignores _NET_CURRENT_DESKTOP: switched with its %s+1/2 keys",
		 r->o->mod == K_ALT ? "Mod1" : "Mod4");
	request_switch(r, 1, true);
	if (patient_wait(r, p, quiet, first_ms, &done) == 0)
		return true;
	emit_skip(r->o->scenario, r->o->n, "no switch seen, by keys either");
	return false;
}

static void create_group(struct run *r, int group, int count)
{
	for (int i = 0; i < count; i++) {
		struct rect_s g = tile_rect(r->bx, i, count);
		struct win *w =
		    track_new_window(&r->t, group, g.x, g.y, g.w, g.h);
		if (!r->o->floor || group == 0)
			xcb_map_window(r->bx->c, w->id);
	}
	xcb_flush(r->bx->c);
}

static bool settle_group(struct run *r, int group, int hide)
{
	struct pred p = {group, hide, true};
	uint64_t done;
	if (track_wait(&r->t, &p, r->o->quiet_ms, 300000, &done) < 0) {
		emit_skip(r->o->scenario, r->o->n,
			  "windows not all mapped within 300 s");
		return false;
	}
	track_calibrate(&r->t, group);
	return true;
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

static double per_op(uint64_t a, uint64_t b, int reps)
{
	return reps ? (double)(b - a) / reps : 0;
}

static int run_switches(struct run *r, const char *name, bool by_key)
{
	struct opts *o = r->o;
	int cur = 1;
	uint64_t done;
	wait_wm_idle(r);
	for (int i = 0; i < o->warmup; i++, cur = 1 - cur) {
		request_switch(r, 1 - cur, by_key);
		if (switch_wait(r, 1 - cur, &done) < 0) {
			emit_skip(name, o->n, "switch not seen (warm-up)");
			return 1;
		}
		sleep_ms(20);
	}
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
	if (r->t.mismatches || r->t.polled) {
		size_t l = strlen(r->note);
		snprintf(r->note + l, sizeof(r->note) - l,
			 "%sdetector: %lu event/server disagreements, %lu "
			 "found by polling",
			 l ? "; " : "", r->t.mismatches, r->t.polled);
	}
	emit(name, o->n, &s, "ms", per_op(x0.cpu_ns, x1.cpu_ns, o->reps) / 1e6,
	     per_op(x0.minflt, x1.minflt, o->reps),
	     o->floor ? 0 : per_op(w0.cpu_ns, w1.cpu_ns, o->reps) / 1e6,
	     r->note);
	free(s.v);
	return 0;
}

static int scen_switch(struct run *r, bool key)
{
	if (!place_two_tags(r))
		return 1;
	/* What is shown below the screen at rest does not count as shown
	 * or hidden: say how much of it there is. */
	int off = 0;
	for (size_t i = 0; i < r->t.nwins; i++)
		off += !r->t.wins[i].rest_on;
	if (off) {
		size_t l = strlen(r->note);
		snprintf(r->note + l, sizeof(r->note) - l,
			 "%s%d of %d windows lie off screen at rest",
			 l ? "; " : "", off, r->o->n);
	}
	if (key) {
		if (r->o->floor) {
			emit_skip("key", r->o->n, "no keys without a WM");
			return 1;
		}
		return run_switches(r, "key", true);
	}
	return run_switches(r, "switch", r->by_key);
}

/* ---- manage burst, memory, requests ---- */

/* Lines of a log holding `what` (and, for xtrace, sent by the client). */
static long count_lines(const char *log, const char *what)
{
	FILE *f = log ? fopen(log, "r") : NULL;
	if (!f)
		return -1;
	char line[512];
	long n = 0;
	bool request = !strcmp(what, " Request(");
	while (fgets(line, sizeof(line), f))
		if (strstr(line, what) && (!request || strstr(line, ":<:")))
			n++;
	fclose(f);
	return n;
}

/* xtrace writes as it goes: wait until the log stops growing. */
static void log_quiet(const char *log)
{
	long last = -1;
	for (int i = 0; i < 600; i++) {
		FILE *f = fopen(log, "r");
		long sz = -1;
		if (f) {
			fseek(f, 0, SEEK_END);
			sz = ftell(f);
			fclose(f);
		}
		if (sz == last)
			return;
		last = sz;
		sleep_ms(300);
	}
}

/* Destroy every window and wait until the WM has let go of them: its
 * _NET_CLIENT_LIST empty, or (a WM that leaves stale entries there) the list
 * unchanged and the WM idle (under 10 ms of CPU) for 2 s. */
static bool teardown(struct run *r)
{
	struct track *t = &r->t;
	for (size_t i = 0; i < t->nwins; i++)
		xcb_destroy_window(r->bx->c, t->wins[i].id);
	xcb_flush(r->bx->c);
	bool ok = true;
	if (!r->o->floor) {
		uint64_t end = now_ns() + 300000000000u, since = now_ns();
		uint64_t cpu = cpu_ns(r->pid);
		int last = -2, n;
		while ((n = bx_root_cardinals(r->bx, A_NET_CLIENT_LIST)) > 0) {
			uint64_t c = cpu_ns(r->pid);
			if (n != last || c - cpu > 10000000u)
				since = now_ns(), last = n, cpu = c;
			if (now_ns() - since > 2000000000u) {
				r->stale_list = n;
				break;
			}
			if (now_ns() > end) {
				ok = false;
				break;
			}
			sleep_ms(10);
		}
		sleep_ms(r->o->quiet_ms);
	}
	track_drain(t);
	track_reset(t);
	return ok;
}

static void burst_once(struct run *r, struct series *time_s,
		       struct series *cn_s, int *on)
{
	struct opts *o = r->o;
	uint64_t t0 = now_ns(), done;
	for (int i = 0; i < o->n; i++) {
		struct rect_s g = o->floor ? tile_rect(r->bx, i, o->n)
					   : (struct rect_s){0, 0, 400, 300};
		struct win *w = track_new_window(&r->t, 0, g.x, g.y, g.w, g.h);
		xcb_map_window(r->bx->c, w->id);
	}
	xcb_flush(r->bx->c);
	struct pred p = {0, -1, true};
	if (track_wait(&r->t, &p, o->quiet_ms, 600000, &done) < 0) {
		*on = -1;
		return;
	}
	series_add(time_s, ms_since(t0, done));
	unsigned cn = 0;
	for (size_t i = 0; i < r->t.nwins; i++)
		cn += r->t.wins[i].cn_real + r->t.wins[i].cn_synth;
	series_add(cn_s, (double)cn / o->n);
	*on = track_count_on(&r->t, 0);
}

/* Requests per window, as a cross-check, from the log of an xtrace the WM
 * runs behind (it slows the WM down: not timed). */
static int xtrace_burst(struct run *r)
{
	struct opts *o = r->o;
	struct series ts = {0}, cs = {0};
	int on = 0;
	log_quiet(o->count_log);
	long c0 = count_lines(o->count_log, " Request(");
	burst_once(r, &ts, &cs, &on);
	log_quiet(o->count_log);
	long c1 = count_lines(o->count_log, " Request(");
	if (on >= 0)
		emit_one("burst_req_xtrace", o->n, (double)(c1 - c0) / o->n,
			 "requests/window",
			 "counted by xtrace, which slows the WM down");
	else
		emit_skip("burst_req_xtrace", o->n,
			  "windows not all mapped within 600 s");
	free(ts.v);
	free(cs.v);
	return on < 0;
}

/* The first repetition also counts the WM's requests: the X server
 * (RECORD) copies them to a recorder, which costs the server a little. */
static void burst_counted(struct run *r, struct series *ts, struct series *cs,
			  int *on)
{
	struct opts *o = r->o;
	xcb_window_t check = bx_root_value(r->bx, A_NET_SUPPORTING_WM_CHECK);
	struct reqcount *rc = record_start(o->display, check);
	if (!rc) {
		emit_skip("burst_req", o->n,
			  "the X server's RECORD extension failed");
		burst_once(r, ts, cs, on);
		return;
	}
	uint64_t c0 = record_read(rc);
	burst_once(r, ts, cs, on);
	uint64_t c1 = record_read(rc);
	record_stop(rc);
	if (*on >= 0)
		emit_one(
		    "burst_req", o->n, (double)(c1 - c0) / o->n,
		    "requests/window",
		    "the WM's connection, counted by the X server (RECORD) "
		    "in the first burst");
}

static int scen_burst(struct run *r)
{
	struct opts *o = r->o;
	if (o->count_log)
		return xtrace_burst(r);
	struct pstat ps;
	if (!o->floor && pstat_read(r->pid, &ps))
		emit_one("rss", 0, ps.rss_kib / 1024.0, "MiB",
			 "idle, no window");
	uint64_t start = now_ns();
	struct series ts = {0}, cs = {0};
	struct pstat x0, x1, w0, w1, rss = {0};
	int on = 0, reps = 0;
	pstat_read(o->xpid, &x0);
	pstat_read(r->pid, &w0);
	while (reps < o->reps) {
		if (reps == 0 && !o->floor)
			burst_counted(r, &ts, &cs, &on);
		else
			burst_once(r, &ts, &cs, &on);
		if (on < 0) {
			emit_skip("burst", o->n,
				  "windows not all mapped within 600 s");
			return 1;
		}
		reps++;
		bool last = reps >= o->reps ||
			    ms_since(start, now_ns()) / 1000 > o->budget_s;
		if (last) {
			pstat_read(o->xpid, &x1);
			pstat_read(r->pid, &w1);
			pstat_read(r->pid, &rss);
		}
		if (!teardown(r)) {
			emit_skip("burst", o->n,
				  "windows still listed 300 s after destroy");
			return 1;
		}
		if (last)
			break;
	}
	char note[200];
	int l = snprintf(note, sizeof(note), "%d of %d on screen", on, o->n);
	if (reps < o->reps)
		l += snprintf(note + l, sizeof(note) - (size_t)l,
			      "; repetitions cut by the time budget");
	if (r->stale_list)
		snprintf(note + l, sizeof(note) - (size_t)l,
			 "; its _NET_CLIENT_LIST kept %d destroyed window%s",
			 r->stale_list, r->stale_list == 1 ? "" : "s");
	emit("burst", o->n, &ts, "ms", per_op(x0.cpu_ns, x1.cpu_ns, reps) / 1e6,
	     per_op(x0.minflt, x1.minflt, reps),
	     o->floor ? 0 : per_op(w0.cpu_ns, w1.cpu_ns, reps) / 1e6, note);
	emit("burst_cn", o->n, &cs, "ConfigureNotify/window", 0, 0, 0,
	     "real and synthetic, received by the client");
	if (!o->floor)
		emit_one("rss", o->n, rss.rss_kib / 1024.0, "MiB",
			 "after the burst, windows still open");
	free(ts.v);
	free(cs.v);
	return 0;
}

/* ---- idle cost ---- */

static int scen_idle(struct run *r)
{
	struct opts *o = r->o;
	create_group(r, 0, o->n);
	if (!settle_group(r, 0, -1))
		return 1;
	sleep_ms(1000);
	struct pstat a, b;
	pstat_read(r->pid, &a);
	sleep_ms(o->idle_s * 1000);
	if (!pstat_read(r->pid, &b)) {
		emit_skip("idle_cpu", o->n, "the WM died");
		return 1;
	}
	double per_min = 60.0 / o->idle_s;
	long tick = sysconf(_SC_CLK_TCK);
	char note[160];
	snprintf(note, sizeof(note),
		 "utime+stime over %.0f s; CPU clock says %.3f ms/min",
		 o->idle_s, (double)(b.cpu_ns - a.cpu_ns) / 1e6 * per_min);
	emit_one("idle_cpu", o->n,
		 (double)(b.ticks - a.ticks) * 1000.0 / tick * per_min,
		 "ms/min", note);
	snprintf(note, sizeof(note),
		 "voluntary context switches over %.0f s (+%llu involuntary)",
		 o->idle_s, (unsigned long long)(b.nvcsw - a.nvcsw));
	emit_one("idle_wakeups", o->n, (double)(b.vcsw - a.vcsw) * per_min,
		 "wakeups/min", note);
	return 0;
}

/* ---- start-up and adoption ---- */

static bool restore_windows(struct run *r)
{
	struct track *t = &r->t;
	track_drain(t);
	for (size_t i = 0; i < t->nwins; i++) {
		struct win *w = &t->wins[i];
		if (!w->alive) /* a frame took it along when the WM left */
			track_recreate(t, w);
		xcb_map_window(r->bx->c, w->id);
	}
	xcb_flush(r->bx->c);
	struct pred p = {0, -1, true};
	uint64_t done;
	return t->nwins == 0 || track_wait(t, &p, 50, 10000, &done) == 0;
}

static int scen_startup(struct run *r)
{
	struct opts *o = r->o;
	struct bx *bx = r->bx;
	if (o->n)
		create_group(r, 0, o->n);
	struct series ready = {0}, cpu = {0}, adopt = {0};
	int adopt_missing = -1; /* listed, when not all were */
	uint64_t start = now_ns();
	int reps = 0;
	while (reps < o->reps &&
	       (reps < 3 || ms_since(start, now_ns()) / 1000 < o->budget_s)) {
		if (!wait_no_wm(bx, 5000) || !restore_windows(r)) {
			emit_skip("startup", o->n,
				  "could not reset the X server");
			return 1;
		}
		bx_delete_root_prop(bx, A_NET_SUPPORTING_WM_CHECK);
		bx_delete_root_prop(bx, A_NET_CLIENT_LIST);
		xcb_flush(bx->c);
		free(xcb_get_input_focus_reply(
		    bx->c, xcb_get_input_focus(bx->c), NULL));
		uint64_t t0 = now_ns();
		pid_t pid = wm_launch(o->wm_argv, o->wm_log);
		if (pid < 0 || !wait_ready(bx, 30000)) {
			wm_stop(pid);
			emit_skip("startup", o->n, "not ready within 30 s");
			return 1;
		}
		uint64_t t1 = now_ns();
		struct pstat ps;
		pstat_read(pid, &ps);
		series_add(&ready, ms_since(t0, t1));
		series_add(&cpu, ps.cpu_ns / 1e6);
		uint64_t end = t1 + (uint64_t)o->timeout_ms * 1000000u;
		int listed = 0;
		/* A WM that did not adopt them once is not waited for again. */
		while (o->n && adopt_missing < 0 &&
		       (listed = bx_root_cardinals(bx, A_NET_CLIENT_LIST)) <
			   o->n &&
		       now_ns() < end)
			sleep_ms(0.5);
		if (o->n && listed >= o->n)
			series_add(&adopt, ms_since(t0, now_ns()));
		else if (o->n && adopt_missing < 0)
			adopt_missing = listed < 0 ? 0 : listed;
		sleep_ms(200);
		wm_stop(pid);
		reps++;
	}
	const char *cut =
	    reps < o->reps ? "; repetitions cut by the time budget" : "";
	char note[200];
	snprintf(note, sizeof(note),
		 "exec to SubstructureRedirect and _NET_SUPPORTING_WM_CHECK%s",
		 cut);
	emit("startup", o->n, &ready, "ms", 0, 0, 0, note);
	snprintf(note, sizeof(note), "WM CPU time from exec to ready%s", cut);
	emit("startup_cpu", o->n, &cpu, "ms", 0, 0, 0, note);
	if (o->n && adopt_missing >= 0) {
		snprintf(note, sizeof(note),
			 "_NET_CLIENT_LIST listed %d of %d windows %d ms after "
			 "exec",
			 adopt_missing, o->n, o->timeout_ms);
		emit_skip("startup_adopt", o->n, note);
	} else if (o->n) {
		snprintf(note, sizeof(note),
			 "exec until _NET_CLIENT_LIST lists all %d%s", o->n,
			 cut);
		emit("startup_adopt", o->n, &adopt, "ms", 0, 0, 0, note);
	}
	free(ready.v);
	free(cpu.v);
	free(adopt.v);
	return 0;
}

/* ---- ctile only: reload, measured in the running program ---- */

static int scen_reload(struct run *r)
{
	struct opts *o = r->o;
	struct bx *bx = r->bx;
	create_group(r, 0, o->n);
	if (!settle_group(r, 0, -1))
		return 1;
	static uint32_t serial = 1;
	for (int pass = 0; pass < 2; pass++) {
		struct series s = {0};
		struct pstat w0, w1;
		pstat_read(r->pid, &w0);
		for (int i = 0; i < o->reps; i++) {
			uint64_t t0 = now_ns();
			if (pass == 1) {
				enum key_id k[] = {K_SUPER, K_SHIFT, K_R};
				bx_key(bx, k, 3);
			}
			bx_send_sync(bx, ++serial);
			xcb_flush(bx->c);
			if (!track_wait_sync(&r->t, serial, 10000)) {
				emit_skip(pass ? "reload" : "sync_rtt", o->n,
					  "no _CTILE_SYNC answer within 10 s");
				return 1;
			}
			series_add(&s, ms_since(t0, now_ns()));
			sleep_ms(10);
		}
		pstat_read(r->pid, &w1);
		char note[200];
		snprintf(note, sizeof(note),
			 "Mod4+Shift+r (reload) through XTEST, then "
			 "_CTILE_SYNC answered; %ld of %d reloads in its log",
			 count_lines(o->wm_log, "reloaded"), o->reps);
		emit(pass ? "reload" : "sync_rtt", o->n, &s, "ms", 0, 0,
		     per_op(w0.cpu_ns, w1.cpu_ns, o->reps) / 1e6,
		     pass ? note : "_CTILE_SYNC round trip alone");
		free(s.v);
	}
	return 0;
}

int scenario_run(struct bx *bx, struct opts *o)
{
	struct run r = {.bx = bx, .o = o};
	track_init(&r.t, bx);
	int rc = 1;
	bool startup = !strcmp(o->scenario, "startup");
	if (startup) {
		rc = scen_startup(&r);
	} else if (start_wm(&r)) {
		if (!strcmp(o->scenario, "switch"))
			rc = scen_switch(&r, false);
		else if (!strcmp(o->scenario, "key"))
			rc = scen_switch(&r, true);
		else if (!strcmp(o->scenario, "burst") ||
			 !strcmp(o->scenario, "requests"))
			rc = scen_burst(&r);
		else if (!strcmp(o->scenario, "idle"))
			rc = scen_idle(&r);
		else if (!strcmp(o->scenario, "reload"))
			rc = scen_reload(&r);
		else
			fprintf(stderr, "ctbench: no scenario '%s'\n",
				o->scenario);
	}
	if (!startup && r.pid > 0) {
		if (!wm_alive(r.pid))
			fprintf(stderr,
				"ctbench: the WM died during the run\n");
		wm_stop(r.pid);
	}
	track_free(&r.t);
	return rc;
}
