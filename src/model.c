/* model.c: monitors, tags, views, clients and focus stacks. Pure: no X. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void model_init(struct model *m, int ntags)
{
	memset(m, 0, sizeof(*m));
	m->tag_default =
	    (struct tag_state){.layout = 0, .nmaster = 1, .mfact = 0.55f};
	if (!model_set_ntags(m, ntags))
		model_set_ntags(m, 9);
	for (int i = 0; i < CTILE_MAX_TAGS; i++)
		snprintf(m->tag_names[i], CTILE_TAG_NAME_MAX, "%d", i + 1);
}

void model_finish(struct model *m)
{
	struct monitor *mon = m->mons;
	while (mon) {
		struct client *c = mon->clients;
		while (c) {
			struct client *next = c->next;
			free(c);
			c = next;
		}
		struct monitor *next = mon->next;
		free(mon);
		mon = next;
	}
	m->mons = m->selmon = NULL;
	winmap_free(&m->by_id);
}

tagmask model_all_tags(const struct model *m)
{
	return m->ntags >= 32 ? ~(tagmask)0 : ((tagmask)1 << m->ntags) - 1;
}

int lowest_tag(tagmask mask)
{
	return mask ? __builtin_ctz(mask) : -1;
}

/* Keep mask inside all; an emptied mask falls back to the first tag. */
static tagmask clip_mask(tagmask mask, tagmask all)
{
	mask &= all;
	return mask ? mask : 1;
}

bool model_set_ntags(struct model *m, int ntags)
{
	if (ntags < 1 || ntags > CTILE_MAX_TAGS)
		return false;
	/* With one tag, every window is on all of them: none is sticky. */
	tagmask sticky = m->ntags > 1 ? model_all_tags(m) : 0;
	m->ntags = ntags;
	tagmask all = model_all_tags(m);
	for (struct monitor *mon = m->mons; mon; mon = mon->next) {
		mon->view = clip_mask(mon->view, all);
		mon->prev_view = clip_mask(mon->prev_view, all);
		for (struct client *c = mon->clients; c; c = c->next) {
			/* On every tag (sticky) it stays on every tag. */
			tagmask t = sticky && c->tags == sticky
					? all
					: clip_mask(c->tags, all);
			c->tags_dirty |= t != c->tags;
			c->tags = t;
		}
		model_refocus(m, mon);
	}
	m->dirty |= DIRTY_ARRANGE | DIRTY_VIEW | DIRTY_TAGS | DIRTY_BAR;
	return true;
}

struct monitor *model_add_monitor(struct model *m, struct rect geom)
{
	struct monitor *mon = calloc(1, sizeof(*mon));
	if (!mon)
		return NULL;
	mon->geom = mon->work = geom;
	mon->view = mon->prev_view = 1;
	for (int i = 0; i < CTILE_MAX_TAGS; i++)
		mon->tag[i] = m->tag_default;
	struct monitor **tail = &m->mons;
	int index = 0;
	for (; *tail; tail = &(*tail)->next)
		index++;
	mon->index = index;
	*tail = mon;
	if (!m->selmon)
		m->selmon = mon;
	m->dirty |= DIRTY_ARRANGE | DIRTY_VIEW | DIRTY_BAR;
	return mon;
}

struct monitor *model_monitor_at(const struct model *m, int x, int y)
{
	for (struct monitor *mon = m->mons; mon; mon = mon->next) {
		struct rect g = mon->geom;
		if (x >= g.x && x < g.x + g.w && y >= g.y && y < g.y + g.h)
			return mon;
	}
	return m->selmon;
}

static void stack_remove(struct client *c)
{
	struct client **p = &c->mon->stack;
	while (*p && *p != c)
		p = &(*p)->snext;
	if (*p)
		*p = c->snext;
	c->snext = NULL;
}

static void list_remove(struct client *c)
{
	struct client **p = &c->mon->clients;
	while (*p && *p != c)
		p = &(*p)->next;
	if (*p)
		*p = c->next;
	c->next = NULL;
}

