/* arrange.c: compute where every client should be; x.c sends the changes. */
#include "arrange.h"

#include <stdlib.h>
#include <string.h>

#include "hints.h"
#include "layout.h"

struct rect arrange_center(struct rect area, int w, int h)
{
	if (w > area.w)
		w = area.w;
	if (h > area.h)
		h = area.h;
	return (struct rect){area.x + (area.w - w) / 2,
			     area.y + (area.h - h) / 2, w, h};
}

struct rect arrange_clamp(struct rect r, struct rect area)
{
	/* Inside the area when it fits; else its top-left corner is. */
	if (r.w < 1)
		r.w = 1;
	if (r.h < 1)
		r.h = 1;
	if (r.x + r.w > area.x + area.w)
		r.x = area.x + area.w - r.w;
	if (r.y + r.h > area.y + area.h)
		r.y = area.y + area.h - r.h;
	if (r.x < area.x)
		r.x = area.x;
	if (r.y < area.y)
		r.y = area.y;
	return r;
}

static struct rect shrink(struct rect r, int by)
{
	if (by <= 0 || r.w <= 2 * by || r.h <= 2 * by)
		return r;
	return (struct rect){r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
}

static bool is_tiled(const struct client *c, const struct layout *l)
{
	return client_tiled(c) && l->arrange;
}

/* The first time a window floats (a key, the floating layout) it stays
 * where its tile was, as in dwm; one never tiled gets the size it asked
 * for, centred if it gave no place. Inside the work area, never over the
 * bar. Later it floats where it floated last. */
static void place_floating(struct client *c, struct rect work, int border)
{
	if (!c->float_placed) {
		struct rect g = c->want_tiled ? c->want : c->float_geom;
		if (g.w <= 0 || g.h <= 0)
			g = arrange_center(work, work.w / 2, work.h / 2);
		/* Floating, it keeps its size hints (a terminal's cells). */
		int w = g.w - 2 * border, h = g.h - 2 * border;
		hints_apply(&c->hints, &w, &h);
		g.w = w + 2 * border, g.h = h + 2 * border;
		if (!c->want_tiled && g.x == 0 && g.y == 0)
			g = arrange_center(work, g.w, g.h);
		c->float_geom = arrange_clamp(g, work);
		c->float_placed = true;
	}
	c->want = c->float_geom;
}

/* Smart gaps and borders: a lone tiled window (or monocle) fills the
 * area edge to edge, as nothing needs telling apart. */
static bool lone(size_t n, const struct layout *l)
{
	return n == 1 || (n > 1 && l->arrange && !strcmp(l->name, "monocle"));
}

void arrange_monitor(struct monitor *mon, const struct settings *s)
{
	struct tag_state *ts = monitor_tag_state(mon);
	const struct layout *l = layouts[ts->layout];
	size_t n = 0;
	for (struct client *c = mon->clients; c; c = c->next)
		n += is_tiled(c, l);
	struct rect *rects = n ? calloc(n, sizeof(*rects)) : NULL;
	if (n && !rects)
		return; /* keep the old geometry rather than crash */
	bool alone = lone(n, l);
	int outer = alone && s->smart_gaps ? 0 : s->gap_outer;
	int tiled_border = alone && s->smart_borders ? 0 : s->border_width;
	struct layout_params p = {ts->nmaster, ts->mfact, s->gap_inner};
	if (n)
		l->arrange(&p, shrink(mon->work, outer), n, rects);
	size_t i = 0;
	for (struct client *c = mon->clients; c; c = c->next) {
		c->want_visible = client_visible(c);
		if (!c->want_visible)
			continue;
		c->want_border = s->border_width;
		if (c->fullscreen) {
			c->want = mon->geom;
			c->want_border = 0;
			c->want_tiled = false;
		} else if (is_tiled(c, l)) {
			c->want = rects[i++];
			c->want_border = tiled_border;
			c->want_tiled = true;
		} else {
			place_floating(c, mon->work, s->border_width);
			c->want_tiled = false;
		}
	}
	free(rects);
}

bool arrange_may_be_covered(const struct client *c)
{
	const struct layout *l = layouts[monitor_tag_state(c->mon)->layout];
	return c->floating || c->fullscreen || !l->arrange || l->overlaps;
}

enum stack_layer arrange_stack_layer(const struct client *c)
{
	/* A hidden window stacks where it would when shown. */
	if (c->want_visible ? c->want_tiled : !c->floating && !c->fullscreen)
		return STACK_TILED;
	if (c->fullscreen && c == c->mon->focus)
		return STACK_FULLSCREEN;
	return c->above ? STACK_ABOVE : STACK_FLOATING;
}

void arrange(struct model *m, const struct settings *s)
{
	for (struct monitor *mon = m->mons; mon; mon = mon->next)
		arrange_monitor(mon, s);
}
