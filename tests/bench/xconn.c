/* xconn.c: the generator's X connection: atoms, keys, requests it sends. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xcb/xtest.h>

#include "bench.h"

static const char *const atom_names[A_COUNT] = {
    [A_NET_CURRENT_DESKTOP] = "_NET_CURRENT_DESKTOP",
    [A_NET_SUPPORTING_WM_CHECK] = "_NET_SUPPORTING_WM_CHECK",
    [A_NET_CLIENT_LIST] = "_NET_CLIENT_LIST",
    [A_NET_NUMBER_OF_DESKTOPS] = "_NET_NUMBER_OF_DESKTOPS",
    [A_NET_WM_NAME] = "_NET_WM_NAME",
    [A_UTF8_STRING] = "UTF8_STRING",
    [A_WM_PROTOCOLS] = "WM_PROTOCOLS",
    [A_WM_DELETE_WINDOW] = "WM_DELETE_WINDOW",
    [A_CTILE_SYNC] = "_CTILE_SYNC",
    [A_CTILE_STATS] = "_CTILE_STATS",
};

/* Keysyms of the keys we press: Super_L, Alt_L, Shift_L, b, r, 1, 2. */
static const uint32_t key_syms[K_COUNT] = {
    [K_SUPER] = 0xffeb, [K_ALT] = 0xffe9, [K_SHIFT] = 0xffe1, [K_B] = 'b',
    [K_R] = 'r',	[K_1] = '1',	  [K_2] = '2',
};

uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void sleep_ms(double ms)
{
	if (ms <= 0)
		return;
	struct timespec ts = {(time_t)(ms / 1000),
			      (long)((ms - (time_t)(ms / 1000) * 1000) * 1e6)};
	while (nanosleep(&ts, &ts) != 0)
		;
}

static void find_keys(struct bx *bx)
{
	const xcb_setup_t *s = xcb_get_setup(bx->c);
	int count = s->max_keycode - s->min_keycode + 1;
	xcb_get_keyboard_mapping_reply_t *r = xcb_get_keyboard_mapping_reply(
	    bx->c, xcb_get_keyboard_mapping(bx->c, s->min_keycode, count),
	    NULL);
	if (!r)
		return;
	xcb_keysym_t *syms = xcb_get_keyboard_mapping_keysyms(r);
	int per = r->keysyms_per_keycode;
	for (int k = 0; k < K_COUNT; k++)
		for (int i = 0; i < count && !bx->key[k]; i++)
			if (per > 0 && syms[i * per] == key_syms[k])
				bx->key[k] =
				    (xcb_keycode_t)(s->min_keycode + i);
	free(r);
}

bool bx_open(struct bx *bx, const char *display)
{
	int screen = 0;
	memset(bx, 0, sizeof(*bx));
	bx->c = xcb_connect(display, &screen);
	if (xcb_connection_has_error(bx->c))
		return false;
	xcb_screen_iterator_t it =
	    xcb_setup_roots_iterator(xcb_get_setup(bx->c));
	for (; it.rem && screen > 0; screen--)
		xcb_screen_next(&it);
	bx->screen = it.data;
	bx->root = bx->screen->root;
	bx->sw = bx->screen->width_in_pixels;
	bx->sh = bx->screen->height_in_pixels;
	xcb_intern_atom_cookie_t ck[A_COUNT];
	for (int i = 0; i < A_COUNT; i++)
		ck[i] = xcb_intern_atom(bx->c, 0, strlen(atom_names[i]),
					atom_names[i]);
	for (int i = 0; i < A_COUNT; i++) {
		xcb_intern_atom_reply_t *r =
		    xcb_intern_atom_reply(bx->c, ck[i], NULL);
		bx->atom[i] = r ? r->atom : XCB_NONE;
		free(r);
	}
	const xcb_query_extension_reply_t *ext =
	    xcb_get_extension_data(bx->c, &xcb_test_id);
	bx->have_xtest = ext && ext->present;
	find_keys(bx);
	/* Root property changes tell us about _NET_CLIENT_LIST. */
	uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
	xcb_change_window_attributes(bx->c, bx->root, XCB_CW_EVENT_MASK, &mask);
	bx->own = xcb_generate_id(bx->c);
	xcb_create_window(bx->c, XCB_COPY_FROM_PARENT, bx->own, bx->root, -10,
			  -10, 1, 1, 0, XCB_WINDOW_CLASS_INPUT_ONLY,
			  XCB_COPY_FROM_PARENT, 0, NULL);
	xcb_flush(bx->c);
	return true;
}

