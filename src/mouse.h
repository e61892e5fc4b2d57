/* mouse.h: clicks on windows, mouse bindings, and dragging to move or
 * resize. */
#ifndef CTILE_MOUSE_H
#define CTILE_MOUSE_H

#include <xcb/xcb.h>

struct client;
struct wm;

void mouse_press(struct wm *wm, xcb_button_press_event_t *ev);
void mouse_motion(struct wm *wm, xcb_motion_notify_event_t *ev);
void mouse_release(struct wm *wm, xcb_button_release_event_t *ev);
/* _NET_WM_MOVERESIZE: a window with its own decorations (GTK's header
 * bars) asks ctile to move or resize it with the pointer, its button held.
 * d is the message's data. */
void mouse_moveresize(struct wm *wm, struct client *c, const uint32_t *d);

#endif
