/* scenario_idle.c: scenario 5, the idle cost: N windows open and nothing
 * happening for o->idle_s: the WM's CPU time and wake-ups a minute. */
#include <stdio.h>
#include <unistd.h>

#include "scenario.h"

int scen_idle(struct run *r)
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
