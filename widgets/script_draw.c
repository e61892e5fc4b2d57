/* script_draw.c: what a script widget shows, its last line or its i3bar
 * blocks (background, border, colour, min_width and align, urgent,
 * separators, short_text when max_width is passed), kept measured and
 * drawn. */
#include <stdlib.h>

#include "log.h"
#include "script.h"

static void views_free(struct script *s, size_t from)
{
	for (size_t i = from; i < s->blocks.n; i++) {
		text_cache_free(&s->views[i].full);
		text_cache_free(&s->views[i].brief);
		text_cache_free(&s->views[i].minw);
	}
}

void script_show_free(struct script *s)
{
	views_free(s, 0);
	free(s->views);
	s->views = NULL;
	i3bar_blocks_free(&s->blocks);
	text_cache_free(&s->text);
}

int script_block_at(const struct script *s, int x)
{
	for (size_t i = 0; i < s->blocks.n; i++) {
		const struct block_view *v = &s->views[i];
		if (v->w && x >= v->x && x < v->x + v->w + v->gap)
			return (int)i;
	}
	return -1;
}

bool script_show_text(struct script *s, const char *text, bool error)
{
	bool markup = !error && s->markup;
	bool changed =
	    s->error != error || s->blocks_mode || s->text.markup != markup;
	if (changed)
		s->text.width = -1;
	s->text.markup = markup;
	s->error = error;
	s->blocks_mode = false;
	bool set = text_cache_set(&s->text, text);
	if (error && set)
		log_warn("script '%s': %s", s->command, text);
	return set || changed;
}

static void set_view(struct text_cache *t, const char *text, bool markup)
{
	if (t->markup != markup)
		t->width = -1;
	t->markup = markup;
	text_cache_set(t, text ? text : "");
}

/* The texts of each block are measured again only when they changed. */
bool script_show_blocks(struct script *s, struct i3bar_blocks *got)
{
	if (!s->error && s->blocks_mode &&
	    i3bar_blocks_equal(&s->blocks, got)) {
		i3bar_blocks_free(got);
		return false;
	}
	struct block_view *v = s->views;
	if (got->n != s->blocks.n) {
		views_free(s, got->n);
		v = got->n ? realloc(s->views, got->n * sizeof(*v)) : NULL;
		if (got->n && !v) {
			i3bar_blocks_free(got);
			return script_show_text(s, "out of memory", true);
		}
		for (size_t i = s->blocks.n; i < got->n; i++)
			v[i] = (struct block_view){0};
		if (!got->n)
			free(s->views);
		s->views = v;
	}
	for (size_t i = 0; i < got->n; i++) {
		const struct i3bar_block *b = &got->v[i];
		set_view(&v[i].full, b->full_text, b->markup);
		set_view(&v[i].brief, b->short_text, b->markup);
		set_view(&v[i].minw, b->min_width_text, false);
	}
	i3bar_blocks_free(&s->blocks);
	s->blocks = *got;
	*got = (struct i3bar_blocks){0};
	s->error = false;
	s->blocks_mode = true;
	return true;
}

/* Pango markup leaves its attributes on the bar's shared layout, where
 * the next plain text would take them: start and end clean. */
static void layout_clean(const struct draw_ctx *d)
{
	pango_layout_set_attributes(d->layout, NULL);
}

static int px(const struct draw_ctx *d, int n)
{
	return (int)(n * d->scale + 0.5);
}

static struct text_cache *block_text(struct script *s, size_t i)
{
	return s->use_short && s->blocks.v[i].short_text ? &s->views[i].brief
							 : &s->views[i].full;
}

/* Room between a box (background, border) and its text. */
static int box_pad(const struct draw_ctx *d, const struct i3bar_block *b)
{
	return b->has_background || b->has_border || b->urgent ? px(d, 4) : 0;
}

static int border(const struct draw_ctx *d, const struct i3bar_block *b, int w)
{
	return b->has_border ? px(d, w) : 0;
}

