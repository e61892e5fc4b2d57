/* activate.c: swap a new config in without touching any window. */
#include "activate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "spawn.h"
#include "wm.h"

static int layout_of(const struct config *c, int tag)
{
	return c->tag_layout[tag] >= 0 ? c->tag_layout[tag]
				       : c->tag_default.layout;
}

static void apply_tag_states(struct wm *wm, const struct config *old,
			     const struct config *c, bool first)
{
	struct model *m = &wm->model;
	m->tag_default = c->tag_default;
	for (struct monitor *mon = m->mons; mon; mon = mon->next)
		for (int t = 0; t < CTILE_MAX_TAGS; t++) {
			if (first || layout_of(old, t) != layout_of(c, t))
				mon->tag[t].layout = layout_of(c, t);
			if (first) {
				mon->tag[t].mfact = c->tag_default.mfact;
				mon->tag[t].nmaster = c->tag_default.nmaster;
			}
		}
}

void activate_config(struct wm *wm, struct config *c, bool first)
{
	struct config old = wm->cfg;
	wm->cfg = *c;
	*c = (struct config){0};
	wm->target = &wm->cfg;
	model_set_ntags(&wm->model, wm->cfg.ntags);
	memcpy(wm->model.tag_names, wm->cfg.tag_names,
	       sizeof(wm->model.tag_names));
	apply_tag_states(wm, &old, &wm->cfg, first);
	config_finish(&old);
	wm->mode = 0;
	wm->bindings_dirty = true;
	wm->bars_outdated = true;
	wm->model.dirty |= DIRTY_ARRANGE | DIRTY_FOCUS | DIRTY_VIEW | DIRTY_BAR;
}

void activate_report(struct wm *wm, const struct config_errors *e)
{
	free(wm->config_problem);
	wm->config_problem = NULL;
	if (!e->n)
		return;
	config_errors_print(e, stderr);
	const struct config_error *first = &e->v[0];
	if (asprintf(&wm->config_problem, "config: %zu error%s; %s:%d: %s",
		     e->n, e->n == 1 ? "" : "s", first->file, first->line,
		     first->message ? first->message : "") < 0)
		wm->config_problem = NULL;
}

/* Without -c FILE the file is looked up again, as at start: a config
 * written after ctile started, or one since removed, counts at once. */
void activate_reload(struct wm *wm)
{
	uint64_t t0 = stats_begin();
	struct config c;
	struct config_errors errs = {0};
	char *path = config_find(wm->config_path);
	wm->reload_wanted = false;
	config_init(&c);
	int n = config_load(&c, path, &errs);
	activate_report(wm, &errs);
	if (n) {
		log_error("reload: %d error%s; the running config stays as it "
			  "was",
			  n, n == 1 ? "" : "s");
	} else {
		activate_config(wm, &c, false);
		activate_execs(wm, false);
		log_info("reloaded %s", path ? path : "the built-in config");
	}
	config_finish(&c);
	config_errors_clear(&errs);
	free(path);
	stats_end(&wm->stats.reload, t0);
}

void activate_execs(struct wm *wm, bool session_start)
{
	for (size_t i = 0; session_start && i < wm->cfg.nexec; i++)
		spawn(wm->cfg.exec[i]);
	for (size_t i = 0; i < wm->cfg.nexec_always; i++)
		spawn(wm->cfg.exec_always[i]);
}
