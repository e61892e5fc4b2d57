/* arrange.h: model + layouts -> each client's wanted rect and visibility. */
#ifndef CTILE_ARRANGE_H
#define CTILE_ARRANGE_H

#include "model.h"
#include "wm.h"

/* Fill want and want_visible of every client. Pure: no X. */
void arrange(struct model *m, const struct settings *s);
void arrange_monitor(struct monitor *mon, const struct settings *s);

/* Whether raising c can change what the user sees. Tiles side by side
 * never cover each other, and floating and fullscreen windows stay above
 * tiled ones: a tiled window needs raising only in a layout that stacks
 * windows (monocle). Skipping the raise spares the server a restack and
 * the client a ConfigureNotify on each focus change. */
bool arrange_may_be_covered(const struct client *c);

/* Where a window stacks, bottom to top, in EWMH's order: tiles, floating
 * windows (and fullscreen ones not focused), those kept above the others,
 * and the focused fullscreen window over them all. */
enum stack_layer {
	STACK_TILED,
	STACK_FLOATING,
	STACK_ABOVE,
	STACK_FULLSCREEN,
};
/* Above or not, a tile stays a tile: it never covers floating windows. */
enum stack_layer arrange_stack_layer(const struct client *c);

/* Where a floating window goes when it has no place yet: centred. */
struct rect arrange_center(struct rect area, int w, int h);
/* Clamp r so that at least part of it stays on area. */
struct rect arrange_clamp(struct rect r, struct rect area);

#endif
