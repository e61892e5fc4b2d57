/* ewmh.h: what pagers, bars and wmctrl read from ctile, and ask of it. */
#ifndef CTILE_EWMH_H
#define CTILE_EWMH_H

#include <stdbool.h>
#include <xcb/xcb.h>

struct wm;
struct client;
struct xconn;

/* Announce ctile: _NET_SUPPORTED, the check window, desktops. */
void ewmh_setup(struct wm *wm);
/* Publish what the dirty bits say changed: client list, desktops, tags. */
void ewmh_publish(struct wm *wm, unsigned dirty);
/* _CTILE_TAGS, what a ctile adopting c takes back: its tags and floating
 * state, and with place, where it floats (props.c reads it). */
void ewmh_save_client(struct xconn *x, const struct client *c, bool place);
void ewmh_client_message(struct wm *wm, xcb_client_message_event_t *ev);

#endif
