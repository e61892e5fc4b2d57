/* manage.h: taking windows in, letting them go, adopting them at start. */
#ifndef CTILE_MANAGE_H
#define CTILE_MANAGE_H

#include "x.h"

struct wm;

/* A window asked to be mapped (or was found at start): fetch what we need
 * to know about it; it is managed once every reply is in. */
struct pending *manage_begin(struct wm *wm, xcb_window_t win, bool adopt);
struct pending *manage_pending_find(struct xconn *x, xcb_window_t win);
/* An EWMH request (_NET_WM_DESKTOP, _NET_WM_STATE...) for a window still
 * waiting for its replies: it is applied once the window is managed. */
void manage_pending_request(struct pending *p,
			    const xcb_client_message_event_t *ev);
/* All replies are in: manage the window (or drop it if it died). */
void manage_finish(struct wm *wm, struct pending *p);
/* The window is gone or withdrawn. */
void manage_forget(struct wm *wm, struct client *c, bool withdrawn);
/* The window win is gone or withdrawn, whatever ctile made of it: a
 * managed window, one waiting for its replies, or a dock. */
void manage_forget_window(struct wm *wm, xcb_window_t win, bool withdrawn);

#endif
