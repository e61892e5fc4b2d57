/* scenario.c: one run of a scenario: the WM's life around it, the waits and
 * helpers every scenario shares, and the table of scenarios. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

double ms_since(uint64_t t0, uint64_t t1)
{
	return (double)(t1 - t0) / 1e6;
}

double per_op(uint64_t a, uint64_t b, int reps)
{
	return reps ? (double)(b - a) / reps : 0;
}

void note_add(struct run *r, const char *fmt, ...)
{
	size_t l = strlen(r->note);
	if (l && l + 2 < sizeof(r->note)) {
		memcpy(r->note + l, "; ", 3);
		l += 2;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->note + l, sizeof(r->note) - l, fmt, ap);
	va_end(ap);
}

/* Where a tiling WM would put window i of n: master and stack, as the raw
 * floor draws them. */
struct rect_s tile_rect(const struct bx *bx, int i, int n)
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

bool wait_ready(struct bx *bx, int timeout_ms)
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

bool wait_no_wm(struct bx *bx, int timeout_ms)
{
	uint64_t end = now_ns() + (uint64_t)timeout_ms * 1000000u;
	while (bx_wm_running(bx))
		if (now_ns() > end)
			return false;
		else
			sleep_ms(1);
	return true;
}

/* Once ready: wait for its tags, start on the first, hide its bar. */
static void settle_wm(struct run *r)
{
	struct opts *o = r->o;
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
	settle_wm(r);
	track_drain(&r->t);
	return true;
}

/* Until the WM has used under 1 ms of CPU in 200 ms (or 120 s): a WM
 * still working through what it was given is not ready to be timed. */
void wait_wm_idle(struct run *r)
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

/* ---- windows ---- */

void create_group(struct run *r, int group, int count)
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

bool settle_group(struct run *r, int group, int hide)
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

/* Lines of a log holding `what` (and, for xtrace, sent by the client). */
long count_lines(const char *log, const char *what)
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

/* ---- the table ---- */

static int run_switch(struct run *r)
{
	return scen_switch(r, false);
}

static int run_key(struct run *r)
{
	return scen_switch(r, true);
}

/* Every scenario but startup runs against a WM started for it. */
static const struct {
	const char *name;
	int (*run)(struct run *r);
} scenarios[] = {
    {"switch", run_switch},
    {"key", run_key},
    {"burst", scen_burst},
    {"requests", scen_burst},
    {"idle", scen_idle},
    {"reload", scen_reload},
    {"bar_redraw", scen_bar_redraw},
};

static int (*scenario_find(const char *name))(struct run *)
{
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(*scenarios); i++)
		if (!strcmp(scenarios[i].name, name))
			return scenarios[i].run;
	return NULL;
}

int scenario_run(struct bx *bx, struct opts *o)
{
	struct run r = {.bx = bx, .o = o};
	track_init(&r.t, bx);
	int rc = 1;
	bool startup = !strcmp(o->scenario, "startup");
	int (*run)(struct run *) = scenario_find(o->scenario);
	if (startup)
		rc = scen_startup(&r);
	else if (!run)
		fprintf(stderr, "ctbench: no scenario '%s'\n", o->scenario);
	else if (start_wm(&r))
		rc = run(&r);
	if (!startup && r.pid > 0) {
		if (!wm_alive(r.pid))
			fprintf(stderr,
				"ctbench: the WM died during the run\n");
		wm_stop(r.pid);
	}
	track_free(&r.t);
	return rc;
}
