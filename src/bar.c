/* bar.c: the bars' windows, their life, and the events they receive. */
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include <xcb/xcb_xrm.h>

#include "bar_internal.h"
#include "docks.h"
#include "log.h"
#include "systray.h"
#include "wm.h"
#include "x.h"

int64_t bar_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* HiDPI: Xft.dpi from the X resources, as GTK and Qt read it. */
static double read_dpi(struct xconn *x)
{
	double dpi = 96;
	xcb_xrm_database_t *db = xcb_xrm_database_from_default(x->conn);
	char *v = NULL;
	if (db && xcb_xrm_resource_get_string(db, "Xft.dpi", NULL, &v) == 0 &&
	    v && atof(v) >= 48 && atof(v) <= 480)
		dpi = atof(v);
	free(v);
	if (db)
		xcb_xrm_database_free(db);
	return dpi;
}

static xcb_visualtype_t *root_visual(struct xconn *x)
{
	xcb_depth_iterator_t d = xcb_screen_allowed_depths_iterator(x->screen);
	for (; d.rem; xcb_depth_next(&d)) {
		xcb_visualtype_iterator_t v =
		    xcb_depth_visuals_iterator(d.data);
		for (; v.rem; xcb_visualtype_next(&v))
			if (v.data->visual_id == x->screen->root_visual)
				return v.data;
	}
	return NULL;
}

static bool has_widgets(const struct bar_config *c)
{
	return c->nwidgets[BAR_LEFT] + c->nwidgets[BAR_CENTER] +
		   c->nwidgets[BAR_RIGHT] >
	       0;
}

/* The bar's height: as configured, else the font's line plus padding. */
static int measure_height(struct bars *bs, const struct bar_config *c)
{
	double scale = bs->dpi / 96.0;
	if (c->height > 0)
		return (int)(c->height * scale + 0.5);
	cairo_surface_t *s =
	    cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
	cairo_t *cr = cairo_create(s);
	PangoLayout *l = pango_cairo_create_layout(cr);
	pango_cairo_context_set_resolution(pango_layout_get_context(l),
					   bs->dpi);
	pango_layout_context_changed(l);
	pango_layout_set_font_description(l, bs->font);
	pango_layout_set_text(l, "Ag", -1);
	int w, h;
	pango_layout_get_pixel_size(l, &w, &h);
	g_object_unref(l);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return h + 2 * (int)(4 * scale + 0.5);
}

static void create_widgets(struct bar *b, const struct bar_config *c)
{
	for (int side = 0; side < BAR_SIDES; side++) {
		b->w[side] = calloc(c->nwidgets[side] + 1, sizeof(*b->w[side]));
		for (size_t i = 0; b->w[side] && i < c->nwidgets[side]; i++) {
			const struct widget_spec *spec = &c->widgets[side][i];
			const struct widget_ops *ops = widget_find(spec->name);
			struct widget_args a = {spec->nargs, spec->keys,
						spec->values, NULL};
			char *why = NULL;
			void *self = ops ? ops->create(&a, &why) : NULL;
			if (!self) {
				log_error("bar: %s: %s", spec->name,
					  why ? why : "cannot be created");
				free(why);
				continue;
			}
			/* Timed widgets are due at once; the others have no
			 * wake-up (a 0 would keep the timer firing). */
			b->w[side][b->n[side]++] = (struct widget_inst){
			    .ops = ops,
			    .self = self,
			    .fit = ops->fit,
			    .wake = ops->next_wakeup_ms ? 0 : -1};
		}
	}
}

struct rect bar_cut(const struct wm *wm, const struct monitor *mon,
		    struct rect work)
{
	const struct bars *bs = wm->bars;
	for (size_t i = 0; bs && i < bs->n; i++) {
		const struct bar *b = &bs->v[i];
		if (b->mon != mon || !b->visible)
			continue;
		int top = work.y, bottom = work.y + work.h;
		if (wm->cfg.bar.bottom && b->geom.y < bottom)
			bottom = b->geom.y;
		else if (!wm->cfg.bar.bottom && b->geom.y + b->geom.h > top)
			top = b->geom.y + b->geom.h;
		work.y = top;
		work.h = bottom > top ? bottom - top : 0;
	}
	return work;
}

