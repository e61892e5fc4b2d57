/* systray.c: the system tray's life: the selection, following the bars,
 * and the tray's place in the primary monitor's bar.
 *
 * The icons live in one window of ctile's own, the tray window, which is
 * also the selection owner. The tray window sits in the host bar where the
 * systray widget makes room; when the bars are rebuilt (reload) it is taken
 * out of the old bar and put into the new one with every icon still in it,
 * so no icon ever notices. On quit and restart every icon goes back to the
 * root unmapped (XEMBED's end of embedding); the next tray's MANAGER message
 * makes the icons dock again. Icons are in ctile's save-set, so if ctile
 * dies the server hands them back to the root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xcb/randr.h>

#include "bar_internal.h"
#include "log.h"
#include "systray_internal.h"
#include "wm.h"

#define SYSTEM_TRAY_REQUEST_DOCK 0

/* --- where the tray lives */

static bool intern_atoms(struct xconn *x, struct systray *t)
{
	char sel[40];
	snprintf(sel, sizeof(sel), "_NET_SYSTEM_TRAY_S%d", x->screen_num);
	const char *names[TRAY_ATOMS] = {
	    [TRAY_SELECTION] = sel,
	    [TRAY_OPCODE] = "_NET_SYSTEM_TRAY_OPCODE",
	    [TRAY_XEMBED] = "_XEMBED",
	    [TRAY_XEMBED_INFO] = "_XEMBED_INFO",
	    [TRAY_ORIENTATION] = "_NET_SYSTEM_TRAY_ORIENTATION",
	    [TRAY_VISUAL] = "_NET_SYSTEM_TRAY_VISUAL",
	};
	xcb_intern_atom_cookie_t c[TRAY_ATOMS];
	for (int i = 0; i < TRAY_ATOMS; i++)
		c[i] = xcb_intern_atom(x->conn, 0, (uint16_t)strlen(names[i]),
				       names[i]);
	bool ok = true;
	for (int i = 0; i < TRAY_ATOMS; i++) {
		xcb_intern_atom_reply_t *r =
		    xcb_intern_atom_reply(x->conn, c[i], NULL);
		t->atoms[i] = r ? r->atom : XCB_NONE;
		ok = ok && r;
		free(r);
	}
	return ok;
}

/* The monitor RandR calls primary, else the first: the tray's home, as
 * i3's `tray_output primary`. Bars are rebuilt rarely: a round trip here
 * costs nothing that matters. */
static struct monitor *primary_monitor(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct monitor *found = NULL;
	xcb_randr_get_monitors_reply_t *r = xcb_randr_get_monitors_reply(
	    x->conn, xcb_randr_get_monitors(x->conn, x->root, 1), NULL);
	if (r) {
		xcb_randr_monitor_info_iterator_t it =
		    xcb_randr_get_monitors_monitors_iterator(r);
		for (; it.rem && !found; xcb_randr_monitor_info_next(&it)) {
			xcb_randr_monitor_info_t *mi = it.data;
			struct rect g = {mi->x, mi->y, mi->width, mi->height};
			for (struct monitor *m = wm->model.mons;
			     mi->primary && m && !found; m = m->next)
				if (rect_equal(m->geom, g))
					found = m;
		}
		free(r);
	}
	return found ? found : wm->model.mons;
}

static struct bar *bar_of(const struct wm *wm, const struct monitor *mon)
{
	struct bars *bs = wm->bars;
	for (size_t i = 0; bs && mon && i < bs->n; i++)
		if (bs->v[i].mon == mon)
			return &bs->v[i];
	return NULL;
}

static bool config_has_systray(const struct bar_config *c)
{
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t i = 0; i < c->nwidgets[side]; i++)
			if (!strcmp(c->widgets[side][i].name, "systray"))
				return true;
	return false;
}

/* The icons changed: hide at once those that no longer want to be seen,
 * and have the host bar laid out again (widths, then the icons' places). */
