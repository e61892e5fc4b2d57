/* loop.h: the one-threaded event loop. */
#ifndef CTILE_LOOP_H
#define CTILE_LOOP_H

#include <stdbool.h>

struct wm;

/* Run until quit or restart; returns false when the X connection broke. */
bool loop_run(struct wm *wm);
/* Send every change the model's dirty bits ask for, then flush once. */
void loop_refresh(struct wm *wm);

#endif
