/* ewmh.c: EWMH root and window properties, and client messages. */
#include "ewmh.h"

#include <stdlib.h>
#include <string.h>
#include <xcb/xcb_icccm.h>

#include "fetch.h"
#include "log.h"
#include "manage.h"
#include "mouse.h"
#include "wm.h"
#include "x.h"

void ewmh_setup(struct wm *wm)
{
	struct xconn *x = wm->x;
	xcb_ewmh_connection_t *e = &x->ewmh;
	xcb_atom_t supported[] = {
	    e->_NET_SUPPORTED,
	    e->_NET_SUPPORTING_WM_CHECK,
	    e->_NET_WM_NAME,
	    e->_NET_CLIENT_LIST,
	    e->_NET_CLIENT_LIST_STACKING,
	    e->_NET_ACTIVE_WINDOW,
	    e->_NET_NUMBER_OF_DESKTOPS,
	    e->_NET_DESKTOP_NAMES,
	    e->_NET_CURRENT_DESKTOP,
	    e->_NET_WM_DESKTOP,
	    e->_NET_CLOSE_WINDOW,
	    e->_NET_WM_WINDOW_TYPE,
	    e->_NET_WM_WINDOW_TYPE_DOCK,
	    e->_NET_WM_WINDOW_TYPE_DIALOG,
	    e->_NET_WM_STATE,
	    e->_NET_WM_STATE_FULLSCREEN,
	    e->_NET_WM_STATE_DEMANDS_ATTENTION,
	    e->_NET_WM_STATE_STICKY,
	    e->_NET_WM_STATE_ABOVE,
	    e->_NET_WM_STATE_HIDDEN,
	    e->_NET_WM_STRUT,
	    e->_NET_WM_STRUT_PARTIAL,
	    e->_NET_WORKAREA,
	    e->_NET_FRAME_EXTENTS,
	    e->_NET_REQUEST_FRAME_EXTENTS,
	    e->_NET_WM_MOVERESIZE,
	};
	xcb_ewmh_set_supported(e, 0, sizeof(supported) / sizeof(*supported),
			       supported);
	xcb_ewmh_set_supporting_wm_check(e, x->check, x->check);
	xcb_ewmh_set_wm_name(e, x->check, 5, "ctile");
	xcb_ewmh_set_supporting_wm_check(e, x->root, x->check);
	fetch_root_name(x);
	ewmh_publish(wm, DIRTY_VIEW | DIRTY_CLIENTS);
}

static int by_order(const void *a, const void *b)
{
	const struct client *ca = *(struct client *const *)a;
	const struct client *cb = *(struct client *const *)b;
	return (ca->x.order > cb->x.order) - (ca->x.order < cb->x.order);
}

static void publish_client_list(struct wm *wm)
{
	size_t n = model_count(&wm->model), i = 0;
	struct client **all = n ? malloc(n * sizeof(*all)) : NULL;
	xcb_window_t *ids = n ? malloc(n * sizeof(*ids)) : NULL;
	if (n && (!all || !ids))
		goto out;
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		for (struct client *c = m->clients; c; c = c->next)
			all[i++] = c;
	if (n)
		qsort(all, n, sizeof(*all), by_order);
	for (i = 0; i < n; i++)
		ids[i] = all[i]->id;
	xcb_ewmh_set_client_list(&wm->x->ewmh, 0, (uint32_t)n, ids);
out:
	free(all);
	free(ids);
}

/* Set a root property unless it already holds these values. */
static void publish_root(struct xconn *x, enum root_prop which, xcb_atom_t prop,
			 xcb_atom_t type, uint8_t format, const void *data,
			 uint32_t len)
{
	struct prop_cache *pc = &x->published[which];
	uint32_t units = format == 32 ? len : (len + 3) / 4;
	size_t bytes = (size_t)len * (format / 8);
	if (pc->valid && pc->len == units &&
	    (!bytes || !memcmp(pc->data, data, bytes)))
		return;
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, x->root, prop, type,
			    format, len, data);
	uint32_t *copy = calloc(units ? units : 1, sizeof(*copy));
	if (!copy) {
		pc->valid = false; /* sent again next time: no harm */
		return;
	}
	if (bytes)
		memcpy(copy, data, bytes);
	free(pc->data);
	*pc = (struct prop_cache){copy, units, true};
}

static int by_focus(const void *a, const void *b)
{
	const struct client *ca = *(struct client *const *)a;
	const struct client *cb = *(struct client *const *)b;
	if (ca->focused_at != cb->focused_at)
		return (ca->focused_at > cb->focused_at) -
		       (ca->focused_at < cb->focused_at);
	return (ca->x.order > cb->x.order) - (ca->x.order < cb->x.order);
}