struct client *model_manage(struct model *m, uint32_t id, struct monitor *mon,
			    tagmask tags)
{
	if (!mon)
		mon = m->selmon;
	if (!mon)
		return NULL;
	struct client *c = calloc(1, sizeof(*c));
	if (!c || !winmap_put(&m->by_id, id, c)) {
		free(c);
		return NULL;
	}
	c->id = id;
	c->mon = mon;
	c->tags =
	    tags & model_all_tags(m) ? tags & model_all_tags(m) : mon->view;
	c->tags_dirty = true;
	c->x.wm_state = -1;
	c->next = mon->clients;
	mon->clients = c;
	struct client **tail = &mon->stack;
	while (*tail)
		tail = &(*tail)->snext;
	*tail = c;
	model_refocus(m, mon);
	m->dirty |= DIRTY_ARRANGE | DIRTY_CLIENTS | DIRTY_TAGS | DIRTY_BAR;
	return c;
}

void model_unmanage(struct model *m, struct client *c)
{
	struct monitor *mon = c->mon;
	list_remove(c);
	stack_remove(c);
	if (mon->focus == c) {
		mon->focus = NULL;
		model_refocus(m, mon);
	}
	winmap_del(&m->by_id, c->id);
	free(c);
	m->dirty |= DIRTY_ARRANGE | DIRTY_CLIENTS | DIRTY_FOCUS | DIRTY_BAR;
}

struct client *model_find(const struct model *m, uint32_t id)
{
	return winmap_get(&m->by_id, id);
}

size_t model_count(const struct model *m)
{
	size_t n = 0;
	for (struct monitor *mon = m->mons; mon; mon = mon->next)
		for (struct client *c = mon->clients; c; c = c->next)
			n++;
	return n;
}

struct client *model_focused(const struct model *m)
{
	return m->selmon ? m->selmon->focus : NULL;
}

/* The most recently focused visible client of mon, or NULL. */
static struct client *stack_top_visible(const struct monitor *mon)
{
	for (struct client *c = mon->stack; c; c = c->snext)
		if (client_visible(c))
			return c;
	return NULL;
}

/* c has just got its monitor's focus: first in the focus history, and no
 * longer urgent (it has the user's eyes). */
static void focus_history_push(struct model *m, struct client *c)
{
	stack_remove(c);
	c->snext = c->mon->stack;
	c->mon->stack = c;
	c->focused_at = ++m->focus_count;
	if (c->urgent)
		model_set_urgent(m, c, false);
}

void model_focus(struct model *m, struct client *c)
{
	if (c && !client_visible(c))
		c = NULL;
	if (!c && m->selmon)
		c = stack_top_visible(m->selmon);
	struct monitor *mon = c ? c->mon : m->selmon;
	if (!mon)
		return;
	if (m->selmon != mon || mon->focus != c)
		m->dirty |= DIRTY_FOCUS | DIRTY_BAR;
	m->selmon = mon;
	mon->focus = c;
	if (!c)
		return;
	focus_history_push(m, c);
}

void model_refocus(struct model *m, struct monitor *mon)
{
	if (mon->focus && client_visible(mon->focus))
		return;
	struct client *c = stack_top_visible(mon);
	if (mon->focus != c)
		m->dirty |= DIRTY_FOCUS | DIRTY_BAR;
	mon->focus = c;
	if (c)
		focus_history_push(m, c);
}

/* The visible (or tiled) client after c (dir > 0) or before it, wrapping
 * round. */
static struct client *neighbour(const struct client *c, int dir,
				bool tiled_only)
{
	struct client *first = NULL, *before = NULL, *last = NULL;
	bool passed = false;
	for (struct client *i = c->mon->clients; i; i = i->next) {
		if (i == c) {
			passed = true;
			continue;
		}
		if (!client_visible(i) || (tiled_only && !client_tiled(i)))
			continue;
		if (!first)
			first = i;
		if (passed && dir > 0)
			return i;
		if (!passed)
			before = i;
		last = i;
	}
	if (dir > 0)
		return first;
	return before ? before : last;
}

struct client *model_neighbour(const struct client *c, int dir)
{
	return neighbour(c, dir, false);
}

void model_focus_dir(struct model *m, int dir)
{
	struct client *c = model_focused(m);
	if (!c)
		return;
	struct client *n = model_neighbour(c, dir);
	if (n)
		model_focus(m, n);
}

/* Exchange a and b in their monitor's tiling list. */
static void list_swap(struct client *a, struct client *b)
{
	struct client **pa = NULL, **pb = NULL;
	for (struct client **p = &a->mon->clients; *p; p = &(*p)->next) {
		if (*p == a)
			pa = p;
		else if (*p == b)
			pb = p;
	}
	if (!pa || !pb)
		return;
	*pa = b;
	*pb = a;
	struct client *tmp = a->next;
	a->next = b->next;
	b->next = tmp;
}

