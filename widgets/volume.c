/* volume.c: the default sink's volume and mute state, from PulseAudio or
 * PipeWire's pulse server. `pactl subscribe` runs for as long as the widget
 * lives and says when something changed; only then is the volume asked
 * (get-sink-volume and get-sink-mute, in a second child). Nothing polls.
 *
 * A widget has one fd for the loop to poll: it is an epoll set holding the
 * subscription's pipe, the query's pipe, a timerfd (the retry back-off,
 * the query's time limit) and, while there is no server, an inotify fd
 * waiting for its socket, so all of them wake the loop and none blocks.
 *
 * Without a server an idle desktop must stay asleep: when the server's
 * socket file is missing the widget waits for it to appear (no timer);
 * when it is there but nobody answers (a server starting, a stale socket)
 * it tries again with a back-off; without pactl only a click (or a config
 * reload, which makes the widgets anew) tries again. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "log.h"
#include "pactl.h"
#include "proc.h"
#include "pulse_socket.h"
#include "spawn.h"
#include "text_widget.h"

#define RETRY_FIRST_MS 2000
#define RETRY_MAX_MS   60000
#define QUERY_LIMIT_MS 10000 /* a server that hangs: give the query up */
#define LINE_MAX_BYTES 4096

#define SUBSCRIBE_CMD "exec pactl subscribe"
#define QUERY_CMD                                                              \
	"pactl get-sink-volume @DEFAULT_SINK@; "                               \
	"pactl get-sink-mute @DEFAULT_SINK@"

enum volume_state {
	VOLUME_STARTING,  /* asked, no answer yet */
	VOLUME_OK,	  /* volume and muted are known */
	VOLUME_NO_SINK,	  /* a server, but no default sink */
	VOLUME_NO_SERVER, /* the subscription ended: retrying */
	VOLUME_NO_PACTL,  /* pactl is not installed: a click retries */
	VOLUME_BROKEN,	  /* no fds to work with */
};

/* How the widget tries again after trouble. */
enum volume_retry {
	RETRY_BY_CLICK,	 /* no pactl: it seldom comes by itself */
	RETRY_BY_TIMER,	 /* the back-off, RETRY_FIRST_MS up to RETRY_MAX_MS */
	RETRY_BY_SOCKET, /* when the server's socket file appears */
};

struct volume {
	struct text_widget text; /* first: the text widget helpers use it */
	char *format, *format_muted, *click3;
	long step, max;
	bool started;
	int epoll, timer; /* -1 until started */
	struct proc sub, query;
	struct pactl_reply reply;      /* of the query in flight */
	bool query_again;	       /* an event came while it ran */
	int64_t retry_at, query_until; /* CLOCK_MONOTONIC ms; -1: none */
	int retry_ms;
	enum volume_state state;
	int volume;
	bool muted;
	bool said; /* the current trouble was logged */
	enum volume_retry said_how;
	/* Where the server's socket is; "": not one file to wait for. */
	char socket[PATH_MAX];
	struct pulse_watch watch; /* waiting for socket to appear */
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
	if (v->epoll >= 0)
		close(v->epoll);
	if (v->timer >= 0)
		close(v->timer);
	pulse_watch_stop(&v->watch);
	proc_stop(&v->sub);
	proc_stop(&v->query);
	free(v->format);
	free(v->format_muted);
	free(v->click3);
	text_cache_free(&v->text.text);
	free(v);
}

/* A misspelt option is an error, not silently the default. */
static bool known_options(const struct widget_args *a, char **error)
{
	static const char *const keys[] = {"step", "max", "format",
					   "format_muted", "click3"};
	for (size_t i = 0; a && i < a->n; i++) {
		size_t k = 0;
		while (k < sizeof(keys) / sizeof(*keys) &&
		       strcmp(keys[k], a->keys[i]))
			k++;
		if (k == sizeof(keys) / sizeof(*keys)) {
			if (asprintf(error,
				     "unknown option '%.64s' (it has step=, "
				     "max=, format=, format_muted=, click3=)",
				     a->keys[i]) < 0)
				*error = NULL;
			return false;
		}
	}
	return true;
}

