/* keyparse.h: "Mod4+Shift+Return" -> X modifier mask and keysym. No X. */
#ifndef CTILE_KEYPARSE_H
#define CTILE_KEYPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Modifier names: Shift, Control (Ctrl), Lock, Mod1 (Alt), Mod2, Mod3,
 * Mod4 (Super), Mod5; case-insensitive. The key is an xkb keysym name. */
bool key_parse(const char *spec, uint16_t *mods, uint32_t *keysym, char *err,
	       size_t len);

/* Only the modifiers: *key points at what follows the last one. */
bool key_parse_mods(const char *spec, uint16_t *mods, const char **key,
		    char *err, size_t len);

#endif
