/* manage.c: the life of a managed window from map request to destroy. */
#include "manage.h"

#include <stdlib.h>
#include <string.h>
#include <xcb/xcb_icccm.h>

#include "arrange.h"
#include "docks.h"
#include "ewmh.h"
#include "fetch.h"
#include "hints.h"
#include "log.h"
#include "rules.h"
#include "wm.h"

/* What we ask about every new window, in the order it is applied:
 * _NET_WM_NAME after WM_NAME so that it wins when both exist. */
static const enum fetch_kind manage_fetches[] = {
    FETCH_GEOMETRY,    FETCH_NAME,	   FETCH_NET_NAME,  FETCH_CLASS,
    FETCH_HINTS,       FETCH_NORMAL_HINTS, FETCH_TRANSIENT, FETCH_PROTOCOLS,
    FETCH_TYPE,	       FETCH_ROLE,	   FETCH_NET_STATE, FETCH_CTILE_TAGS,
    FETCH_NET_DESKTOP,
};
#define NO_DESKTOP (UINT32_MAX - 1)

struct pending *manage_pending_find(struct xconn *x, xcb_window_t win)
{
	return winmap_get(&x->pending_by_id, win);
}

struct pending *manage_begin(struct wm *wm, xcb_window_t win, bool adopt)
{
	struct xconn *x = wm->x;
	if (model_find(&wm->model, win) || manage_pending_find(x, win))
		return NULL;
	struct pending *p = calloc(1, sizeof(*p));
	if (!p || !winmap_put(&x->pending_by_id, win, p)) {
		free(p);
		log_error("out of memory: window %#x left unmanaged", win);
		xcb_map_window(x->conn, win);
		return NULL;
	}
	p->win = p->props.id = win;
	p->adopt = adopt;
	p->saved_floating = -1;
	p->type = -1; /* none given */
	p->net_desktop = NO_DESKTOP;
	/* Only a window we adopt may keep its own idea of its tags. */
	size_t n = sizeof(manage_fetches) / sizeof(*manage_fetches);
	if (!adopt)
		n -= 2;
	for (size_t i = 0; i < n; i++)
		fetch_request(x, win, manage_fetches[i]);
	p->outstanding = (int)n;
	x->barrier_wanted = true;
	/* Oldest first, so windows are managed in the order they came. */
	struct pending **tail = &x->pending;
	while (*tail)
		tail = &(*tail)->next;
	*tail = p;
	return p;
}

static void pending_remove(struct xconn *x, struct pending *p)
{
	for (struct pending **i = &x->pending; *i; i = &(*i)->next)
		if (*i == p) {
			*i = p->next;
			break;
		}
	winmap_del(&x->pending_by_id, p->win);
	free(p);
}

/* Tags for a new window: saved ones (restart), every tag if it asked to be
 * sticky, its parent's, or the view. */
static tagmask choose_tags(struct wm *wm, struct pending *p,
			   struct client *parent)
{
	tagmask all = model_all_tags(&wm->model);
	if (p->adopt && (p->saved_tags & all))
		return p->saved_tags & all;
	if (p->net_state & NET_STATE_STICKY)
		return all; /* asked before it was mapped */
	if (parent)
		return parent->tags;
	if (p->adopt && p->net_desktop == 0xFFFFFFFFu)
		return all;
	if (p->adopt && p->net_desktop < (uint32_t)wm->model.ntags)
		return (tagmask)1 << p->net_desktop;
	return 0; /* the view */
}

static void place_floating(struct wm *wm, struct client *c,
			   struct client *parent, bool adopt)
{
	struct rect g = c->float_geom;
	int bw = 2 * wm->cfg.settings.border_width;
	int w = g.w - bw, h = g.h - bw;
	/* Bigger than the work area (a file dialog on a small or HiDPI
	 * screen): cut down to it, as far as the window's minimum size
	 * allows, or its buttons would be out of reach. */
	struct rect work = c->mon->work;
	if (w > work.w - bw)
		w = work.w - bw;
	if (h > work.h - bw)
		h = work.h - bw;
	hints_apply(&c->hints, &w, &h);
	g.w = w + bw, g.h = h + bw;
	struct rect area = parent ? parent->want : c->mon->work;
	/* A new window at 0,0 has no place of its own yet; an adopted one
	 * stays exactly where it was. */
	if (!adopt && (parent || (g.x == 0 && g.y == 0))) {
		struct rect centred = arrange_center(area, g.w, g.h);
		g.x = centred.x, g.y = centred.y;
	}
	c->float_geom = arrange_clamp(g, c->mon->work);
	c->float_placed = true;
}

