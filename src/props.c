/* props.c: read window properties from replies, trusting nothing in them. */
#include <stdlib.h>
#include <string.h>
#include <xcb/xcb_icccm.h>

#include "fetch.h"
#include "hints.h"
#include "rules.h"
#include "text.h"
#include "wm.h"

/* Copy a property's bytes as text: bounded, NUL-terminated, and with
 * control characters made blanks so that nothing downstream trips. */
static void copy_text(char *dst, size_t size, const char *src, int len)
{
	size_t n = len > 0 ? (size_t)len : 0;
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)src[i];
		dst[i] = ch < 0x20 || ch == 0x7f ? ' ' : (char)ch;
	}
	dst[n] = '\0';
}

static bool reply_is(const xcb_get_property_reply_t *r, uint8_t format)
{
	return r && r->format == format && r->value_len > 0;
}

static bool cardinal(const xcb_get_property_reply_t *r, uint32_t *out)
{
	if (!reply_is(r, 32))
		return false;
	*out = *(uint32_t *)xcb_get_property_value(r);
	return true;
}

/* The encoding of a text property, by its type. */
static enum text_encoding encoding_of(const xcb_get_property_reply_t *r,
				      const struct xconn *x)
{
	return r->type == XCB_ATOM_STRING		  ? TEXT_LATIN1
	       : r->type == x_atom(x, ATOM_COMPOUND_TEXT) ? TEXT_COMPOUND
							  : TEXT_UTF8;
}

static void apply_title(struct client *c, xcb_get_property_reply_t *r, bool net,
			const struct xconn *x)
{
	bool text = r && r->format == 8;
	if (net && !(text && r->value_len))
		return; /* no _NET_WM_NAME: WM_NAME stands */
	enum text_encoding enc = text && !net ? encoding_of(r, x) : TEXT_UTF8;
	text_to_utf8(text ? xcb_get_property_value(r) : "",
		     text ? (size_t)xcb_get_property_value_length(r) : 0, enc,
		     c->title, sizeof(c->title));
}

static void apply_class(struct client *c, xcb_get_property_reply_t *r)
{
	xcb_icccm_get_wm_class_reply_t wc;
	if (!reply_is(r, 8) || !xcb_icccm_get_wm_class_from_reply(&wc, r))
		return;
	/* The parser stops at the reply's end; copy before r is freed. */
	copy_text(c->instance, sizeof(c->instance), wc.instance_name,
		  (int)strlen(wc.instance_name));
	const char *end = (const char *)xcb_get_property_value(r) +
			  xcb_get_property_value_length(r);
	int n = wc.class_name < end
		    ? (int)strnlen(wc.class_name, (size_t)(end - wc.class_name))
		    : 0;
	copy_text(c->class_name, sizeof(c->class_name), wc.class_name, n);
}

/* As dwm and awesome do: a window seen loses the urgency flag of its
 * WM_HINTS, or pagers, rofi and a restarted ctile would still see it
 * urgent. Written back from the reply read under the same server grab,
 * so nothing else in them changes. */
void props_hints_seen(struct wm *wm, xcb_window_t win,
		      xcb_get_property_reply_t *r)
{
	struct client *c = model_find(&wm->model, win);
	if (!c)
		return;
	c->x.fetching &= ~(1u << FETCH_HINTS_SEEN);
	/* Whatever the reply, the flag is not there afterwards: asked no
	 * more (x_update_marks). */
	c->hint_urgent = false;
	if (!r || r->format != 32 || r->bytes_after || r->value_len < 1 ||
	    r->value_len > XCB_ICCCM_NUM_WM_HINTS_ELEMENTS)
		return;
	uint32_t v[XCB_ICCCM_NUM_WM_HINTS_ELEMENTS];
	memcpy(v, xcb_get_property_value(r), r->value_len * sizeof(*v));
	if (!(v[0] & XCB_ICCCM_WM_HINT_X_URGENCY))
		return;
	v[0] &= ~(uint32_t)XCB_ICCCM_WM_HINT_X_URGENCY;
	xcb_change_property(wm->x->conn, XCB_PROP_MODE_REPLACE, c->id,
			    XCB_ATOM_WM_HINTS, r->type, 32, r->value_len, v);
}