/* Several monitors: their histories merged by when each window was
 * focused. Fills ids[*at - k .. *at) and lowers *at to the first. */
static void stacking_sorted(struct wm *wm, xcb_window_t *ids, size_t *at)
{
	size_t n = *at, k = 0;
	struct client **all = n ? calloc(n, sizeof(*all)) : NULL;
	if (!all)
		return;
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		for (struct client *c = m->clients; c && k < n; c = c->next)
			all[k++] = c;
	qsort(all, k, sizeof(*all), by_focus);
	for (size_t j = 0; j < k; j++)
		ids[n - k + j] = all[j]->id;
	*at = n - k;
	free(all);
}

/* _NET_CLIENT_LIST_STACKING: every window in the order it was focused,
 * the last one last, as i3 publishes it. Window switchers (rofi, alttab)
 * list windows by it, the most recently used first; by layer, the
 * floating windows of hidden tags would come before the window used a
 * moment ago. */
static void publish_stacking(struct wm *wm)
{
	size_t n = model_count(&wm->model), i = n;
	xcb_window_t *ids = n ? calloc(n, sizeof(*ids)) : NULL;
	if (n && !ids)
		return;
	const struct monitor *mons = wm->model.mons;
	if (mons && !mons->next) {
		/* One monitor: its focus history, most recent first, is the
		 * order already (never focused at its end, newest last): no
		 * sort on the path of every tag switch. */
		for (const struct client *c = mons->stack; c && i; c = c->snext)
			ids[--i] = c->id;
		size_t never = 0;
		for (const struct client *c = mons->stack; c; c = c->snext)
			never = c->focused_at ? 0 : never + 1;
		for (size_t k = 0; k < never / 2; k++) {
			xcb_window_t t = ids[i + k];
			ids[i + k] = ids[i + never - 1 - k];
			ids[i + never - 1 - k] = t;
		}
	} else {
		stacking_sorted(wm, ids, &i);
	}
	publish_root(wm->x, ROOT_CLIENT_LIST_STACKING,
		     wm->x->ewmh._NET_CLIENT_LIST_STACKING, XCB_ATOM_WINDOW, 32,
		     ids + i, (uint32_t)(n - i));
	free(ids);
}

static void publish_desktops(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct model *m = &wm->model;
	char names[CTILE_MAX_TAGS * CTILE_TAG_NAME_MAX];
	size_t len = 0;
	for (int i = 0; i < m->ntags; i++) {
		size_t n = strlen(m->tag_names[i]) + 1;
		memcpy(names + len, m->tag_names[i], n);
		len += n;
	}
	xcb_ewmh_connection_t *e = &x->ewmh;
	uint32_t ntags = (uint32_t)m->ntags,
		 current = (uint32_t)lowest_tag(m->selmon->view);
	publish_root(x, ROOT_NUMBER_OF_DESKTOPS, e->_NET_NUMBER_OF_DESKTOPS,
		     XCB_ATOM_CARDINAL, 32, &ntags, 1);
	publish_root(x, ROOT_DESKTOP_NAMES, e->_NET_DESKTOP_NAMES,
		     e->UTF8_STRING, 8, names, (uint32_t)len);
	publish_root(x, ROOT_CURRENT_DESKTOP, e->_NET_CURRENT_DESKTOP,
		     XCB_ATOM_CARDINAL, 32, &current, 1);
	/* For restart: every monitor's view, and its previous view followed
	 * by every tag's settings. */
	uint32_t views[32], states[32 * (1 + CTILE_MAX_TAGS * 3)];
	size_t nv = 0, ns = 0;
	for (struct monitor *mon = m->mons; mon && nv < 32; mon = mon->next) {
		views[nv++] = mon->view;
		states[ns++] = mon->prev_view;
		for (int t = 0; t < CTILE_MAX_TAGS; t++) {
			states[ns++] = (uint32_t)mon->tag[t].layout;
			states[ns++] = (uint32_t)mon->tag[t].nmaster;
			states[ns++] = (uint32_t)(mon->tag[t].mfact * 1000.0f);
		}
	}
	publish_root(x, ROOT_CTILE_VIEW, x_atom(x, ATOM_CTILE_VIEW),
		     XCB_ATOM_CARDINAL, 32, views, (uint32_t)nv);
	publish_root(x, ROOT_CTILE_TAG_STATE, x_atom(x, ATOM_CTILE_TAG_STATE),
		     XCB_ATOM_CARDINAL, 32, states, (uint32_t)ns);
}

