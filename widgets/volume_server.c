/* volume_server.c: the talk with the sound server. `pactl subscribe` runs
 * for as long as the widget lives and says when something changed; only
 * then is the volume asked (get-sink-volume and get-sink-mute, in a second
 * child). Nothing polls.
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
#include "volume_server.h"
#include "widget.h"

#define RETRY_FIRST_MS 2000
#define RETRY_MAX_MS   60000
#define QUERY_LIMIT_MS 10000 /* a server that hangs: give the query up */
#define LINE_MAX_BYTES 4096
#define UNHEARD_MAX_MS 3000

#define SUBSCRIBE_CMD "exec pactl subscribe"
#define QUERY_CMD                                                              \
	"pactl get-sink-volume @DEFAULT_SINK@; "                               \
	"pactl get-sink-mute @DEFAULT_SINK@"

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
static bool run_pactl(struct volume_server *s, struct proc *p, const char *cmd)
{
	char lc_all[] = "LC_ALL=C";
	char *env[] = {lc_all, NULL};
	if (!proc_start(p, cmd, false, true, env))
		return false;
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = p->out};
	if (epoll_ctl(s->epoll, EPOLL_CTL_ADD, p->out, &ev) < 0) {
		proc_stop(p);
		return false;
	}
	return true;
}

static void end_pactl(struct volume_server *s, struct proc *p)
{
	if (p->out >= 0)
		epoll_ctl(s->epoll, EPOLL_CTL_DEL, p->out, NULL);
	proc_stop(p);
}

/* The one timer serves the retry and the query's limit; at most one of the
 * two is set at a time (a query runs only while subscribed). */
static void arm_timer(struct volume_server *s)
{
	widget_timer_at(s->timer,
			s->retry_at >= 0 ? s->retry_at : s->query_until);
}

static void query_start(struct volume_server *s, int64_t now)
{
	if (s->query.pid) {
		s->query_again = true; /* bursts: one in flight, one after */
		return;
	}
	s->query_again = false;
	pactl_reply_init(&s->reply);
	if (!run_pactl(s, &s->query, QUERY_CMD))
		return;
	s->query_until = now + QUERY_LIMIT_MS;
	arm_timer(s);
}

static void stop_watch(struct volume_server *s)
{
	if (s->watch.fd >= 0)
		epoll_ctl(s->epoll, EPOLL_CTL_DEL, s->watch.fd, NULL);
	pulse_watch_stop(&s->watch);
}

/* No socket file, so no server: the kernel says when one comes, which
 * costs nothing meanwhile. False if that cannot be known this way (the
 * file is there, or the path cannot be watched): then a timer. */
static bool watch_socket(struct volume_server *s)
{
	if (!s->socket[0] ||
	    pulse_watch_start(&s->watch, s->socket) != PULSE_WAIT_WAITING) {
		pulse_watch_stop(&s->watch);
		return false;
	}
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = s->watch.fd};
	if (epoll_ctl(s->epoll, EPOLL_CTL_ADD, s->watch.fd, &ev) < 0) {
		pulse_watch_stop(&s->watch);
		return false;
	}
	log_debug("volume: watching %.*s for %s", (int)s->watch.dir_len,
		  s->watch.path, s->watch.path);
	return true;
}

static void retry_by_timer(struct volume_server *s, int64_t now)
{
	s->retry_at = now + s->retry_ms;
	s->retry_ms =
	    s->retry_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : s->retry_ms * 2;
	arm_timer(s);
}

static enum volume_retry retry_later(struct volume_server *s,
				     enum volume_state state, int64_t now)
{
	if (state == VOLUME_NO_PACTL)
		return RETRY_BY_CLICK;
	if (watch_socket(s))
		return RETRY_BY_SOCKET;
	retry_by_timer(s, now);
	return RETRY_BY_TIMER;
}

/* Said once per trouble, not at every retry; how the retry comes may
 * change meanwhile (the socket goes or comes), which only debug says. */
