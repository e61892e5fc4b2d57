/* x.c: the X connection and the only code that changes windows on it. */
#include "x.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xcb/xcb_icccm.h>

#include "arrange.h"
#include "log.h"
#include "wm_selection.h"
#include "wm.h"

static const char *const atom_names[ATOM_COUNT] = {
    [ATOM_WM_PROTOCOLS] = "WM_PROTOCOLS",
    [ATOM_WM_DELETE_WINDOW] = "WM_DELETE_WINDOW",
    [ATOM_WM_TAKE_FOCUS] = "WM_TAKE_FOCUS",
    [ATOM_WM_STATE] = "WM_STATE",
    [ATOM_CTILE_SYNC] = "_CTILE_SYNC",
    [ATOM_CTILE_STATS] = "_CTILE_STATS",
    [ATOM_CTILE_TAGS] = "_CTILE_TAGS",
    [ATOM_CTILE_VIEW] = "_CTILE_VIEW",
    [ATOM_CTILE_TAG_STATE] = "_CTILE_TAG_STATE",
    [ATOM_CTILE_ORDER] = "_CTILE_ORDER",
    [ATOM_WM_WINDOW_ROLE] = "WM_WINDOW_ROLE",
    [ATOM_COMPOUND_TEXT] = "COMPOUND_TEXT",
    [ATOM_WM_CHANGE_STATE] = "WM_CHANGE_STATE",
    [ATOM_MANAGER] = "MANAGER",
};

bool x_connect(struct xconn *x, const char *display, char *err, size_t len)
{
	int screen = 0;
	memset(x, 0, sizeof(*x));
	x->conn = xcb_connect(display, &screen);
	x->screen_num = screen;
	if (xcb_connection_has_error(x->conn)) {
		const char *name = display ? display : getenv("DISPLAY");
		snprintf(err, len, "cannot open display '%s'",
			 name && *name ? name : "(DISPLAY is not set)");
		xcb_disconnect(x->conn);
		x->conn = NULL;
		return false;
	}
	xcb_screen_iterator_t it =
	    xcb_setup_roots_iterator(xcb_get_setup(x->conn));
	for (; it.rem && screen > 0; screen--)
		xcb_screen_next(&it);
	x->screen = it.data;
	x->root = x->screen->root;
	return true;
}

static bool intern_atoms(struct xconn *x)
{
	xcb_intern_atom_cookie_t cookies[ATOM_COUNT];
	for (int i = 0; i < ATOM_COUNT; i++)
		cookies[i] = xcb_intern_atom(x->conn, 0, strlen(atom_names[i]),
					     atom_names[i]);
	xcb_intern_atom_cookie_t *ewmh = xcb_ewmh_init_atoms(x->conn, &x->ewmh);
	bool ok = true;
	for (int i = 0; i < ATOM_COUNT; i++) {
		xcb_intern_atom_reply_t *r =
		    xcb_intern_atom_reply(x->conn, cookies[i], NULL);
		ok = ok && r;
		x->atoms[i] = r ? r->atom : XCB_NONE;
		free(r);
	}
	return xcb_ewmh_init_atoms_replies(&x->ewmh, ewmh, NULL) && ok;
}

/* What ctile selects on the root window. */
#define ROOT_EVENT_MASK                                                        \
	(XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT |                                \
	 XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY |                                  \
	 XCB_EVENT_MASK_STRUCTURE_NOTIFY | XCB_EVENT_MASK_PROPERTY_CHANGE |    \
	 XCB_EVENT_MASK_ENTER_WINDOW)

/* SubstructureRedirect on the root: one window manager at a time. One
 * being replaced may hold it a little after its window is gone. */
static bool redirect_root(struct xconn *x, bool replace)
{
	uint32_t mask = ROOT_EVENT_MASK;
	for (int tries = replace ? 100 : 1; tries > 0; tries--) {
		xcb_generic_error_t *e = xcb_request_check(
		    x->conn, xcb_change_window_attributes_checked(
				 x->conn, x->root, XCB_CW_EVENT_MASK, &mask));
		free(e);
		if (!e)
			return true;
		if (tries > 1)
			nanosleep(&(struct timespec){0, 20 * 1000000}, NULL);
	}
	return false;
}

