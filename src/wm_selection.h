/* wm_selection.h: the ICCCM manager selection WM_Sn (see wm_selection.c). */
#ifndef CTILE_WM_SELECTION_H
#define CTILE_WM_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "x.h"

/* Own WM_Sn for screen with x->check (which must select PropertyChange).
 * Another owner is an error unless replace: then it is told to go by the
 * selection's loss, and awaited. False with a message in err. */
bool wm_selection_take(struct xconn *x, int screen, bool replace, char *err,
		       size_t len);
/* ICCCM 2.8: tell the clients that care (pagers, docks) who manages,
 * once ctile does (the root's SubstructureRedirect is held). */
void wm_selection_announce(struct xconn *x);
/* ev says another window manager took WM_Sn: ctile must leave. */
bool wm_selection_lost(const struct xconn *x, const xcb_generic_event_t *ev);

#endif