/* No process starts here: the config check creates and destroys widgets. */
static void *volume_create(const struct widget_args *a, char **error)
{
	if (!known_options(a, error))
		return NULL;
	struct volume *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	*v = (struct volume){.epoll = -1,
			     .timer = -1,
			     .sub = {.out = -1, .in = -1},
			     .query = {.out = -1, .in = -1},
			     .retry_at = -1,
			     .query_until = -1,
			     .retry_ms = RETRY_FIRST_MS,
			     .watch = PULSE_WATCH_NONE};
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

/* -- the children */

static bool pactl_installed(void)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, ":");
		char file[4096];
		if (n &&
		    snprintf(file, sizeof(file), "%.*s/pactl", (int)n, p) <
			(int)sizeof(file) &&
		    access(file, X_OK) == 0)
			return true;
		p += n;
		if (*p == ':')
			p++;
	}
	return false;
}

/* pactl in English with a decimal point, whatever the user's locale. */
static bool run_pactl(struct volume *v, struct proc *p, const char *cmd)
{
	char lc_all[] = "LC_ALL=C";
	char *env[] = {lc_all, NULL};
	if (!proc_start(p, cmd, false, true, env))
		return false;
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = p->out};
	if (epoll_ctl(v->epoll, EPOLL_CTL_ADD, p->out, &ev) < 0) {
		proc_stop(p);
		return false;
	}
	return true;
}

static void end_pactl(struct volume *v, struct proc *p)
{
	if (p->out >= 0)
		epoll_ctl(v->epoll, EPOLL_CTL_DEL, p->out, NULL);
	proc_stop(p);
}

/* The one timer serves the retry and the query's limit; at most one of the
 * two is set at a time (a query runs only while subscribed). */
static void arm_timer(struct volume *v)
{
	int64_t at = v->retry_at >= 0 ? v->retry_at : v->query_until;
	struct itimerspec its = {0};
	if (at >= 0) {
		at = at < 1 ? 1 : at;
		its.it_value.tv_sec = at / 1000;
		its.it_value.tv_nsec = (at % 1000) * 1000000;
	}
	timerfd_settime(v->timer, TFD_TIMER_ABSTIME, &its, NULL);
}

static void query_start(struct volume *v, int64_t now)
{
	if (v->query.pid) {
		v->query_again = true; /* bursts: one in flight, one after */
		return;
	}
	v->query_again = false;
	pactl_reply_init(&v->reply);
	if (!run_pactl(v, &v->query, QUERY_CMD))
		return;
	v->query_until = now + QUERY_LIMIT_MS;
	arm_timer(v);
}

static void stop_watch(struct volume *v)
{
	if (v->watch.fd >= 0)
		epoll_ctl(v->epoll, EPOLL_CTL_DEL, v->watch.fd, NULL);
	pulse_watch_stop(&v->watch);
}

/* No socket file, so no server: the kernel says when one comes, which
 * costs nothing meanwhile. False if that cannot be known this way (the
 * file is there, or the path cannot be watched): then a timer. */
static bool watch_socket(struct volume *v)
{
	if (!v->socket[0] ||
	    pulse_watch_start(&v->watch, v->socket) != PULSE_WAIT_WAITING) {
		pulse_watch_stop(&v->watch);
		return false;
	}
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = v->watch.fd};
	if (epoll_ctl(v->epoll, EPOLL_CTL_ADD, v->watch.fd, &ev) < 0) {
		pulse_watch_stop(&v->watch);
		return false;
	}
	log_debug("volume: watching %.*s for %s", (int)v->watch.dir_len,
		  v->watch.path, v->watch.path);
	return true;
}

static void retry_by_timer(struct volume *v, int64_t now)
{
	v->retry_at = now + v->retry_ms;
	v->retry_ms =
	    v->retry_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : v->retry_ms * 2;
	arm_timer(v);
}

