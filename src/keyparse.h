/* keyparse.h: "Mod4+Shift+Return" -> X modifier mask and keysym, and the
 * keys of a keymap that a binding means. No X connection. */
#ifndef CTILE_KEYPARSE_H
#define CTILE_KEYPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <xkbcommon/xkbcommon.h>

struct binding;

/* A key given by its X keycode, as awesome's "#10": the keysym a binding
 * holds is the code with this bit set (key_parse refuses keysyms that
 * have it). */
#define KEY_CODE_BIT 0x80000000u

/* Modifier names: Shift, Control (Ctrl), Lock, Mod1 (Alt), Mod2, Mod3,
 * Mod4 (Super), Mod5; case-insensitive. The key is an xkb keysym name, or
 * # and a keycode from 8 to 255. */
bool key_parse(const char *spec, uint16_t *mods, uint32_t *keysym, char *err,
	       size_t len);

/* Only the modifiers: *key points at what follows the last one. */
bool key_parse_mods(const char *spec, uint16_t *mods, const char **key,
		    char *err, size_t len);

/* One key and modifiers to grab, and the binding it runs. */
struct key_grab {
	uint16_t mods;
	uint8_t code;
	size_t binding; /* index in the bindings given to key_resolve */
};

/* The keys of km that n bindings mean, into *grabs (grown with *cap; the
 * caller frees it), *ngrabs of them. First, for each binding, every key
 * that produces its keysym at the levels its modifiers reach (the first,
 * or the first two with Shift), in the first layout. Then, for a binding
 * no key reaches so (the digits of AZERTY, which are on the Shift level),
 * every key that produces the keysym at any level of any layout, with the
 * binding's own modifiers. A key and modifiers already taken stay with the
 * binding that took them: earlier bindings first, direct ones before the
 * fallbacks. False: out of memory (*ngrabs is what fitted). */
/* Does code produce keysym at a level from `from` to below `to` of
 * layout? */
bool key_makes(struct xkb_keymap *km, xkb_keycode_t code,
	       xkb_layout_index_t layout, xkb_level_index_t from,
	       xkb_level_index_t to, uint32_t keysym);
bool key_resolve(struct xkb_keymap *km, const struct binding *b, size_t n,
		 struct key_grab **grabs, size_t *ngrabs, size_t *cap);

#endif
