/* scenario_ctile.c: scenario 7, ctile only: reload with N windows open, and
 * one full redraw of the bar, each also timed inside ctile: it keeps its
 * own timings and publishes them on the root (_CTILE_STATS, a line of
 * "key=value" words) when asked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

#define OWN_NOTE                                                               \
	"ctile's own time (CLOCK_MONOTONIC) read back from _CTILE_STATS: "

/* Ask ctile for its timings (redraw: after a timed full redraw of every
 * bar) and read the line it publishes; false without an answer in 10 s.
 * *answered: when the answer came, before it was read. */
static bool ask_stats(struct run *r, bool redraw, char *line, size_t len,
		      uint64_t *answered)
{
	unsigned seen = r->t.stats_seen;
	bx_send_stats(r->bx, redraw);
	xcb_flush(r->bx->c);
	if (!track_wait_stats(&r->t, seen, 10000))
		return false;
	*answered = now_ns();
	return bx_root_text(r->bx, A_CTILE_STATS, line, len);
}

/* The value of key in a stats line; -1 when it has none. */
static double stat_of(const char *line, const char *key)
{
	size_t kl = strlen(key);
	for (const char *p = line; (p = strstr(p, key)); p += kl)
		if ((p == line || p[-1] == ' ') && p[kl] == '=')
			return strtod(p + kl + 1, NULL);
	return -1;
}

/* After a reload: ctile's own time in it and in the arrange of its turn.
 * A reload it did not count (none, or two) is left out; *count < 0: none
 * before, only count. */
static void reload_own(struct run *r, struct series *self, struct series *arr,
		       double *count)
{
	char line[1024];
	uint64_t t;
	if (!ask_stats(r, false, line, sizeof(line), &t))
		return;
	double c = stat_of(line, "reload_count");
	if (*count >= 0 && c == *count + 1) {
		series_add(self, stat_of(line, "reload_last_ns") / 1e6);
		series_add(arr, stat_of(line, "arrange_last_ns") / 1e6);
	}
	*count = c;
}

static void reload_emit_own(struct run *r, struct series *self,
			    struct series *arr)
{
	int n = r->o->n;
	emit("reload_self", n, self, "ms", 0, 0, 0,
	     OWN_NOTE "activate_reload: the config read, checked and swapped "
		      "in (the bar rebuild and grabs after it not included)");
	emit("reload_arrange_self", n, arr, "ms", 0, 0, 0,
	     OWN_NOTE "arrange and apply in the reload's turn");
}

/* Pass 0: the _CTILE_SYNC round trip alone; pass 1: Mod4+Shift+r, then
 * the answer; pass 2: the same, then ctile's own timings (apart: asking
 * for them costs ctile a little CPU). 1 (and a skip) when ctile did not
 * answer. */
static int reload_pass(struct run *r, int pass, struct series *s,
		       struct series *self, struct series *arr)
{
	static uint32_t serial = 1;
	struct bx *bx = r->bx;
	double count = -1;
	if (pass == 2)
		reload_own(r, self, arr, &count);
	for (int i = 0; i < r->o->reps; i++) {
		uint64_t t0 = now_ns();
		if (pass >= 1) {
			enum key_id k[] = {K_SUPER, K_SHIFT, K_R};
			bx_key(bx, k, 3);
		}
		bx_send_sync(bx, ++serial);
		xcb_flush(bx->c);
		if (!track_wait_sync(&r->t, serial, 10000)) {
			emit_skip(pass ? "reload" : "sync_rtt", r->o->n,
				  "no _CTILE_SYNC answer within 10 s");
			return 1;
		}
		series_add(s, ms_since(t0, now_ns()));
		if (pass == 2)
			reload_own(r, self, arr, &count);
		sleep_ms(10);
	}
	return 0;
}

