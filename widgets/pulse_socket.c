/* pulse_socket.c: where the pulse server's socket is, and waiting for it.
 * See pulse_socket.h. The path follows libpulse's own rules
 * (pa_context_connect, pa_get_runtime_dir): a server named in
 * $PULSE_SERVER, else the runtime dir's "native". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pulse_socket.h"
#include "sysinfo.h"

#define SPACES " \t\r\n"

/* -- the path */

/* Print into out; false if it did not fit (a cut path names another file). */
static bool path_printf(char *out, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool path_printf(char *out, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, len, fmt, ap);
	va_end(ap);
	return n > 0 && (size_t)n < len;
}

/* $PULSE_SERVER: a list of servers tried in turn, separated by blanks. Only
 * one unix socket ("unix:/path" or "/path") is one file to wait for; with
 * more, a tcp server or a "{machine}" prefix, something else may answer. */
static bool server_path(const char *server, char *out, size_t len)
{
	server += strspn(server, SPACES);
	size_t n = strcspn(server, SPACES);
	if (!n || server[n + strspn(server + n, SPACES)])
		return false;
	if (!strncmp(server, "unix:", 5)) {
		server += 5;
		n -= 5;
	} else if (*server != '/') {
		return false;
	}
	return n && path_printf(out, len, "%.*s", (int)n, server);
}

static bool set(const char *v)
{
	return v && *v;
}

/* With neither runtime variable, libpulse keeps its runtime dir in its
 * config home ($HOME/.pulse if that exists, else $XDG_CONFIG_HOME/pulse or
 * $HOME/.config/pulse), one per machine. */
static bool legacy_path(const struct pulse_env *e, char *out, size_t len)
{
	if (!set(e->home) || !set(e->machine_id))
		return false;
	const char *id = e->machine_id;
	if (e->dot_pulse)
		return path_printf(out, len, "%s/.pulse/%s-runtime/native",
				   e->home, id);
	if (set(e->xdg_config))
		return path_printf(out, len, "%s/pulse/%s-runtime/native",
				   e->xdg_config, id);
	return path_printf(out, len, "%s/.config/pulse/%s-runtime/native",
			   e->home, id);
}

/* An empty variable counts as set for libpulse, which then fails in its own
 * ways: not one file to wait for. */
bool pulse_socket_path(const struct pulse_env *e, char *out, size_t len)
{
	if (e->server)
		return server_path(e->server, out, len);
	if (e->runtime_path)
		return set(e->runtime_path) &&
		       path_printf(out, len, "%s/native", e->runtime_path);
	if (e->xdg_runtime)
		return set(e->xdg_runtime) &&
		       path_printf(out, len, "%s/pulse/native", e->xdg_runtime);
	return legacy_path(e, out, len);
}

bool pulse_first_line(const char *file, char *out, size_t len)
{
	if (sysinfo_read(file, out, len) < 0)
		return false;
	out[strcspn(out, "\r\n")] = '\0';
	return *out;
}

bool pulse_socket_path_here(char *out, size_t len)
{
	char id[128], dot_pulse[PATH_MAX];
	struct pulse_env e = {
	    .server = getenv("PULSE_SERVER"),
	    .runtime_path = getenv("PULSE_RUNTIME_PATH"),
	    .xdg_runtime = getenv("XDG_RUNTIME_DIR"),
	    .xdg_config = getenv("XDG_CONFIG_HOME"),
	    .home = getenv("HOME"),
	};
	/* Only the old fallback needs the disk. */
	if (!e.server && !e.runtime_path && !e.xdg_runtime && set(e.home)) {
		if (pulse_first_line("/etc/machine-id", id, sizeof(id)) ||
		    pulse_first_line("/var/lib/dbus/machine-id", id,
				     sizeof(id)))
			e.machine_id = id;
		e.dot_pulse = path_printf(dot_pulse, sizeof(dot_pulse),
					  "%s/.pulse", e.home) &&
			      access(dot_pulse, F_OK) == 0;
	}
	return pulse_socket_path(&e, out, len);
}

