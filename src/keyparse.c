/* keyparse.c: parse the MODS+KEY part of a binding with xkbcommon's names. */
#include "keyparse.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xcb/xproto.h>
#include <xkbcommon/xkbcommon.h>

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
	xkb_keysym_t sym = xkb_keysym_from_name(part, XKB_KEYSYM_NO_FLAGS);
	if (sym == XKB_KEY_NoSymbol)
		sym = xkb_keysym_from_name(part, XKB_KEYSYM_CASE_INSENSITIVE);
	if (sym == XKB_KEY_NoSymbol) {
		snprintf(err, len, "unknown key '%.64s'", part);
		return false;
	}
	*keysym = sym;
	return true;
}
