/* bar_draw.c: update the widgets that are due, lay them out, paint. */
#include <string.h>

#include "bar_internal.h"
#include "wm.h"
#include "x.h"

/* Event-driven widgets (no timer) follow the model: they update when it
 * changed; timed ones when their time has come. */
bool bar_update(struct wm *wm, struct bar *b, unsigned dirty, int64_t now)
{
	struct bar_ctx ctx = {wm, b->mon, now};
	bool changed = false;
	if (!b->visible)
		return false;
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			bool timed = w->ops->next_wakeup_ms != NULL;
			bool due = timed ? w->wake >= 0 &&
					       w->wake <= now + WAKE_SLACK_MS
					 : (dirty & DIRTY_BAR) != 0;
			if (due && w->ops->update(w->self, &ctx))
				w->changed = true;
			changed |= w->changed; /* here or when it read its fd */
			if (!due)
				continue;
			/* Now, not when this turn began: the updates before
			 * took time, and a wake-up on a wall-clock tick
			 * computed from an old now would come that much early
			 * (and apart from the other widgets on that tick). */
			if (timed)
				w->wake = w->ops->next_wakeup_ms(w->self,
								 bar_now_ms());
		}
	const char *problem = wm->config_problem ? wm->config_problem : "";
	if (text_cache_set(&b->problem, problem))
		b->dirty = true; /* the widgets make room for it */
	return changed || b->dirty;
}

static struct draw_ctx draw_ctx_of(const struct wm *wm, struct bar *b)
{
	const struct bars *bs = wm->bars;
	return (struct draw_ctx){.cr = b->cr,
				 .layout = b->layout,
				 .colors = &bs->colors,
				 .height = b->geom.h,
				 .padding = bs->padding,
				 .scale = bs->dpi / 96.0};
}

/* Measure every widget into want. */
static void measure_widgets(struct bar *b, const struct draw_ctx *d)
{
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			w->want = w->ops->measure(w->self, d);
			if (w->want < 0 && w->want != WIDGET_EXPAND)
				w->want = 0;
		}
}

/* The config error's box: its text, padded. It is laid out before the
 * expanding widgets (the title) take the rest (an error matters more than
 * a title), and shares the room left with the status and script text, the
 * widest cut first (bar_fit): no widget is ever covered. */
static int problem_want(struct bar *b, const struct draw_ctx *d)
{
	if (!b->problem.text || !b->problem.text[0])
		return 0;
	return text_cache_width(&b->problem, d) + 2 * d->padding;
}

/* The least a cut widget shows: an ellipsis, padded. */
static int cut_floor(struct bar *b, const struct draw_ctx *d)
{
	return text_cache_width(&b->ellipsis, d) + 2 * d->padding;
}

/* Centred in the bar where the widgets leave room, else as near as it fits
 * between the left widgets' end and the next widget's start. */
static int problem_x(const struct bar *b, int from, int to)
{
	int x = (b->geom.w - b->problem_w) / 2;
	if (x > to - b->problem_w)
		x = to - b->problem_w;
	return x < from ? from : x;
}

static int side_width(const struct bar *b, int side)
{
	int sum = 0;
	for (size_t k = 0; k < b->n[side]; k++)
		sum += b->w[side][k].w;
	return sum;
}

/* Each side's widgets one after the other from x[side]; true if one moved
 * or changed size. */
static bool place_widgets(struct bar *b, int x[BAR_SIDES])
{
	bool moved = false;
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			moved |= w->x != x[side] || w->w != w->drawn_w;
			w->x = x[side];
			w->drawn_w = w->w;
			x[side] += w->w;
		}
	return moved;
}

/* Lay out the widgets and the config error's box: the left widgets, the
 * box, the centre ones (pushed right if need be), the right ones. True if
 * anything moved or changed size. */
