/* docks.c: docks and their struts, and the work area of each monitor. */
#include "docks.h"

#include <stdlib.h>
#include <string.h>

#include "bar.h"
#include "fetch.h"
#include "log.h"
#include "wm.h"

static struct dock *find(struct wm *wm, xcb_window_t win)
{
	struct dock *d = wm->docks;
	while (d && d->win != win)
		d = d->next;
	return d;
}

/* Both properties, in this order: a _NET_WM_STRUT_PARTIAL, when there is
 * one, wins over the _NET_WM_STRUT whose reply comes after it. */
static void fetch_struts(struct wm *wm, struct dock *d)
{
	fetch_request(wm->x, d->win, FETCH_STRUT_PARTIAL);
	fetch_request(wm->x, d->win, FETCH_STRUT);
}

void docks_add(struct wm *wm, xcb_window_t win)
{
	struct xconn *x = wm->x;
	xcb_map_window(x->conn, win);
	if (find(wm, win))
		return;
	struct dock *d = calloc(1, sizeof(*d));
	if (!d) {
		log_error("out of memory: the struts of dock %#x are not kept",
			  win);
		return;
	}
	d->win = win;
	d->next = wm->docks;
	wm->docks = d;
	uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
	xcb_change_window_attributes(x->conn, win, XCB_CW_EVENT_MASK, &mask);
	fetch_struts(wm, d);
}

bool docks_forget(struct wm *wm, xcb_window_t win)
{
	for (struct dock **i = &wm->docks; *i; i = &(*i)->next) {
		if ((*i)->win != win)
			continue;
		struct dock *d = *i;
		*i = d->next;
		free(d);
		work_area_update(wm);
		return true;
	}
	return false;
}

bool docks_property(struct wm *wm, xcb_window_t win, xcb_atom_t atom)
{
	struct dock *d = find(wm, win);
	if (!d)
		return false;
	xcb_ewmh_connection_t *e = &wm->x->ewmh;
	if (atom == e->_NET_WM_STRUT_PARTIAL || atom == e->_NET_WM_STRUT)
		fetch_struts(wm, d);
	return true;
}

/* Checks a strut property's reply: 32-bit cardinals, enough of them. */
static bool read_strut(xcb_get_property_reply_t *r, bool partial,
		       struct strut *s)
{
	bool ok = r && r->format == 32 && r->type == XCB_ATOM_CARDINAL;
	return strut_parse(ok ? xcb_get_property_value(r) : NULL,
			   ok ? r->value_len : 0, partial, s);
}

void docks_strut_reply(struct wm *wm, xcb_window_t win, enum fetch_kind kind,
		       xcb_get_property_reply_t *r)
{
	struct dock *d = find(wm, win);
	if (!d)
		return;
	struct strut s;
	bool partial = kind == FETCH_STRUT_PARTIAL;
	bool valid = read_strut(r, partial, &s);
	if (r && r->value_len && !valid)
		log_warn("dock %#x: %s is not %s cardinals: ignored", win,
			 partial ? "_NET_WM_STRUT_PARTIAL" : "_NET_WM_STRUT",
			 partial ? "12" : "4");
	if (partial)
		d->partial = valid;
	else if (d->partial)
		return; /* the partial one came first and stands */
	if (partial && !valid)
		return; /* _NET_WM_STRUT's reply decides */
	if (memcmp(&d->strut, &s, sizeof(s)) != 0)
		d->warned = 0; /* a new strut: say again what is wrong */
	d->strut = s;
	work_area_update(wm);
}

void docks_free(struct wm *wm)
{
	while (wm->docks) {
		struct dock *d = wm->docks;
		wm->docks = d->next;
		free(d);
	}
}

/* The root's size as the monitors cover it (struts count from its
 * edges). */
static void root_size(const struct model *m, int *w, int *h)
{
	*w = *h = 0;
	for (const struct monitor *mon = m->mons; mon; mon = mon->next) {
		if (mon->geom.x + mon->geom.w > *w)
			*w = mon->geom.x + mon->geom.w;
		if (mon->geom.y + mon->geom.h > *h)
			*h = mon->geom.y + mon->geom.h;
	}
}

static const char *const edge_names[STRUT_EDGES] = {"left", "right", "top",
						    "bottom"};

static struct rect cut_struts(struct wm *wm, struct monitor *mon,
			      struct rect work, int root_w, int root_h)
{
	for (struct dock *d = wm->docks; d; d = d->next) {
		unsigned ignored = 0;
		work = strut_cut(work, mon->geom, root_w, root_h, &d->strut,
				 &ignored);
		ignored &= ~d->warned; /* once per strut, not per change */
		d->warned |= ignored;
		for (int e = 0; e < STRUT_EDGES; e++)
			if (ignored & 1u << e)
				log_warn(
				    "dock %#x: its %s strut of %u px would "
				    "leave less than half of monitor %d: "
				    "ignored",
				    d->win, edge_names[e], d->strut.size[e],
				    mon->index);
	}
	return work;
}

void work_area_update(struct wm *wm)
{
	int root_w, root_h;
	root_size(&wm->model, &root_w, &root_h);
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next) {
		struct rect work = bar_cut(wm, mon, mon->geom);
		work = cut_struts(wm, mon, work, root_w, root_h);
		if (!rect_equal(work, mon->work)) {
			mon->work = work;
			wm->model.dirty |= DIRTY_ARRANGE;
		}
	}
}