static void bar_open(struct wm *wm, struct bars *bs, struct bar *b,
		     struct monitor *mon)
{
	struct xconn *x = wm->x;
	b->mon = mon;
	b->geom =
	    (struct rect){mon->geom.x, mon->geom.y, mon->geom.w, bs->height};
	if (wm->cfg.bar.bottom)
		b->geom.y = mon->geom.y + mon->geom.h - bs->height;
	b->win = xcb_generate_id(x->conn);
	uint32_t values[] = {x_pixel(x, bs->colors.background), 1,
			     XCB_EVENT_MASK_EXPOSURE |
				 XCB_EVENT_MASK_BUTTON_PRESS};
	xcb_create_window(
	    x->conn, XCB_COPY_FROM_PARENT, b->win, x->root, (int16_t)b->geom.x,
	    (int16_t)b->geom.y, (uint16_t)b->geom.w, (uint16_t)b->geom.h, 0,
	    XCB_WINDOW_CLASS_INPUT_OUTPUT, XCB_COPY_FROM_PARENT,
	    XCB_CW_BACK_PIXEL | XCB_CW_OVERRIDE_REDIRECT | XCB_CW_EVENT_MASK,
	    values);
	xcb_change_property(x->conn, XCB_PROP_MODE_REPLACE, b->win,
			    XCB_ATOM_WM_CLASS, XCB_ATOM_STRING, 8, 20,
			    "ctile-bar\0ctile-bar");
	xcb_ewmh_set_wm_window_type(&x->ewmh, b->win, 1,
				    &x->ewmh._NET_WM_WINDOW_TYPE_DOCK);
	b->pix = xcb_generate_id(x->conn);
	xcb_create_pixmap(x->conn, x->screen->root_depth, b->pix, b->win,
			  (uint16_t)b->geom.w, (uint16_t)b->geom.h);
	b->surface = cairo_xcb_surface_create(x->conn, b->pix, bs->visual,
					      b->geom.w, b->geom.h);
	b->cr = cairo_create(b->surface);
	b->layout = pango_cairo_create_layout(b->cr);
	pango_cairo_context_set_resolution(pango_layout_get_context(b->layout),
					   bs->dpi);
	pango_layout_context_changed(b->layout);
	pango_layout_set_font_description(b->layout, bs->font);
	create_widgets(b, &wm->cfg.bar);
	text_cache_set(&b->ellipsis, "…");
	b->visible = b->dirty = true;
	xcb_map_window(x->conn, b->win);
	work_area_update(wm);
}

static void bar_close(struct wm *wm, struct bar *b)
{
	for (int side = 0; side < BAR_SIDES; side++) {
		for (size_t i = 0; i < b->n[side]; i++)
			b->w[side][i].ops->destroy(b->w[side][i].self);
		free(b->w[side]);
	}
	text_cache_free(&b->problem);
	text_cache_free(&b->ellipsis);
	g_object_unref(b->layout);
	cairo_destroy(b->cr);
	cairo_surface_destroy(b->surface);
	xcb_free_pixmap(wm->x->conn, b->pix);
	xcb_destroy_window(wm->x->conn, b->win);
	b->visible = false;
	work_area_update(wm);
}

