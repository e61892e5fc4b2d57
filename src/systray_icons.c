/* systray_icons.c: the tray's icons: dock requests, XEMBED, and what the
 * icons do once docked (map, unmap, resize, leave, die). */
#include <stdlib.h>
#include <string.h>

#include "bar_internal.h"
#include "log.h"
#include "manage.h"
#include "systray_internal.h"
#include "wm.h"

#define XEMBED_EMBEDDED_NOTIFY 0
#define XEMBED_MAPPED	       (1u << 0)
#define XEMBED_VERSION	       0

static struct tray_icon *find(struct systray *t, xcb_window_t win)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->icons[i].win == win)
			return &t->icons[i];
	return NULL;
}

/* Stop following the icon; alive: it still exists, so undo our hooks. */
static void forget(struct xconn *x, struct systray *t, struct tray_icon *ic,
		   bool alive)
{
	if (alive) {
		uint32_t none = 0;
		xcb_change_window_attributes(x->conn, ic->win,
					     XCB_CW_EVENT_MASK, &none);
		xcb_change_save_set(x->conn, XCB_SET_MODE_DELETE, ic->win);
	}
	size_t i = (size_t)(ic - t->icons);
	memmove(ic, ic + 1, (t->n - i - 1) * sizeof(*ic));
	t->n--;
}

/* XEMBED's end of embedding: unmapped, back on the root. */
void tray_hand_back(struct xconn *x, struct systray *t, struct tray_icon *ic)
{
	uint32_t none = 0;
	xcb_change_window_attributes(x->conn, ic->win, XCB_CW_EVENT_MASK,
				     &none);
	xcb_unmap_window(x->conn, ic->win);
	xcb_reparent_window(x->conn, ic->win, x->root, 0, 0);
	forget(x, t, ic, true);
}

/* Read an _XEMBED_INFO reply (NULL: none). Without the property an icon
 * is shown, as every tray does. */
static void apply_info(struct tray_icon *ic, xcb_get_property_reply_t *r)
{
	bool ok = r && r->format == 32 && xcb_get_property_value_length(r) >= 8;
	const uint32_t *v = ok ? xcb_get_property_value(r) : NULL;
	ic->has_info = ok;
	ic->info_mapped = ok && (v[1] & XEMBED_MAPPED);
	ic->want = !ok || ic->info_mapped;
}

static xcb_get_property_cookie_t
info_request(struct xconn *x, struct systray *t, xcb_window_t win)
{
	return xcb_get_property(x->conn, 0, win, t->atoms[TRAY_XEMBED_INFO],
				XCB_GET_PROPERTY_TYPE_ANY, 0, 2);
}

/* Its version is min(the icon's, ours), and ours is the only one, 0. */
static void embedded_notify(struct xconn *x, struct systray *t,
			    xcb_window_t win)
{
	xcb_client_message_event_t ev = {
	    .response_type = XCB_CLIENT_MESSAGE,
	    .format = 32,
	    .window = win,
	    .type = t->atoms[TRAY_XEMBED],
	};
	ev.data.data32[0] = x->time;
	ev.data.data32[1] = XEMBED_EMBEDDED_NOTIFY;
	ev.data.data32[3] = t->win;
	ev.data.data32[4] = XEMBED_VERSION;
	xcb_send_event(x->conn, 0, win, XCB_EVENT_MASK_NO_EVENT,
		       (const char *)&ev);
}

static bool is_ours(const struct wm *wm, struct systray *t, xcb_window_t w)
{
	struct xconn *x = wm->x;
	if (w == x->root || w == x->check || w == t->win)
		return true;
	for (size_t i = 0; wm->bars && i < wm->bars->n; i++)
		if (wm->bars->v[i].win == w)
			return true;
	return false;
}

/* A tray that died left its icons mapped on the root, where ctile may
 * have taken one for a window: it is an icon now. */
static void unmanage(struct wm *wm, xcb_window_t win)
{
	/* A dock too (a bogus request): its struts must give the room back,
	 * as the tray now has its unmap and destroy. */
	manage_forget_window(wm, win, true);
}

/* SYSTEM_TRAY_REQUEST_DOCK. The replies are waited for: a dock is rare
 * (once per icon), and a window that does not exist must not be listed. */
void tray_dock(struct wm *wm, struct systray *t, xcb_window_t win)
{
	struct xconn *x = wm->x;
	if (win == XCB_NONE || is_ours(wm, t, win) || find(t, win)) {
		log_debug("systray: dock request for 0x%x ignored", win);
		return;
	}
	if (t->n == SYSTRAY_MAX_ICONS) {
		log_warn("systray: %d icons already; 0x%x is not shown",
			 SYSTRAY_MAX_ICONS, win);
		return;
	}
	xcb_get_geometry_cookie_t gc = xcb_get_geometry(x->conn, win);
	xcb_get_window_attributes_cookie_t ac =
	    xcb_get_window_attributes(x->conn, win);
	xcb_get_property_cookie_t ic = info_request(x, t, win);
	xcb_get_geometry_reply_t *g = xcb_get_geometry_reply(x->conn, gc, NULL);
	xcb_get_window_attributes_reply_t *a =
	    xcb_get_window_attributes_reply(x->conn, ac, NULL);
	xcb_get_property_reply_t *info =
	    xcb_get_property_reply(x->conn, ic, NULL);
	struct tray_icon icon = {.win = win};
	apply_info(&icon, info);
	bool usable = g && a && g->root == x->root;
	icon.mapped = a && a->map_state != XCB_MAP_STATE_UNMAPPED;
	free(g);
	free(a);
	free(info);
	if (!usable) {
		log_debug("systray: 0x%x cannot be docked", win);
		return;
	}
	unmanage(wm, win);
	xcb_change_save_set(x->conn, XCB_SET_MODE_INSERT, win);
	/* Reparented first, then watched: the events of the move itself
	 * (an unmap and a map if it was mapped) are not the icon's doing. */
	xcb_reparent_window(x->conn, win, t->win, 0, 0);
	uint32_t mask =
	    XCB_EVENT_MASK_STRUCTURE_NOTIFY | XCB_EVENT_MASK_PROPERTY_CHANGE;
	xcb_change_window_attributes(x->conn, win, XCB_CW_EVENT_MASK, &mask);
	uint32_t border = 0;
	xcb_configure_window(x->conn, win, XCB_CONFIG_WINDOW_BORDER_WIDTH,
			     &border);
	embedded_notify(x, t, win);
	t->icons[t->n++] = icon;
	log_debug("systray: docked 0x%x", win);
	tray_changed(wm, t);
}

