/* track.c: what the X server shows of our windows, kept from events, and
 * the completion detector built on it.
 *
 * A WM may hide a window by unmapping it (ctile, bspwm), by unmapping a
 * frame it reparented the window into (i3, awesome, herbstluftwm,
 * spectrwm), or by moving it off screen (dwm). We select StructureNotify on
 * our windows and on every ancestor a WM puts them in, so every map, unmap,
 * move and reparent of the chain reaches us as an event: a window is shown
 * when it and all its ancestors are mapped and its outer rectangle meets the
 * screen. When the events say a wait is over, one pass of real queries
 * (GetWindowAttributes, GetGeometry, TranslateCoordinates per window)
 * confirms it; the time reported is when the deciding event was read. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define MAX_DEPTH 16

static size_t slot(const struct track *t, xcb_window_t id)
{
	return ((size_t)id * 2654435761u) & (t->cap - 1);
}

static struct node *find(const struct track *t, xcb_window_t id)
{
	for (size_t i = slot(t, id);; i = (i + 1) & (t->cap - 1)) {
		if (!t->nodes[i].used)
			return NULL;
		if (t->nodes[i].id == id)
			return &t->nodes[i];
	}
}

static void grow(struct track *t);

static struct node *insert(struct track *t, xcb_window_t id)
{
	struct node *n = find(t, id);
	if (n)
		return n;
	if ((t->used + 1) * 2 > t->cap)
		grow(t);
	size_t i = slot(t, id);
	while (t->nodes[i].used)
		i = (i + 1) & (t->cap - 1);
	n = &t->nodes[i];
	memset(n, 0, sizeof(*n));
	n->used = true;
	n->id = id;
	n->parent = t->bx->root;
	t->used++;
	return n;
}

static void grow(struct track *t)
{
	struct node *old = t->nodes;
	size_t oldcap = t->cap;
	t->cap = oldcap ? oldcap * 2 : 4096;
	t->nodes = calloc(t->cap, sizeof(*t->nodes));
	if (!t->nodes) {
		fprintf(stderr, "ctbench: out of memory\n");
		exit(2);
	}
	t->used = 0;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].used)
			*insert(t, old[i].id) = old[i];
	free(old);
}

void track_init(struct track *t, struct bx *bx)
{
	memset(t, 0, sizeof(*t));
	t->bx = bx;
	grow(t);
}

void track_free(struct track *t)
{
	free(t->nodes);
	free(t->wins);
	free(t->pend);
	memset(t, 0, sizeof(*t));
}

/* Forget every window (after they were all destroyed). */
void track_reset(struct track *t)
{
	memset(t->nodes, 0, t->cap * sizeof(*t->nodes));
	t->used = 0;
	t->nwins = 0;
	t->npend = 0;
}

struct win *track_new_window(struct track *t, int group, int x, int y, int w,
			     int h)
{
	if (t->nwins == t->capwins) {
		t->capwins = t->capwins ? t->capwins * 2 : 256;
		t->wins = realloc(t->wins, t->capwins * sizeof(*t->wins));
		if (!t->wins)
			exit(2);
	}
	struct win *wn = &t->wins[t->nwins++];
	memset(wn, 0, sizeof(*wn));
	wn->id = bx_create(t->bx, x, y, w, h, group ? "tag2" : "tag1");
	wn->group = group;
	wn->alive = true;
	wn->rest_on = true;
	wn->want = (struct rect_s){x, y, w, h};
	struct node *n = insert(t, wn->id);
	n->x = x, n->y = y, n->w = w, n->h = h;
	return wn;
}

/* The window is gone (a WM's frame took it along): make it again. */
void track_recreate(struct track *t, struct win *w)
{
	struct rect_s g = w->want;
	w->id =
	    bx_create(t->bx, g.x, g.y, g.w, g.h, w->group ? "tag2" : "tag1");
	w->alive = true;
	struct node *n = insert(t, w->id);
	n->x = g.x, n->y = g.y, n->w = g.w, n->h = g.h;
}

static struct win *find_win(struct track *t, xcb_window_t id)
{
	/* Linear: only ConfigureNotify counting needs it, and N <= 500. */
	for (size_t i = 0; i < t->nwins; i++)
		if (t->wins[i].id == id)
			return &t->wins[i];
	return NULL;
}