/* _NET_WORKAREA: the screen less the bar and docks, where GTK and Qt
 * place and size new windows and menus. One rect per desktop, all the
 * same: the first monitor's, as the property knows of one screen. */
static void publish_workarea(struct wm *wm)
{
	const struct model *m = &wm->model;
	if (!m->mons)
		return;
	struct rect w = m->mons->work;
	uint32_t areas[CTILE_MAX_TAGS * 4];
	for (int i = 0; i < m->ntags; i++) {
		areas[i * 4] = (uint32_t)w.x;
		areas[i * 4 + 1] = (uint32_t)w.y;
		areas[i * 4 + 2] = (uint32_t)w.w;
		areas[i * 4 + 3] = (uint32_t)w.h;
	}
	publish_root(wm->x, ROOT_WORKAREA, wm->x->ewmh._NET_WORKAREA,
		     XCB_ATOM_CARDINAL, 32, areas, (uint32_t)m->ntags * 4);
}

void ewmh_save_client(struct xconn *x, const struct client *c, bool place)
{
	struct rect g = c->float_geom;
	uint32_t v[6] = {c->tags,	c->floating,   (uint32_t)g.x,
			 (uint32_t)g.y, (uint32_t)g.w, (uint32_t)g.h};
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, c->id,
			    x_atom(x, ATOM_CTILE_TAGS), XCB_ATOM_CARDINAL, 32,
			    place ? 6 : 2, v);
}

/* EWMH has one desktop per window: its lowest tag, or "all" (what pagers
 * and wmctrl -l show as sticky) for a window on every tag. */
static uint32_t net_desktop(const struct model *m, const struct client *c)
{
	return m->ntags > 1 && c->tags == model_all_tags(m)
		   ? 0xFFFFFFFFu
		   : (uint32_t)lowest_tag(c->tags);
}

static void publish_tags(struct wm *wm)
{
	struct xconn *x = wm->x;
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		for (struct client *c = m->clients; c; c = c->next) {
			if (!c->tags_dirty)
				continue;
			/* For adoption after a crash: tags and floating. */
			ewmh_save_client(x, c, false);
			xcb_ewmh_set_wm_desktop(&x->ewmh, c->id,
						net_desktop(&wm->model, c));
			c->tags_dirty = false;
		}
}

void ewmh_publish(struct wm *wm, unsigned dirty)
{
	if (dirty & DIRTY_CLIENTS)
		publish_client_list(wm);
	if (dirty & (DIRTY_CLIENTS | DIRTY_ARRANGE | DIRTY_FOCUS))
		publish_stacking(wm);
	if (dirty & DIRTY_VIEW)
		publish_desktops(wm);
	if (dirty & DIRTY_TAGS)
		publish_tags(wm);
	/* Docks and the bar change the work area, and arrange with it. */
	if (dirty & (DIRTY_ARRANGE | DIRTY_VIEW))
		publish_workarea(wm);
}

/* What a _NET_WM_STATE action makes of a state that is now so. */
static bool state_wanted(uint32_t action, bool now)
{
	return action == 2 ? !now : action == 1;
}

/* Sticky (mpv --on-all-workspaces, picture-in-picture) is every tag; not
 * sticky any more, the window stays on the tag in view. */
static void set_sticky(struct model *m, struct client *c, uint32_t action)
{
	tagmask all = model_all_tags(m);
	if (state_wanted(action, c->tags == all))
		model_set_tags(m, c, all);
	else if (c->tags == all && lowest_tag(c->mon->view) >= 0)
		model_set_tags(m, c, (tagmask)1 << lowest_tag(c->mon->view));
}

/* _NET_WM_STATE: remove (0), add (1) or toggle (2) up to two states;
 * ctile knows fullscreen, demands attention (Qt's and Chromium's
 * alerts), which is urgency, sticky and above. */
static void state_request(struct wm *wm, struct client *c, const uint32_t *d)
{
	xcb_ewmh_connection_t *e = &wm->x->ewmh;
	if (d[0] > 2) {
		log_debug("ignored _NET_WM_STATE action %u", d[0]);
		return;
	}
	for (int i = 1; i <= 2 && !(i == 2 && d[2] == d[1]); i++) {
		if (d[i] == e->_NET_WM_STATE_FULLSCREEN) {
			model_set_fullscreen(&wm->model, c,
					     state_wanted(d[0], c->fullscreen));
		} else if (d[i] == e->_NET_WM_STATE_DEMANDS_ATTENTION) {
			model_set_urgent(&wm->model, c,
					 state_wanted(d[0], c->urgent));
		} else if (d[i] == e->_NET_WM_STATE_STICKY) {
			set_sticky(&wm->model, c, d[0]);
		} else if (d[i] == e->_NET_WM_STATE_ABOVE) {
			model_set_above(&wm->model, c,
					state_wanted(d[0], c->above));
		} else if (d[i] == e->_NET_WM_STATE_HIDDEN) {
			/* EWMH leaves it to the WM; openbox and others
			 * take it as minimize, as some pagers send it. */
			model_set_minimized(&wm->model, c,
					    state_wanted(d[0], c->minimized));
		}
	}
}

