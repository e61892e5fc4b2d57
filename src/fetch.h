/* fetch.h: property requests sent at once, replies handled as they come. */
#ifndef CTILE_FETCH_H
#define CTILE_FETCH_H

#include "x.h"

struct wm;

/* Ask for one property of win (never waits for the reply). */
void fetch_request(struct xconn *x, xcb_window_t win, enum fetch_kind kind);
/* Ask again for a managed client's property unless a request is out;
 * then remember to ask once more when the reply comes. */
void fetch_update(struct xconn *x, struct client *c, enum fetch_kind kind);
/* The focused window's WM_HINTS lose their urgency flag (props.c), read
 * and written under a server grab so that no change of the client's own
 * is lost. */
void fetch_hints_seen(struct xconn *x, struct client *c);
/* Ask for the root's name (the status text), coalescing floods. */
void fetch_root_name(struct xconn *x);
/* Queue a _CTILE_SYNC answer behind every request sent so far. */
void fetch_sync(struct xconn *x, xcb_window_t win, uint32_t serial);
/* One round trip behind every request so far: MapRequests the server
 * generated meanwhile arrive before its reply (the burst hold, loop.c). */
void fetch_barrier(struct xconn *x);
/* A GetInputFocus after a change of the screen: its reply leaves the
 * server with the events the change made, once the server is done. */
void fetch_shown(struct xconn *x);
/* Handle every reply that has arrived, in order; never blocks. True if
 * it handled any. */
bool fetch_process(struct wm *wm);

/* props.c: clear the urgency flag in the WM_HINTS just read. */
void props_hints_seen(struct wm *wm, xcb_window_t win,
		      xcb_get_property_reply_t *r);
/* props.c: the status text from the root's WM_NAME reply. */
void props_status(struct wm *wm, xcb_get_property_reply_t *r);
/* props.c: apply a reply (NULL: the window had none or is gone). */
void props_apply(struct wm *wm, struct client *c, struct pending *p,
		 enum fetch_kind kind, void *reply);

#endif
