/* volume_server.h: the volume widget's conversation with the sound server
 * (PulseAudio or PipeWire's pulse server) through pactl: what it says of
 * the default sink, and the trouble when there is no server or no pactl.
 * volume.c shows it and handles clicks; volume_server.c does the talking. */
#ifndef CTILE_VOLUME_SERVER_H
#define CTILE_VOLUME_SERVER_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "pactl.h"
#include "proc.h"
#include "pulse_socket.h"

enum volume_state {
	VOLUME_STARTING,  /* asked, no answer yet */
	VOLUME_OK,	  /* volume and muted are known */
	VOLUME_NO_SINK,	  /* a server, but no default sink */
	VOLUME_NO_SERVER, /* the subscription ended: retrying */
	VOLUME_NO_PACTL,  /* pactl is not installed: a click retries */
	VOLUME_BROKEN,	  /* no fds to work with */
};

/* How volume_server.c tries again after trouble. */
enum volume_retry {
	RETRY_BY_CLICK,	 /* no pactl: it seldom comes by itself */
	RETRY_BY_TIMER,	 /* the back-off, RETRY_FIRST_MS up to RETRY_MAX_MS */
	RETRY_BY_SOCKET, /* when the server's socket file appears */
};

/* Embedded in the widget, so that it needs no allocation of its own. Every
 * field is volume_server.c's to write; the widget reads state, volume and
 * muted, and nothing else. */
struct volume_server {
	enum volume_state state;
	int volume;
	bool muted;

	int epoll, timer; /* -1 until started */
	struct proc sub, query;
	struct pactl_reply reply; /* of the query in flight */
	bool query_again;	  /* an event came while it ran */
	/* The subscription printed something: it is surely listening, and
	 * a volume read from then on misses no change. */
	bool heard;
	int64_t subscribed_at;	       /* CLOCK_MONOTONIC ms */
	int64_t retry_at, query_until; /* CLOCK_MONOTONIC ms; -1: none */
	int retry_ms;
	bool said; /* the current trouble was logged */
	enum volume_retry said_how;
	/* Where the server's socket is; "": not one file to wait for. */
	char socket[PATH_MAX];
	struct pulse_watch watch; /* waiting for socket to appear */
};

/* Not started: no fd open, no process running. */
void volume_server_init(struct volume_server *s);
/* Start listening (now: CLOCK_MONOTONIC ms); VOLUME_BROKEN if it cannot. */
void volume_server_start(struct volume_server *s, int64_t now);
/* The one fd for the bar's loop to poll; -1 before the start or broken. */
int volume_server_fd(const struct volume_server *s);
/* Its fd is readable: take what came, and follow it. */
void volume_server_readable(struct volume_server *s, int64_t now);
/* In trouble, and no try in progress: a retry waits. */
bool volume_server_trouble_waits(const struct volume_server *s);
/* Try again at once, the back-off afresh. */
void volume_server_retry_now(struct volume_server *s);
/* Stop every process and close every fd. */
void volume_server_stop(struct volume_server *s);

#endif