/* Copy what the replies told us into the model's client. */
static void copy_props(struct client *c, const struct client *from)
{
	memcpy(c->title, from->title, sizeof(c->title));
	memcpy(c->class_name, from->class_name, sizeof(c->class_name));
	memcpy(c->instance, from->instance, sizeof(c->instance));
	c->hints = from->hints;
	c->never_focus = from->never_focus;
	c->takes_focus = from->takes_focus;
	c->can_delete = from->can_delete;
	c->transient_for = from->transient_for;
	c->hint_urgent = from->hint_urgent;
	c->float_geom = from->float_geom;
}

/* The events ctile follows and the unfocused border colour, in one
 * request (the focus pass recolours the focused window). */
static void watch_window(struct wm *wm, struct client *c)
{
	struct xconn *x = wm->x;
	xcb_window_t win = c->id;
	uint32_t color = wm->cfg.settings.color_normal;
	uint32_t values[] = {x_pixel(x, color),
			     XCB_EVENT_MASK_ENTER_WINDOW |
				 XCB_EVENT_MASK_LEAVE_WINDOW |
				 XCB_EVENT_MASK_PROPERTY_CHANGE};
	xcb_change_window_attributes(
	    x->conn, win, XCB_CW_BORDER_PIXEL | XCB_CW_EVENT_MASK, values);
	c->x.border_color = color;
	/* Click to focus: the click is replayed to the window afterwards. */
	xcb_grab_button(x->conn, 0, win, XCB_EVENT_MASK_BUTTON_PRESS,
			XCB_GRAB_MODE_SYNC, XCB_GRAB_MODE_ASYNC, XCB_NONE,
			XCB_NONE, XCB_BUTTON_INDEX_ANY, XCB_MOD_MASK_ANY);
}

static struct monitor *monitor_number(struct model *m, int n)
{
	struct monitor *mon = m->mons;
	while (mon && n-- > 0)
		mon = mon->next;
	return mon;
}

/* Decide tags, monitor and floating: saved state (restart) first, then
 * the rules, the parent of a transient, and the view. */
static struct client *place_new(struct wm *wm, struct pending *p,
				const struct rule_result *rr)
{
	struct model *m = &wm->model;
	struct client *parent = p->props.transient_for
				    ? model_find(m, p->props.transient_for)
				    : NULL;
	struct monitor *mon = parent ? parent->mon : m->selmon;
	if (rr->monitor >= 0 && monitor_number(m, rr->monitor))
		mon = monitor_number(m, rr->monitor);
	tagmask tags = choose_tags(wm, p, parent);
	bool saved = p->adopt && (p->saved_tags & model_all_tags(m));
	if (!saved && rr->tags)
		tags = rr->tags & model_all_tags(m);
	struct client *c = model_manage(m, p->win, mon, tags);
	if (!c)
		return NULL;
	copy_props(c, &p->props);
	/* Never for the window that has the focus already (the first on an
	 * empty view, one adopted on restart): it has the user's eyes. */
	model_set_urgent(m, c, p->props.urgent);
	/* Adopted: minimized before the restart; new: it asked to be. */
	model_set_minimized(m, c,
			    p->adopt ? (p->net_state & NET_STATE_HIDDEN) != 0
				     : p->props.minimized);
	if (p->adopt && p->saved_float.w > 0) {
		c->float_geom = p->saved_float;
		c->float_placed = true;
	}
	c->floating =
	    parent || c->hints.fixed || p->is_dialog || p->props.transient_for;
	if (rr->floating >= 0)
		c->floating = rr->floating;
	if (p->saved_floating >= 0)
		c->floating = p->saved_floating;
	/* A rule's word wins over the window's own wish. */
	c->fullscreen = rr->fullscreen >= 0
			    ? rr->fullscreen == 1
			    : (p->net_state & NET_STATE_FULLSCREEN);
	c->above =
	    rr->above >= 0 ? rr->above == 1 : (p->net_state & NET_STATE_ABOVE);
	if (c->floating)
		place_floating(wm, c, parent, p->adopt);
	return c;
}

