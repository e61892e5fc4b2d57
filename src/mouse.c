/* mouse.c: click to focus, mouse bindings and interactive move/resize. */
#include "mouse.h"

#include <string.h>

#include "command.h"
#include "hints.h"
#include "layout.h"
#include "log.h"
#include "wm.h"
#include "x.h"

static const struct mouse_binding *find_binding(const struct wm *wm,
						uint8_t button, uint16_t state)
{
	uint16_t mods = state & X_BINDING_MODS & ~wm->x->kb.numlock;
	for (size_t i = 0; i < wm->cfg.nmouse; i++) {
		const struct mouse_binding *b = &wm->cfg.mouse[i];
		if (b->button == button && b->mods == mods)
			return b;
	}
	return NULL;
}

/* c floats from where it is now, if it did not. */
static void float_from_tile(struct wm *wm, struct client *c)
{
	if (c->floating)
		return;
	c->float_geom = c->x.geom;
	c->float_placed = true;
	model_set_floating(&wm->model, c, true);
	c->tags_dirty = true; /* the floating state is saved with them */
	wm->model.dirty |= DIRTY_TAGS;
}

static void drag_begin(struct xconn *x, struct client *c, unsigned edges,
		       int root_x, int root_y)
{
	x->drag.win = c->id;
	x->drag.edges = edges;
	x->drag.px = root_x;
	x->drag.py = root_y;
	x->drag.start = c->float_geom;
	x->drag.active = true;
	x->drag.grabbed = false;
}

/* Start moving or resizing c (from its bottom right corner) with the
 * button that was pressed on it: the press's grab becomes the drag's. */
static void drag_start(struct wm *wm, struct client *c, bool resize,
		       xcb_button_press_event_t *ev)
{
	struct xconn *x = wm->x;
	float_from_tile(wm, c);
	drag_begin(x, c, resize ? DRAG_RIGHT | DRAG_BOTTOM : 0, ev->root_x,
		   ev->root_y);
	xcb_change_active_pointer_grab(x->conn, XCB_NONE, ev->time,
				       XCB_EVENT_MASK_BUTTON_RELEASE |
					   XCB_EVENT_MASK_BUTTON_MOTION);
}

/* The drag is over, and no grab of ctile's is left held. */
static void drag_stop(struct xconn *x, xcb_timestamp_t time)
{
	xcb_ungrab_pointer(x->conn, time);
	x->drag.active = false;
	x->drag.grabbed = false;
}

void mouse_press(struct wm *wm, xcb_button_press_event_t *ev)
{
	struct xconn *x = wm->x;
	x->time = ev->time;
	x->focus_by_pointer = true;
	struct client *c = model_find(&wm->model, ev->event);
	const struct mouse_binding *b =
	    c ? find_binding(wm, ev->detail, ev->state) : NULL;
	if (c) {
		model_focus(&wm->model, c);
		/* A click raises, focused already or not (hover did not). */
		x->raise_clicked = true;
		wm->model.dirty |= DIRTY_FOCUS;
	}
	/* A Mod4+drag's grab reports no press: one that comes means X ended
	 * the grab (the window went away or was hidden) without a release.
	 * A _NET_WM_MOVERESIZE drag whose button was up before it began ends
	 * with the next click. */
	if (x->drag.active)
		drag_stop(x, ev->time);
	if (!b) {
		/* A plain click: the window gets it too. */
		xcb_allow_events(x->conn, XCB_ALLOW_REPLAY_POINTER, ev->time);
		return;
	}
	bool move = !strcmp(b->command, "move");
	bool drag = move || !strcmp(b->command, "resize");
	if (drag) {
		/* As in dwm, a fullscreen window is not dragged: it keeps the
		 * whole monitor, and its tile for later. */
		if (!c->fullscreen)
			drag_start(wm, c, !move, ev);
	} else {
		char err[256];
		int col;
		if (!command_run(wm, b->command, err, sizeof(err), &col))
			log_warn("%s: %s", b->command, err);
	}
	xcb_allow_events(x->conn, XCB_ALLOW_ASYNC_POINTER, ev->time);
}

/* g with the given edges moved by dx, dy; the size hints honoured, and
 * the opposite edges where they were. */
static struct rect resized(const struct client *c, struct rect g,
			   unsigned edges, int dx, int dy)
{
	int bw = 2 * c->want_border;
	int w = g.w - bw, h = g.h - bw;
	w += edges & DRAG_RIGHT ? dx : edges & DRAG_LEFT ? -dx : 0;
	h += edges & DRAG_BOTTOM ? dy : edges & DRAG_TOP ? -dy : 0;
	hints_apply(&c->hints, &w, &h);
	if (edges & DRAG_LEFT)
		g.x += g.w - bw - w;
	if (edges & DRAG_TOP)
		g.y += g.h - bw - h;
	g.w = w + bw, g.h = h + bw;
	return g;
}