/* An icon asked for another size or place: it keeps ours (ICCCM 4.1.5). */
static void deny_configure(struct xconn *x, struct tray_icon *ic)
{
	if (ic->geom.w <= 0)
		return; /* not placed yet: the placing will tell it */
	xcb_configure_notify_event_t ce = {
	    .response_type = XCB_CONFIGURE_NOTIFY,
	    .event = ic->win,
	    .window = ic->win,
	    .x = (int16_t)ic->geom.x,
	    .y = (int16_t)ic->geom.y,
	    .width = (uint16_t)ic->geom.w,
	    .height = (uint16_t)ic->geom.h,
	};
	xcb_send_event(x->conn, 0, ic->win, XCB_EVENT_MASK_STRUCTURE_NOTIFY,
		       (const char *)&ce);
}

static void on_info_changed(struct wm *wm, struct systray *t,
			    struct tray_icon *ic)
{
	xcb_get_property_reply_t *r = xcb_get_property_reply(
	    wm->x->conn, info_request(wm->x, t, ic->win), NULL);
	apply_info(ic, r);
	free(r);
	tray_changed(wm, t);
}

/* An icon unmapped itself: it is hidden until it asks to be seen again
 * (XEMBED_MAPPED set anew, or a map request). */
static void on_unmap(struct wm *wm, struct systray *t, struct tray_icon *ic,
		     xcb_unmap_notify_event_t *e)
{
	if (e->event != ic->win || (e->response_type & 0x80))
		return; /* the root's copy, or a withdrawal notice */
	if (ic->ignore_unmaps > 0) {
		ic->ignore_unmaps--;
		return;
	}
	ic->mapped = ic->want = false;
	tray_changed(wm, t);
}

static bool on_reparent(struct wm *wm, struct systray *t,
			xcb_reparent_notify_event_t *e)
{
	struct tray_icon *ic = find(t, e->window);
	if (!ic)
		return false;
	if (e->parent != t->win) { /* it left: another embedder */
		forget(wm->x, t, ic, true);
		tray_changed(wm, t);
	}
	return true;
}

/* An icon asks to be shown: it is, unless its _XEMBED_INFO says not. */
static bool on_map_request(struct wm *wm, struct systray *t,
			   xcb_map_request_event_t *e)
{
	if (e->parent != t->win)
		return false;
	struct tray_icon *ic = find(t, e->window);
	if (ic && (!ic->has_info || ic->info_mapped) && !ic->want) {
		ic->want = true;
		tray_changed(wm, t);
	}
	return true;
}

static bool on_configure_request(struct wm *wm, struct systray *t,
				 xcb_configure_request_event_t *e)
{
	if (e->parent != t->win)
		return false;
	struct tray_icon *ic = find(t, e->window);
	if (ic)
		deny_configure(wm->x, ic);
	return true;
}

bool tray_icon_event(struct wm *wm, struct systray *t, uint8_t type,
		     xcb_generic_event_t *ev)
{
	struct xconn *x = wm->x;
	struct tray_icon *ic;
	switch (type) {
	case XCB_DESTROY_NOTIFY: {
		xcb_destroy_notify_event_t *e = (void *)ev;
		if (!(ic = find(t, e->window)))
			return false;
		forget(x, t, ic, false);
		tray_changed(wm, t);
		return true;
	}
	case XCB_UNMAP_NOTIFY: {
		xcb_unmap_notify_event_t *e = (void *)ev;
		if (!(ic = find(t, e->window)))
			return false;
		on_unmap(wm, t, ic, e);
		return true;
	}
	case XCB_REPARENT_NOTIFY:
		return on_reparent(wm, t, (void *)ev);
	case XCB_PROPERTY_NOTIFY: {
		xcb_property_notify_event_t *e = (void *)ev;
		if (!(ic = find(t, e->window)))
			return false;
		if (e->atom == t->atoms[TRAY_XEMBED_INFO])
			on_info_changed(wm, t, ic);
		return true;
	}
	case XCB_MAP_REQUEST:
		return on_map_request(wm, t, (void *)ev);
	case XCB_CONFIGURE_REQUEST:
		return on_configure_request(wm, t, (void *)ev);
	case XCB_CONFIGURE_NOTIFY:
	case XCB_MAP_NOTIFY:
		/* Both start with the event and the window. */
		return find(t, ((xcb_map_notify_event_t *)ev)->window) != NULL;
	}
	return false;
}
