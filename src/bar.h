/* bar.h: one bar per monitor, drawn with cairo and pango from widgets. */
#ifndef CTILE_BAR_H
#define CTILE_BAR_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <xcb/xcb.h>

#include "rect.h"

struct wm;
struct monitor;

/* Create the bars the config asks for (none when it names no widget). */
void bar_init(struct wm *wm);
/* The bar config changed (reload): build the bars anew in place. */
void bar_rebuild(struct wm *wm);
void bar_finish(struct wm *wm);
/* work less mon's bar, when it is shown (docks.c, the work area). */
struct rect bar_cut(const struct wm *wm, const struct monitor *mon,
		    struct rect work);
/* Show (1), hide (0) or toggle (-1) the selected monitor's bar. */
void bar_show(struct wm *wm, int how);
/* Update widgets that are due or whose data the model dirtied, and redraw
 * the bars that changed. */
void bar_refresh(struct wm *wm, unsigned dirty);
/* Draw every shown bar again in full, now: true if there was one. */
bool bar_redraw_all(struct wm *wm);
/* The fds the loop polls for the bars: their timer and widgets' pipes. */
size_t bar_pollfds(struct wm *wm, struct pollfd *fds, size_t max);
void bar_poll_ready(struct wm *wm, const struct pollfd *fds, size_t n);
/* Handle an event for a bar window; false when it was not for a bar. */
bool bar_event(struct wm *wm, xcb_generic_event_t *ev);

#endif