static void want_track(struct track *t, xcb_window_t id)
{
	if (id == t->bx->root || id == XCB_NONE || find(t, id))
		return;
	if (t->npend == t->cappend) {
		t->cappend = t->cappend ? t->cappend * 2 : 64;
		t->pend = realloc(t->pend, t->cappend * sizeof(*t->pend));
		if (!t->pend)
			exit(2);
	}
	t->pend[t->npend++] = id;
	insert(t, id)->mapped = false; /* placeholder until the replies */
}

/* Start following the frames the WM put our windows in: select their
 * structure events first, then ask their state, all pipelined. */
static void resolve_pending(struct track *t)
{
	xcb_connection_t *c = t->bx->c;
	while (t->npend) {
		size_t n = t->npend;
		xcb_window_t *ids = malloc(n * sizeof(*ids));
		xcb_get_window_attributes_cookie_t *ac =
		    malloc(n * sizeof(*ac));
		xcb_get_geometry_cookie_t *gc = malloc(n * sizeof(*gc));
		xcb_query_tree_cookie_t *qc = malloc(n * sizeof(*qc));
		if (!ids || !ac || !gc || !qc)
			exit(2);
		memcpy(ids, t->pend, n * sizeof(*ids));
		t->npend = 0;
		uint32_t mask = XCB_EVENT_MASK_STRUCTURE_NOTIFY;
		for (size_t i = 0; i < n; i++) {
			xcb_change_window_attributes(c, ids[i],
						     XCB_CW_EVENT_MASK, &mask);
			ac[i] = xcb_get_window_attributes(c, ids[i]);
			gc[i] = xcb_get_geometry(c, ids[i]);
			qc[i] = xcb_query_tree(c, ids[i]);
		}
		for (size_t i = 0; i < n; i++) {
			xcb_get_window_attributes_reply_t *a =
			    xcb_get_window_attributes_reply(c, ac[i], NULL);
			xcb_get_geometry_reply_t *g =
			    xcb_get_geometry_reply(c, gc[i], NULL);
			xcb_query_tree_reply_t *q =
			    xcb_query_tree_reply(c, qc[i], NULL);
			struct node *nd = find(t, ids[i]);
			if (nd && a && g && q) {
				nd->mapped =
				    a->map_state != XCB_MAP_STATE_UNMAPPED;
				nd->x = g->x, nd->y = g->y;
				nd->w = g->width, nd->h = g->height;
				nd->bw = g->border_width;
				nd->parent = q->parent;
				want_track(t, q->parent);
			} else if (nd) {
				nd->destroyed = true;
			}
			free(a);
			free(g);
			free(q);
		}
		free(ids);
		free(ac);
		free(gc);
		free(qc);
	}
}

/* Each on_* below: true when the event changed what is shown. */

static bool on_map(struct track *t, xcb_map_notify_event_t *e)
{
	struct node *n;
	if (e->event != e->window || !(n = find(t, e->window)))
		return false;
	n->mapped = true;
	return true;
}

static bool on_unmap(struct track *t, xcb_unmap_notify_event_t *e,
		     bool synthetic)
{
	struct node *n;
	if (synthetic || e->event != e->window || !(n = find(t, e->window)))
		return false;
	n->mapped = false;
	return true;
}

static bool on_configure(struct track *t, xcb_configure_notify_event_t *e,
			 bool synthetic)
{
	struct node *n;
	if (e->event != e->window)
		return false;
	struct win *w = find_win(t, e->window);
	if (w) {
		if (synthetic)
			w->cn_synth++;
		else
			w->cn_real++;
	}
	/* A synthetic one (ICCCM 4.1.5) changes nothing. */
	if (synthetic || !(n = find(t, e->window)))
		return false;
	n->x = e->x, n->y = e->y, n->w = e->width, n->h = e->height;
	n->bw = e->border_width;
	return true;
}

static bool on_reparent(struct track *t, xcb_reparent_notify_event_t *e)
{
	struct node *n;
	if (e->event != e->window || !(n = find(t, e->window)))
		return false;
	n->parent = e->parent;
	n->x = e->x, n->y = e->y;
	want_track(t, e->parent);
	return true;
}