/* -- what exists */

/* 1: p exists (a directory unless last); 0: it does not; -1: no event
 * would tell when that changes (a dangling link is there by name already,
 * its target elsewhere; a file where a directory should be). */
static int component_there(const char *p, bool last)
{
	struct stat st;
	if (stat(p, &st) == 0)
		return last || S_ISDIR(st.st_mode) ? 1 : -1;
	if (errno != ENOENT || lstat(p, &st) == 0)
		return -1;
	return 0;
}

ssize_t pulse_existing_prefix(const char *path)
{
	size_t len = strlen(path);
	char p[PATH_MAX];
	if (path[0] != '/' || path[len - 1] == '/' || len >= sizeof(p))
		return -1;
	size_t have = 1; /* "/" */
	for (size_t end = 2; end <= len; end++) {
		if (end < len && path[end] != '/')
			continue;
		if (path[end - 1] == '/')
			continue; /* "//": the same directory again */
		memcpy(p, path, end);
		p[end] = '\0';
		int there = component_there(p, end == len);
		if (there <= 0)
			return there < 0 ? -1 : (ssize_t)have;
		have = end;
	}
	return (ssize_t)len;
}

/* -- the wait */

/* Something was made or moved in (the next component), or the directory
 * itself went away (the watch must move up). No IN_ATTRIB: whether a name
 * exists changes only by these. */
#define WATCH_MASK                                                             \
	(IN_CREATE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

static void drop_watch(struct pulse_watch *w)
{
	if (w->wd >= 0)
		inotify_rm_watch(w->fd, w->wd); /* gone already: EINVAL */
	w->wd = -1;
}

/* Watch the deepest directory there is. Checked again once the watch is
 * on, so a component made in between is not missed: then the watch moves
 * down. A path that keeps changing is given up after a few rounds. */
static enum pulse_wait rearm(struct pulse_watch *w)
{
	for (int round = 0; round < 64; round++) {
		ssize_t n = pulse_existing_prefix(w->path);
		if (n < 0)
			return PULSE_WAIT_ERROR;
		if ((size_t)n == strlen(w->path))
			return PULSE_WAIT_THERE;
		if (w->wd >= 0 && (size_t)n == w->dir_len)
			return PULSE_WAIT_WAITING;
		drop_watch(w);
		char dir[PATH_MAX];
		memcpy(dir, w->path, (size_t)n);
		dir[n] = '\0';
		w->wd = inotify_add_watch(w->fd, dir, WATCH_MASK);
		if (w->wd < 0 && errno != ENOENT && errno != ENOTDIR)
			return PULSE_WAIT_ERROR;
		w->dir_len = (size_t)n; /* vanished meanwhile: look again */
	}
	return PULSE_WAIT_ERROR;
}

enum pulse_wait pulse_watch_start(struct pulse_watch *w, const char *path)
{
	pulse_watch_stop(w);
	if (strlen(path) >= sizeof(w->path))
		return PULSE_WAIT_ERROR;
	strcpy(w->path, path);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		return PULSE_WAIT_ERROR;
	return rearm(w);
}

/* Read every event; true if the watched directory went away (or events
 * were lost), so that the watch must be set again from scratch. */
static bool drain(struct pulse_watch *w)
{
	char buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	bool gone = false;
	ssize_t n;
	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (void *)p;
			if (ev->mask & IN_Q_OVERFLOW ||
			    (ev->wd == w->wd &&
			     ev->mask &
				 (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)))
				gone = true;
			p += sizeof(*ev) + ev->len;
		}
	}
	return gone;
}

enum pulse_wait pulse_watch_read(struct pulse_watch *w)
{
	if (w->fd < 0)
		return PULSE_WAIT_ERROR;
	if (drain(w))
		drop_watch(w);
	return rearm(w);
}

void pulse_watch_stop(struct pulse_watch *w)
{
	if (w->fd >= 0)
		close(w->fd); /* and every watch on it */
	w->fd = -1;
	w->wd = -1;
	w->dir_len = 0;
}