static void client_request(struct wm *wm, struct client *c, xcb_atom_t type,
			   const uint32_t *d)
{
	xcb_ewmh_connection_t *e = &wm->x->ewmh;
	struct model *m = &wm->model;
	if (type == e->_NET_WM_DESKTOP) {
		if (d[0] == 0xFFFFFFFFu)
			model_set_tags(m, c, model_all_tags(m));
		else if (d[0] < (uint32_t)m->ntags)
			model_set_tags(m, c, (tagmask)1 << d[0]);
		else
			log_debug("ignored _NET_WM_DESKTOP %u", d[0]);
	} else if (type == e->_NET_ACTIVE_WINDOW) {
		model_activate(m, c); /* as wmctrl -a and rofi expect */
	} else if (type == e->_NET_WM_STATE) {
		state_request(wm, c, d);
	} else if (type == e->_NET_CLOSE_WINDOW) {
		model_want_close(m, c, false);
	} else if (type == e->_NET_WM_MOVERESIZE) {
		mouse_moveresize(wm, c, d);
	} else if (type == x_atom(wm->x, ATOM_WM_CHANGE_STATE)) {
		/* ICCCM 4.1.4: XIconifyWindow, a title bar's minimize
		 * button, xdotool windowminimize, taskbars. */
		if (d[0] == XCB_ICCCM_WM_STATE_ICONIC)
			model_set_minimized(m, c, true);
	}
}

/* A request client_request would act on: only those wait for a window
 * to be managed, so that others (states ctile does not know) cannot crowd
 * them out. */
static bool acted_on(struct xconn *x, xcb_atom_t type, const uint32_t *d)
{
	xcb_ewmh_connection_t *e = &x->ewmh;
	if (type == e->_NET_WM_STATE)
		return x_net_state_bit(e, d[1]) || x_net_state_bit(e, d[2]);
	return type == e->_NET_WM_DESKTOP || type == e->_NET_ACTIVE_WINDOW ||
	       type == e->_NET_CLOSE_WINDOW ||
	       type == x_atom(x, ATOM_WM_CHANGE_STATE);
}

void ewmh_client_message(struct wm *wm, xcb_client_message_event_t *ev)
{
	struct xconn *x = wm->x;
	struct model *m = &wm->model;
	const uint32_t *d = ev->data.data32;
	if (ev->format != 32) {
		log_debug("ignored client message of format %d", ev->format);
		return;
	}
	if (ev->type == x_atom(x, ATOM_CTILE_SYNC)) {
		fetch_sync(x, d[0], d[1]);
	} else if (ev->type == x->ewmh._NET_REQUEST_FRAME_EXTENTS &&
		   ev->window && ev->window != x->root) {
		/* Asked before mapping (GTK, Qt), to size the window: the
		 * border it will get; a managed window's is the one it has. */
		struct client *c = model_find(m, ev->window);
		uint32_t bw = c && c->x.configured
				  ? (uint32_t)c->x.border
				  : (uint32_t)wm->cfg.settings.border_width;
		xcb_ewmh_set_frame_extents(&x->ewmh, ev->window, bw, bw, bw,
					   bw);
	} else if (ev->type == x->ewmh._NET_CURRENT_DESKTOP) {
		/* The desktop ctile publishes as current is the view already:
		 * wmctrl -a and xdotool windowactivate ask for it before
		 * activating a window, and must not narrow a view of several
		 * tags to one. */
		if (d[0] == (uint32_t)lowest_tag(m->selmon->view))
			return;
		if (d[0] < (uint32_t)m->ntags)
			model_view(m, m->selmon, (tagmask)1 << d[0]);
		else
			log_debug("ignored _NET_CURRENT_DESKTOP %u", d[0]);
	} else {
		struct client *c = model_find(m, ev->window);
		struct pending *p = manage_pending_find(x, ev->window);
		if (c)
			client_request(wm, c, ev->type, d);
		else if (p && !p->dead && acted_on(x, ev->type, d))
			manage_pending_request(p, ev);
	}
}