static void apply_hints(struct wm *wm, struct client *c,
			xcb_get_property_reply_t *r, bool managed)
{
	xcb_icccm_wm_hints_t h;
	if (!r || !xcb_icccm_get_wm_hints_from_reply(&h, r))
		return;
	c->never_focus = (h.flags & XCB_ICCCM_WM_HINT_INPUT) && !h.input;
	bool urgent = (h.flags & XCB_ICCCM_WM_HINT_X_URGENCY) != 0;
	bool was = c->hint_urgent;
	c->hint_urgent = urgent;
	if (!managed) {
		c->urgent = urgent;
		/* ICCCM: a window may ask to start iconic (xterm -iconic). */
		c->minimized = (h.flags & XCB_ICCCM_WM_HINT_STATE) &&
			       h.initial_state == XCB_ICCCM_WM_STATE_ICONIC;
		return;
	}
	/* Flagged while focused: the marks pass clears the flag
	 * (x_update_marks), as for any window seen. */
	if (urgent && c == model_focused(&wm->model))
		wm->model.dirty |= DIRTY_FOCUS;
	/* Only a change of the flag: read again for another reason (or
	 * before the flag is cleared), a window seen stays seen. */
	if (urgent != was)
		model_set_urgent(&wm->model, c, urgent);
}

static void apply_protocols(struct client *c, xcb_get_property_reply_t *r,
			    const struct xconn *x)
{
	c->takes_focus = c->can_delete = false;
	if (!reply_is(r, 32) || r->type != XCB_ATOM_ATOM)
		return;
	const xcb_atom_t *atoms = xcb_get_property_value(r);
	for (uint32_t i = 0; i < r->value_len; i++) {
		c->takes_focus |= atoms[i] == x_atom(x, ATOM_WM_TAKE_FOCUS);
		c->can_delete |= atoms[i] == x_atom(x, ATOM_WM_DELETE_WINDOW);
	}
}

/* The first type we know, in the order the window lists them. */
static int window_type(xcb_atom_t a, const xcb_ewmh_connection_t *e)
{
	const xcb_atom_t known[WT_COUNT] = {
	    [WT_NORMAL] = e->_NET_WM_WINDOW_TYPE_NORMAL,
	    [WT_DIALOG] = e->_NET_WM_WINDOW_TYPE_DIALOG,
	    [WT_UTILITY] = e->_NET_WM_WINDOW_TYPE_UTILITY,
	    [WT_TOOLBAR] = e->_NET_WM_WINDOW_TYPE_TOOLBAR,
	    [WT_SPLASH] = e->_NET_WM_WINDOW_TYPE_SPLASH,
	    [WT_MENU] = e->_NET_WM_WINDOW_TYPE_MENU,
	    [WT_DOCK] = e->_NET_WM_WINDOW_TYPE_DOCK,
	    [WT_DESKTOP] = e->_NET_WM_WINDOW_TYPE_DESKTOP,
	    [WT_NOTIFICATION] = e->_NET_WM_WINDOW_TYPE_NOTIFICATION,
	};
	for (int t = 0; t < WT_COUNT; t++)
		if (known[t] == a)
			return t;
	return -1;
}

static void apply_type(struct pending *p, xcb_get_property_reply_t *r,
		       const xcb_ewmh_connection_t *e)
{
	if (!p || !reply_is(r, 32) || r->type != XCB_ATOM_ATOM)
		return;
	const xcb_atom_t *t = xcb_get_property_value(r);
	for (uint32_t i = r->value_len; i-- > 0;) {
		int known = window_type(t[i], e);
		if (known >= 0)
			p->type = known;
	}
	for (uint32_t i = 0; i < r->value_len; i++) {
		p->is_dock |= t[i] == e->_NET_WM_WINDOW_TYPE_DOCK ||
			      t[i] == e->_NET_WM_WINDOW_TYPE_DESKTOP;
		p->is_dialog |= t[i] == e->_NET_WM_WINDOW_TYPE_DIALOG ||
				t[i] == e->_NET_WM_WINDOW_TYPE_UTILITY ||
				t[i] == e->_NET_WM_WINDOW_TYPE_SPLASH ||
				t[i] == e->_NET_WM_WINDOW_TYPE_TOOLBAR;
	}
}

