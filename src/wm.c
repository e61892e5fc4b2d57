/* wm.c: creation and destruction of the top-level state. */
#include "wm.h"

#include <stdlib.h>

void wm_init(struct wm *wm)
{
	*wm = (struct wm){0};
	model_init(&wm->model, 9);
	wm->settings = (struct settings){
	    .border_width = 2,
	    .color_focused = 0x5e81ac,
	    .color_normal = 0x3b4252,
	    .color_urgent = 0xbf616a,
	    .gap_inner = 0,
	    .gap_outer = 0,
	    .focus_follows_mouse = true,
	};
}

void wm_clear_bindings(struct wm *wm)
{
	for (size_t i = 0; i < wm->nbindings; i++)
		free(wm->bindings[i].command);
	free(wm->bindings);
	wm->bindings = NULL;
	wm->nbindings = 0;
	wm->bindings_dirty = true;
}

void wm_clear_vars(struct wm *wm)
{
	for (size_t i = 0; i < wm->nvars; i++) {
		free(wm->vars[i].name);
		free(wm->vars[i].value);
	}
	free(wm->vars);
	wm->vars = NULL;
	wm->nvars = 0;
}

void wm_finish(struct wm *wm)
{
	wm_clear_bindings(wm);
	wm_clear_vars(wm);
	model_finish(&wm->model);
}