void model_swap_dir(struct model *m, int dir)
{
	/* As in dwm: among the tiles, where a swap can be seen; a floating
	 * window has no place there to change. */
	struct client *c = model_focused(m);
	if (!c || !client_tiled(c))
		return;
	struct client *n = neighbour(c, dir, true);
	if (!n || n == c)
		return;
	list_swap(c, n);
	m->dirty |= DIRTY_ARRANGE;
}

/* The first visible tiled client of mon, and the one after start. */
static struct client *next_tiled(struct client *start)
{
	for (struct client *c = start; c; c = c->next)
		if (client_visible(c) && !c->floating)
			return c;
	return NULL;
}

void model_zoom(struct model *m)
{
	struct client *c = model_focused(m);
	if (!c || c->floating)
		return;
	if (c == next_tiled(c->mon->clients)) {
		c = next_tiled(c->next);
		if (!c)
			return;
	}
	list_remove(c);
	c->next = c->mon->clients;
	c->mon->clients = c;
	model_focus(m, c);
	m->dirty |= DIRTY_ARRANGE;
}

void model_view(struct model *m, struct monitor *mon, tagmask view)
{
	view &= model_all_tags(m);
	if (!view || view == mon->view)
		return;
	mon->prev_view = mon->view;
	mon->view = view;
	model_refocus(m, mon);
	m->dirty |= DIRTY_ARRANGE | DIRTY_VIEW | DIRTY_BAR;
}

bool model_toggleview(struct model *m, struct monitor *mon, tagmask mask)
{
	tagmask view = (mon->view ^ mask) & model_all_tags(m);
	if (!view)
		return false;
	model_view(m, mon, view);
	return true;
}

void model_view_previous(struct model *m, struct monitor *mon)
{
	model_view(m, mon, mon->prev_view);
}

void model_view_step(struct model *m, struct monitor *mon, int step)
{
	int from = lowest_tag(mon->view);
	if (from < 0 || m->ntags < 1)
		return;
	int to = ((from + step) % m->ntags + m->ntags) % m->ntags;
	model_view(m, mon, (tagmask)1 << to);
}

bool model_set_tags(struct model *m, struct client *c, tagmask tags)
{
	tags &= model_all_tags(m);
	if (!tags)
		return false;
	if (tags == c->tags)
		return true;
	c->tags = tags;
	c->tags_dirty = true;
	model_refocus(m, c->mon);
	m->dirty |= DIRTY_ARRANGE | DIRTY_TAGS | DIRTY_BAR;
	return true;
}

bool model_toggletag(struct model *m, struct client *c, tagmask mask)
{
	return model_set_tags(m, c, c->tags ^ mask);
}

void model_set_floating(struct model *m, struct client *c, bool floating)
{
	if (c->floating == floating)
		return;
	c->floating = floating;
	m->dirty |= DIRTY_ARRANGE;
}

void model_set_urgent(struct model *m, struct client *c, bool urgent)
{
	if (urgent && c == model_focused(m))
		urgent = false;
	if (c->urgent == urgent)
		return;
	c->urgent = urgent;
	if (urgent)
		c->urgent_since = ++m->urgent_count;
	m->dirty |= DIRTY_FOCUS | DIRTY_BAR;
}

void model_set_fullscreen(struct model *m, struct client *c, bool on)
{
	if (c->fullscreen == on)
		return;
	c->fullscreen = on;
	m->dirty |= DIRTY_ARRANGE | DIRTY_FOCUS;
}

void model_set_minimized(struct model *m, struct client *c, bool on)
{
	if (c->minimized == on)
		return;
	c->minimized = on;
	if (on)
		c->minimized_since = ++m->minimize_count;
	m->dirty |= DIRTY_ARRANGE | DIRTY_FOCUS | DIRTY_BAR;
	/* Gone: the focus goes on. Back in a view that had nothing to
	 * focus: it takes the focus. */
	model_refocus(m, c->mon);
}

struct client *model_last_minimized(const struct monitor *mon)
{
	struct client *last = NULL;
	for (struct client *c = mon->clients; c; c = c->next)
		if (c->minimized && (c->tags & mon->view) &&
		    (!last || c->minimized_since > last->minimized_since))
			last = c;
	return last;
}

