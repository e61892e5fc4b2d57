/* events.c: one handler per X event; handlers change the model only. */
#include "events.h"

#include <xcb/xkb.h>

#include "arrange.h"
#include "bar.h"
#include "command.h"
#include "docks.h"
#include "ewmh.h"
#include "fetch.h"
#include "layout.h"
#include "log.h"
#include "manage.h"
#include "mouse.h"
#include "systray.h"
#include "wm.h"
#include "wm_selection.h"
#include "x.h"

static void on_map_request(struct wm *wm, xcb_map_request_event_t *ev)
{
	struct client *c = model_find(&wm->model, ev->window);
	if (c) {
		/* Mapped again while managed: it wants to be seen. A
		 * minimized window is restored (ICCCM: iconic to normal). */
		model_set_minimized(&wm->model, c, false);
		if (!client_visible(c))
			model_set_urgent(&wm->model, c, true);
		else
			c->x.mapped = false, wm->model.dirty |= DIRTY_ARRANGE;
		return;
	}
	/* Shown, hidden and shown again before ctile had its properties
	 * (Qt's and GTK's show(); hide(); show()): the last word is "map". */
	struct pending *p = manage_pending_find(wm->x, ev->window);
	if (p && p->dead) {
		p->dead = false;
		p->again = true;
		return;
	}
	manage_begin(wm, ev->window, false);
}

/* A managed floating window may move and resize within its monitor. */
static void configure_floating(struct wm *wm, struct client *c,
			       xcb_configure_request_event_t *ev)
{
	/* Where it is now, if it never floated before (the floating layout). */
	struct rect g =
	    c->float_placed || !c->want_tiled ? c->float_geom : c->want;
	int bw = 2 * wm->cfg.settings.border_width;
	if (ev->value_mask & XCB_CONFIG_WINDOW_X)
		g.x = ev->x;
	if (ev->value_mask & XCB_CONFIG_WINDOW_Y)
		g.y = ev->y;
	if (ev->value_mask & XCB_CONFIG_WINDOW_WIDTH)
		g.w = ev->width + bw;
	if (ev->value_mask & XCB_CONFIG_WINDOW_HEIGHT)
		g.h = ev->height + bw;
	if (g.w > c->mon->work.w)
		g.w = c->mon->work.w;
	if (g.h > c->mon->work.h)
		g.h = c->mon->work.h;
	c->float_geom = arrange_clamp(g, c->mon->work);
	c->float_placed = true;
	wm->model.dirty |= DIRTY_ARRANGE;
}

/* A tiled window keeps its place: tell it where it is (ICCCM 4.1.5). */
static void send_configure_notify(struct wm *wm, struct client *c)
{
	struct rect g = c->x.geom;
	int bw = c->x.border;
	xcb_configure_notify_event_t ce = {
	    .response_type = XCB_CONFIGURE_NOTIFY,
	    .event = c->id,
	    .window = c->id,
	    .x = (int16_t)g.x,
	    .y = (int16_t)g.y,
	    .width = (uint16_t)(g.w - 2 * bw),
	    .height = (uint16_t)(g.h - 2 * bw),
	    .border_width = (uint16_t)bw,
	};
	xcb_send_event(wm->x->conn, 0, c->id, XCB_EVENT_MASK_STRUCTURE_NOTIFY,
		       (const char *)&ce);
}

static void on_configure_request(struct wm *wm,
				 xcb_configure_request_event_t *ev)
{
	struct client *c = model_find(&wm->model, ev->window);
	struct tag_state *ts = c ? monitor_tag_state(c->mon) : NULL;
	if (c && (c->floating || !layouts[ts->layout]->arrange)) {
		configure_floating(wm, c, ev);
	} else if (c) {
		if (c->x.configured)
			send_configure_notify(wm, c);
	} else {
		/* Not ours (yet): let it have what it asks. */
		uint32_t v[7];
		int i = 0;
		uint16_t mask = ev->value_mask;
		if (mask & XCB_CONFIG_WINDOW_X)
			v[i++] = (uint32_t)ev->x;
		if (mask & XCB_CONFIG_WINDOW_Y)
			v[i++] = (uint32_t)ev->y;
		if (mask & XCB_CONFIG_WINDOW_WIDTH)
			v[i++] = ev->width;
		if (mask & XCB_CONFIG_WINDOW_HEIGHT)
			v[i++] = ev->height;
		if (mask & XCB_CONFIG_WINDOW_BORDER_WIDTH)
			v[i++] = ev->border_width;
		if (mask & XCB_CONFIG_WINDOW_SIBLING)
			v[i++] = ev->sibling;
		if (mask & XCB_CONFIG_WINDOW_STACK_MODE)
			v[i++] = ev->stack_mode;
		xcb_configure_window(wm->x->conn, ev->window, mask, v);
	}
}

