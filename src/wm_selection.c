/* wm_selection.c: the ICCCM manager selection WM_Sn. ctile owns it while
 * it manages the screen, takes it over from another window manager with
 * --replace (and across its own restart), and gives way when another
 * takes it. */
#include "wm_selection.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"

/* How long a window manager told to go may take to go. */
#define LEAVE_MS 5000

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The next event within ms milliseconds, or NULL. Only the events of
 * ctile's own check window and of the old owner's come this early: the
 * root's are not selected yet. */
static xcb_generic_event_t *next_event(xcb_connection_t *conn, int64_t until)
{
	for (;;) {
		xcb_generic_event_t *ev = xcb_poll_for_event(conn);
		if (ev || xcb_connection_has_error(conn))
			return ev;
		int64_t left = until - now_ms();
		if (left <= 0)
			return NULL;
		struct pollfd p = {xcb_get_file_descriptor(conn), POLLIN, 0};
		poll(&p, 1, (int)left);
	}
}

/* ICCCM: a selection is taken at a real time, not CurrentTime. A property
 * change on the check window brings the server's time back. */
static xcb_timestamp_t server_time(struct xconn *x, bool *old_gone,
				   xcb_window_t old)
{
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, x->check,
			    XCB_ATOM_WM_NAME, XCB_ATOM_STRING, 8, 5, "ctile");
	xcb_flush(x->conn);
	int64_t until = now_ms() + LEAVE_MS;
	xcb_generic_event_t *ev;
	xcb_timestamp_t t = XCB_CURRENT_TIME;
	while ((ev = next_event(x->conn, until))) {
		uint8_t type = ev->response_type & 0x7f;
		if (type == XCB_DESTROY_NOTIFY &&
		    ((xcb_destroy_notify_event_t *)ev)->window == old)
			*old_gone = true;
		if (type == XCB_PROPERTY_NOTIFY &&
		    ((xcb_property_notify_event_t *)ev)->window == x->check) {
			t = ((xcb_property_notify_event_t *)ev)->time;
			free(ev);
			break;
		}
		free(ev);
	}
	return t;
}

/* Follow the old owner's window: it goes when its window manager does.
 * False if it is gone already. */
static bool watch_owner(struct xconn *x, xcb_window_t owner)
{
	uint32_t mask = XCB_EVENT_MASK_STRUCTURE_NOTIFY;
	xcb_generic_error_t *e = xcb_request_check(
	    x->conn, xcb_change_window_attributes_checked(
			 x->conn, owner, XCB_CW_EVENT_MASK, &mask));
	free(e);
	return e == NULL;
}

/* False if a third window manager took the selection from ctile while it
 * waited (two started with --replace at once): that one goes on. */
static bool wait_gone(struct xconn *x, xcb_window_t old)
{
	int64_t until = now_ms() + LEAVE_MS;
	xcb_generic_event_t *ev;
	while ((ev = next_event(x->conn, until))) {
		bool gone = (ev->response_type & 0x7f) == XCB_DESTROY_NOTIFY &&
			    ((xcb_destroy_notify_event_t *)ev)->window == old;
		bool lost = wm_selection_lost(x, ev);
		free(ev);
		if (lost)
			return false;
		if (gone)
			return true;
	}
	log_warn("the window manager replaced did not leave in %d s",
		 LEAVE_MS / 1000);
	return true;
}

void wm_selection_announce(struct xconn *x)
{
	x_announce_manager(x, x->wm_sn, x->check, x->wm_sn_time);
}

bool wm_selection_take(struct xconn *x, int screen, bool replace, char *err,
		       size_t len)
{
	char name[32];
	snprintf(name, sizeof(name), "WM_S%d", screen);
	xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(
	    x->conn, xcb_intern_atom(x->conn, 0, (uint16_t)strlen(name), name),
	    NULL);
	x->wm_sn = r ? r->atom : XCB_NONE;
	free(r);
	if (!x->wm_sn) {
		snprintf(err, len, "cannot intern %s", name);
		return false;
	}
	xcb_window_t old = x_selection_owner(x, x->wm_sn);
	if (old && !replace) {
		snprintf(err, len,
			 "another window manager is running (ctile --replace "
			 "takes over from it)");
		return false;
	}
	bool old_gone = !old || !watch_owner(x, old);
	xcb_timestamp_t t = server_time(x, &old_gone, old);
	xcb_set_selection_owner(x->conn, x->check, x->wm_sn, t);
	if (x_selection_owner(x, x->wm_sn) != x->check) {
		snprintf(err, len, "cannot take the %s selection", name);
		return false;
	}
	if (!old_gone && !wait_gone(x, old)) {
		snprintf(err, len, "another window manager took %s meanwhile",
			 name);
		return false;
	}
	x->wm_sn_time = t;
	return true;
}

bool wm_selection_lost(const struct xconn *x, const xcb_generic_event_t *ev)
{
	if ((ev->response_type & 0x7f) != XCB_SELECTION_CLEAR)
		return false;
	const xcb_selection_clear_event_t *e = (const void *)ev;
	return e->selection == x->wm_sn && e->owner == x->check;
}
