/* wm.h: all of ctile's state in one struct, passed explicitly everywhere. */
#ifndef CTILE_WM_H
#define CTILE_WM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "model.h"
#include "stats.h"

struct xconn; /* x.h: the X side, NULL when there is no server */
struct bars;

enum wm_exit { WM_RUN, WM_QUIT, WM_RESTART };

struct wm {
	struct model model;
	struct config cfg;     /* the live configuration */
	struct config *target; /* where config statements write: &cfg, or
				  a config being parsed */
	size_t mode;	       /* the active binding mode: cfg.modes[mode] */
	bool bindings_dirty;   /* grabs must be redone */
	bool reload_wanted;    /* `reload` asked; the loop does it */
	char *config_path;    /* owned: -c FILE; NULL: looked up at each load */
	char *config_problem; /* owned: the last config errors, or NULL */
	struct xconn *x;
	struct bars *bars;  /* bar.c: the bars and their widgets, or NULL */
	struct dock *docks; /* docks.c: docks with their struts */
	bool bars_outdated; /* the bar config changed: rebuild the bars */
	char status[512];   /* the root window's name, for the status widget */
	struct stats stats; /* stats.c: ctile's own timings */
	enum wm_exit exit;
	char **argv; /* for restart */
};

/* A fresh wm with the default settings and no X connection. */
void wm_init(struct wm *wm);
/* Free what wm owns (not wm itself). */
void wm_finish(struct wm *wm);
/* The bindings of the active mode. */
const struct mode *wm_mode(const struct wm *wm);

#endif