/* g moved by dx, dy, as far as it stays reachable: its top edge (where a
 * title bar is) below the bar and above the work area's bottom, and a
 * strip of it on screen sideways. */
static struct rect moved(struct rect g, struct rect work, int dx, int dy)
{
	const int keep = 32;
	g.x += dx, g.y += dy;
	if (g.y < work.y)
		g.y = work.y;
	if (g.y > work.y + work.h - keep)
		g.y = work.y + work.h - keep;
	if (g.x > work.x + work.w - keep)
		g.x = work.x + work.w - keep;
	if (g.x + g.w < work.x + keep)
		g.x = work.x + keep - g.w;
	return g;
}

void mouse_motion(struct wm *wm, xcb_motion_notify_event_t *ev)
{
	struct xconn *x = wm->x;
	struct client *c =
	    x->drag.active ? model_find(&wm->model, x->drag.win) : NULL;
	if (!c)
		return;
	int dx = ev->root_x - x->drag.px, dy = ev->root_y - x->drag.py;
	struct rect g = x->drag.start;
	if (x->drag.edges)
		g = resized(c, g, x->drag.edges, dx, dy);
	else
		g = moved(g, c->mon->work, dx, dy);
	c->float_geom = g;
	wm->model.dirty |= DIRTY_ARRANGE;
}

void mouse_release(struct wm *wm, xcb_button_release_event_t *ev)
{
	struct xconn *x = wm->x;
	/* Releases come only from ctile's own grabs: none is left held. */
	drag_stop(x, ev->time);
}

/* _NET_WM_MOVERESIZE directions (EWMH), 0 to 8, as edges. */
static const unsigned moveresize_edges[] = {
    DRAG_LEFT | DRAG_TOP,
    DRAG_TOP,
    DRAG_TOP | DRAG_RIGHT,
    DRAG_RIGHT,
    DRAG_RIGHT | DRAG_BOTTOM,
    DRAG_BOTTOM,
    DRAG_BOTTOM | DRAG_LEFT,
    DRAG_LEFT,
    0 /* move */,
};
#define MOVERESIZE_CANCEL 11

static bool grab_pointer(struct xconn *x)
{
	xcb_grab_pointer_reply_t *r = xcb_grab_pointer_reply(
	    x->conn,
	    xcb_grab_pointer(x->conn, 0, x->root,
			     XCB_EVENT_MASK_BUTTON_PRESS |
				 XCB_EVENT_MASK_BUTTON_RELEASE |
				 XCB_EVENT_MASK_POINTER_MOTION,
			     XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC, XCB_NONE,
			     XCB_NONE, XCB_CURRENT_TIME),
	    NULL);
	bool ok = r && r->status == XCB_GRAB_STATUS_SUCCESS;
	free(r);
	return ok;
}

/* Grab the pointer for a drag, and say where it is: from the server, as
 * the message's word for it may be stale or bogus. A drag needs a button
 * down, or the window would be glued to the pointer. */
static bool grab_for_drag(struct xconn *x, int16_t *px, int16_t *py)
{
	if (!grab_pointer(x)) {
		log_debug("_NET_WM_MOVERESIZE: the pointer is grabbed");
		return false;
	}
	xcb_query_pointer_reply_t *p = xcb_query_pointer_reply(
	    x->conn, xcb_query_pointer(x->conn, x->root), NULL);
	uint16_t buttons =
	    XCB_BUTTON_MASK_1 | XCB_BUTTON_MASK_2 | XCB_BUTTON_MASK_3;
	bool ok = p && (p->mask & buttons);
	if (ok) {
		*px = p->root_x, *py = p->root_y;
	} else {
		xcb_ungrab_pointer(x->conn, XCB_CURRENT_TIME);
		log_debug("ignored _NET_WM_MOVERESIZE with no button down");
	}
	free(p);
	return ok;
}

void mouse_moveresize(struct wm *wm, struct client *c, const uint32_t *d)
{
	struct xconn *x = wm->x;
	uint32_t dir = d[2];
	if (dir == MOVERESIZE_CANCEL) {
		x_drag_window_gone(x, c->id);
		return;
	}
	/* Tiled windows keep their tile, as in i3: a header bar dragged by
	 * accident does not float them. The keyboard variants are not
	 * offered. */
	bool loose =
	    c->floating || !layouts[monitor_tag_state(c->mon)->layout]->arrange;
	if (dir > 8 || !loose || c->fullscreen || x->drag.active ||
	    !client_visible(c)) {
		log_debug("ignored _NET_WM_MOVERESIZE %u for %#x", dir, c->id);
		return;
	}
	int16_t px, py;
	if (!grab_for_drag(x, &px, &py))
		return;
	model_focus(&wm->model, c);
	drag_begin(x, c, moveresize_edges[dir], px, py);
	x->drag.grabbed = true;
}