static enum volume_retry retry_later(struct volume *v, enum volume_state state,
				     int64_t now)
{
	if (state == VOLUME_NO_PACTL)
		return RETRY_BY_CLICK;
	if (watch_socket(v))
		return RETRY_BY_SOCKET;
	retry_by_timer(v, now);
	return RETRY_BY_TIMER;
}

/* Said once per trouble, not at every retry; how the retry comes may
 * change meanwhile (the socket goes or comes), which only debug says. */
static void say_trouble(struct volume *v, enum volume_state state,
			enum volume_retry how)
{
	char when[PATH_MAX + 64];
	if (how == RETRY_BY_CLICK)
		snprintf(when, sizeof(when),
			 "click the widget or reload the config to try again");
	else if (how == RETRY_BY_SOCKET)
		snprintf(when, sizeof(when), "trying again when %s appears",
			 v->socket);
	else
		snprintf(when, sizeof(when), "trying again every %d s at most",
			 RETRY_MAX_MS / 1000);
	if (state != v->state || !v->said)
		log_warn("volume: %s; %s",
			 state == VOLUME_NO_PACTL ? "pactl is not installed"
						  : "no sound server (pactl "
						    "subscribe ended)",
			 when);
	else if (how != v->said_how)
		log_debug("volume: now %s", when);
	v->said = true;
	v->said_how = how;
}

/* Trouble: say so and try again later. */
static void trouble(struct volume *v, enum volume_state state, int64_t now)
{
	end_pactl(v, &v->query);
	end_pactl(v, &v->sub);
	v->query_again = false;
	v->query_until = -1;
	arm_timer(v); /* the query's limit is no more: no wake-up for it */
	say_trouble(v, state, retry_later(v, state, now));
	v->state = state;
}

static void subscribe(struct volume *v, int64_t now)
{
	v->retry_at = -1;
	stop_watch(v);
	if (!pactl_installed()) {
		trouble(v, VOLUME_NO_PACTL, now);
		return;
	}
	log_debug("volume: listening: pactl subscribe");
	if (!run_pactl(v, &v->sub, SUBSCRIBE_CMD)) {
		trouble(v, VOLUME_NO_SERVER, now);
		return;
	}
	query_start(v, now);
}

/* The query ended (answered: its output ended; else it ran out of time
 * and what it said so far is not trusted). */
static void query_end(struct volume *v, int64_t now, bool answered)
{
	end_pactl(v, &v->query);
	v->query_until = -1;
	arm_timer(v);
	const struct pactl_reply *r = &v->reply;
	if (answered && r->volume >= 0) {
		v->state = VOLUME_OK;
		v->volume = r->volume;
		v->muted = r->mute == 1;
	} else if (answered && !r->no_server) {
		v->state = VOLUME_NO_SINK;
	} else if (answered && v->sub.pid) {
		/* No server for the query, yet the subscription lives: it may
		 * have reached a server that came just after. Not trusted
		 * without an answer (it would show "no sound server" until
		 * the next event): both go, and the retry asks again. */
		trouble(v, VOLUME_NO_SERVER, now);
		return;
	}
	if (answered && !r->no_server && v->sub.pid) {
		v->retry_ms = RETRY_FIRST_MS; /* the server answered */
		v->said = false;
	}
	if (v->query_again)
		query_start(v, now);
}

/* -- the widget */

static bool volume_show(struct volume *v)
{
	char buf[256];
	switch (v->state) {
	case VOLUME_STARTING:
		snprintf(buf, sizeof(buf), "vol …");
		break;
	case VOLUME_OK:
		pactl_format(buf, sizeof(buf),
			     v->muted ? v->format_muted : v->format, v->volume,
			     v->muted);
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
	v->epoll = epoll_create1(EPOLL_CLOEXEC);
	v->timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = v->timer};
	if (v->epoll < 0 || v->timer < 0 ||
	    epoll_ctl(v->epoll, EPOLL_CTL_ADD, v->timer, &ev) < 0) {
		log_error("volume: cannot poll: %s", strerror(errno));
		v->state = VOLUME_BROKEN;
	} else {
		if (!pulse_socket_path_here(v->socket, sizeof(v->socket)))
			v->socket[0] = '\0';
		subscribe(v, ctx->now_ms);
	}
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
	return v->state == VOLUME_BROKEN ? -1 : v->epoll;
}