static void on_unmap(struct wm *wm, xcb_unmap_notify_event_t *ev)
{
	struct client *c = model_find(&wm->model, ev->window);
	bool synthetic = ev->response_type & 0x80;
	if (!c) {
		manage_forget_window(wm, ev->window, true);
		return;
	}
	if (!synthetic && c->x.ignore_unmaps > 0) {
		c->x.ignore_unmaps--;
		return;
	}
	manage_forget(wm, c, true);
}

/* A client took one of its windows off the root (into a window of its
 * own): ctile no longer manages it. A hidden window gets no UnmapNotify
 * then, and off the root its DestroyNotify would never reach ctile. */
static void on_reparent(struct wm *wm, xcb_reparent_notify_event_t *ev)
{
	if (ev->event != wm->x->root || ev->parent == wm->x->root)
		return;
	manage_forget_window(wm, ev->window, false);
}

static void on_destroy(struct wm *wm, xcb_destroy_notify_event_t *ev)
{
	manage_forget_window(wm, ev->window, false);
}

static void on_property(struct wm *wm, xcb_property_notify_event_t *ev)
{
	struct xconn *x = wm->x;
	if (ev->window == x->root) {
		if (ev->atom == XCB_ATOM_WM_NAME)
			fetch_root_name(x); /* the status text */
		return;
	}
	if (docks_property(wm, ev->window, ev->atom))
		return;
	struct client *c = model_find(&wm->model, ev->window);
	if (!c || ev->state == XCB_PROPERTY_DELETE)
		return;
	xcb_atom_t a = ev->atom;
	if (a == XCB_ATOM_WM_NAME || a == x->ewmh._NET_WM_NAME) {
		fetch_update(x, c, FETCH_NAME);
		fetch_update(x, c, FETCH_NET_NAME);
	} else if (a == XCB_ATOM_WM_HINTS) {
		fetch_update(x, c, FETCH_HINTS);
	} else if (a == XCB_ATOM_WM_NORMAL_HINTS) {
		fetch_update(x, c, FETCH_NORMAL_HINTS);
	} else if (a == XCB_ATOM_WM_CLASS) {
		fetch_update(x, c, FETCH_CLASS);
	} else if (a == x_atom(x, ATOM_WM_PROTOCOLS)) {
		fetch_update(x, c, FETCH_PROTOCOLS);
	}
}

/* Whether an EnterNotify comes from the user moving the pointer, and
 * records it. Crossing from one window to another gives a LeaveNotify on
 * the one and an EnterNotify on the other, at the same spot and time.
 * Back at the spot of the last crossing otherwise, the pointer stood still
 * and a window above went away: a launcher that grabbed the keyboard, a
 * popup. */
static bool pointer_crossed(struct xconn *x, xcb_enter_notify_event_t *ev)
{
	bool same_crossing =
	    x->pointer.time == ev->time && x->pointer.win != ev->event;
	bool moved = !x->pointer.known || x->pointer.x != ev->root_x ||
		     x->pointer.y != ev->root_y || same_crossing;
	x->pointer.known = true;
	x->pointer.x = ev->root_x;
	x->pointer.y = ev->root_y;
	x->pointer.time = ev->time;
	x->pointer.win = ev->event;
	return moved;
}

static void on_enter(struct wm *wm, xcb_enter_notify_event_t *ev)
{
	bool moved = pointer_crossed(wm->x, ev);
	if (!wm->cfg.settings.focus_follows_mouse || !moved ||
	    ev->mode != XCB_NOTIFY_MODE_NORMAL ||
	    ev->detail == XCB_NOTIFY_DETAIL_INFERIOR ||
	    x_caused_by_us(wm->x, ev->sequence))
		return;
	struct client *c = model_find(&wm->model, ev->event);
	if (c && c != model_focused(&wm->model) && !wm->x->drag.active) {
		model_focus(&wm->model, c);
		wm->x->focus_by_pointer = true;
		wm->x->focus_by_hover = true;
	}
}

static void on_key(struct wm *wm, xcb_key_press_event_t *ev)
{
	wm->x->time = ev->time;
	if (wm->x->kb.stale)
		keys_reload_keymap(wm);
	const char *command = keys_lookup(wm, ev->detail, ev->state);
	if (!command)
		return;
	size_t mode = wm->mode;
	char err[256];
	int col;
	if (!command_run(wm, command, err, sizeof(err), &col))
		log_warn("%s: %s", command, err);
	/* A key chain: one key in a oneshot mode, then back to default. */
	if (wm->mode == mode && mode != 0 && wm_mode(wm)->oneshot) {
		wm->mode = 0;
		wm->bindings_dirty = true;
		wm->model.dirty |= DIRTY_BAR;
	}
}