static bool on_destroy(struct track *t, xcb_destroy_notify_event_t *e)
{
	struct node *n;
	if (e->event != e->window || !(n = find(t, e->window)))
		return false;
	n->destroyed = true;
	n->mapped = false;
	struct win *w = find_win(t, e->window);
	if (w)
		w->alive = false;
	return true;
}

/* The root's properties and ctile's answers: noted, nothing shown. */
static void on_property(struct track *t, xcb_property_notify_event_t *e)
{
	if (e->window == t->bx->root &&
	    e->atom == t->bx->atom[A_NET_CLIENT_LIST])
		t->client_list_changed = true;
	if (e->window == t->bx->root && e->atom == t->bx->atom[A_CTILE_STATS])
		t->stats_seen++;
}

static void on_client_message(struct track *t, xcb_client_message_event_t *e)
{
	if (e->type == t->bx->atom[A_CTILE_SYNC] && e->window == t->bx->own)
		t->sync_seen = e->data.data32[1];
}

static bool handle(struct track *t, xcb_generic_event_t *ev)
{
	bool synthetic = ev->response_type & 0x80;
	switch (ev->response_type & 0x7f) {
	case XCB_MAP_NOTIFY:
		return on_map(t, (void *)ev);
	case XCB_UNMAP_NOTIFY:
		return on_unmap(t, (void *)ev, synthetic);
	case XCB_CONFIGURE_NOTIFY:
		return on_configure(t, (void *)ev, synthetic);
	case XCB_REPARENT_NOTIFY:
		return on_reparent(t, (void *)ev);
	case XCB_DESTROY_NOTIFY:
		return on_destroy(t, (void *)ev);
	case XCB_PROPERTY_NOTIFY:
		on_property(t, (void *)ev);
		return false;
	case XCB_CLIENT_MESSAGE:
		on_client_message(t, (void *)ev);
		return false;
	default:
		return false; /* errors: a frame died before we looked */
	}
}

/* Read every event the connection has; returns how many changed what is
 * shown. */
int track_drain(struct track *t)
{
	int relevant = 0;
	xcb_generic_event_t *ev;
	for (;;) {
		while ((ev = xcb_poll_for_event(t->bx->c))) {
			relevant += handle(t, ev);
			free(ev);
		}
		if (!t->npend)
			break;
		resolve_pending(t); /* replies may queue more events */
	}
	if (relevant)
		t->last_rel_ns = now_ns();
	return relevant;
}

/* 1 viewable, 0 not, -1 unknown (an ancestor we do not follow). */
static int model_viewable(const struct track *t, xcb_window_t id, int *ax,
			  int *ay, const struct node **self)
{
	const struct node *n = find(t, id);
	*self = n;
	if (!n)
		return -1;
	int x = n->x, y = n->y;
	for (int depth = 0; depth < MAX_DEPTH; depth++) {
		if (!n->mapped || n->destroyed)
			return 0;
		if (n->parent == t->bx->root) {
			*ax = x, *ay = y;
			return 1;
		}
		n = find(t, n->parent);
		if (!n)
			return -1;
		x += n->x + n->bw;
		y += n->y + n->bw;
	}
	return -1;
}

static bool meets_screen(const struct bx *bx, int x, int y, int w, int h,
			 int bw)
{
	return x < bx->sw && y < bx->sh && x + w + 2 * bw > 0 &&
	       y + h + 2 * bw > 0;
}

static void model_state(const struct track *t, const struct win *w,
			bool *viewable, bool *on)
{
	int x = 0, y = 0;
	const struct node *n;
	int v = model_viewable(t, w->id, &x, &y, &n);
	*viewable = v == 1;
	*on = v == 1 && meets_screen(t->bx, x, y, n->w, n->h, n->bw);
}

bool track_eval(struct track *t, const struct pred *p, bool truth)
{
	for (size_t i = 0; i < t->nwins; i++) {
		struct win *w = &t->wins[i];
		bool viewable, on;
		if (truth)
			viewable = w->truth_viewable, on = w->truth_on;
		else
			model_state(t, w, &viewable, &on);
		if (w->group == p->show) {
			if (!viewable)
				return false;
			if (!p->only_viewable && !on && w->rest_on)
				return false;
		} else if (w->group == p->hide) {
			if (viewable && on)
				return false;
		}
	}
	return true;
}