void bx_close(struct bx *bx)
{
	if (bx->c)
		xcb_disconnect(bx->c);
	bx->c = NULL;
}

/* Press the keys in order, then release them in reverse order. */
void bx_key(struct bx *bx, const enum key_id *keys, int n)
{
	for (int i = 0; i < n; i++)
		xcb_test_fake_input(bx->c, XCB_KEY_PRESS, bx->key[keys[i]],
				    XCB_CURRENT_TIME, bx->root, 0, 0, 0);
	for (int i = n - 1; i >= 0; i--)
		xcb_test_fake_input(bx->c, XCB_KEY_RELEASE, bx->key[keys[i]],
				    XCB_CURRENT_TIME, bx->root, 0, 0, 0);
}

static void root_message(struct bx *bx, xcb_window_t win, xcb_atom_t type,
			 uint32_t d0, uint32_t d1)
{
	xcb_client_message_event_t ev = {
	    .response_type = XCB_CLIENT_MESSAGE,
	    .format = 32,
	    .window = win,
	    .type = type,
	};
	ev.data.data32[0] = d0;
	ev.data.data32[1] = d1;
	xcb_send_event(bx->c, 0, bx->root,
		       XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT |
			   XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY,
		       (const char *)&ev);
}

/* EWMH: data[0] the desktop, data[1] the timestamp (none). */
void bx_send_desktop(struct bx *bx, uint32_t desk)
{
	root_message(bx, bx->root, bx->atom[A_NET_CURRENT_DESKTOP], desk,
		     XCB_CURRENT_TIME);
}

/* ctile answers with the same message to our window. */
void bx_send_sync(struct bx *bx, uint32_t serial)
{
	root_message(bx, bx->root, bx->atom[A_CTILE_SYNC], bx->own, serial);
}

/* ctile answers by setting the root's _CTILE_STATS; redraw: after a timed
 * full redraw of every bar. */
void bx_send_stats(struct bx *bx, bool redraw)
{
	root_message(bx, bx->root, bx->atom[A_CTILE_STATS], redraw, 0);
}

/* Someone holds SubstructureRedirect on the root. */
bool bx_wm_running(struct bx *bx)
{
	xcb_get_window_attributes_reply_t *r = xcb_get_window_attributes_reply(
	    bx->c, xcb_get_window_attributes(bx->c, bx->root), NULL);
	bool yes =
	    r && (r->all_event_masks & XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT);
	free(r);
	return yes;
}

bool bx_root_prop_set(struct bx *bx, enum atom_id a)
{
	xcb_get_property_reply_t *r = xcb_get_property_reply(
	    bx->c,
	    xcb_get_property(bx->c, 0, bx->root, bx->atom[a], XCB_ATOM_ANY, 0,
			     1),
	    NULL);
	bool yes = r && r->type != XCB_NONE && r->value_len > 0;
	free(r);
	return yes;
}

/* The number of 32-bit values in a root property (-1: none). A list
 * property counts entries, a single cardinal is read as its value. */