static void say_trouble(struct volume_server *s, enum volume_state state,
			enum volume_retry how)
{
	char when[PATH_MAX + 64];
	if (how == RETRY_BY_CLICK)
		snprintf(when, sizeof(when),
			 "click the widget or reload the config to try again");
	else if (how == RETRY_BY_SOCKET)
		snprintf(when, sizeof(when), "trying again when %s appears",
			 s->socket);
	else
		snprintf(when, sizeof(when), "trying again every %d s at most",
			 RETRY_MAX_MS / 1000);
	if (state != s->state || !s->said)
		log_warn("volume: %s; %s",
			 state == VOLUME_NO_PACTL ? "pactl is not installed"
						  : "no sound server (pactl "
						    "subscribe ended)",
			 when);
	else if (how != s->said_how)
		log_debug("volume: now %s", when);
	s->said = true;
	s->said_how = how;
}

/* Trouble: say so and try again later. */
static void trouble(struct volume_server *s, enum volume_state state,
		    int64_t now)
{
	end_pactl(s, &s->query);
	end_pactl(s, &s->sub);
	s->query_again = false;
	s->query_until = -1;
	arm_timer(s); /* the query's limit is no more: no wake-up for it */
	say_trouble(s, state, retry_later(s, state, now));
	s->state = state;
}

static void subscribe(struct volume_server *s, int64_t now)
{
	s->retry_at = -1;
	stop_watch(s);
	if (!pactl_installed()) {
		trouble(s, VOLUME_NO_PACTL, now);
		return;
	}
	log_debug("volume: listening: pactl subscribe");
	s->heard = false;
	s->subscribed_at = now;
	if (!run_pactl(s, &s->sub, SUBSCRIBE_CMD)) {
		trouble(s, VOLUME_NO_SERVER, now);
		return;
	}
	query_start(s, now);
}

/* The query ended (answered: its output ended; else it ran out of time
 * and what it said so far is not trusted). */
static void query_end(struct volume_server *s, int64_t now, bool answered)
{
	end_pactl(s, &s->query);
	s->query_until = -1;
	arm_timer(s);
	const struct pactl_reply *r = &s->reply;
	if (answered && r->volume >= 0) {
		s->state = VOLUME_OK;
		s->volume = r->volume;
		s->muted = r->mute == 1;
	} else if (answered && !r->no_server) {
		s->state = VOLUME_NO_SINK;
	} else if (answered && s->sub.pid) {
		/* No server for the query, yet the subscription lives: it may
		 * have reached a server that came just after. Not trusted
		 * without an answer (it would show "no sound server" until
		 * the next event): both go, and the retry asks again. */
		trouble(s, VOLUME_NO_SERVER, now);
		return;
	}
	if (answered && !r->no_server && s->sub.pid) {
		s->retry_ms = RETRY_FIRST_MS; /* the server answered */
		s->said = false;
		/* The subscription may not have been listening yet: a change
		 * made meanwhile would be missed for good. Each query shows up
		 * to it as a client coming and going, so ask again until it has
		 * heard something (for a while at most: one that never prints
		 * must not keep pactl running). */
		if (!s->heard && now - s->subscribed_at < UNHEARD_MAX_MS)
			s->query_again = true;
	}
	if (s->query_again)
		query_start(s, now);
}

/* Take every line the subscription has; false once it ended. */
static bool read_events(struct volume_server *s, bool *wanted)
{
	bool alive = proc_read(&s->sub, LINE_MAX_BYTES);
	for (const char *line; (line = proc_line(&s->sub));) {
		if (!s->heard) {
			/* Listening now: what was read before may be stale. */
			s->heard = true;
			*wanted = true;
		}
		enum pactl_event e = pactl_parse_event(line);
		if (e == PACTL_EVENT_SINK || e == PACTL_EVENT_SERVER)
			*wanted = true;
	}
	return alive;
}