bool x_become_wm(struct xconn *x, bool replace, char *err, size_t len)
{
	if (!intern_atoms(x)) {
		snprintf(err, len, "cannot intern the atoms ctile needs");
		return false;
	}
	x->check = xcb_generate_id(x->conn);
	uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
	xcb_create_window(x->conn, XCB_COPY_FROM_PARENT, x->check, x->root, -1,
			  -1, 1, 1, 0, XCB_WINDOW_CLASS_INPUT_ONLY,
			  XCB_COPY_FROM_PARENT, XCB_CW_EVENT_MASK, &mask);
	if (!wm_selection_take(x, x->screen_num, replace, err, len))
		return false;
	mask = 0;
	xcb_change_window_attributes(x->conn, x->check, XCB_CW_EVENT_MASK,
				     &mask);
	if (!redirect_root(x, replace)) {
		snprintf(err, len,
			 replace ? "another window manager is running, and "
				   "it does not leave when asked (ICCCM's "
				   "WM_S%d selection)"
				 : "another window manager is running",
			 x->screen_num);
		return false;
	}
	wm_selection_announce(x);
	return true;
}

void x_disconnect(struct xconn *x)
{
	if (!x->conn)
		return;
	free(x->fetches);
	free(x->syncs);
	for (int i = 0; i < ROOT_PROP_COUNT; i++)
		free(x->published[i].data);
	while (x->pending) {
		struct pending *next = x->pending->next;
		free(x->pending);
		x->pending = next;
	}
	winmap_free(&x->pending_by_id);
	keys_finish(&x->kb);
	if (x->ewmh.connection)
		xcb_ewmh_connection_wipe(&x->ewmh);
	xcb_disconnect(x->conn);
	x->conn = NULL;
}

void x_sync(struct xconn *x)
{
	/* The server may drop requests still unread when a connection closes
	 * (exit, or exec for restart): wait until it has handled them all. */
	free(xcb_get_input_focus_reply(x->conn, xcb_get_input_focus(x->conn),
				       NULL));
}

xcb_atom_t x_atom(const struct xconn *x, enum atom_id id)
{
	return x->atoms[id];
}

xcb_window_t x_selection_owner(struct xconn *x, xcb_atom_t selection)
{
	xcb_get_selection_owner_reply_t *r = xcb_get_selection_owner_reply(
	    x->conn, xcb_get_selection_owner(x->conn, selection), NULL);
	xcb_window_t owner = r ? r->owner : XCB_NONE;
	free(r);
	return owner;
}

void x_announce_manager(struct xconn *x, xcb_atom_t selection,
			xcb_window_t owner, xcb_timestamp_t time)
{
	xcb_client_message_event_t ev = {
	    .response_type = XCB_CLIENT_MESSAGE,
	    .format = 32,
	    .window = x->root,
	    .type = x_atom(x, ATOM_MANAGER),
	};
	ev.data.data32[0] = time;
	ev.data.data32[1] = selection;
	ev.data.data32[2] = owner;
	xcb_send_event(x->conn, 0, x->root, XCB_EVENT_MASK_STRUCTURE_NOTIFY,
		       (const char *)&ev);
}

uint32_t x_pixel(const struct xconn *x, uint32_t rgb)
{
	/* TrueColor depth 24/32, what every server of this century has. */
	return x->screen->root_depth == 32 ? (rgb | 0xff000000u) : rgb;
}

void x_set_wm_state(struct xconn *x, xcb_window_t win, uint32_t state)
{
	uint32_t data[2] = {state, XCB_NONE};
	xcb_atom_t a = x_atom(x, ATOM_WM_STATE);
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, win, a, a, 32, 2,
			    data);
}

/* Remember the sequence numbers of our requests: EnterNotify events they
 * cause must not move the focus under focus-follows-mouse. */
static void enter_note(struct xconn *x, unsigned int seq)
{
	unsigned i = x->nmoves % 16;
	if (!x->moving) {
		x->moves[i].from = (uint16_t)seq;
		x->moving = true;
	}
	x->moves[i].to = (uint16_t)seq;
}

void x_moves_done(struct xconn *x)
{
	if (!x->moving)
		return;
	/* A no-op after the batch: events the user causes from now on carry a
	 * later sequence number than any of the batch's. */
	xcb_no_operation(x->conn);
	x->nmoves++;
	x->moving = false;
}

bool x_caused_by_us(const struct xconn *x, uint16_t seq)
{
	unsigned n = x->nmoves < 16 ? x->nmoves : 16;
	for (unsigned i = 0; i < n; i++) {
		uint16_t from = x->moves[i].from, to = x->moves[i].to;
		if ((uint16_t)(seq - from) <= (uint16_t)(to - from))
			return true;
	}
	return false;
}