int bx_root_cardinals(struct bx *bx, enum atom_id a)
{
	xcb_get_property_reply_t *r = xcb_get_property_reply(
	    bx->c,
	    xcb_get_property(bx->c, 0, bx->root, bx->atom[a], XCB_ATOM_ANY, 0,
			     4096),
	    NULL);
	int n = -1;
	if (r && r->type != XCB_NONE && r->format == 32) {
		if (a == A_NET_NUMBER_OF_DESKTOPS)
			n = r->value_len
				? (int)*(uint32_t *)xcb_get_property_value(r)
				: -1;
		else
			n = (int)r->value_len;
	}
	free(r);
	return n;
}

/* The first 32-bit value of a root property (0: none). */
uint32_t bx_root_value(struct bx *bx, enum atom_id a)
{
	xcb_get_property_reply_t *r = xcb_get_property_reply(
	    bx->c,
	    xcb_get_property(bx->c, 0, bx->root, bx->atom[a], XCB_ATOM_ANY, 0,
			     1),
	    NULL);
	uint32_t v = 0;
	if (r && r->format == 32 && r->value_len > 0)
		v = *(uint32_t *)xcb_get_property_value(r);
	free(r);
	return v;
}

/* A root text property, NUL-terminated (cut to fit len); false when
 * there is none. */
bool bx_root_text(struct bx *bx, enum atom_id a, char *buf, size_t len)
{
	xcb_get_property_reply_t *r = xcb_get_property_reply(
	    bx->c,
	    xcb_get_property(bx->c, 0, bx->root, bx->atom[a], XCB_ATOM_ANY, 0,
			     (uint32_t)(len / 4)),
	    NULL);
	bool ok = r && r->format == 8 && len > 0;
	if (ok) {
		size_t n = (size_t)xcb_get_property_value_length(r);
		n = n < len - 1 ? n : len - 1;
		memcpy(buf, xcb_get_property_value(r), n);
		buf[n] = '\0';
	}
	free(r);
	return ok;
}

void bx_delete_root_prop(struct bx *bx, enum atom_id a)
{
	xcb_delete_property(bx->c, bx->root, bx->atom[a]);
}

static void set_string(struct bx *bx, xcb_window_t w, xcb_atom_t prop,
		       xcb_atom_t type, const char *s, size_t len)
{
	xcb_change_property(bx->c, XCB_PROP_MODE_REPLACE, w, prop, type, 8,
			    (uint32_t)len, s);
}

/* A plain application window: a background, a class whose instance says
 * its tag (WM rules can use it), a title, WM_DELETE_WINDOW. Unmapped. */
xcb_window_t bx_create(struct bx *bx, int x, int y, int w, int h,
		       const char *instance)
{
	xcb_window_t id = xcb_generate_id(bx->c);
	uint32_t values[] = {bx->screen->white_pixel,
			     XCB_EVENT_MASK_STRUCTURE_NOTIFY};
	xcb_create_window(bx->c, XCB_COPY_FROM_PARENT, id, bx->root, (int16_t)x,
			  (int16_t)y, (uint16_t)w, (uint16_t)h, 0,
			  XCB_WINDOW_CLASS_INPUT_OUTPUT,
			  bx->screen->root_visual,
			  XCB_CW_BACK_PIXEL | XCB_CW_EVENT_MASK, values);
	char cls[64];
	size_t il = strlen(instance);
	memcpy(cls, instance, il + 1);
	memcpy(cls + il + 1, "CtBench", 8);
	set_string(bx, id, XCB_ATOM_WM_CLASS, XCB_ATOM_STRING, cls, il + 9);
	set_string(bx, id, XCB_ATOM_WM_NAME, XCB_ATOM_STRING, "bench", 5);
	set_string(bx, id, bx->atom[A_NET_WM_NAME], bx->atom[A_UTF8_STRING],
		   "bench", 5);
	xcb_change_property(bx->c, XCB_PROP_MODE_REPLACE, id,
			    bx->atom[A_WM_PROTOCOLS], XCB_ATOM_ATOM, 32, 1,
			    &bx->atom[A_WM_DELETE_WINDOW]);
	return id;
}
