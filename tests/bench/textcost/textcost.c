/*
 * textcost: what drawing the bar's text costs in memory, for each text
 * stack ctile could draw it with. The bench's RSS figure for ctile with its
 * default bar is mostly libraries mapped in; this says how much of that is
 * the choice of pango, without changing ctile.
 *
 * One source, built once per stack (tests/bench/bench.mk, `textcost`), each
 * build linked against ctile's other libraries plus that stack:
 *   TEXT_PANGO     pango on cairo, what ctile uses: shaping, bidi, font
 *                  fallback, markup, ellipsizing
 *   TEXT_HARFBUZZ  harfbuzz shaping onto cairo glyphs: one font, no
 *                  fallback, no bidi, no markup
 *   TEXT_CAIRO     cairo's own text calls: one font, no shaping at all
 * Each draws the default bar's kind of text a few times onto a cairo-xcb
 * pixmap, as ctile's bar does, then prints its VmRSS.
 */
#include <cairo-xcb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xcb/xcb.h>

#if defined(TEXT_PANGO)
#include <pango/pangocairo.h>
#define STACK "pango"
#elif defined(TEXT_HARFBUZZ)
#include <cairo-ft.h>
#include <hb-ft.h>
#define STACK "harfbuzz"
#elif defined(TEXT_CAIRO)
#define STACK "cairo"
#else
#error "build with TEXT_PANGO, TEXT_HARFBUZZ or TEXT_CAIRO"
#endif

enum { BAR_W = 1280, BAR_H = 20, ROUNDS = 3 };

/* ctile's default font, at 96 dpi. */
#define FAMILY "DejaVu Sans"
#define POINTS 10.0
#define PIXELS (POINTS * 96.0 / 72.0)

static const char *const texts[] = {
    "1  2  3  4  5  6  7  8  9  []=",
    "xterm: ~/src/ctile (main) make check",
    "cpu 5%  mem 31%  vol 40%  bat 80%  Wed 2 Dec 16:45",
};

#if defined(TEXT_PANGO)
static PangoLayout *layout;

static void text_init(cairo_t *cr)
{
	layout = pango_cairo_create_layout(cr);
	PangoFontDescription *fd =
	    pango_font_description_from_string(FAMILY " 10");
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
}

static void text_draw(cairo_t *cr, double x, const char *s)
{
	cairo_move_to(cr, x, 2);
	pango_layout_set_text(layout, s, -1);
	pango_cairo_show_layout(cr, layout);
}
#elif defined(TEXT_HARFBUZZ)
static void text_init(cairo_t *cr)
{
	FcPattern *want = FcNameParse((const FcChar8 *)FAMILY);
	FcPatternAddDouble(want, FC_PIXEL_SIZE, PIXELS);
	FcConfigSubstitute(NULL, want, FcMatchPattern);
	FcDefaultSubstitute(want);
	FcResult res;
	FcPattern *got = FcFontMatch(NULL, want, &res);
	cairo_font_face_t *face = cairo_ft_font_face_create_for_pattern(got);
	cairo_set_font_face(cr, face);
	cairo_set_font_size(cr, PIXELS);
	cairo_font_face_destroy(face);
	FcPatternDestroy(got);
	FcPatternDestroy(want);
}

/* Shapes s with harfbuzz on the font cairo chose, draws the glyphs. */
static void text_draw(cairo_t *cr, double x, const char *s)
{
	cairo_scaled_font_t *sf = cairo_get_scaled_font(cr);
	FT_Face ft = cairo_ft_scaled_font_lock_face(sf);
	hb_font_t *font = hb_ft_font_create_referenced(ft);
	hb_buffer_t *buf = hb_buffer_create();
	hb_buffer_add_utf8(buf, s, -1, 0, -1);
	hb_buffer_guess_segment_properties(buf);
	hb_shape(font, buf, NULL, 0);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
	cairo_glyph_t *glyphs = calloc(n ? n : 1, sizeof(*glyphs));
	for (unsigned i = 0; glyphs && i < n; i++) {
		glyphs[i] = (cairo_glyph_t){info[i].codepoint,
					    x + pos[i].x_offset / 64.0, 15};
		x += pos[i].x_advance / 64.0;
	}
	if (glyphs)
		cairo_show_glyphs(cr, glyphs, (int)n);
	free(glyphs);
	hb_buffer_destroy(buf);
	hb_font_destroy(font);
	cairo_ft_scaled_font_unlock_face(sf);
}
#else
static void text_init(cairo_t *cr)
{
	cairo_select_font_face(cr, FAMILY, CAIRO_FONT_SLANT_NORMAL,
			       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, PIXELS);
}

static void text_draw(cairo_t *cr, double x, const char *s)
{
	cairo_move_to(cr, x, 15);
	cairo_show_text(cr, s);
}
#endif

static xcb_visualtype_t *root_visual(xcb_screen_t *screen)
{
	xcb_depth_iterator_t d = xcb_screen_allowed_depths_iterator(screen);
	for (; d.rem; xcb_depth_next(&d)) {
		xcb_visualtype_iterator_t v =
		    xcb_depth_visuals_iterator(d.data);
		for (; v.rem; xcb_visualtype_next(&v))
			if (v.data->visual_id == screen->root_visual)
				return v.data;
	}
	return NULL;
}

/* The resident set in KiB, as the bench reads it for a WM. */
static long vm_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

/* Draws the texts like a bar redraw, then waits until the server has it. */
static void draw_bar(xcb_connection_t *c, cairo_surface_t *s, cairo_t *cr)
{
	cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
	for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++)
		text_draw(cr, 10 + 420.0 * (double)i, texts[i]);
	cairo_surface_flush(s);
	free(xcb_get_input_focus_reply(c, xcb_get_input_focus(c), NULL));
}

int main(void)
{
	xcb_connection_t *c = xcb_connect(NULL, NULL);
	if (xcb_connection_has_error(c)) {
		fprintf(stderr, "textcost: cannot open the display\n");
		return 1;
	}
	xcb_screen_t *screen = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
	xcb_visualtype_t *visual = root_visual(screen);
	xcb_pixmap_t pix = xcb_generate_id(c);
	xcb_create_pixmap(c, screen->root_depth, pix, screen->root, BAR_W,
			  BAR_H);
	cairo_surface_t *s =
	    cairo_xcb_surface_create(c, pix, visual, BAR_W, BAR_H);
	cairo_t *cr = cairo_create(s);
	text_init(cr);
	for (int i = 0; i < ROUNDS; i++)
		draw_bar(c, s, cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "textcost: %s: %s\n", STACK,
			cairo_status_to_string(cairo_status(cr)));
		return 1;
	}
	printf("%s %.1f\n", STACK, (double)vm_rss_kib() / 1024.0);
	return 0;
}
