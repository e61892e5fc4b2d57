/* events.h: X events in, model changes out. */
#ifndef CTILE_EVENTS_H
#define CTILE_EVENTS_H

#include <xcb/xcb.h>

struct wm;

void events_handle(struct wm *wm, xcb_generic_event_t *ev);

#endif