void bar_init(struct wm *wm)
{
	const struct bar_config *c = &wm->cfg.bar;
	if (!wm->x || wm->bars || !has_widgets(c))
		return;
	struct bars *bs = calloc(1, sizeof(*bs));
	size_t n = 0;
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		n++;
	if (!bs || !(bs->v = calloc(n, sizeof(*bs->v)))) {
		free(bs);
		log_error("bar: out of memory");
		return;
	}
	bs->dpi = read_dpi(wm->x);
	bs->font = pango_font_description_from_string(
	    c->font[0] ? c->font : wm->cfg.settings.font);
	bs->visual = root_visual(wm->x);
	bs->height = measure_height(bs, c);
	bs->padding = (int)(6 * bs->dpi / 96.0 + 0.5);
	bs->colors = (struct bar_colors){
	    c->colors[BAR_BACKGROUND],
	    c->colors[BAR_FOREGROUND],
	    c->colors[BAR_DIM],
	    c->colors[BAR_FOCUSED_BACKGROUND],
	    c->colors[BAR_FOCUSED_FOREGROUND],
	    c->colors[BAR_URGENT_BACKGROUND],
	    c->colors[BAR_URGENT_FOREGROUND],
	};
	bs->timerfd =
	    timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	bs->gc = xcb_generate_id(wm->x->conn);
	/* No GraphicsExposure/NoExpose event after each copy of the bar's
	 * pixmap: one would wake ctile again for nothing at every redraw. */
	uint32_t no_exposures = 0;
	xcb_create_gc(wm->x->conn, bs->gc, wm->x->root,
		      XCB_GC_GRAPHICS_EXPOSURES, &no_exposures);
	wm->bars = bs;
	for (struct monitor *m = wm->model.mons; m; m = m->next)
		bar_open(wm, bs, &bs->v[bs->n++], m);
}

void bar_finish(struct wm *wm)
{
	struct bars *bs = wm->bars;
	if (!bs)
		return;
	for (size_t i = 0; i < bs->n; i++)
		bar_close(wm, &bs->v[i]);
	if (bs->timerfd >= 0)
		close(bs->timerfd);
	xcb_free_gc(wm->x->conn, bs->gc);
	pango_font_description_free(bs->font);
	free(bs->v);
	free(bs);
	wm->bars = NULL;
}

void bar_rebuild(struct wm *wm)
{
	wm->bars_outdated = false;
	systray_detach(wm); /* the tray and its icons outlive the bars */
	bar_finish(wm);
	bar_init(wm);
	systray_attach(wm);
}

void bar_show(struct wm *wm, int how)
{
	struct bars *bs = wm->bars;
	for (size_t i = 0; bs && i < bs->n; i++) {
		struct bar *b = &bs->v[i];
		if (b->mon != wm->model.selmon)
			continue;
		b->visible = how < 0 ? !b->visible : how;
		if (b->visible)
			xcb_map_window(wm->x->conn, b->win);
		else
			xcb_unmap_window(wm->x->conn, b->win);
		b->dirty = b->visible;
		work_area_update(wm);
	}
}

/* Sleep until the earliest widget wants an update; no wake-up at all
 * when none does (an idle desktop costs nothing). A hidden bar's widgets
 * are not updated, so their wake-ups would stay due and keep the timer
 * firing: they wait until the bar is shown. */
static void arm_timer(struct bars *bs)
{
	int64_t next = -1;
	for (size_t i = 0; i < bs->n; i++)
		for (int side = 0; side < BAR_SIDES && bs->v[i].visible; side++)
			for (size_t k = 0; k < bs->v[i].n[side]; k++) {
				int64_t w = bs->v[i].w[side][k].wake;
				if (w >= 0 && (next < 0 || w < next))
					next = w;
			}
	widget_timer_at(bs->timerfd, next);
}

void bar_refresh(struct wm *wm, unsigned dirty)
{
	struct bars *bs = wm->bars;
	if (!bs)
		return;
	int64_t now = bar_now_ms();
	for (size_t i = 0; i < bs->n; i++) {
		struct bar *b = &bs->v[i];
		if (bar_update(wm, b, dirty, now) || b->dirty)
			bar_draw(wm, b);
	}
	bs->timer_due = false;
	arm_timer(bs);
}