static void configure(struct xconn *x, struct client *c, int bw)
{
	struct rect g = c->want;
	int w = g.w - 2 * bw, h = g.h - 2 * bw;
	uint32_t v[] = {(uint32_t)g.x, (uint32_t)g.y, (uint32_t)(w < 1 ? 1 : w),
			(uint32_t)(h < 1 ? 1 : h), (uint32_t)bw};
	uint16_t mask = XCB_CONFIG_WINDOW_X | XCB_CONFIG_WINDOW_Y |
			XCB_CONFIG_WINDOW_WIDTH | XCB_CONFIG_WINDOW_HEIGHT |
			XCB_CONFIG_WINDOW_BORDER_WIDTH;
	enter_note(x, xcb_configure_window(x->conn, c->id, mask, v).sequence);
	/* EWMH: the frame is the border; toolkits read it to place menus
	 * and to size windows. Written when it changes only. */
	if (!c->x.configured || c->x.border != bw)
		xcb_ewmh_set_frame_extents(&x->ewmh, c->id, (uint32_t)bw,
					   (uint32_t)bw, (uint32_t)bw,
					   (uint32_t)bw);
	c->x.geom = g;
	c->x.border = bw;
	c->x.configured = true;
}

/* X does not count grabs: one ungrab ends them all. These do. */
void x_grab(struct xconn *x)
{
	if (x->grabs++ == 0)
		xcb_grab_server(x->conn);
}

void x_ungrab(struct xconn *x)
{
	if (x->grabs > 0 && --x->grabs == 0)
		xcb_ungrab_server(x->conn);
}

/* The maps, unmaps and configures of a switch would each send ctile a
 * MapNotify, UnmapNotify or ConfigureNotify it has no use for: the server
 * spends time making them (2N events to switch N windows) before the
 * screen is final. So x_apply sends them with the root's SubstructureNotify
 * off; the server grab around it makes sure no other client's unmap or
 * destroy comes in meanwhile and goes unseen. */
static void quiet(struct xconn *x)
{
	if (x->quiet)
		return;
	uint32_t mask = ROOT_EVENT_MASK & ~XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
	x_grab(x);
	xcb_change_window_attributes(x->conn, x->root, XCB_CW_EVENT_MASK,
				     &mask);
	x->quiet = true;
}

static void quiet_end(struct xconn *x)
{
	if (!x->quiet)
		return;
	uint32_t mask = ROOT_EVENT_MASK;
	xcb_change_window_attributes(x->conn, x->root, XCB_CW_EVENT_MASK,
				     &mask);
	x_ungrab(x);
	x->quiet = false;
}

static void show(struct xconn *x, struct client *c)
{
	enter_note(x, xcb_map_window(x->conn, c->id).sequence);
	c->x.mapped = true;
}

void x_drag_window_gone(struct xconn *x, xcb_window_t win)
{
	if (!x->drag.active || x->drag.win != win)
		return;
	/* X ends a Mod4+drag's grab, on the window, with it; ctile's own
	 * grab on the root it must end itself. */
	if (x->drag.grabbed)
		xcb_ungrab_pointer(x->conn, XCB_CURRENT_TIME);
	x->drag.active = false;
	x->drag.grabbed = false;
}

static void hide(struct xconn *x, struct client *c)
{
	enter_note(x, xcb_unmap_window(x->conn, c->id).sequence);
	c->x.mapped = false;
	x_drag_window_gone(x, c->id);
	if (!x->quiet)
		c->x.ignore_unmaps++;
}

void x_update_wm_states(struct wm *wm)
{
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next)
		for (struct client *c = mon->clients; c; c = c->next) {
			int32_t state = c->x.mapped ? XCB_ICCCM_WM_STATE_NORMAL
						    : XCB_ICCCM_WM_STATE_ICONIC;
			if (c->x.wm_state != state) {
				x_set_wm_state(wm->x, c->id, (uint32_t)state);
				c->x.wm_state = state;
			}
		}
}

static void raise_window(struct xconn *x, xcb_window_t win)
{
	uint32_t above = XCB_STACK_MODE_ABOVE;
	enter_note(x, xcb_configure_window(x->conn, win,
					   XCB_CONFIG_WINDOW_STACK_MODE, &above)
			  .sequence);
}

/* Put the shown windows of layer `from` and up back in their place, above
 * the lower layers: layer by layer, each one's most recently focused on
 * top, so they are raised oldest first. */
