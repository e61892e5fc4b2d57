/* mouse.h: clicks on windows, mouse bindings, and dragging to move or
 * resize. */
#ifndef CTILE_MOUSE_H
#define CTILE_MOUSE_H

#include <xcb/xcb.h>

struct wm;

void mouse_press(struct wm *wm, xcb_button_press_event_t *ev);
void mouse_motion(struct wm *wm, xcb_motion_notify_event_t *ev);
void mouse_release(struct wm *wm, xcb_button_release_event_t *ev);

#endif
