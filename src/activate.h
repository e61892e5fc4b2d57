/* activate.h: making a parsed config live, at start and on reload. */
#ifndef CTILE_ACTIVATE_H
#define CTILE_ACTIVATE_H

#include <stdbool.h>

#include "config.h"

struct wm;

/* Take c over as the live config (c is left empty). first: at start,
 * every tag gets its configured layout; on reload only those whose
 * configured layout changed, so a reload keeps what the user set. */
void activate_config(struct wm *wm, struct config *c, bool first);
/* Read the config again: wm->config_path (-c FILE) or, without it, the
 * file config_find picks now; with errors the old config stays whole. */
void activate_reload(struct wm *wm);
/* Run `exec` lines (at session start only) and `exec_always` lines. */
void activate_execs(struct wm *wm, bool session_start);
/* Remember and log the errors; the bar shows wm->config_problem. */
void activate_report(struct wm *wm, const struct config_errors *e);

#endif