static bool layout_widgets(struct bar *b, const struct draw_ctx *d)
{
	int old_x = b->problem_x, old_w = b->problem_w, sum[BAR_SIDES];
	measure_widgets(b, d);
	b->problem_w =
	    bar_fit(b->w, b->n, b->geom.w, problem_want(b, d), cut_floor(b, d));
	for (int side = 0; side < BAR_SIDES; side++)
		sum[side] = side_width(b, side);
	int x[BAR_SIDES] = {0, (b->geom.w - sum[BAR_CENTER]) / 2,
			    b->geom.w - sum[BAR_RIGHT]};
	/* Centred where it fits; else as near the middle as the right side
	 * lets it, and never over the left side (bar_fit made room). */
	if (x[BAR_CENTER] + sum[BAR_CENTER] > x[BAR_RIGHT])
		x[BAR_CENTER] = x[BAR_RIGHT] - sum[BAR_CENTER];
	if (x[BAR_CENTER] < sum[BAR_LEFT] + b->problem_w)
		x[BAR_CENTER] = sum[BAR_LEFT] + b->problem_w;
	b->problem_x = problem_x(
	    b, sum[BAR_LEFT], sum[BAR_CENTER] ? x[BAR_CENTER] : x[BAR_RIGHT]);
	bool moved = b->problem_x != old_x || b->problem_w != old_w;
	return place_widgets(b, x) || moved;
}

/* A config error stays in view, in the urgent colours, until fixed. */
static void draw_problem(struct bar *b, const struct draw_ctx *d)
{
	if (b->problem_w <= 0)
		return;
	draw_fill(d, (struct rect){b->problem_x, 0, b->problem_w, b->geom.h},
		  d->colors->urgent_background);
	draw_text(d, &b->problem, b->problem_x + d->padding, 0,
		  b->problem_w - 2 * d->padding, d->colors->urgent_foreground);
}

/* One widget's cell of the pixmap: the bar's background, then the widget,
 * kept inside its cell. A cut widget on the right loses its text's start,
 * not its end: status lines end in what matters most (dwm's and i3's put
 * the clock last), and dwm too cuts its status at the start, where the
 * tags cover it. Elsewhere, as Qtile's TextBox does, it loses the end. */
static void paint_widget(const struct bar *b, const struct draw_ctx *d,
			 struct widget_inst *w, int side)
{
	struct rect cell = {w->x, 0, w->w, b->geom.h};
	struct draw_ctx in_cell = *d;
	in_cell.cut_start = side == BAR_RIGHT && w->w < w->want;
	draw_fill(d, cell, d->colors->background);
	cairo_save(d->cr);
	cairo_rectangle(d->cr, cell.x, 0, cell.w, cell.h);
	cairo_clip(d->cr);
	w->ops->draw(w->self, &in_cell, cell);
	cairo_restore(d->cr);
}

static void show(struct wm *wm, const struct bar *b, int x, int w)
{
	xcb_copy_area(wm->x->conn, b->pix, b->win, wm->bars->gc, (int16_t)x, 0,
		      (int16_t)x, 0, (uint16_t)w, (uint16_t)b->geom.h);
}

/* A clock's minute or a cpu figure repaints its own cell, not the bar: a
 * fraction of the drawing, for ctile and for the X server. */
void bar_draw(struct wm *wm, struct bar *b)
{
	struct draw_ctx d = draw_ctx_of(wm, b);
	bool all = b->dirty;
	b->dirty = false;
	if (!b->visible)
		return;
	/* The error's box is a cell of its own: it moves only with the
	 * layout, and widgets repainted alone never touch it. */
	all |= layout_widgets(b, &d);
	if (all)
		draw_fill(&d, (struct rect){0, 0, b->geom.w, b->geom.h},
			  d.colors->background);
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			if (w->w > 0 && (all || w->changed))
				paint_widget(b, &d, w, side);
		}
	if (all)
		draw_problem(b, &d);
	cairo_surface_flush(b->surface);
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			if (!all && w->w > 0 && w->changed)
				show(wm, b, w->x, w->w);
			w->changed = false;
		}
	if (all)
		show(wm, b, 0, b->geom.w);
}