static void apply_geometry(struct wm *wm, struct client *c,
			   xcb_get_geometry_reply_t *g)
{
	if (!g)
		return;
	int bw = 2 * wm->cfg.settings.border_width;
	c->float_geom =
	    (struct rect){g->x, g->y, g->width + bw, g->height + bw};
}

/* Only the pending (not yet managed) window's extra facts. */
static void apply_saved(struct pending *p, enum fetch_kind kind,
			xcb_get_property_reply_t *r)
{
	uint32_t v;
	if (!p || !cardinal(r, &v))
		return;
	if (kind == FETCH_CTILE_TAGS) {
		p->saved_tags = v;
		const uint32_t *d = xcb_get_property_value(r);
		if (r->value_len >= 2) /* older ctiles wrote the tags alone */
			p->saved_floating = d[1] != 0;
		/* A restart saves where a window floated: its size now may
		 * be that of fullscreen. */
		if (r->value_len >= 6 && (int32_t)d[4] > 0 && (int32_t)d[5] > 0)
			p->saved_float =
			    (struct rect){(int32_t)d[2], (int32_t)d[3],
					  (int32_t)d[4], (int32_t)d[5]};
	} else if (kind == FETCH_NET_DESKTOP)
		p->net_desktop = v;
}

void props_status(struct wm *wm, xcb_get_property_reply_t *r)
{
	bool text = r && r->format == 8;
	char status[sizeof(wm->status)];
	text_to_utf8(text ? xcb_get_property_value(r) : "",
		     text ? (size_t)xcb_get_property_value_length(r) : 0,
		     text ? encoding_of(r, wm->x) : TEXT_UTF8, status,
		     sizeof(status));
	if (strcmp(status, wm->status)) {
		memcpy(wm->status, status, sizeof(status));
		wm->model.dirty |= DIRTY_BAR;
	}
}

void props_apply(struct wm *wm, struct client *c, struct pending *p,
		 enum fetch_kind kind, void *reply)
{
	bool managed = c != NULL;
	if (!c)
		c = &p->props;
	xcb_get_property_reply_t *r = reply;
	xcb_size_hints_t sh;
	xcb_window_t parent;
	switch (kind) {
	case FETCH_NAME:
	case FETCH_NET_NAME:
		apply_title(c, r, kind == FETCH_NET_NAME, wm->x);
		wm->model.dirty |= DIRTY_BAR;
		break;
	case FETCH_CLASS:
		apply_class(c, r);
		break;
	case FETCH_HINTS:
		apply_hints(wm, c, r, managed);
		break;
	case FETCH_NORMAL_HINTS:
		if (r && xcb_icccm_get_wm_size_hints_from_reply(&sh, r))
			hints_sanitize(&sh, &c->hints);
		break;
	case FETCH_TRANSIENT:
		if (r && xcb_icccm_get_wm_transient_for_from_reply(&parent, r))
			c->transient_for = parent == c->id ? 0 : parent;
		break;
	case FETCH_PROTOCOLS:
		apply_protocols(c, r, wm->x);
		break;
	case FETCH_TYPE:
		apply_type(p, r, &wm->x->ewmh);
		break;
	case FETCH_GEOMETRY:
		apply_geometry(wm, c, reply);
		break;
	case FETCH_NET_STATE:
		if (p && reply_is(r, 32) && r->type == XCB_ATOM_ATOM) {
			const xcb_atom_t *a = xcb_get_property_value(r);
			const xcb_ewmh_connection_t *e = &wm->x->ewmh;
			for (uint32_t i = 0; i < r->value_len; i++)
				p->net_state |= x_net_state_bit(e, a[i]);
			/* Qt and Chromium alert this way: it is urgency. */
			if (p->net_state & NET_STATE_DEMANDS_ATTENTION)
				p->props.urgent = true;
		}
		break;
	case FETCH_ROLE:
		if (p && reply_is(r, 8))
			copy_text(
			    p->role, sizeof(p->role), xcb_get_property_value(r),
			    (int)strnlen(
				xcb_get_property_value(r),
				(size_t)xcb_get_property_value_length(r)));
		break;
	default:
		apply_saved(p, kind, r);
		break;
	}
}