void manage_finish(struct wm *wm, struct pending *p)
{
	struct xconn *x = wm->x;
	if (p->again && !p->dead) {
		/* The client may have changed its properties while the window
		 * was withdrawn: ask again. */
		struct pending old = *p;
		pending_remove(x, p);
		struct pending *q = manage_begin(wm, old.win, old.adopt);
		if (q) {
			memcpy(q->early, old.early, sizeof(old.early));
			q->nearly = old.nearly;
		}
		return;
	}
	if (p->dead || p->is_dock) {
		/* Docks place themselves; their struts take room. */
		if (!p->dead)
			docks_add(wm, p->win);
		pending_remove(x, p);
		return;
	}
	/* EWMH: a transient without a type is a dialog. */
	int type = p->type >= 0		    ? p->type
		   : p->props.transient_for ? WT_DIALOG
					    : WT_NORMAL;
	struct rule_subject subject = {p->props.class_name, p->props.instance,
				       p->props.title, p->role, type};
	struct rule_result rr;
	rules_apply(&wm->cfg, &subject, &rr);
	struct client *c = place_new(wm, p, &rr);
	if (!c) {
		xcb_map_window(x->conn, p->win);
		pending_remove(x, p);
		return;
	}
	c->x.order = ++x->manage_order;
	/* The focus pass rewrites _NET_WM_STATE only if ctile's view of it
	 * differs from what the client set. */
	c->x.net_state = p->net_state;
	/* An adopted window that is on screen is mapped already. */
	c->x.mapped = p->adopt && p->props.x.mapped;
	watch_window(wm, c);
	bool wants_focus = p->adopt ? p->win == x->adopt_focus : rr.focus != 0;
	if (wants_focus && client_visible(c) && !model_behind_fullscreen(c))
		model_focus(&wm->model, c);
	for (int i = 0; i < p->nearly; i++)
		ewmh_client_message(wm, &p->early[i]);
	pending_remove(x, p);
}

void manage_pending_request(struct pending *p,
			    const xcb_client_message_event_t *ev)
{
	if (p->nearly == PENDING_EARLY_MAX) {
		log_debug("window %#x: more than %d requests before it was "
			  "managed; one ignored",
			  p->win, PENDING_EARLY_MAX);
		return;
	}
	p->early[p->nearly++] = *ev;
}

void manage_forget_window(struct wm *wm, xcb_window_t win, bool withdrawn)
{
	struct client *c = model_find(&wm->model, win);
	struct pending *p = c ? NULL : manage_pending_find(wm->x, win);
	if (c)
		manage_forget(wm, c, withdrawn);
	else if (p)
		p->dead = true; /* dropped once its replies are in */
	else
		docks_forget(wm, win); /* a dock gives its room back */
}

void manage_forget(struct wm *wm, struct client *c, bool withdrawn)
{
	struct xconn *x = wm->x;
	if (withdrawn) {
		x_set_wm_state(x, c->id, XCB_ICCCM_WM_STATE_WITHDRAWN);
		/* EWMH: the state goes with the window's withdrawal. */
		xcb_delete_property(x->conn, c->id, x->ewmh._NET_WM_STATE);
		xcb_delete_property(x->conn, c->id, x->ewmh._NET_WM_DESKTOP);
		xcb_delete_property(x->conn, c->id, x_atom(x, ATOM_CTILE_TAGS));
	}
	x_drag_window_gone(x, c->id);
	model_unmanage(&wm->model, c);
}