/* Passes 0 and 1 of reload_pass, each emitted. */
static int reload_timed(struct run *r)
{
	struct opts *o = r->o;
	for (int pass = 0; pass < 2; pass++) {
		struct series s = {0};
		struct pstat w0, w1;
		pstat_read(r->pid, &w0);
		int rc = reload_pass(r, pass, &s, NULL, NULL);
		pstat_read(r->pid, &w1);
		char note[200];
		snprintf(note, sizeof(note),
			 "Mod4+Shift+r (reload) through XTEST, then "
			 "_CTILE_SYNC answered; %ld of %d reloads in its log",
			 count_lines(o->wm_log, "reloaded"), o->reps);
		if (!rc)
			emit(pass ? "reload" : "sync_rtt", o->n, &s, "ms", 0, 0,
			     per_op(w0.cpu_ns, w1.cpu_ns, o->reps) / 1e6,
			     pass ? note : "_CTILE_SYNC round trip alone");
		free(s.v);
		if (rc)
			return rc;
	}
	return 0;
}

int scen_reload(struct run *r)
{
	create_group(r, 0, r->o->n);
	if (!settle_group(r, 0, -1))
		return 1;
	int rc = reload_timed(r);
	if (rc)
		return rc;
	struct series s = {0}, self = {0}, arr = {0};
	rc = reload_pass(r, 2, &s, &self, &arr);
	if (!rc)
		reload_emit_own(r, &self, &arr);
	free(s.v);
	free(self.v);
	free(arr.v);
	return rc;
}

/* ---- one full bar redraw ---- */

/* Redraws asked for and unmeasured, then o->reps measured: ctile's own
 * time, and the whole request until its answer. */
static const char *redraws(struct run *r, struct series *self,
			   struct series *rtt)
{
	char line[1024];
	uint64_t t1;
	if (!ask_stats(r, false, line, sizeof(line), &t1))
		return "no _CTILE_STATS answer within 10 s";
	double count = stat_of(line, "bar_redraw_count");
	if (count < 0)
		return "_CTILE_STATS has no bar_redraw";
	for (int i = 0; i < r->o->warmup + r->o->reps; i++) {
		uint64_t t0 = now_ns();
		if (!ask_stats(r, true, line, sizeof(line), &t1))
			return "no _CTILE_STATS answer within 10 s";
		double c = stat_of(line, "bar_redraw_count");
		if (c != count + 1)
			return c == count ? "ctile redrew no bar: none shown"
					  : "bar_redraw_count went up by more "
					    "than one a request";
		count = c;
		if (i >= r->o->warmup) {
			series_add(self,
				   stat_of(line, "bar_redraw_last_ns") / 1e6);
			series_add(rtt, ms_since(t0, t1));
		}
		sleep_ms(10);
	}
	return NULL;
}

int scen_bar_redraw(struct run *r)
{
	struct opts *o = r->o;
	if (o->n) {
		create_group(r, 0, o->n);
		if (!settle_group(r, 0, -1))
			return 1;
	}
	wait_wm_idle(r);
	struct series self = {0}, rtt = {0};
	struct pstat x0, x1, w0, w1;
	pstat_read(o->xpid, &x0);
	pstat_read(r->pid, &w0);
	const char *why = redraws(r, &self, &rtt);
	pstat_read(o->xpid, &x1);
	pstat_read(r->pid, &w1);
	int reps = o->warmup + o->reps; /* CPU: the warm-up drew too */
	if (why) {
		emit_skip("bar_redraw", o->n, why);
	} else {
		emit("bar_redraw", o->n, &self, "ms", 0, 0,
		     per_op(w0.cpu_ns, w1.cpu_ns, reps) / 1e6,
		     OWN_NOTE "every widget laid out and painted into the "
			      "bar's pixmap, copied to the window, requests "
			      "sent");
		emit("bar_redraw_rtt", o->n, &rtt, "ms",
		     per_op(x0.cpu_ns, x1.cpu_ns, reps) / 1e6,
		     per_op(x0.minflt, x1.minflt, reps), 0,
		     "_CTILE_STATS request until its answer: the redraw, the "
		     "X server drawing it, the round trip");
	}
	free(self.v);
	free(rtt.v);
	return why != NULL;
}