bool bar_redraw_all(struct wm *wm)
{
	struct bars *bs = wm->bars;
	bool drawn = false;
	for (size_t i = 0; bs && i < bs->n; i++) {
		drawn |= bs->v[i].visible;
		bs->v[i].dirty = true; /* in full: what the figure is about */
		bar_draw(wm, &bs->v[i]);
	}
	return drawn;
}

size_t bar_pollfds(struct wm *wm, struct pollfd *fds, size_t max)
{
	struct bars *bs = wm->bars;
	size_t n = 0;
	if (!bs || max == 0)
		return 0;
	fds[n++] = (struct pollfd){.fd = bs->timerfd, .events = POLLIN};
	for (size_t i = 0; i < bs->n; i++)
		for (int side = 0; side < BAR_SIDES; side++)
			for (size_t k = 0; k < bs->v[i].n[side] && n < max;
			     k++) {
				struct widget_inst *w = &bs->v[i].w[side][k];
				int fd = w->ops->poll_fd
					     ? w->ops->poll_fd(w->self)
					     : -1;
				if (fd >= 0)
					fds[n++] = (struct pollfd){
					    .fd = fd, .events = POLLIN};
			}
	return n;
}

/* fd is readable: the widget of b that polls it reads what is there. */
static void widget_readable(struct bar *b, int fd, int64_t now)
{
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			if (!w->ops->poll_fd || w->ops->poll_fd(w->self) != fd)
				continue;
			if (w->ops->readable(w->self, now))
				w->changed = true;
			/* What it read may move its next update (a back-off,
			 * a throttle). */
			if (w->ops->next_wakeup_ms)
				w->wake = w->ops->next_wakeup_ms(w->self, now);
		}
}

void bar_poll_ready(struct wm *wm, const struct pollfd *fds, size_t n)
{
	struct bars *bs = wm->bars;
	int64_t now = bar_now_ms();
	for (size_t f = 0; bs && f < n; f++) {
		if (!(fds[f].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (fds[f].fd == bs->timerfd) {
			uint64_t expirations;
			if (read(bs->timerfd, &expirations, 8) < 0)
				expirations = 0;
			bs->timer_due = true;
			continue;
		}
		for (size_t i = 0; i < bs->n; i++)
			widget_readable(&bs->v[i], fds[f].fd, now);
	}
}

static struct bar *bar_of(struct bars *bs, xcb_window_t win)
{
	for (size_t i = 0; bs && i < bs->n; i++)
		if (bs->v[i].win == win)
			return &bs->v[i];
	return NULL;
}

static void click(struct wm *wm, struct bar *b, xcb_button_press_event_t *ev)
{
	for (int side = 0; side < BAR_SIDES; side++)
		for (size_t k = 0; k < b->n[side]; k++) {
			struct widget_inst *w = &b->w[side][k];
			if (ev->event_x >= w->x && ev->event_x < w->x + w->w &&
			    w->ops->click) {
				/* Clicks act on this bar's monitor. */
				wm->model.selmon = b->mon;
				w->ops->click(w->self, wm, ev->detail,
					      ev->event_x - w->x, ev->state);
				b->dirty = true;
				return;
			}
		}
}

bool bar_event(struct wm *wm, xcb_generic_event_t *ev)
{
	uint8_t type = ev->response_type & 0x7f;
	struct bar *b = NULL;
	if (type == XCB_EXPOSE) {
		xcb_expose_event_t *e = (xcb_expose_event_t *)ev;
		if ((b = bar_of(wm->bars, e->window)) && e->count == 0)
			xcb_copy_area(wm->x->conn, b->pix, b->win, wm->bars->gc,
				      0, 0, 0, 0, (uint16_t)b->geom.w,
				      (uint16_t)b->geom.h);
	} else if (type == XCB_BUTTON_PRESS) {
		xcb_button_press_event_t *e = (xcb_button_press_event_t *)ev;
		if ((b = bar_of(wm->bars, e->event)))
			click(wm, b, e);
	}
	return b != NULL;
}
