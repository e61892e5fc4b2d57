/* fetch.c: the FIFO of outstanding property requests and their replies. */
#include "fetch.h"

#include <stdlib.h>
#include <string.h>
#include <xcb/xcb_icccm.h>
#include <xcb/xcbext.h>

#include "docks.h"
#include "log.h"
#include "manage.h"
#include "wm.h"

/* Byte limits: a title of 100 KB must not cost 100 KB per change. */
/* Atom lists (WM_PROTOCOLS, window types, states) are read this far: the
 * one ctile looks for may come late in a long list. */
#define ATOM_LIST_MAX 256
#define LONGS(bytes)  ((bytes) / 4)

static bool push(struct xconn *x, struct fetch f)
{
	if (x->fetch_head + x->fetch_len == x->fetch_cap) {
		if (x->fetch_head > 0) {
			memmove(x->fetches, x->fetches + x->fetch_head,
				x->fetch_len * sizeof(*x->fetches));
			x->fetch_head = 0;
		} else {
			size_t cap = x->fetch_cap ? x->fetch_cap * 2 : 256;
			struct fetch *grown =
			    realloc(x->fetches, cap * sizeof(*grown));
			if (!grown)
				return false;
			x->fetches = grown;
			x->fetch_cap = cap;
		}
	}
	x->fetches[x->fetch_head + x->fetch_len++] = f;
	return true;
}

static unsigned int send_request(struct xconn *x, xcb_window_t win,
				 enum fetch_kind kind)
{
	xcb_ewmh_connection_t *e = &x->ewmh;
	xcb_atom_t prop, type = XCB_GET_PROPERTY_TYPE_ANY;
	uint32_t longs = 1;
	switch (kind) {
	case FETCH_NAME:
		prop = XCB_ATOM_WM_NAME, longs = LONGS(CTILE_TITLE_MAX);
		break;
	case FETCH_NET_NAME:
		prop = e->_NET_WM_NAME, type = e->UTF8_STRING,
		longs = LONGS(CTILE_TITLE_MAX);
		break;
	case FETCH_CLASS:
		prop = XCB_ATOM_WM_CLASS, type = XCB_ATOM_STRING,
		longs = LONGS(2 * CTILE_CLASS_MAX);
		break;
	case FETCH_HINTS:
	case FETCH_HINTS_SEEN:
		prop = XCB_ATOM_WM_HINTS,
		longs = XCB_ICCCM_NUM_WM_HINTS_ELEMENTS;
		break;
	case FETCH_NORMAL_HINTS:
		prop = XCB_ATOM_WM_NORMAL_HINTS, longs = 18;
		break;
	case FETCH_TRANSIENT:
		prop = XCB_ATOM_WM_TRANSIENT_FOR, type = XCB_ATOM_WINDOW;
		break;
	case FETCH_PROTOCOLS:
		prop = x_atom(x, ATOM_WM_PROTOCOLS), type = XCB_ATOM_ATOM,
		longs = ATOM_LIST_MAX;
		break;
	case FETCH_TYPE:
		prop = e->_NET_WM_WINDOW_TYPE, type = XCB_ATOM_ATOM,
		longs = ATOM_LIST_MAX;
		break;
	case FETCH_CTILE_TAGS:
		prop = x_atom(x, ATOM_CTILE_TAGS), type = XCB_ATOM_CARDINAL,
		longs = 6;
		break;
	case FETCH_NET_DESKTOP:
		prop = e->_NET_WM_DESKTOP, type = XCB_ATOM_CARDINAL;
		break;
	case FETCH_ROOT_NAME:
		prop = XCB_ATOM_WM_NAME, longs = LONGS(512);
		break;
	case FETCH_NET_STATE:
		prop = e->_NET_WM_STATE, type = XCB_ATOM_ATOM,
		longs = ATOM_LIST_MAX;
		break;
	case FETCH_ROLE:
		prop = x_atom(x, ATOM_WM_WINDOW_ROLE), type = XCB_ATOM_STRING,
		longs = LONGS(CTILE_CLASS_MAX);
		break;
	case FETCH_STRUT_PARTIAL:
		prop = e->_NET_WM_STRUT_PARTIAL, type = XCB_ATOM_CARDINAL,
		longs = 12;
		break;
	case FETCH_STRUT:
		prop = e->_NET_WM_STRUT, type = XCB_ATOM_CARDINAL, longs = 4;
		break;
	case FETCH_GEOMETRY:
		return xcb_get_geometry(x->conn, win).sequence;
	default:
		return 0;
	}
	return xcb_get_property(x->conn, 0, win, prop, type, 0, longs).sequence;
}

void fetch_request(struct xconn *x, xcb_window_t win, enum fetch_kind kind)
{
	struct fetch f = {send_request(x, win, kind), win, (uint8_t)kind, 0};
	if (!push(x, f)) {
		/* Out of memory: drop the reply rather than stall the queue. */
		xcb_discard_reply(x->conn, f.seq);
		log_error("out of memory queueing a property request");
	}
}

void fetch_update(struct xconn *x, struct client *c, enum fetch_kind kind)
{
	uint32_t bit = 1u << kind;
	if (c->x.fetching & bit) {
		c->x.refetch |= bit;
		return;
	}
	c->x.fetching |= bit;
	fetch_request(x, c->id, kind);
}