static void on_xkb(struct wm *wm, xcb_generic_event_t *ev)
{
	uint8_t type = ((xcb_xkb_new_keyboard_notify_event_t *)ev)->xkbType;
	if (type == XCB_XKB_NEW_KEYBOARD_NOTIFY || type == XCB_XKB_MAP_NOTIFY)
		wm->x->kb.stale = true;
}

static void on_error(xcb_generic_error_t *e)
{
	/* Clients die between our requests all the time: not our problem. */
	log_debug("X error %d on request %d.%d (resource %#x)", e->error_code,
		  e->major_code, e->minor_code, e->resource_id);
}

static void on_root_resize(struct wm *wm, xcb_configure_notify_event_t *ev)
{
	struct monitor *mon = wm->model.mons;
	if (ev->window != wm->x->root || !mon || mon->next)
		return; /* several monitors: the monitors issue */
	struct rect geom = {0, 0, ev->width, ev->height};
	if (rect_equal(geom, mon->geom))
		return;
	mon->geom = geom;
	wm->bars_outdated = true; /* drawn for the old width */
	work_area_update(wm);
	/* Floating windows stay within reach (i3 does the same). */
	for (struct client *c = mon->clients; c; c = c->next)
		if (c->float_placed)
			c->float_geom = arrange_clamp(c->float_geom, mon->work);
	wm->model.dirty |= DIRTY_ARRANGE;
}

/* _CTILE_STATS asks for ctile's own timings (stats.c); the rest is EWMH
 * and _CTILE_SYNC. */
static void on_client_message(struct wm *wm, xcb_client_message_event_t *ev)
{
	if (ev->type == x_atom(wm->x, ATOM_CTILE_STATS) && ev->format == 32)
		stats_request(wm, ev->data.data32);
	else
		ewmh_client_message(wm, ev);
}

void events_handle(struct wm *wm, xcb_generic_event_t *ev)
{
	uint8_t type = ev->response_type & 0x7f;
	if (bar_event(wm, ev))
		return;
	if (systray_event(wm, ev))
		return;
	if (wm_selection_lost(wm->x, ev)) {
		log_info("another window manager takes over: leaving");
		wm->exit = WM_QUIT;
		return;
	}
	if (type == wm->x->kb.xkb_event_base && type) {
		on_xkb(wm, ev);
		return;
	}
	switch (type) {
	case 0:
		on_error((xcb_generic_error_t *)ev);
		break;
	case XCB_MAP_REQUEST:
		on_map_request(wm, (xcb_map_request_event_t *)ev);
		break;
	case XCB_CONFIGURE_REQUEST:
		on_configure_request(wm, (xcb_configure_request_event_t *)ev);
		break;
	case XCB_UNMAP_NOTIFY:
		on_unmap(wm, (xcb_unmap_notify_event_t *)ev);
		break;
	case XCB_DESTROY_NOTIFY:
		on_destroy(wm, (xcb_destroy_notify_event_t *)ev);
		break;
	case XCB_PROPERTY_NOTIFY:
		on_property(wm, (xcb_property_notify_event_t *)ev);
		break;
	case XCB_ENTER_NOTIFY:
		on_enter(wm, (xcb_enter_notify_event_t *)ev);
		break;
	case XCB_LEAVE_NOTIFY:
		pointer_crossed(wm->x, (xcb_leave_notify_event_t *)ev);
		break;
	case XCB_BUTTON_PRESS:
		mouse_press(wm, (xcb_button_press_event_t *)ev);
		break;
	case XCB_MOTION_NOTIFY:
		mouse_motion(wm, (xcb_motion_notify_event_t *)ev);
		break;
	case XCB_BUTTON_RELEASE:
		mouse_release(wm, (xcb_button_release_event_t *)ev);
		break;
	case XCB_KEY_PRESS:
		on_key(wm, (xcb_key_press_event_t *)ev);
		break;
	case XCB_MAPPING_NOTIFY:
		wm->x->kb.stale = true;
		break;
	case XCB_REPARENT_NOTIFY:
		on_reparent(wm, (xcb_reparent_notify_event_t *)ev);
		break;
	case XCB_CLIENT_MESSAGE:
		on_client_message(wm, (xcb_client_message_event_t *)ev);
		break;
	case XCB_CONFIGURE_NOTIFY:
		on_root_resize(wm, (xcb_configure_notify_event_t *)ev);
		break;
	default:
		break;
	}
}
