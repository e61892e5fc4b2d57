/* wm.c: creation and destruction of the top-level state. */
#include "wm.h"

#include <stdlib.h>

#include "docks.h"

void wm_init(struct wm *wm)
{
	*wm = (struct wm){0};
	config_init(&wm->cfg);
	wm->target = &wm->cfg;
	model_init(&wm->model, wm->cfg.ntags);
}

void wm_finish(struct wm *wm)
{
	config_finish(&wm->cfg);
	model_finish(&wm->model);
	free(wm->config_path);
	free(wm->config_problem);
	docks_free(wm);
}

const struct mode *wm_mode(const struct wm *wm)
{
	size_t m = wm->mode < wm->cfg.nmodes ? wm->mode : 0;
	return &wm->cfg.modes[m];
}
