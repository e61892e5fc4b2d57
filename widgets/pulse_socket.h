/* pulse_socket.h: the file a PulseAudio (or pipewire-pulse) server listens
 * on, found the way libpulse finds it, and a wait with inotify for that file
 * to appear. With both, the volume widget needs no timer while there is no
 * server: the kernel says when one comes. */
#ifndef CTILE_PULSE_SOCKET_H
#define CTILE_PULSE_SOCKET_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What libpulse looks at to find the server. NULL: unset. */
struct pulse_env {
	const char *server;	  /* $PULSE_SERVER */
	const char *runtime_path; /* $PULSE_RUNTIME_PATH */
	const char *xdg_runtime;  /* $XDG_RUNTIME_DIR */
	const char *xdg_config;	  /* $XDG_CONFIG_HOME */
	const char *home;	  /* $HOME */
	const char *machine_id;	  /* /etc/machine-id's line; NULL: none */
	bool dot_pulse;		  /* $HOME/.pulse exists (the old home) */
};

/* The server's socket path into out (len bytes). False when it is not one
 * file a wait could watch: several servers, a tcp one, an empty variable,
 * no machine id for the old fallback, a path too long. Pure. */
bool pulse_socket_path(const struct pulse_env *e, char *out, size_t len);

/* The same from this process's environment and machine id. */
bool pulse_socket_path_here(char *out, size_t len);

/* The first line of file, without its newline, into out: false when the
 * file cannot be read or the line is empty. */
bool pulse_first_line(const char *file, char *out, size_t len);

/* How much of the absolute path exists: strlen(path) when the file itself
 * does, else the length of its deepest existing directory ("/" is 1).
 * -1 when no event could say that more came: a relative path, a component
 * that is not a directory, one that cannot be looked at, a dangling
 * symbolic link. */
ssize_t pulse_existing_prefix(const char *path);

/* Waiting for a file: an inotify watch on its deepest existing directory,
 * moved down as components come and up as they go. */
struct pulse_watch {
	int fd;		/* inotify, non-blocking; -1: not waiting */
	int wd;		/* the watch, on path[0, dir_len); -1: none */
	size_t dir_len; /* the watched directory's length in path */
	char path[PATH_MAX];
};

enum pulse_wait {
	PULSE_WAIT_ERROR,   /* no wait possible: fall back to a timer */
	PULSE_WAIT_WAITING, /* fd will be readable when something changed */
	PULSE_WAIT_THERE,   /* the file exists */
};

/* Start waiting for path (a wait in progress is stopped first). WAITING:
 * poll w->fd and call pulse_watch_read when it is readable. */
enum pulse_wait pulse_watch_start(struct pulse_watch *w, const char *path);
/* Take every event (never blocks) and move the watch where it belongs. */
enum pulse_wait pulse_watch_read(struct pulse_watch *w);
/* Stop waiting; w->fd is -1 after. Harmless when not waiting. */
void pulse_watch_stop(struct pulse_watch *w);
/* An initialiser for a watch that is not waiting. */
#define PULSE_WATCH_NONE                                                       \
	{                                                                      \
		.fd = -1, .wd = -1                                             \
	}

#endif
