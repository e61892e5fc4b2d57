/* keys.c: the keyboard through libxkbcommon-x11: keymap, grabs, lookup. */
#include <stdlib.h>
#include <xcb/xkb.h>
#include <xkbcommon/xkbcommon-x11.h>

#include "keyparse.h"
#include "log.h"
#include "wm.h"
#include "x.h"

/* Which real modifier NumLock is on: a startup-time round trip. */
static uint16_t find_numlock(struct xconn *x)
{
	xcb_get_modifier_mapping_reply_t *r = xcb_get_modifier_mapping_reply(
	    x->conn, xcb_get_modifier_mapping(x->conn), NULL);
	if (!r)
		return XCB_MOD_MASK_2;
	xcb_keycode_t *codes = xcb_get_modifier_mapping_keycodes(r);
	uint16_t mask = 0;
	for (int mod = 0; mod < 8 && !mask; mod++)
		for (int k = 0; k < r->keycodes_per_modifier; k++) {
			xcb_keycode_t code =
			    codes[mod * r->keycodes_per_modifier + k];
			if (code && key_makes(x->kb.keymap, code, 0, 0, 1,
					      XKB_KEY_Num_Lock))
				mask = (uint16_t)(1 << mod);
		}
	free(r);
	return mask ? mask : XCB_MOD_MASK_2;
}

bool keys_init(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct keyboard *kb = &x->kb;
	if (!xkb_x11_setup_xkb_extension(x->conn, XKB_X11_MIN_MAJOR_XKB_VERSION,
					 XKB_X11_MIN_MINOR_XKB_VERSION,
					 XKB_X11_SETUP_XKB_EXTENSION_NO_FLAGS,
					 NULL, NULL, &kb->xkb_event_base,
					 NULL)) {
		log_error("the X server has no XKB extension");
		return false;
	}
	kb->ctx = xkb_context_new(XKB_CONTEXT_NO_FLAGS);
	kb->device = xkb_x11_get_core_keyboard_device_id(x->conn);
	if (!kb->ctx || kb->device < 0) {
		log_error("cannot read the keyboard");
		return false;
	}
	uint16_t events = XCB_XKB_EVENT_TYPE_NEW_KEYBOARD_NOTIFY |
			  XCB_XKB_EVENT_TYPE_MAP_NOTIFY;
	xcb_xkb_select_events(x->conn, XCB_XKB_ID_USE_CORE_KBD, events, 0,
			      events, 0xff, 0xff, NULL);
	keys_reload_keymap(wm);
	return kb->keymap != NULL;
}

void keys_reload_keymap(struct wm *wm)
{
	struct xconn *x = wm->x;
	x->kb.stale = false;
	struct xkb_keymap *km = xkb_x11_keymap_new_from_device(
	    x->kb.ctx, x->conn, x->kb.device, XKB_KEYMAP_COMPILE_NO_FLAGS);
	if (!km) {
		log_warn("could not read the new keymap; keeping the old one");
		return;
	}
	xkb_keymap_unref(x->kb.keymap);
	x->kb.keymap = km;
	x->kb.numlock = find_numlock(x);
	x->grabs_dirty = true;
}

void keys_finish(struct keyboard *kb)
{
	xkb_keymap_unref(kb->keymap);
	xkb_context_unref(kb->ctx);
	free(kb->grabs);
	kb->keymap = NULL;
	kb->ctx = NULL;
	kb->grabs = NULL;
	kb->ngrabs = kb->grabs_cap = 0;
}

static void grab_code(struct xconn *x, xcb_keycode_t code, uint16_t mods)
{
	const uint16_t extra[] = {
	    0, XCB_MOD_MASK_LOCK, x->kb.numlock,
	    (uint16_t)(x->kb.numlock | XCB_MOD_MASK_LOCK)};
	for (size_t i = 0; i < sizeof(extra) / sizeof(*extra); i++)
		xcb_grab_key(x->conn, 1, x->root, mods | extra[i], code,
			     XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
}

/* The bindings no key means are logged at debug level, one line each, and
 * once at the default level for as long as the same ones stay unbound: a
 * keyboard layout that leaves keys dead should not go unnoticed. */
static void report_unbound(struct keyboard *kb, const struct mode *mode)
{
	size_t unbound = 0, first = 0;
	for (size_t b = 0; b < mode->nbindings; b++) {
		size_t g = 0;
		while (g < kb->ngrabs && kb->grabs[g].binding != b)
			g++;
		if (g < kb->ngrabs)
			continue;
		log_debug("no key on this keyboard for '%s'",
			  mode->bindings[b].command);
		if (!unbound++)
			first = b;
	}
	if (!unbound ||
	    (kb->warned_bindings == mode->bindings &&
	     kb->warned_n == mode->nbindings && kb->warned_unbound == unbound &&
	     kb->warned_first == first))
		return;
	kb->warned_bindings = mode->bindings;
	kb->warned_n = mode->nbindings;
	kb->warned_unbound = unbound;
	kb->warned_first = first;
	log_warn("no key on this keyboard for %zu binding%s of mode '%s' "
		 "('%s'%s); CTILE_LOG=debug lists them",
		 unbound, unbound == 1 ? "" : "s", mode->name,
		 mode->bindings[first].command, unbound > 1 ? ", ..." : "");
}

/* Grab the keys the current mode's bindings resolve to on this keymap;
 * the resolved table is what keys_lookup matches presses against. */
void keys_grab(struct wm *wm)
{
	struct xconn *x = wm->x;
	struct keyboard *kb = &x->kb;
	const struct mode *mode = wm_mode(wm);
	xcb_ungrab_key(x->conn, XCB_GRAB_ANY, x->root, XCB_MOD_MASK_ANY);
	if (!key_resolve(kb->keymap, mode->bindings, mode->nbindings,
			 &kb->grabs, &kb->ngrabs, &kb->grabs_cap))
		log_error("out of memory: some key bindings are not grabbed");
	for (size_t g = 0; g < kb->ngrabs; g++)
		grab_code(x, kb->grabs[g].code, kb->grabs[g].mods);
	report_unbound(kb, mode);
	x->grabs_dirty = false;
	wm->bindings_dirty = false;
}

/* By the grabbed key and modifiers, not the keysym: a binding that fell
 * back to a key's other level must not need that level's modifiers. */
const char *keys_lookup(struct wm *wm, xcb_keycode_t code, uint16_t state)
{
	struct xconn *x = wm->x;
	if (x->grabs_dirty || wm->bindings_dirty)
		keys_grab(wm); /* the table follows the keymap and the mode */
	uint16_t mods = state & X_BINDING_MODS & ~x->kb.numlock;
	const struct mode *mode = wm_mode(wm);
	for (size_t g = 0; g < x->kb.ngrabs; g++) {
		const struct key_grab *grab = &x->kb.grabs[g];
		if (grab->code == code && grab->mods == mods &&
		    grab->binding < mode->nbindings)
			return mode->bindings[grab->binding].command;
	}
	return NULL;
}
