/* x_marks.c: what each window shows of ctile's view of it: the border's
 * colour (focused, urgent) and _NET_WM_STATE. Sent only when it changes. */
#include <xcb/xcb_ewmh.h>

#include "fetch.h"
#include "wm.h"
#include "x.h"

static uint32_t wanted_color(const struct wm *wm, const struct client *c,
			     const struct client *focused)
{
	const struct settings *s = &wm->cfg.settings;
	if (c == focused)
		return s->color_focused;
	return c->urgent ? s->color_urgent : s->color_normal;
}

static void update_border(struct wm *wm, struct client *c,
			  const struct client *focused)
{
	uint32_t color = wanted_color(wm, c, focused);
	if (c->x.border_color == color)
		return;
	uint32_t pixel = x_pixel(wm->x, color);
	xcb_change_window_attributes(wm->x->conn, c->id, XCB_CW_BORDER_PIXEL,
				     &pixel);
	c->x.border_color = color;
}

/* The _NET_WM_STATE atoms ctile knows; bit 1 << i of enum net_state is
 * the atom at i. One table for reading states and writing them. */
#define NET_STATES 5
static void net_state_atoms(const xcb_ewmh_connection_t *e,
			    xcb_atom_t atoms[NET_STATES])
{
	atoms[0] = e->_NET_WM_STATE_FULLSCREEN;
	atoms[1] = e->_NET_WM_STATE_DEMANDS_ATTENTION;
	atoms[2] = e->_NET_WM_STATE_STICKY;
	atoms[3] = e->_NET_WM_STATE_ABOVE;
	atoms[4] = e->_NET_WM_STATE_HIDDEN;
}

unsigned x_net_state_bit(const xcb_ewmh_connection_t *e, xcb_atom_t state)
{
	xcb_atom_t known[NET_STATES];
	net_state_atoms(e, known);
	for (unsigned i = 0; i < NET_STATES; i++)
		if (state == known[i])
			return 1u << i;
	return 0;
}

/* _NET_WM_STATE says what ctile knows of each window: fullscreen,
 * urgency, which pagers and taskbars show as demanding attention, and
 * sticky, on every tag, kept above, and minimized (hidden). */
static void update_net_state(xcb_ewmh_connection_t *e, struct client *c,
			     tagmask all_tags)
{
	unsigned want = (c->fullscreen ? NET_STATE_FULLSCREEN : 0) |
			(c->urgent ? NET_STATE_DEMANDS_ATTENTION : 0) |
			(c->tags == all_tags ? NET_STATE_STICKY : 0) |
			(c->above ? NET_STATE_ABOVE : 0) |
			(c->minimized ? NET_STATE_HIDDEN : 0);
	if (c->x.net_state == want)
		return;
	xcb_atom_t known[NET_STATES], atoms[NET_STATES];
	net_state_atoms(e, known);
	uint32_t n = 0;
	for (unsigned i = 0; i < NET_STATES; i++)
		if (want & (1u << i))
			atoms[n++] = known[i];
	xcb_ewmh_set_wm_state(e, c->id, n, atoms);
	c->x.net_state = want;
}

/* Focus and urgency show in the borders and in _NET_WM_STATE: one walk
 * over the clients for both. */
void x_update_marks(struct wm *wm, const struct client *focused)
{
	tagmask all = model_all_tags(&wm->model);
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next)
		for (struct client *c = mon->clients; c; c = c->next) {
			update_border(wm, c, focused);
			update_net_state(&wm->x->ewmh, c, all);
			/* Seen (focused, even in passing) or no longer
			 * urgent to ctile: pagers and rofi read WM_HINTS. */
			if (c->hint_urgent && !c->urgent && wm->exit == WM_RUN)
				fetch_hints_seen(wm->x, c);
		}
}
