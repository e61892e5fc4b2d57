/* session.c: monitors, and picking up where an earlier ctile left off. */
#include "session.h"

#include <stdlib.h>
#include <string.h>
#include <xcb/randr.h>
#include <xcb/xcb_icccm.h>

#include "ewmh.h"
#include "layout.h"
#include "log.h"
#include "manage.h"
#include "wm.h"
#include "x.h"

void session_monitors(struct wm *wm)
{
	struct xconn *x = wm->x;
	xcb_randr_get_monitors_reply_t *r = xcb_randr_get_monitors_reply(
	    x->conn, xcb_randr_get_monitors(x->conn, x->root, 1), NULL);
	if (r) {
		xcb_randr_monitor_info_iterator_t it =
		    xcb_randr_get_monitors_monitors_iterator(r);
		for (; it.rem; xcb_randr_monitor_info_next(&it)) {
			xcb_randr_monitor_info_t *mi = it.data;
			if (mi->width && mi->height)
				model_add_monitor(&wm->model,
						  (struct rect){mi->x, mi->y,
								mi->width,
								mi->height});
		}
		free(r);
	}
	if (!wm->model.mons)
		model_add_monitor(
		    &wm->model, (struct rect){0, 0, x->screen->width_in_pixels,
					      x->screen->height_in_pixels});
}

/* A root property of 32-bit values; the caller frees it. */
static xcb_get_property_reply_t *root_cardinals(struct xconn *x,
						xcb_atom_t prop, uint32_t max)
{
	xcb_get_property_reply_t *r = xcb_get_property_reply(
	    x->conn,
	    xcb_get_property(x->conn, 0, x->root, prop, XCB_ATOM_ANY, 0, max),
	    NULL);
	if (r && r->format != 32) {
		free(r);
		return NULL;
	}
	return r;
}

static void restore_views(struct wm *wm)
{
	struct xconn *x = wm->x;
	tagmask all = model_all_tags(&wm->model);
	xcb_get_property_reply_t *r =
	    root_cardinals(x, x_atom(x, ATOM_CTILE_VIEW), 32);
	const uint32_t *v = r ? xcb_get_property_value(r) : NULL;
	uint32_t n = r ? r->value_len : 0, i = 0;
	for (struct monitor *mon = wm->model.mons; mon && i < n;
	     mon = mon->next, i++)
		if (v[i] & all)
			mon->view = v[i] & all;
	free(r);
}

/* Per monitor: the previous view, then layout, nmaster, mfact per tag. */
static void restore_monitor_state(struct monitor *mon, const uint32_t *v,
				  tagmask all)
{
	if (v[0] & all)
		mon->prev_view = v[0] & all;
	for (int t = 0; t < CTILE_MAX_TAGS; t++) {
		const uint32_t *s = v + 1 + 3 * t;
		struct tag_state *ts = &mon->tag[t];
		if (s[0] < layout_count)
			ts->layout = (int)s[0];
		if (s[1] <= 64)
			ts->nmaster = (int)s[1];
		if (s[2] >= 50 && s[2] <= 950)
			ts->mfact = (float)s[2] / 1000.0f;
	}
}

static void restore_tag_states(struct wm *wm)
{
	struct xconn *x = wm->x;
	const uint32_t per_monitor = 1 + CTILE_MAX_TAGS * 3;
	xcb_get_property_reply_t *r = root_cardinals(
	    x, x_atom(x, ATOM_CTILE_TAG_STATE), 32 * per_monitor);
	const uint32_t *v = r ? xcb_get_property_value(r) : NULL;
	uint32_t n = r ? r->value_len : 0, i = 0;
	for (struct monitor *mon = wm->model.mons; mon && i + per_monitor <= n;
	     mon = mon->next, i += per_monitor)
		restore_monitor_state(mon, v + i, model_all_tags(&wm->model));
	free(r);
}

static xcb_window_t read_window(struct xconn *x, xcb_atom_t prop)
{
	xcb_get_property_reply_t *r = root_cardinals(x, prop, 1);
	xcb_window_t w = r && r->value_len
			     ? *(uint32_t *)xcb_get_property_value(r)
			     : XCB_NONE;
	free(r);
	return w;
}

/* Position of w in the saved order, or n when it was not there. */
static uint32_t saved_rank(const uint32_t *order, uint32_t n, xcb_window_t w)
{
	for (uint32_t i = 0; i < n; i++)
		if (order[i] == w)
			return i;
	return n;
}