void model_set_above(struct model *m, struct client *c, bool on)
{
	if (c->above == on)
		return;
	c->above = on;
	m->dirty |= DIRTY_ARRANGE | DIRTY_FOCUS;
}

struct client *model_latest_urgent(const struct model *m)
{
	struct client *latest = NULL;
	for (struct monitor *mon = m->mons; mon; mon = mon->next)
		for (struct client *c = mon->clients; c; c = c->next)
			if (c->urgent &&
			    (!latest || c->urgent_since > latest->urgent_since))
				latest = c;
	return latest;
}

bool model_behind_fullscreen(const struct client *c)
{
	if (c->fullscreen || !client_visible(c))
		return false;
	for (const struct client *f = c->mon->clients; f; f = f->next)
		if (f != c && f->fullscreen && client_visible(f) &&
		    c->transient_for != f->id)
			return true;
	return false;
}

void model_activate(struct model *m, struct client *c)
{
	model_set_minimized(m, c, false);
	if (!client_visible(c))
		model_view(m, c->mon, (tagmask)1 << lowest_tag(c->tags));
	model_focus(m, c);
}

void model_want_close(struct model *m, struct client *c, bool kill)
{
	if (kill)
		c->kill_wanted = true;
	else
		c->close_wanted = true;
	m->closes_wanted = true;
	m->dirty |= DIRTY_FOCUS;
}

struct tag_state *monitor_tag_state(struct monitor *mon)
{
	int t = lowest_tag(mon->view);
	return &mon->tag[t < 0 ? 0 : t];
}

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(why, len, __VA_ARGS__);                               \
		return false;                                                  \
	} while (0)

/* c appears exactly once in mon's focus history. */
static bool stack_has_once(const struct monitor *mon, const struct client *c)
{
	int seen = 0;
	for (struct client *s = mon->stack; s; s = s->snext)
		seen += s == c;
	return seen == 1;
}

static size_t stack_length(const struct monitor *mon)
{
	size_t n = 0;
	for (struct client *s = mon->stack; s; s = s->snext)
		n++;
	return n;
}

static bool monitor_check(const struct model *m, const struct monitor *mon,
			  char *why, size_t len)
{
	tagmask all = model_all_tags(m);
	if (!mon->view || (mon->view & ~all))
		FAIL("monitor %d: view %#x outside %#x", mon->index, mon->view,
		     all);
	size_t n = 0;
	for (const struct client *c = mon->clients; c; c = c->next, n++) {
		if (c->mon != mon)
			FAIL("client %#x: wrong monitor", c->id);
		if (!c->tags || (c->tags & ~all))
			FAIL("client %#x: tags %#x outside %#x", c->id, c->tags,
			     all);
		if (!stack_has_once(mon, c))
			FAIL("client %#x: not once in focus stack", c->id);
	}
	if (stack_length(mon) != n)
		FAIL("monitor %d: stack has %zu, list %zu", mon->index,
		     stack_length(mon), n);
	if (mon->focus &&
	    (mon->focus->mon != mon || !client_visible(mon->focus)))
		FAIL("monitor %d: focus %#x not visible here", mon->index,
		     mon->focus->id);
	if (!mon->focus && stack_top_visible(mon))
		FAIL("monitor %d: nothing focused but %#x visible", mon->index,
		     stack_top_visible(mon)->id);
	if (mon->focus && mon->stack != mon->focus)
		FAIL("monitor %d: focus not on top of its stack", mon->index);
	return true;
}

bool model_check(const struct model *m, char *why, size_t len)
{
	if (m->ntags < 1 || m->ntags > CTILE_MAX_TAGS)
		FAIL("ntags %d", m->ntags);
	if (m->mons && !m->selmon)
		FAIL("no selected monitor");
	size_t n = 0;
	for (const struct monitor *mon = m->mons; mon; mon = mon->next) {
		if (!monitor_check(m, mon, why, len))
			return false;
		for (const struct client *c = mon->clients; c; c = c->next, n++)
			if (winmap_get(&m->by_id, c->id) != c)
				FAIL("client %#x not found by its id", c->id);
	}
	if (m->by_id.len != n)
		FAIL("%zu ids indexed for %zu clients", m->by_id.len, n);
	return true;
}