void fetch_hints_seen(struct xconn *x, struct client *c)
{
	uint32_t bit = 1u << FETCH_HINTS_SEEN;
	if (c->x.fetching & bit)
		return;
	c->x.fetching |= bit;
	/* Read and rewritten with no other client in between: the grab
	 * ends when the reply is handled (deliver), one round trip on. */
	x_grab(x);
	fetch_request(x, c->id, FETCH_HINTS_SEEN);
}

void fetch_sync(struct xconn *x, xcb_window_t win, uint32_t serial)
{
	push(x, (struct fetch){0, win, FETCH_SYNC, serial});
}

/* A GetInputFocus queued as kind: its reply comes once the server has
 * handled every request before it. False if it could not be queued. */
static bool round_trip(struct xconn *x, enum fetch_kind kind)
{
	unsigned int seq = xcb_get_input_focus(x->conn).sequence;
	if (push(x, (struct fetch){seq, x->root, (uint8_t)kind, 0}))
		return true;
	xcb_discard_reply(x->conn, seq);
	return false;
}

void fetch_barrier(struct xconn *x)
{
	if (round_trip(x, FETCH_BARRIER))
		x->barrier_out = true;
}

void fetch_shown(struct xconn *x)
{
	if (round_trip(x, FETCH_SHOWN))
		x->shown_out = true;
}

static void sync_ready(struct xconn *x, xcb_window_t win, uint32_t serial)
{
	if (x->nsyncs + 2 > x->syncs_cap) {
		size_t cap = x->syncs_cap ? x->syncs_cap * 2 : 16;
		uint32_t *grown = realloc(x->syncs, cap * sizeof(*grown));
		if (!grown)
			return;
		x->syncs = grown;
		x->syncs_cap = cap;
	}
	x->syncs[x->nsyncs++] = win;
	x->syncs[x->nsyncs++] = serial;
}

/* xsetroot -name: a status loop may set it many times a second; one
 * request is out at a time, and one more if it changed meanwhile. */
void fetch_root_name(struct xconn *x)
{
	if (x->root_name_fetching) {
		x->root_name_again = true;
		return;
	}
	x->root_name_fetching = true;
	fetch_request(x, x->root, FETCH_ROOT_NAME);
}

static void deliver_root_name(struct wm *wm, xcb_get_property_reply_t *r)
{
	struct xconn *x = wm->x;
	x->root_name_fetching = false;
	props_status(wm, r);
	if (x->root_name_again) {
		x->root_name_again = false;
		fetch_root_name(x);
	}
}

static void deliver(struct wm *wm, const struct fetch *f, void *reply)
{
	if (f->kind == FETCH_ROOT_NAME) {
		deliver_root_name(wm, reply);
		return;
	}
	if (f->kind == FETCH_BARRIER) {
		wm->x->barrier_out = false;
		return;
	}
	if (f->kind == FETCH_SHOWN) {
		wm->x->shown_out = false;
		return;
	}
	if (f->kind == FETCH_HINTS_SEEN) {
		props_hints_seen(wm, f->win, reply);
		x_ungrab(wm->x); /* taken by fetch_hints_seen */
		return;
	}
	if (f->kind == FETCH_STRUT_PARTIAL || f->kind == FETCH_STRUT) {
		docks_strut_reply(wm, f->win, f->kind, reply);
		return;
	}
	struct pending *p = manage_pending_find(wm->x, f->win);
	if (p) {
		if (!p->dead)
			props_apply(wm, NULL, p, f->kind, reply);
		if (--p->outstanding == 0)
			manage_finish(wm, p);
		return;
	}
	struct client *c = model_find(&wm->model, f->win);
	if (!c)
		return;
	uint32_t bit = 1u << f->kind;
	c->x.fetching &= ~bit;
	props_apply(wm, c, NULL, f->kind, reply);
	if (c->x.refetch & bit) {
		c->x.refetch &= ~bit;
		fetch_update(wm->x, c, f->kind);
	}
}

bool fetch_process(struct wm *wm)
{
	struct xconn *x = wm->x;
	bool any = false;
	for (; x->fetch_len; any = true) {
		struct fetch f = x->fetches[x->fetch_head];
		void *reply = NULL;
		xcb_generic_error_t *error = NULL;
		if (f.kind == FETCH_SYNC && x->fetch_len > 1) {
			/* Replies before it may have asked for more (a dock's
			 * struts, once the window is known to be a dock): the
			 * sync goes behind them, once, so that more traffic
			 * cannot starve it. */
			f.kind = FETCH_SYNC_LAST;
			if (!push(x, f))
				sync_ready(x, f.win, f.serial);
		} else if (f.kind == FETCH_SYNC || f.kind == FETCH_SYNC_LAST) {
			sync_ready(x, f.win, f.serial);
		} else {
			if (!xcb_poll_for_reply(x->conn, f.seq, &reply, &error))
				return any;
			free(error); /* BadWindow: it died; reply is NULL */
			deliver(wm, &f, reply);
			free(reply);
		}
		x->fetch_head++;
		if (--x->fetch_len == 0)
			x->fetch_head = 0;
	}
	return any;
}
