/* scenario_burst.c: scenarios 3 and 4, the manage burst and memory: N
 * windows created and mapped at once on an empty tag, timed until all are
 * mapped with stable geometry; ConfigureNotify events and the WM's X
 * requests per window; its RSS idle, then with the N windows open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

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

/* Until the WM has let go of every window: its _NET_CLIENT_LIST empty, or
 * (a WM that leaves stale entries there) the list unchanged and the WM idle
 * (under 10 ms of CPU) for 2 s. False after 300 s. */
static bool wait_unlisted(struct run *r)
{
	uint64_t end = now_ns() + 300000000000u, since = now_ns();
	uint64_t cpu = cpu_ns(r->pid);
	int last = -2, n;
	while ((n = bx_root_cardinals(r->bx, A_NET_CLIENT_LIST)) > 0) {
		uint64_t c = cpu_ns(r->pid);
		if (n != last || c - cpu > 10000000u)
			since = now_ns(), last = n, cpu = c;
		if (now_ns() - since > 2000000000u) {
			r->stale_list = n;
			return true;
		}
		if (now_ns() > end)
			return false;
		sleep_ms(10);
	}
	return true;
}

/* Destroy every window and wait until the WM has let go of them. */
static bool teardown(struct run *r)
{
	struct track *t = &r->t;
	for (size_t i = 0; i < t->nwins; i++)
		xcb_destroy_window(r->bx->c, t->wins[i].id);
	xcb_flush(r->bx->c);
	bool ok = true;
	if (!r->o->floor) {
		ok = wait_unlisted(r);
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

/* What the repetitions of a burst gather. */
struct bursts {
	struct series ts, cs; /* time; ConfigureNotify per window */
	struct pstat x0, x1, w0, w1, rss;
	int on, reps;
};

/* Burst and tear down until o->reps or the time budget; 1 (and a skip)
 * when windows were not all mapped or not let go of. */
static int burst_reps(struct run *r, struct bursts *b)
{
	struct opts *o = r->o;
	uint64_t start = now_ns();
	pstat_read(o->xpid, &b->x0);
	pstat_read(r->pid, &b->w0);
	while (b->reps < o->reps) {
		if (b->reps == 0 && !o->floor)
			burst_counted(r, &b->ts, &b->cs, &b->on);
		else
			burst_once(r, &b->ts, &b->cs, &b->on);
		if (b->on < 0) {
			emit_skip("burst", o->n,
				  "windows not all mapped within 600 s");
			return 1;
		}
		b->reps++;
		bool last = b->reps >= o->reps ||
			    ms_since(start, now_ns()) / 1000 > o->budget_s;
		if (last) {
			pstat_read(o->xpid, &b->x1);
			pstat_read(r->pid, &b->w1);
			pstat_read(r->pid, &b->rss);
		}
		if (!teardown(r)) {
			emit_skip("burst", o->n,
				  "windows still listed 300 s after destroy");
			return 1;
		}
		if (last)
			break;
	}
	return 0;
}

static void burst_emit(struct run *r, struct bursts *b)
{
	struct opts *o = r->o;
	char note[200];
	int l = snprintf(note, sizeof(note), "%d of %d on screen", b->on, o->n);
	if (b->reps < o->reps)
		l += snprintf(note + l, sizeof(note) - (size_t)l,
			      "; repetitions cut by the time budget");
	if (r->stale_list)
		snprintf(note + l, sizeof(note) - (size_t)l,
			 "; its _NET_CLIENT_LIST kept %d destroyed window%s",
			 r->stale_list, r->stale_list == 1 ? "" : "s");
	int reps = b->reps;
	emit("burst", o->n, &b->ts, "ms",
	     per_op(b->x0.cpu_ns, b->x1.cpu_ns, reps) / 1e6,
	     per_op(b->x0.minflt, b->x1.minflt, reps),
	     o->floor ? 0 : per_op(b->w0.cpu_ns, b->w1.cpu_ns, reps) / 1e6,
	     note);
	emit("burst_cn", o->n, &b->cs, "ConfigureNotify/window", 0, 0, 0,
	     "real and synthetic, received by the client");
	if (!o->floor)
		emit_one("rss", o->n, b->rss.rss_kib / 1024.0, "MiB",
			 "after the burst, windows still open");
}

int scen_burst(struct run *r)
{
	struct opts *o = r->o;
	if (o->count_log)
		return xtrace_burst(r);
	struct pstat ps;
	if (!o->floor && pstat_read(r->pid, &ps))
		emit_one("rss", 0, ps.rss_kib / 1024.0, "MiB",
			 "idle, no window");
	struct bursts b = {0};
	int rc = burst_reps(r, &b);
	if (!rc)
		burst_emit(r, &b);
	free(b.ts.v);
	free(b.cs.v);
	return rc;
}