void tray_changed(const struct wm *wm, struct systray *t)
{
	struct xconn *x = wm->x;
	size_t shown = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct tray_icon *ic = &t->icons[i];
		if (ic->want) {
			shown++;
		} else if (ic->mapped) {
			xcb_unmap_window(x->conn, ic->win);
			ic->mapped = false;
			ic->ignore_unmaps++;
		}
	}
	/* An empty widget is not drawn: nothing else would hide the tray. */
	if (!shown && t->shown && t->win) {
		xcb_unmap_window(x->conn, t->win);
		t->shown = false;
	}
	struct bar *b = bar_of(wm, t->host);
	if (b)
		b->dirty = true;
}

/* --- the selection */

static void say_foreign(struct systray *t)
{
	if (!t->foreign_said)
		log_warn("another system tray is running; the systray widget "
			 "stays empty");
	t->foreign_said = true;
}

static void create_window(struct xconn *x, struct systray *t)
{
	t->win = xcb_generate_id(x->conn);
	uint32_t values[] = {t->background, 1,
			     XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT};
	xcb_create_window(
	    x->conn, XCB_COPY_FROM_PARENT, t->win, x->root, -1, -1, 1, 1, 0,
	    XCB_WINDOW_CLASS_INPUT_OUTPUT, x->screen->root_visual,
	    XCB_CW_BACK_PIXEL | XCB_CW_OVERRIDE_REDIRECT | XCB_CW_EVENT_MASK,
	    values);
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, t->win,
			    XCB_ATOM_WM_CLASS, XCB_ATOM_STRING, 8, 28,
			    "ctile-systray\0ctile-systray");
	uint32_t horizontal = 0, visual = x->screen->root_visual;
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, t->win,
			    t->atoms[TRAY_ORIENTATION], XCB_ATOM_CARDINAL, 32,
			    1, &horizontal);
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, t->win,
			    t->atoms[TRAY_VISUAL], XCB_ATOM_VISUALID, 32, 1,
			    &visual);
	t->parent = x->root;
	t->geom = (struct rect){-1, -1, 0, 0};
	t->shown = false;
}

/* Own the selection, unless another tray does: then leave it alone. */
static bool acquire(struct wm *wm, struct systray *t)
{
	struct xconn *x = wm->x;
	xcb_atom_t sel = t->atoms[TRAY_SELECTION];
	if (x_selection_owner(x, sel) != XCB_NONE) {
		say_foreign(t);
		return false;
	}
	create_window(x, t);
	xcb_set_selection_owner(x->conn, t->win, sel, x->time);
	if (x_selection_owner(x, sel) != t->win) { /* someone was quicker */
		xcb_destroy_window(x->conn, t->win);
		t->win = XCB_NONE;
		say_foreign(t);
		return false;
	}
	/* Tell waiting icons that a tray is here. */
	x_announce_manager(x, sel, t->win, x->time);
	log_info("systray: ctile is the system tray");
	return true;
}

/* Give every icon back and the selection up (destroying its owner). */
static void drop(struct xconn *x, struct systray *t)
{
	if (!t->win)
		return;
	while (t->n)
		tray_hand_back(x, t, &t->icons[t->n - 1]);
	xcb_destroy_window(x->conn, t->win);
	t->win = XCB_NONE;
	t->shown = false;
}

/* --- the life of the tray, following the bars */

void systray_attach(struct wm *wm)
{
	struct xconn *x = wm->x;
	if (!x)
		return;
	if (!wm->bars || !config_has_systray(&wm->cfg.bar)) {
		systray_finish(wm);
		return;
	}
	struct systray *t = x->tray;
	if (!t) {
		t = calloc(1, sizeof(*t));
		if (!t || !intern_atoms(x, t)) {
			log_error("systray: cannot start the system tray");
			free(t);
			return;
		}
		x->tray = t;
	}
	uint32_t bg = x_pixel(x, wm->bars->colors.background);
	if (t->win && bg != t->background)
		/* Detached and unmapped: the next map repaints it all. */
		xcb_change_window_attributes(x->conn, t->win, XCB_CW_BACK_PIXEL,
					     &bg);
	t->background = bg;
	if (!t->win && !acquire(wm, t))
		return;
	t->host = primary_monitor(wm);
	tray_changed(wm, t);
}

void systray_detach(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct systray *t = x ? x->tray : NULL;
	if (!t || !t->win)
		return;
	t->host = NULL;
	if (t->parent == x->root)
		return;
	if (t->shown)
		xcb_unmap_window(x->conn, t->win);
	t->shown = false;
	xcb_reparent_window(x->conn, t->win, x->root, -1, -1);
	t->parent = x->root;
	t->geom = (struct rect){-1, -1, 0, 0};
}