/* Something changed on the way to the server's socket. */
static void socket_changed(struct volume_server *s, int64_t now)
{
	size_t was = s->watch.dir_len;
	enum pulse_wait w = pulse_watch_read(&s->watch);
	if (w == PULSE_WAIT_WAITING) {
		if (s->watch.dir_len != was)
			log_debug("volume: watching %.*s for %s",
				  (int)s->watch.dir_len, s->watch.path,
				  s->watch.path);
	} else if (w == PULSE_WAIT_THERE) {
		/* A server starting: its back-off starts afresh. */
		log_debug("volume: %s appeared", s->socket);
		s->retry_ms = RETRY_FIRST_MS;
		subscribe(s, now);
	} else {
		stop_watch(s);
		retry_by_timer(s, now);
		say_trouble(s, s->state, RETRY_BY_TIMER);
	}
}

/* -- the interface */

void volume_server_init(struct volume_server *s)
{
	*s = (struct volume_server){.epoll = -1,
				    .timer = -1,
				    .sub = {.out = -1, .in = -1},
				    .query = {.out = -1, .in = -1},
				    .retry_at = -1,
				    .query_until = -1,
				    .retry_ms = RETRY_FIRST_MS,
				    .watch = PULSE_WATCH_NONE};
}

void volume_server_start(struct volume_server *s, int64_t now)
{
	s->epoll = epoll_create1(EPOLL_CLOEXEC);
	s->timer = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = s->timer};
	if (s->epoll < 0 || s->timer < 0 ||
	    epoll_ctl(s->epoll, EPOLL_CTL_ADD, s->timer, &ev) < 0) {
		log_error("volume: cannot poll: %s", strerror(errno));
		s->state = VOLUME_BROKEN;
		return;
	}
	if (!pulse_socket_path_here(s->socket, sizeof(s->socket)))
		s->socket[0] = '\0';
	subscribe(s, now);
}

int volume_server_fd(const struct volume_server *s)
{
	return s->state == VOLUME_BROKEN ? -1 : s->epoll;
}

/* Everything readable is read: the epoll set is level triggered, and what
 * is left would wake the loop again at once. */
void volume_server_readable(struct volume_server *s, int64_t now)
{
	uint64_t expirations;
	if (read(s->timer, &expirations, sizeof(expirations)) < 0)
		expirations = 0;
	if (s->query.pid) {
		bool alive = proc_read(&s->query, LINE_MAX_BYTES);
		for (const char *line; (line = proc_line(&s->query));)
			pactl_reply_line(&s->reply, line);
		if (!alive)
			query_end(s, now, true);
		else if (s->query_until >= 0 && now >= s->query_until)
			query_end(s, now, false);
	}
	if (s->sub.pid) {
		bool wanted = false;
		if (!read_events(s, &wanted))
			trouble(s, VOLUME_NO_SERVER, now);
		else if (wanted)
			query_start(s, now);
	} else if (s->retry_at >= 0 && now >= s->retry_at) {
		subscribe(s, now);
	} else if (s->watch.fd >= 0) {
		socket_changed(s, now);
	}
}

/* In trouble, and no try in progress (one starts with the subscription). */
bool volume_server_trouble_waits(const struct volume_server *s)
{
	return !s->sub.pid &&
	       (s->state == VOLUME_NO_SERVER || s->state == VOLUME_NO_PACTL);
}

/* The timer wakes the loop at once, and the retry runs from there. */
void volume_server_retry_now(struct volume_server *s)
{
	s->retry_ms = RETRY_FIRST_MS;
	s->retry_at = 0;
	arm_timer(s);
}

void volume_server_stop(struct volume_server *s)
{
	if (s->epoll >= 0)
		close(s->epoll);
	if (s->timer >= 0)
		close(s->timer);
	pulse_watch_stop(&s->watch);
	proc_stop(&s->sub);
	proc_stop(&s->query);
}