/* Ask the server what it shows, for every window, and judge by that. */
bool track_verify(struct track *t, const struct pred *p)
{
	xcb_connection_t *c = t->bx->c;
	size_t n = t->nwins;
	if (!n)
		return track_eval(t, p, true);
	xcb_get_window_attributes_cookie_t *ac = malloc(n * sizeof(*ac));
	xcb_get_geometry_cookie_t *gc = malloc(n * sizeof(*gc));
	xcb_translate_coordinates_cookie_t *tc = malloc(n * sizeof(*tc));
	if (!ac || !gc || !tc)
		exit(2);
	for (size_t i = 0; i < n; i++) {
		xcb_window_t id = t->wins[i].id;
		ac[i] = xcb_get_window_attributes(c, id);
		gc[i] = xcb_get_geometry(c, id);
		tc[i] = xcb_translate_coordinates(c, id, t->bx->root, 0, 0);
	}
	for (size_t i = 0; i < n; i++) {
		struct win *w = &t->wins[i];
		xcb_get_window_attributes_reply_t *a =
		    xcb_get_window_attributes_reply(c, ac[i], NULL);
		xcb_get_geometry_reply_t *g =
		    xcb_get_geometry_reply(c, gc[i], NULL);
		xcb_translate_coordinates_reply_t *tr =
		    xcb_translate_coordinates_reply(c, tc[i], NULL);
		w->truth_viewable = a && a->map_state == XCB_MAP_STATE_VIEWABLE;
		w->truth_on = false;
		if (w->truth_viewable && g && tr) {
			int bw = g->border_width;
			w->truth_on =
			    meets_screen(t->bx, tr->dst_x - bw, tr->dst_y - bw,
					 g->width, g->height, bw);
		}
		free(a);
		free(g);
		free(tr);
	}
	free(ac);
	free(gc);
	free(tc);
	return track_eval(t, p, true);
}

/* Why a wait timed out: the windows that are not where they should be. */
static void debug_state(struct track *t, const struct pred *p)
{
	track_verify(t, p);
	for (size_t i = 0; i < t->nwins; i++) {
		struct win *w = &t->wins[i];
		bool v, on;
		model_state(t, w, &v, &on);
		if (w->group != p->show && w->group != p->hide)
			continue;
		bool want = w->group == p->show;
		if (want == (v && on) &&
		    want == (w->truth_viewable && w->truth_on))
			continue;
		const struct node *n = find(t, w->id);
		fprintf(stderr,
			"ctbench: %#x group %d: model %d/%d server %d/%d "
			"parent %#x at %d,%d %dx%d mapped %d\n",
			w->id, w->group, v, on, w->truth_viewable, w->truth_on,
			n ? n->parent : 0, n ? n->x : 0, n ? n->y : 0,
			n ? n->w : 0, n ? n->h : 0, n ? n->mapped : -1);
	}
}

static int remaining_ms(uint64_t deadline)
{
	uint64_t now = now_ns();
	return now >= deadline ? 0 : (int)((deadline - now) / 1000000u) + 1;
}

/* CTBENCH_DEBUG: how a wait went, on stderr. */
static void debug_done(int drains, uint64_t start, uint64_t first_rel,
		       uint64_t held_since)
{
	if (!getenv("CTBENCH_DEBUG"))
		return;
	fprintf(stderr,
		"ctbench: drains %d first %.3f ms done %.3f ms verify %.3f "
		"ms\n",
		drains, (first_rel - start) / 1e6, (held_since - start) / 1e6,
		(now_ns() - held_since) / 1e6);
}

/* How long to sleep for events: until the quiet time is over when p holds,
 * else at most 50 ms (then a real pass), and never past the deadline. */
static int wait_ms(int left, uint64_t now, uint64_t held_since, int quiet_ms)
{
	if (held_since && quiet_ms > 0) {
		int q = quiet_ms - (int)((now - held_since) / 1000000u);
		return q < 1 ? 1 : (q < left ? q : left);
	}
	return left > 50 ? 50 : left;
}

/* Wait until p holds, and (quiet_ms > 0) nothing we follow changed for
 * quiet_ms after. *done_ns: when the deciding event was read. Returns 0,
 * or -1 when timeout_ms passed first. Should the events never say so while
 * the server does (a window hidden some way we do not follow), a real pass
 * every 50 ms of silence ends the wait: that is counted in `polled`. */
