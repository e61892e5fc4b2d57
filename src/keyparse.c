/* keyparse.c: a binding's MODS+KEY, parsed with xkbcommon's names, and
 * resolved to the keys of a keymap. */
#include "keyparse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xcb/xproto.h>
#include <xkbcommon/xkbcommon.h>

#include "config.h"

static const struct {
	const char *name;
	uint16_t mask;
} modifier_names[] = {
    {"Shift", XCB_MOD_MASK_SHIFT},  {"Control", XCB_MOD_MASK_CONTROL},
    {"Ctrl", XCB_MOD_MASK_CONTROL}, {"Lock", XCB_MOD_MASK_LOCK},
    {"Mod1", XCB_MOD_MASK_1},	    {"Alt", XCB_MOD_MASK_1},
    {"Mod2", XCB_MOD_MASK_2},	    {"Mod3", XCB_MOD_MASK_3},
    {"Mod4", XCB_MOD_MASK_4},	    {"Super", XCB_MOD_MASK_4},
    {"Mod5", XCB_MOD_MASK_5},
};

static bool modifier_parse(const char *name, size_t n, uint16_t *mask)
{
	for (size_t i = 0; i < sizeof(modifier_names) / sizeof(*modifier_names);
	     i++) {
		if (strlen(modifier_names[i].name) == n &&
		    strncasecmp(name, modifier_names[i].name, n) == 0) {
			*mask |= modifier_names[i].mask;
			return true;
		}
	}
	return false;
}

bool key_parse_mods(const char *spec, uint16_t *mods, const char **key,
		    char *err, size_t len)
{
	*mods = 0;
	const char *part = spec, *plus;
	/* A trailing "+" after a modifier names the plus key itself. */
	while ((plus = strchr(part, '+')) && plus[1]) {
		if (!modifier_parse(part, (size_t)(plus - part), mods)) {
			snprintf(err, len, "unknown modifier '%.*s' in '%.64s'",
				 (int)(plus - part), part, spec);
			return false;
		}
		part = plus + 1;
	}
	*key = part;
	return true;
}

/* #N: a keycode, for keys whose keysym differs between layouts. */
static bool key_parse_code(const char *part, uint32_t *keysym, char *err,
			   size_t len)
{
	char *end;
	unsigned long code = strtoul(part + 1, &end, 10);
	if (*end || code < 8 || code > 255) {
		snprintf(err, len, "keycode '%.64s' is not # and 8 to 255",
			 part);
		return false;
	}
	*keysym = KEY_CODE_BIT | (uint32_t)code;
	return true;
}

bool key_parse(const char *spec, uint16_t *mods, uint32_t *keysym, char *err,
	       size_t len)
{
	const char *part;
	if (!key_parse_mods(spec, mods, &part, err, len))
		return false;
	size_t n = strlen(part);
	if (!n || (n > 1 && part[n - 1] == '+')) {
		snprintf(err, len, "no key in '%.64s'", spec);
		return false;
	}
	if (!strcmp(part, "+"))
		part = "plus";
	if (part[0] == '#' && isdigit((unsigned char)part[1]))
		return key_parse_code(part, keysym, err, len);
	xkb_keysym_t sym = xkb_keysym_from_name(part, XKB_KEYSYM_NO_FLAGS);
	if (sym == XKB_KEY_NoSymbol)
		sym = xkb_keysym_from_name(part, XKB_KEYSYM_CASE_INSENSITIVE);
	/* Hex names (0x80000010) reach past the keysym range, where
	 * KEY_CODE_BIT marks a keycode: not keys. */
	if (sym == XKB_KEY_NoSymbol || sym > 0x1fffffff) {
		snprintf(err, len, "unknown key '%.64s'", part);
		return false;
	}
	*keysym = sym;
	return true;
}

bool key_makes(struct xkb_keymap *km, xkb_keycode_t code,
	       xkb_layout_index_t layout, xkb_level_index_t from,
	       xkb_level_index_t to, uint32_t keysym)
{
	xkb_level_index_t levels =
	    xkb_keymap_num_levels_for_key(km, code, layout);
	for (xkb_level_index_t level = from; level < to && level < levels;
	     level++) {
		const xkb_keysym_t *syms;
		int n = xkb_keymap_key_get_syms_by_level(km, code, layout,
							 level, &syms);
		for (int i = 0; i < n; i++)
			if (syms[i] == keysym)
				return true;
	}
	return false;
}

/* At the levels its modifiers reach (pass 0), or anywhere (pass 1). */
static bool key_means(struct xkb_keymap *km, xkb_keycode_t code,
		      const struct binding *b, int pass)
{
	if (b->keysym & KEY_CODE_BIT)
		return pass == 0 && code == (b->keysym & 0xff);
	if (pass == 0)
		return key_makes(km, code, 0, 0,
				 (b->mods & XCB_MOD_MASK_SHIFT) ? 2 : 1,
				 b->keysym);
	xkb_layout_index_t layouts = xkb_keymap_num_layouts_for_key(km, code);
	for (xkb_layout_index_t layout = 0; layout < layouts; layout++)
		if (key_makes(km, code, layout, 0, XKB_LEVEL_INVALID,
			      b->keysym))
			return true;
	return false;
}

/* Some key means b at the levels its modifiers reach: no fallback. */
static bool reached(struct xkb_keymap *km, const struct binding *b,
		    xkb_keycode_t min, xkb_keycode_t max)
{
	for (xkb_keycode_t code = min; code <= max; code++)
		if (key_means(km, code, b, 0))
			return true;
	return false;
}

static bool grab_taken(const struct key_grab *g, size_t n, uint8_t code,
		       uint16_t mods)
{
	for (size_t i = 0; i < n; i++)
		if (g[i].code == code && g[i].mods == mods)
			return true;
	return false;
}

static bool grab_add(struct key_grab **grabs, size_t *n, size_t *cap,
		     struct key_grab g)
{
	if (*n == *cap) {
		size_t want = *cap ? *cap * 2 : 64;
		struct key_grab *grown = realloc(*grabs, want * sizeof(*grown));
		if (!grown)
			return false;
		*grabs = grown;
		*cap = want;
	}
	(*grabs)[(*n)++] = g;
	return true;
}

bool key_resolve(struct xkb_keymap *km, const struct binding *b, size_t n,
		 struct key_grab **grabs, size_t *ngrabs, size_t *cap)
{
	*ngrabs = 0;
	xkb_keycode_t min = xkb_keymap_min_keycode(km);
	xkb_keycode_t max = xkb_keymap_max_keycode(km);
	if (min < 8)
		min = 8;
	if (max > 255) /* the core protocol's keycodes end there */
		max = 255;
	/* Keys named directly first, the later binding of a key winning (a
	 * later bind replaces an earlier one: `bind $mod+#10 ...` after
	 * the default's $mod+1); then the fallbacks, in order. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t j = 0; j < n; j++) {
			size_t i = pass == 0 ? n - 1 - j : j;
			if (pass == 1 && reached(km, &b[i], min, max))
				continue;
			for (xkb_keycode_t code = min; code <= max; code++) {
				struct key_grab g = {b[i].mods, (uint8_t)code,
						     i};
				if (!key_means(km, code, &b[i], pass) ||
				    grab_taken(*grabs, *ngrabs, g.code, g.mods))
					continue;
				if (!grab_add(grabs, ngrabs, cap, g))
					return false;
			}
		}
	}
	return true;
}
