/* network.c: an interface's state and receive/send rates, from the byte
 * counters in /sys/class/net sampled once an interval. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysinfo.h"
#include "text_widget.h"

struct network {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format, *format_down, *path;
	char iface[16]; /* from the config; "": the first one that is up */
	char cur[16];	/* the interface sampled last */
	long interval;	/* seconds */
	struct net_sample last;
	int64_t last_ms;
	bool have_last;
};

static void network_destroy(void *self)
{
	struct network *n = self;
	if (!n)
		return;
	free(n->format);
	free(n->format_down);
	free(n->path);
	text_cache_free(&n->text.text);
	free(n);
}

/* iface= and path=, checked; false with *error set. */
static bool network_paths(struct network *n, const struct widget_args *a,
			  char **error)
{
	/* Each checked as soon as read: an error is blamed on the option
	 * read last (widget_check). */
	const char *iface = widget_arg(a, "iface");
	if (iface && !sysinfo_iface_valid(iface)) {
		if (asprintf(error, "iface=%s is not an interface name",
			     iface) < 0)
			*error = NULL;
		return false;
	}
	const char *path = widget_arg(a, "path");
	if (path && !*path) {
		*error = strdup("path= is empty");
		return false;
	}
	snprintf(n->iface, sizeof(n->iface), "%s", iface ? iface : "");
	n->path = strdup(path ? path : "/sys/class/net");
	return n->path != NULL;
}

static void *network_create(const struct widget_args *a, char **error)
{
	struct network *n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	const char *down = widget_arg(a, "format_down");
	if (down && !sysinfo_format_check("format_down", down, "i", error)) {
		network_destroy(n);
		return NULL;
	}
	if (!sysinfo_options(a, 2, "%i %d↓ %u↑", "idu", &n->interval,
			     &n->format, error) ||
	    !network_paths(n, a, error) ||
	    !(n->format_down = strdup(down ? down : "%i down"))) {
		network_destroy(n);
		return NULL;
	}
	return n;
}

static bool network_show_down(struct network *n, const char *iface)
{
	char out[256];
	const char *vals[] = {iface};
	n->have_last = false;
	sysinfo_format(n->format_down, "i", vals, out, sizeof(out));
	return text_cache_set(&n->text.text, out);
}

/* An error instead of the rates, e.g. "net: no eth9". */
static bool network_show_error(struct network *n, const char *fmt,
			       const char *arg)
{
	char out[256];
	n->have_last = false;
	if (snprintf(out, sizeof(out), fmt, arg) < 0)
		out[0] = '\0';
	return text_cache_set(&n->text.text, out);
}

static bool network_update(void *self, const struct bar_ctx *ctx)
{
	struct network *n = self;
	char name[16], out[256], down[16], up[16];
	const char *iface = n->iface;
	if (!*iface) {
		if (sysinfo_net_default(n->path, name, sizeof(name)))
			return network_show_error(n, "net: no %s", n->path);
		if (!name[0])
			return network_show_down(n, "net");
		iface = name;
	}
	if (strcmp(iface, n->cur)) { /* another one: its own counters */
		n->have_last = false;
		snprintf(n->cur, sizeof(n->cur), "%s", iface);
	}
	struct net_sample s;
	switch (sysinfo_net_read(n->path, iface, &s)) {
	case SYSINFO_MISSING:
		return network_show_error(n, "net: no %s", iface);
	case SYSINFO_BAD:
		return network_show_error(n, "%s: no counters", iface);
	case SYSINFO_OK:
		break;
	}
	if (!s.up)
		return network_show_down(n, iface);
	int64_t ms = ctx->now_ms - n->last_ms;
	sysinfo_human(n->have_last ? sysinfo_net_rate(n->last.rx, s.rx, ms) : 0,
		      down, sizeof(down));
	sysinfo_human(n->have_last ? sysinfo_net_rate(n->last.tx, s.tx, ms) : 0,
		      up, sizeof(up));
	n->last = s;
	n->last_ms = ctx->now_ms;
	n->have_last = true;
	const char *vals[] = {iface, down, up};
	sysinfo_format(n->format, "idu", vals, out, sizeof(out));
	return text_cache_set(&n->text.text, out);
}

static int64_t network_next(void *self, int64_t now_ms)
{
	struct network *n = self;
	return widget_next_tick_ms(now_ms, (int64_t)n->interval * 1000);
}

const struct widget_ops widget_network = {
    .name = "network",
    .create = network_create,
    .update = network_update,
    .measure = text_widget_measure,
    .draw = text_widget_draw,
    .next_wakeup_ms = network_next,
    .destroy = network_destroy,
};