int track_wait(struct track *t, const struct pred *p, int quiet_ms,
	       int timeout_ms, uint64_t *done_ns)
{
	uint64_t deadline = now_ns() + (uint64_t)timeout_ms * 1000000u;
	uint64_t held_since = 0, last_poll = now_ns();
	int fd = xcb_get_file_descriptor(t->bx->c);
	bool first = true;
	uint64_t start = now_ns(), first_rel = 0;
	int drains = 0;
	for (;;) {
		int rel = track_drain(t);
		uint64_t now = now_ns();
		drains++;
		if (rel && !first_rel)
			first_rel = t->last_rel_ns;
		if (rel || first) {
			bool ok = track_eval(t, p, false);
			if (ok && !held_since)
				held_since = first ? now : t->last_rel_ns;
			else if (ok && quiet_ms > 0 && rel)
				held_since = t->last_rel_ns;
			else if (!ok)
				held_since = 0;
			first = false;
		}
		if (held_since &&
		    (quiet_ms <= 0 ||
		     now - held_since >= (uint64_t)quiet_ms * 1000000u)) {
			if (track_verify(t, p)) {
				*done_ns = held_since;
				debug_done(drains, start, first_rel,
					   held_since);
				return 0;
			}
			t->mismatches++;
			held_since = 0;
			continue; /* the replies may have queued events */
		}
		if (xcb_connection_has_error(t->bx->c))
			return -1;
		int left = remaining_ms(deadline);
		if (!left) {
			if (getenv("CTBENCH_DEBUG"))
				debug_state(t, p);
			return -1;
		}
		if (!held_since && now - last_poll > 50000000u &&
		    now - t->last_rel_ns > 50000000u) {
			last_poll = now;
			if (track_verify(t, p)) {
				t->polled++;
				if (quiet_ms <= 0) {
					*done_ns = now;
					return 0;
				}
				held_since = now;
			}
			continue;
		}
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		poll(&pfd, 1, wait_ms(left, now, held_since, quiet_ms));
	}
}

/* The group's tag is shown and at rest: remember which of its windows are
 * on screen (a layout may put some wholly off it, as awesome's tile does
 * with hundreds). */
void track_calibrate(struct track *t, int group)
{
	struct pred none = {-1, -1, false};
	track_verify(t, &none);
	for (size_t i = 0; i < t->nwins; i++)
		if (t->wins[i].group == group)
			t->wins[i].rest_on = t->wins[i].truth_on;
}

int track_count_group(struct track *t, int group)
{
	int n = 0;
	for (size_t i = 0; i < t->nwins; i++)
		n += t->wins[i].group == group;
	return n;
}

/* How many of the group are on screen, by the server's word. */
int track_count_on(struct track *t, int group)
{
	struct pred none = {-1, -1, false};
	track_verify(t, &none);
	int n = 0;
	for (size_t i = 0; i < t->nwins; i++)
		n += t->wins[i].group == group && t->wins[i].truth_on;
	return n;
}

static bool sync_answered(const struct track *t, uint32_t serial)
{
	return t->sync_seen == serial;
}

static bool stats_changed(const struct track *t, uint32_t seen)
{
	return t->stats_seen != seen;
}

/* Read events until done(t, v); false after timeout_ms. */
static bool wait_for(struct track *t,
		     bool (*done)(const struct track *, uint32_t), uint32_t v,
		     int timeout_ms)
{
	uint64_t deadline = now_ns() + (uint64_t)timeout_ms * 1000000u;
	int fd = xcb_get_file_descriptor(t->bx->c);
	for (;;) {
		track_drain(t);
		if (done(t, v))
			return true;
		int left = remaining_ms(deadline);
		if (!left || xcb_connection_has_error(t->bx->c))
			return false;
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		poll(&pfd, 1, left);
	}
}

bool track_wait_sync(struct track *t, uint32_t serial, int timeout_ms)
{
	return wait_for(t, sync_answered, serial, timeout_ms);
}

/* Until the root's _CTILE_STATS has changed since t->stats_seen was
 * `seen`. */
bool track_wait_stats(struct track *t, unsigned seen, int timeout_ms)
{
	return wait_for(t, stats_changed, seen, timeout_ms);
}
