/* mouse.c: click to focus, mouse bindings and interactive move/resize. */
#include "mouse.h"

#include <string.h>

#include "command.h"
#include "hints.h"
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

/* Start moving or resizing c: it floats from where it is now. */
static void drag_start(struct wm *wm, struct client *c, bool resize,
		       xcb_button_press_event_t *ev)
{
	struct xconn *x = wm->x;
	if (!c->floating) {
		c->float_geom = c->x.geom;
		c->float_placed = true;
		model_set_floating(&wm->model, c, true);
		c->tags_dirty =
		    true; /* the floating state is saved with them */
		wm->model.dirty |= DIRTY_TAGS;
	}
	x->drag.win = c->id;
	x->drag.resize = resize;
	x->drag.px = ev->root_x;
	x->drag.py = ev->root_y;
	x->drag.start = c->float_geom;
	x->drag.active = true;
	xcb_change_active_pointer_grab(x->conn, XCB_NONE, ev->time,
				       XCB_EVENT_MASK_BUTTON_RELEASE |
					   XCB_EVENT_MASK_BUTTON_MOTION);
}

void mouse_press(struct wm *wm, xcb_button_press_event_t *ev)
{
	struct xconn *x = wm->x;
	x->time = ev->time;
	x->focus_by_pointer = true;
	struct client *c = model_find(&wm->model, ev->event);
	const struct mouse_binding *b =
	    c ? find_binding(wm, ev->detail, ev->state) : NULL;
	if (c)
		model_focus(&wm->model, c);
	/* A drag's grab reports no press: one that comes means X ended the
	 * grab (the window went away or was hidden) without a release. */
	x->drag.active = false;
	if (!b) {
		/* A plain click: the window gets it too. */
		xcb_allow_events(x->conn, XCB_ALLOW_REPLAY_POINTER, ev->time);
		return;
	}
	bool move = !strcmp(b->command, "move");
	if (move || !strcmp(b->command, "resize")) {
		drag_start(wm, c, !move, ev);
	} else {
		char err[256];
		int col;
		if (!command_run(wm, b->command, err, sizeof(err), &col))
			log_warn("%s: %s", b->command, err);
	}
	xcb_allow_events(x->conn, XCB_ALLOW_ASYNC_POINTER, ev->time);
}

void mouse_motion(struct wm *wm, xcb_motion_notify_event_t *ev)
{
	struct xconn *x = wm->x;
	struct client *c =
	    x->drag.active ? model_find(&wm->model, x->drag.win) : NULL;
	if (!c)
		return;
	struct rect g = x->drag.start;
	int dx = ev->root_x - x->drag.px, dy = ev->root_y - x->drag.py;
	if (x->drag.resize) {
		int bw = 2 * c->want_border;
		int w = g.w - bw + dx, h = g.h - bw + dy;
		hints_apply(&c->hints, &w, &h);
		g.w = w + bw, g.h = h + bw;
	} else {
		g.x += dx, g.y += dy;
	}
	c->float_geom = g;
	wm->model.dirty |= DIRTY_ARRANGE;
}

void mouse_release(struct wm *wm, xcb_button_release_event_t *ev)
{
	struct xconn *x = wm->x;
	if (!x->drag.active)
		return;
	x->drag.active = false;
	xcb_ungrab_pointer(x->conn, ev->time);
}