/* Each block's width and gap; their sum. An empty block takes none. */
static int blocks_width(struct script *s, const struct draw_ctx *d)
{
	int total = 0;
	struct block_view *last = NULL;
	for (size_t i = 0; i < s->blocks.n; i++) {
		const struct i3bar_block *b = &s->blocks.v[i];
		struct block_view *v = &s->views[i];
		int tw = text_cache_width(block_text(s, i), d);
		int mw = b->min_width_text ? text_cache_width(&v->minw, d)
					   : px(d, b->min_width);
		v->w = v->gap = 0;
		if (!tw)
			continue;
		v->w = border(d, b, b->border_left) + 2 * box_pad(d, b) +
		       (tw > mw ? tw : mw) + border(d, b, b->border_right);
		v->gap = px(d, b->separator_block_width);
		total += v->w + v->gap;
		last = v;
	}
	if (last) {
		total -= last->gap;
		last->gap = 0;
	}
	return total;
}

int script_measure(void *self, const struct draw_ctx *d)
{
	struct script *s = self;
	s->height = d->height;
	layout_clean(d);
	int w;
	if (!s->blocks_mode || s->error) {
		w = text_cache_width(&s->text, d);
	} else {
		s->use_short = false;
		w = blocks_width(s, d);
		if (s->max_width && w > px(d, s->max_width)) {
			s->use_short = true;
			w = blocks_width(s, d);
		}
	}
	layout_clean(d);
	return s->measured = w ? w + 2 * d->padding : 0;
}

static void draw_box(const struct draw_ctx *d, const struct i3bar_block *b,
		     struct rect r)
{
	const struct bar_colors *c = d->colors;
	if (b->urgent || b->has_background)
		draw_fill(d, r,
			  b->urgent ? c->urgent_background : b->background);
	if (!b->has_border)
		return;
	int t = px(d, b->border_top), bo = px(d, b->border_bottom);
	int l = px(d, b->border_left), rt = px(d, b->border_right);
	draw_fill(d, (struct rect){r.x, r.y, r.w, t}, b->border);
	draw_fill(d, (struct rect){r.x, r.y + r.h - bo, r.w, bo}, b->border);
	draw_fill(d, (struct rect){r.x, r.y, l, r.h}, b->border);
	draw_fill(d, (struct rect){r.x + r.w - rt, r.y, rt, r.h}, b->border);
}

static void draw_block(struct script *s, const struct draw_ctx *d, size_t i,
		       int x)
{
	const struct i3bar_block *b = &s->blocks.v[i];
	const struct block_view *v = &s->views[i];
	const struct bar_colors *c = d->colors;
	int inset = px(d, 1);
	draw_box(d, b, (struct rect){x, inset, v->w, d->height - 2 * inset});
	struct text_cache *t = block_text(s, i);
	int tw = text_cache_width(t, d);
	int left = border(d, b, b->border_left) + box_pad(d, b);
	int room = v->w - left - border(d, b, b->border_right) - box_pad(d, b);
	int tx = x + left;
	if (b->align == I3BAR_ALIGN_CENTER)
		tx += (room - tw) / 2;
	else if (b->align == I3BAR_ALIGN_RIGHT)
		tx += room - tw;
	draw_text(d, t, tx, 0, tw,
		  b->urgent	 ? c->urgent_foreground
		  : b->has_color ? b->color
				 : c->foreground);
	if (v->gap && b->separator) {
		int margin = px(d, 4);
		draw_fill(d,
			  (struct rect){x + v->w + v->gap / 2, margin, px(d, 1),
					d->height - 2 * margin},
			  c->dim);
	}
}

void script_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct script *s = self;
	s->drawn_x = r.x;
	s->height = d->height;
	layout_clean(d);
	if (!s->blocks_mode || s->error) {
		uint32_t fg = d->colors->foreground;
		if (s->error) {
			draw_fill(d, r, d->colors->urgent_background);
			fg = d->colors->urgent_foreground;
		}
		draw_text(d, &s->text, r.x + d->padding, 0,
			  r.w - 2 * d->padding, fg);
		layout_clean(d);
		return;
	}
	int x = r.x + d->padding;
	/* Cut at the start, as plain text is (cut_start): the last blocks
	 * stay whole, the first ones go, clipped at the cell's edge. */
	if (d->cut_start && r.w < s->measured)
		x += r.w - s->measured;
	for (size_t i = 0; i < s->blocks.n; i++) {
		struct block_view *v = &s->views[i];
		if (!v->w)
			continue;
		v->x = x - r.x;
		draw_block(s, d, i, x);
		x += v->w + v->gap;
	}
	layout_clean(d);
}