struct candidate {
	xcb_window_t win;
	uint32_t rank;
	bool mapped;
};

static int by_rank_desc(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	return (x->rank < y->rank) - (x->rank > y->rank);
}

/* Which children of the root ctile should manage: on screen, or hidden
 * by an earlier ctile (Iconic), and not override-redirect. */
static size_t find_candidates(struct xconn *x, xcb_window_t *kids, size_t n,
			      struct candidate *out)
{
	xcb_get_window_attributes_cookie_t *ac = calloc(n, sizeof(*ac));
	xcb_get_property_cookie_t *sc = calloc(n, sizeof(*sc));
	size_t found = 0;
	if (!ac || !sc)
		goto out;
	for (size_t i = 0; i < n; i++) {
		ac[i] = xcb_get_window_attributes(x->conn, kids[i]);
		sc[i] = xcb_get_property(x->conn, 0, kids[i],
					 x_atom(x, ATOM_WM_STATE), XCB_ATOM_ANY,
					 0, 2);
	}
	for (size_t i = 0; i < n; i++) {
		xcb_get_window_attributes_reply_t *a =
		    xcb_get_window_attributes_reply(x->conn, ac[i], NULL);
		xcb_get_property_reply_t *s =
		    xcb_get_property_reply(x->conn, sc[i], NULL);
		bool iconic = s && s->format == 32 && s->value_len &&
			      *(uint32_t *)xcb_get_property_value(s) ==
				  XCB_ICCCM_WM_STATE_ICONIC;
		bool viewable = a && a->map_state == XCB_MAP_STATE_VIEWABLE;
		if (a && !a->override_redirect && kids[i] != x->check &&
		    (viewable || iconic))
			out[found++] = (struct candidate){kids[i], 0, viewable};
		free(a);
		free(s);
	}
out:
	free(ac);
	free(sc);
	return found;
}

static void adopt_existing(struct wm *wm)
{
	struct xconn *x = wm->x;
	xcb_query_tree_reply_t *tree = xcb_query_tree_reply(
	    x->conn, xcb_query_tree(x->conn, x->root), NULL);
	if (!tree)
		return;
	size_t n = (size_t)xcb_query_tree_children_length(tree);
	struct candidate *c = calloc(n ? n : 1, sizeof(*c));
	if (!c) {
		free(tree);
		return;
	}
	n = find_candidates(x, xcb_query_tree_children(tree), n, c);
	free(tree);
	xcb_get_property_reply_t *order =
	    root_cardinals(x, x_atom(x, ATOM_CTILE_ORDER), 65536);
	const uint32_t *ov = order ? xcb_get_property_value(order) : NULL;
	uint32_t on = order ? order->value_len : 0;
	for (size_t i = 0; i < n; i++)
		c[i].rank = saved_rank(ov, on, c[i].win);
	free(order);
	xcb_delete_property(x->conn, x->root, x_atom(x, ATOM_CTILE_ORDER));
	/* Each one managed goes first in tiling order: the last rank first. */
	qsort(c, n, sizeof(*c), by_rank_desc);
	for (size_t i = 0; i < n; i++) {
		struct pending *p = manage_begin(wm, c[i].win, true);
		if (p)
			p->props.x.mapped = c[i].mapped;
	}
	log_info("adopting %zu windows", n);
	free(c);
}

void session_restore(struct wm *wm)
{
	restore_views(wm);
	restore_tag_states(wm);
	wm->x->adopt_focus = read_window(wm->x, wm->x->ewmh._NET_ACTIVE_WINDOW);
	adopt_existing(wm);
}

/* Where each window floats, beside its tags in _CTILE_TAGS: the next ctile
 * could not tell it from the window's size, which may be fullscreen's. */
static void save_float_places(struct wm *wm)
{
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		for (struct client *c = m->clients; c; c = c->next)
			if (c->float_placed)
				ewmh_save_client(wm->x, c, true);
}

void session_save_order(struct wm *wm)
{
	struct xconn *x = wm->x;
	size_t n = model_count(&wm->model), i = 0;
	uint32_t *ids = malloc((n ? n : 1) * sizeof(*ids));
	if (!ids)
		return;
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		for (struct client *c = m->clients; c; c = c->next)
			ids[i++] = c->id;
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, x->root,
			    x_atom(x, ATOM_CTILE_ORDER), XCB_ATOM_WINDOW, 32,
			    (uint32_t)n, ids);
	free(ids);
	save_float_places(wm);
}