static void restack_from(struct xconn *x, struct monitor *mon,
			 enum stack_layer from)
{
	struct client *order[256];
	size_t n = 0;
	for (struct client *c = mon->stack; c && n < 256; c = c->snext)
		if (c->want_visible && arrange_stack_layer(c) >= from)
			order[n++] = c;
	for (int layer = from; layer <= STACK_FULLSCREEN; layer++)
		for (size_t i = n; i--;)
			if ((int)arrange_stack_layer(order[i]) == layer)
				raise_window(x, order[i]->id);
}

/* In a layout whose tiles overlap (monocle) the focused tile must be the
 * one on top, whatever changed the stacking: the layout itself (tile to
 * monocle, with the focus unchanged), windows shown or restacked over it
 * (restacked). True if it was raised: the floating windows must go back
 * above it. */
static bool raise_focused_tile(struct xconn *x, struct monitor *mon,
			       bool restacked)
{
	struct client *f = mon->focus;
	bool covered =
	    f && f->want_visible && f->want_tiled && arrange_may_be_covered(f);
	uint32_t want = covered ? f->id : 0;
	bool raise = covered && (restacked || mon->x_raised != want);
	if (raise)
		raise_window(x, f->id);
	mon->x_raised = want;
	return raise;
}

void x_restack_all(struct wm *wm)
{
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next) {
		mon->x_raised = 0;
		for (struct client *c = mon->clients; c; c = c->next)
			c->x.layer = -1;
	}
	wm->model.dirty |= DIRTY_ARRANGE;
}

void x_apply(struct wm *wm)
{
	struct xconn *x = wm->x;
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next) {
		bool restack = false;
		for (struct client *c = mon->clients; c; c = c->next) {
			if (!c->want_visible)
				continue;
			/* Made floating (a key, a drag), tiled again or kept
			 * above: the layers are put in order at once, not
			 * only once a window is focused again. */
			int layer = (int)arrange_stack_layer(c);
			restack |= layer != c->x.layer;
			c->x.layer = layer;
			int bw = c->want_border;
			if (!c->x.configured || c->x.border != bw ||
			    !rect_equal(c->want, c->x.geom)) {
				quiet(x);
				configure(x, c, bw);
				/* Fullscreen covers the bar too; one not
				 * focused keeps to its layer. */
				if (layer == STACK_FULLSCREEN)
					raise_window(x, c->id);
				else if (c->fullscreen)
					restack = true;
			}
			if (!c->x.mapped) {
				quiet(x);
				show(x, c);
				restack = true;
			}
		}
		for (struct client *c = mon->clients; c; c = c->next)
			if (!c->want_visible && c->x.mapped) {
				quiet(x);
				hide(x, c);
			}
		restack |= raise_focused_tile(x, mon, restack);
		if (restack)
			restack_from(x, mon, STACK_FLOATING);
	}
	quiet_end(x);
}

static void send_protocol(struct xconn *x, xcb_window_t win, xcb_atom_t proto)
{
	xcb_client_message_event_t ev = {
	    .response_type = XCB_CLIENT_MESSAGE,
	    .format = 32,
	    .window = win,
	    .type = x_atom(x, ATOM_WM_PROTOCOLS),
	};
	ev.data.data32[0] = proto;
	ev.data.data32[1] = x->time;
	xcb_send_event(x->conn, 0, win, XCB_EVENT_MASK_NO_EVENT,
		       (const char *)&ev);
}

/* Monocle and overlapping floats: the focused window on top of its layer,
 * the higher layers still above. Passing over a window focuses it without
 * raising it, as in awesome, dwm and Qtile; a click or a key raises it. */
static void raise_focused(struct xconn *x, struct client *c, bool changed)
{
	if (!c || !c->want_visible || !arrange_may_be_covered(c))
		return;
	bool want =
	    x->raise_clicked || (changed && !x->focus_by_hover &&
				 !(c->want_tiled && c->mon->x_raised == c->id));
	if (!want)
		return;
	raise_window(x, c->id);
	restack_from(x, c->mon, arrange_stack_layer(c) + 1);
	if (c->want_tiled)
		c->mon->x_raised = c->id;
}

