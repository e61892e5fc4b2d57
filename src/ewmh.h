/* ewmh.h: what pagers, bars and wmctrl read from ctile, and ask of it. */
#ifndef CTILE_EWMH_H
#define CTILE_EWMH_H

#include <stdbool.h>
#include <xcb/xcb.h>

struct wm;
struct client;

/* Announce ctile: _NET_SUPPORTED, the check window, desktops. */
void ewmh_setup(struct wm *wm);
/* Publish what the dirty bits say changed: client list, desktops, tags. */
void ewmh_publish(struct wm *wm, unsigned dirty);
void ewmh_client_message(struct wm *wm, xcb_client_message_event_t *ev);

#endif
