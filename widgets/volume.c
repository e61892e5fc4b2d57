/* volume.c: the default sink's volume and mute state, from PulseAudio or
 * PipeWire's pulse server, in the bar: its options, its text, and clicks
 * that mute and scroll it. What the server says, and what happens when
 * there is none, is volume_server.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "spawn.h"
#include "text_widget.h"
#include "volume_server.h"

struct volume {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format, *format_muted, *click3;
	long step, max;
	bool started;
	struct volume_server server;
};

/* -- options */

static char *dup_option(const struct widget_args *a, const char *key,
			const char *def, bool is_format, char **error)
{
	const char *v = widget_arg(a, key);
	if (!v)
		v = def;
	if (v && is_format && (*error = pactl_format_check(v)))
		return NULL;
	char *copy = v ? strdup(v) : NULL;
	if (v && !copy)
		*error = strdup("out of memory");
	return copy;
}

static void volume_free(struct volume *v)
{
	volume_server_stop(&v->server);
	free(v->format);
	free(v->format_muted);
	free(v->click3);
	text_cache_free(&v->text.text);
	free(v);
}

/* No process starts here: the config check creates and destroys widgets. */
static void *volume_create(const struct widget_args *a, char **error)
{
	struct volume *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	volume_server_init(&v->server);
	*error = NULL;
	if (!widget_arg_int(a, "step", 5, 1, &v->step, error) ||
	    !widget_arg_int(a, "max", 100, 0, &v->max, error) ||
	    !(v->format = dup_option(a, "format", "vol %v%%", true, error)) ||
	    !(v->format_muted =
		  dup_option(a, "format_muted", "vol muted", true, error))) {
		volume_free(v);
		return NULL;
	}
	v->click3 = dup_option(a, "click3", NULL, false, error);
	if (*error) {
		volume_free(v);
		return NULL;
	}
	return v;
}

/* -- the widget */

static bool volume_show(struct volume *v)
{
	const struct volume_server *s = &v->server;
	char buf[256];
	switch (s->state) {
	case VOLUME_STARTING:
		snprintf(buf, sizeof(buf), "vol …");
		break;
	case VOLUME_OK:
		pactl_format(buf, sizeof(buf),
			     s->muted ? v->format_muted : v->format, s->volume,
			     s->muted);
		break;
	case VOLUME_NO_SINK:
		snprintf(buf, sizeof(buf), "vol: no sink");
		break;
	case VOLUME_NO_SERVER:
		snprintf(buf, sizeof(buf), "no sound server");
		break;
	case VOLUME_NO_PACTL:
		snprintf(buf, sizeof(buf), "no pactl");
		break;
	case VOLUME_BROKEN:
		snprintf(buf, sizeof(buf), "vol: error");
		break;
	}
	if (!text_cache_set(&v->text.text, buf))
		return false;
	log_debug("volume: \"%s\"", v->text.text.text);
	return true;
}

/* Called once, when the widget is first due: start listening. */
static bool volume_update(void *self, const struct bar_ctx *ctx)
{
	struct volume *v = self;
	if (v->started)
		return false;
	v->started = true;
	volume_server_start(&v->server, ctx->now_ms);
	return volume_show(v);
}

static int64_t volume_next(void *self, int64_t now_ms)
{
	(void)self, (void)now_ms;
	return -1; /* everything after the start comes through poll_fd */
}

static int volume_poll_fd(void *self)
{
	struct volume *v = self;
	return volume_server_fd(&v->server);
}

static bool volume_readable(void *self, int64_t now)
{
	struct volume *v = self;
	volume_server_readable(&v->server, now);
	return volume_show(v);
}

static void run_click(const char *cmd)
{
	log_debug("volume: running %s", cmd);
	spawn(cmd);
}

static void volume_click(void *self, struct wm *wm, int button, int x,
			 uint16_t state)
{
	struct volume *v = self;
	const struct volume_server *s = &v->server;
	char cmd[128];
	(void)wm, (void)x, (void)state;
	bool live = s->state == VOLUME_OK || s->state == VOLUME_NO_SINK;
	if (button == 1 && live) {
		run_click("pactl set-sink-mute @DEFAULT_SINK@ toggle");
	} else if (button == 1 && volume_server_trouble_waits(s)) {
		/* Trying again now is what a click on the trouble asks. */
		log_debug("volume: clicked: trying again");
		volume_server_retry_now(&v->server);
	} else if (button == 3 && v->click3) {
		run_click(v->click3);
	} else if (button == 4 && live) {
		/* Up to max= and no further; the shown value follows from the
		 * server's events, not from this guess. */
		if (v->max > 0 && s->state == VOLUME_OK &&
		    s->volume + v->step > v->max) {
			if (s->volume >= v->max)
				return;
			snprintf(cmd, sizeof(cmd),
				 "pactl set-sink-volume @DEFAULT_SINK@ %ld%%",
				 v->max);
		} else {
			snprintf(cmd, sizeof(cmd),
				 "pactl set-sink-volume @DEFAULT_SINK@ +%ld%%",
				 v->step);
		}
		run_click(cmd);
	} else if (button == 5 && live) {
		snprintf(cmd, sizeof(cmd),
			 "pactl set-sink-volume @DEFAULT_SINK@ -%ld%%",
			 v->step);
		run_click(cmd);
	}
}

/* Trouble and a muted sink are drawn dim. */
static void volume_draw(void *self, const struct draw_ctx *d, struct rect r)
{
	struct volume *v = self;
	bool dim = v->server.state != VOLUME_OK || v->server.muted;
	draw_text(d, &v->text.text, r.x + d->padding, 0, r.w - 2 * d->padding,
		  dim ? d->colors->dim : d->colors->foreground);
}

static void volume_destroy(void *self)
{
	volume_free(self);
}

const struct widget_ops widget_volume = {
    .name = "volume",
    .create = volume_create,
    .update = volume_update,
    .measure = text_widget_measure,
    .draw = volume_draw,
    .click = volume_click,
    .next_wakeup_ms = volume_next,
    .destroy = volume_destroy,
    .poll_fd = volume_poll_fd,
    .readable = volume_readable,
};