void systray_finish(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct systray *t = x ? x->tray : NULL;
	if (!t)
		return;
	drop(x, t);
	free(t);
	x->tray = NULL;
}

/* --- the widget's side */

size_t systray_count(const struct wm *wm, const struct monitor *mon)
{
	struct systray *t = wm && wm->x ? wm->x->tray : NULL;
	size_t n = 0;
	if (!t || !t->win || !mon || mon != t->host)
		return 0;
	for (size_t i = 0; i < t->n; i++)
		n += t->icons[i].want;
	return n;
}

/* Only what differs from what was sent last: a bar redraw (a clock tick)
 * sends nothing when the icons did not change. */
void systray_place(const struct wm *wm, const struct monitor *mon,
		   struct rect r, int spacing)
{
	struct systray *t = wm && wm->x ? wm->x->tray : NULL;
	struct bar *b = t && t->win && mon == t->host ? bar_of(wm, mon) : NULL;
	if (!b || r.h <= 0)
		return;
	xcb_connection_t *conn = wm->x->conn;
	if (t->parent != b->win) {
		xcb_reparent_window(conn, t->win, b->win, (int16_t)r.x,
				    (int16_t)r.y);
		t->parent = b->win;
		t->geom = (struct rect){r.x, r.y, 0, 0};
	}
	int at = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct tray_icon *ic = &t->icons[i];
		if (!ic->want)
			continue;
		struct rect g = {at, 0, r.h, r.h};
		if (!rect_equal(g, ic->geom)) {
			uint32_t v[] = {(uint32_t)g.x, (uint32_t)g.y,
					(uint32_t)g.w, (uint32_t)g.h};
			xcb_configure_window(conn, ic->win,
					     XCB_CONFIG_WINDOW_X |
						 XCB_CONFIG_WINDOW_Y |
						 XCB_CONFIG_WINDOW_WIDTH |
						 XCB_CONFIG_WINDOW_HEIGHT,
					     v);
			ic->geom = g;
		}
		if (!ic->mapped)
			xcb_map_window(conn, ic->win);
		ic->mapped = true;
		at += r.h + spacing;
	}
	if (at == 0)
		return;
	struct rect g = {r.x, r.y, at - spacing, r.h};
	if (!rect_equal(g, t->geom)) {
		uint32_t v[] = {(uint32_t)g.x, (uint32_t)g.y, (uint32_t)g.w,
				(uint32_t)g.h};
		xcb_configure_window(conn, t->win,
				     XCB_CONFIG_WINDOW_X | XCB_CONFIG_WINDOW_Y |
					 XCB_CONFIG_WINDOW_WIDTH |
					 XCB_CONFIG_WINDOW_HEIGHT,
				     v);
		t->geom = g;
	}
	if (!t->shown)
		xcb_map_window(conn, t->win);
	t->shown = true;
}

bool systray_event(struct wm *wm, xcb_generic_event_t *ev)
{
	struct systray *t = wm->x ? wm->x->tray : NULL;
	uint8_t type = ev->response_type & 0x7f;
	if (!t || !t->win)
		return false;
	if (type == XCB_CLIENT_MESSAGE) {
		xcb_client_message_event_t *e = (void *)ev;
		if (e->window != t->win)
			return false;
		if (e->type == t->atoms[TRAY_OPCODE] && e->format == 32 &&
		    e->data.data32[1] == SYSTEM_TRAY_REQUEST_DOCK)
			tray_dock(wm, t, e->data.data32[2]);
		else /* balloon messages, or nonsense */
			log_debug("systray: message %u ignored", e->type);
		return true;
	}
	if (type == XCB_SELECTION_CLEAR) {
		xcb_selection_clear_event_t *e = (void *)ev;
		if (e->owner != t->win ||
		    e->selection != t->atoms[TRAY_SELECTION])
			return false;
		log_warn("systray: another system tray took over");
		t->foreign_said = true;
		drop(wm->x, t);
		tray_changed(wm, t);
		return true;
	}
	return tray_icon_event(wm, t, type, ev);
}