/* Take every line the subscription has; false once it ended. */
static bool read_events(struct volume *v, bool *wanted)
{
	bool alive = proc_read(&v->sub, LINE_MAX_BYTES);
	for (const char *line; (line = proc_line(&v->sub));) {
		enum pactl_event e = pactl_parse_event(line);
		if (e == PACTL_EVENT_SINK || e == PACTL_EVENT_SERVER)
			*wanted = true;
	}
	return alive;
}

/* Something changed on the way to the server's socket. */
static void socket_changed(struct volume *v, int64_t now)
{
	size_t was = v->watch.dir_len;
	enum pulse_wait w = pulse_watch_read(&v->watch);
	if (w == PULSE_WAIT_WAITING) {
		if (v->watch.dir_len != was)
			log_debug("volume: watching %.*s for %s",
				  (int)v->watch.dir_len, v->watch.path,
				  v->watch.path);
	} else if (w == PULSE_WAIT_THERE) {
		/* A server starting: its back-off starts afresh. */
		log_debug("volume: %s appeared", v->socket);
		v->retry_ms = RETRY_FIRST_MS;
		subscribe(v, now);
	} else {
		stop_watch(v);
		retry_by_timer(v, now);
		say_trouble(v, v->state, RETRY_BY_TIMER);
	}
}

/* Everything readable is read: the epoll set is level triggered, and what
 * is left would wake the loop again at once. */
static bool volume_readable(void *self, int64_t now)
{
	struct volume *v = self;
	uint64_t expirations;
	if (read(v->timer, &expirations, sizeof(expirations)) < 0)
		expirations = 0;
	if (v->query.pid) {
		bool alive = proc_read(&v->query, LINE_MAX_BYTES);
		for (const char *line; (line = proc_line(&v->query));)
			pactl_reply_line(&v->reply, line);
		if (!alive)
			query_end(v, now, true);
		else if (v->query_until >= 0 && now >= v->query_until)
			query_end(v, now, false);
	}
	if (v->sub.pid) {
		bool wanted = false;
		if (!read_events(v, &wanted))
			trouble(v, VOLUME_NO_SERVER, now);
		else if (wanted)
			query_start(v, now);
	} else if (v->retry_at >= 0 && now >= v->retry_at) {
		subscribe(v, now);
	} else if (v->watch.fd >= 0) {
		socket_changed(v, now);
	}
	return volume_show(v);
}

static void run_click(const char *cmd)
{
	log_debug("volume: running %s", cmd);
	spawn(cmd);
}

/* In trouble, and no try in progress (one starts with the subscription). */
static bool trouble_waits(const struct volume *v)
{
	return !v->sub.pid &&
	       (v->state == VOLUME_NO_SERVER || v->state == VOLUME_NO_PACTL);
}

static void volume_click(void *self, struct wm *wm, int button, int x,
			 uint16_t state)
{
	struct volume *v = self;
	char cmd[128];
	(void)wm, (void)x, (void)state;
	bool live = v->state == VOLUME_OK || v->state == VOLUME_NO_SINK;
	if (button == 1 && live) {
		run_click("pactl set-sink-mute @DEFAULT_SINK@ toggle");
	} else if (button == 1 && trouble_waits(v)) {
		/* Trying again now is what a click on the trouble asks. */
		log_debug("volume: clicked: trying again");
		v->retry_ms = RETRY_FIRST_MS;
		v->retry_at = 0;
		arm_timer(v);
	} else if (button == 3 && v->click3) {
		run_click(v->click3);
	} else if (button == 4 && live) {
		/* Up to max= and no further; the shown value follows from the
		 * server's events, not from this guess. */
		if (v->max > 0 && v->state == VOLUME_OK &&
		    v->volume + v->step > v->max) {
			if (v->volume >= v->max)
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
	bool dim = v->state != VOLUME_OK || v->muted;
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