void x_apply_focus(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct client *c = model_focused(&wm->model);
	x_update_marks(wm, c);
	/* X refuses focus to an unmapped window: it gets it once mapped. */
	xcb_window_t target =
	    c && !c->never_focus && c->x.mapped ? c->id : x->root;
	if (c && c->never_focus && !c->takes_focus)
		target = x->root; /* "No Input" model: nothing to give */
	bool changed =
	    target != x->focus_sent || (c && c->id != x->active_sent);
	raise_focused(x, c, changed);
	if (changed) {
		xcb_set_input_focus(x->conn, XCB_INPUT_FOCUS_POINTER_ROOT,
				    target, x->time);
		if (c && c->takes_focus)
			send_protocol(x, c->id, x_atom(x, ATOM_WM_TAKE_FOCUS));
		x->focus_sent = target;
		/* mouse_warps: the pointer follows focus changed by keys. */
		if (c && c->want_visible && wm->cfg.settings.mouse_warps &&
		    !x->focus_by_pointer)
			enter_note(x, xcb_warp_pointer(x->conn, XCB_NONE, c->id,
						       0, 0, 0, 0,
						       (int16_t)(c->want.w / 2),
						       (int16_t)(c->want.h / 2))
					  .sequence);
	}
	x->focus_by_pointer = x->focus_by_hover = x->raise_clicked = false;
	xcb_window_t active = c ? c->id : XCB_NONE;
	if (active != x->active_sent) {
		xcb_ewmh_set_active_window(&x->ewmh, 0, active);
		x->active_sent = active;
	}
}

void x_close_wanted(struct wm *wm)
{
	struct xconn *x = wm->x;
	/* Most turns close nothing: no need to look at every window. */
	if (!wm->model.closes_wanted)
		return;
	wm->model.closes_wanted = false;
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next)
		for (struct client *c = mon->clients; c; c = c->next) {
			if (c->close_wanted && c->can_delete && !c->kill_wanted)
				send_protocol(x, c->id,
					      x_atom(x, ATOM_WM_DELETE_WINDOW));
			else if (c->close_wanted || c->kill_wanted)
				xcb_kill_client(x->conn, c->id);
			c->close_wanted = c->kill_wanted = false;
		}
}

void x_send_sync_replies(struct xconn *x)
{
	for (size_t i = 0; i + 1 < x->nsyncs; i += 2) {
		xcb_client_message_event_t ev = {
		    .response_type = XCB_CLIENT_MESSAGE,
		    .format = 32,
		    .window = x->syncs[i],
		    .type = x_atom(x, ATOM_CTILE_SYNC),
		};
		ev.data.data32[0] = x->syncs[i];
		ev.data.data32[1] = x->syncs[i + 1];
		xcb_send_event(x->conn, 0, x->syncs[i], XCB_EVENT_MASK_NO_EVENT,
			       (const char *)&ev);
	}
	x->nsyncs = 0;
}

void x_set_stats(struct xconn *x, const char *line)
{
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, x->root,
			    x_atom(x, ATOM_CTILE_STATS), x->ewmh.UTF8_STRING, 8,
			    (uint32_t)strlen(line), line);
}

void x_release_all(struct wm *wm)
{
	struct xconn *x = wm->x;
	for (struct monitor *mon = wm->model.mons; mon; mon = mon->next)
		for (struct client *c = mon->clients; c; c = c->next) {
			uint32_t none = 0;
			xcb_change_window_attributes(x->conn, c->id,
						     XCB_CW_EVENT_MASK, &none);
			if (!c->x.mapped)
				xcb_map_window(x->conn, c->id);
			x_set_wm_state(x, c->id, XCB_ICCCM_WM_STATE_NORMAL);
			/* Shown again: not minimized, for pagers and the
			 * next window manager (a restart does not come here).
			 */
			c->minimized = false;
		}
	x_update_marks(wm, NULL);
	xcb_ungrab_key(x->conn, XCB_GRAB_ANY, x->root, XCB_MOD_MASK_ANY);
	xcb_delete_property(x->conn, x->root, x->ewmh._NET_SUPPORTING_WM_CHECK);
	xcb_delete_property(x->conn, x->root, x->ewmh._NET_ACTIVE_WINDOW);
	/* The bar goes with ctile: its room is free again. */
	xcb_delete_property(x->conn, x->root, x->ewmh._NET_WORKAREA);
	xcb_destroy_window(x->conn, x->check);
	xcb_set_input_focus(x->conn, XCB_INPUT_FOCUS_POINTER_ROOT,
			    XCB_INPUT_FOCUS_POINTER_ROOT, XCB_CURRENT_TIME);
}
