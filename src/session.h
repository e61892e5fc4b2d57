/* session.h: monitors at start, and state kept across restart and crash. */
#ifndef CTILE_SESSION_H
#define CTILE_SESSION_H

struct wm;

/* Read the monitors with RandR (the whole screen when it has none). */
void session_monitors(struct wm *wm);
/* Restore views and tag settings left on the root by an earlier ctile,
 * then adopt every window already there. Start-up only: may block. */
void session_restore(struct wm *wm);
/* Before restart: remember the tiling order, and where windows float,
 * for the next ctile. */
void session_save_order(struct wm *wm);

#endif
