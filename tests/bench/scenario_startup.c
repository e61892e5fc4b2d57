/* scenario_startup.c: scenario 6, start-up: exec to ready (holds
 * SubstructureRedirect and set _NET_SUPPORTING_WM_CHECK), with N windows
 * already open to adopt. The WM is started once per repetition. */
#include <stdio.h>
#include <stdlib.h>

#include "scenario.h"

/* What the repetitions gather. */
struct startups {
	struct series ready, cpu, adopt;
	int adopt_missing; /* listed, when not all were; -1: all were */
	int reps;
};

/* Map again what the last WM left, as at the first start. */
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

/* Until _NET_CLIENT_LIST lists all N (or o->timeout_ms after ready). A WM
 * that did not adopt them once is not waited for again. */
static void wait_adopted(struct run *r, struct startups *s, uint64_t t0,
			 uint64_t t1)
{
	struct opts *o = r->o;
	uint64_t end = t1 + (uint64_t)o->timeout_ms * 1000000u;
	int listed = 0;
	while (o->n && s->adopt_missing < 0 &&
	       (listed = bx_root_cardinals(r->bx, A_NET_CLIENT_LIST)) < o->n &&
	       now_ns() < end)
		sleep_ms(0.5);
	if (o->n && listed >= o->n)
		series_add(&s->adopt, ms_since(t0, now_ns()));
	else if (o->n && s->adopt_missing < 0)
		s->adopt_missing = listed < 0 ? 0 : listed;
}

/* One start, timed, then stopped; false (and a skip) when it failed. */
static bool start_once(struct run *r, struct startups *s)
{
	struct opts *o = r->o;
	struct bx *bx = r->bx;
	if (!wait_no_wm(bx, 5000) || !restore_windows(r)) {
		emit_skip("startup", o->n, "could not reset the X server");
		return false;
	}
	bx_delete_root_prop(bx, A_NET_SUPPORTING_WM_CHECK);
	bx_delete_root_prop(bx, A_NET_CLIENT_LIST);
	xcb_flush(bx->c);
	free(
	    xcb_get_input_focus_reply(bx->c, xcb_get_input_focus(bx->c), NULL));
	uint64_t t0 = now_ns();
	pid_t pid = wm_launch(o->wm_argv, o->wm_log);
	if (pid < 0 || !wait_ready(bx, 30000)) {
		wm_stop(pid);
		emit_skip("startup", o->n, "not ready within 30 s");
		return false;
	}
	uint64_t t1 = now_ns();
	struct pstat ps;
	pstat_read(pid, &ps);
	series_add(&s->ready, ms_since(t0, t1));
	series_add(&s->cpu, ps.cpu_ns / 1e6);
	wait_adopted(r, s, t0, t1);
	sleep_ms(200);
	wm_stop(pid);
	return true;
}

static void startup_emit(struct run *r, struct startups *s)
{
	struct opts *o = r->o;
	const char *cut =
	    s->reps < o->reps ? "; repetitions cut by the time budget" : "";
	char note[200];
	snprintf(note, sizeof(note),
		 "exec to SubstructureRedirect and _NET_SUPPORTING_WM_CHECK%s",
		 cut);
	emit("startup", o->n, &s->ready, "ms", 0, 0, 0, note);
	snprintf(note, sizeof(note), "WM CPU time from exec to ready%s", cut);
	emit("startup_cpu", o->n, &s->cpu, "ms", 0, 0, 0, note);
	if (o->n && s->adopt_missing >= 0) {
		snprintf(note, sizeof(note),
			 "_NET_CLIENT_LIST listed %d of %d windows %d ms after "
			 "exec",
			 s->adopt_missing, o->n, o->timeout_ms);
		emit_skip("startup_adopt", o->n, note);
	} else if (o->n) {
		snprintf(note, sizeof(note),
			 "exec until _NET_CLIENT_LIST lists all %d%s", o->n,
			 cut);
		emit("startup_adopt", o->n, &s->adopt, "ms", 0, 0, 0, note);
	}
}

int scen_startup(struct run *r)
{
	struct opts *o = r->o;
	if (o->n)
		create_group(r, 0, o->n);
	struct startups s = {.adopt_missing = -1};
	uint64_t start = now_ns();
	int rc = 0;
	while (s.reps < o->reps &&
	       (s.reps < 3 || ms_since(start, now_ns()) / 1000 < o->budget_s)) {
		if (!start_once(r, &s)) {
			rc = 1;
			break;
		}
		s.reps++;
	}
	if (!rc)
		startup_emit(r, &s);
	free(s.ready.v);
	free(s.cpu.v);
	free(s.adopt.v);
	return rc;
}
