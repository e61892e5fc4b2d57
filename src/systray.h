/* systray.h: the system tray (freedesktop System Tray and XEMBED): ctile
 * owns _NET_SYSTEM_TRAY_S<screen> and shows the icons in the primary
 * monitor's bar, where the systray widget makes room for them. */
#ifndef CTILE_SYSTRAY_H
#define CTILE_SYSTRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <xcb/xcb.h>

#include "rect.h"

struct wm;
struct monitor;

/* The bars were just built: when the config has a systray widget, own the
 * tray selection (unless another tray does: then say so once and leave it)
 * and pick the bar it lives in; when it has none, let the tray go. */
void systray_attach(struct wm *wm);
/* The bars are about to be destroyed: take the tray window, with every
 * icon in it, out of its bar, so that the icons stay docked. */
void systray_detach(struct wm *wm);
/* Quit or restart: hand every icon back to the root, unmapped, and give up
 * the selection; the next tray's MANAGER message docks them again. */
void systray_finish(struct wm *wm);
/* Handle an event for the tray or one of its icons; false when it is not
 * one of theirs. */
bool systray_event(struct wm *wm, xcb_generic_event_t *ev);

/* For the widget: how many icons the tray shows in mon's bar (0 when the
 * tray lives elsewhere or is not ctile's), and where to put them: r is the
 * icons' row in bar coordinates, icons are r.h square, spacing apart. */
size_t systray_count(const struct wm *wm, const struct monitor *mon);
void systray_place(const struct wm *wm, const struct monitor *mon,
		   struct rect r, int spacing);

#endif
