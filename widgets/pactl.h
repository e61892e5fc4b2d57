/* pactl.h: what the lines pactl prints say (subscribe events, a sink's
 * volume and mute state), and the volume widget's text made of them. Pure:
 * no processes, no I/O, so every line shape is unit tested. */
#ifndef CTILE_PACTL_H
#define CTILE_PACTL_H

#include <stdbool.h>
#include <stddef.h>

/* A line of `pactl subscribe`: "Event 'change' on sink #0". */
enum pactl_event {
	PACTL_EVENT_NONE,   /* not an event line at all */
	PACTL_EVENT_OTHER,  /* a facility the volume does not follow */
	PACTL_EVENT_SINK,   /* a sink changed, came or went */
	PACTL_EVENT_SERVER, /* the server changed, e.g. its default sink */
};
enum pactl_event pactl_parse_event(const char *line);

/* "Volume: front-left: 32768 /  50% / -18.06 dB,   front-right: ..." as
 * `pactl get-sink-volume` prints it: the average of every channel's raw
 * volume in percent (65536 is 100%), rounded; -1 when the line is not a
 * volume. Above 100% is kept as it is. */
int pactl_parse_volume(const char *line);

/* "Mute: yes" 1, "Mute: no" 0, anything else -1. */
int pactl_parse_mute(const char *line);

/* "Connection failure: ..." or "pa_context_connect() failed: ...": pactl
 * found no server to talk to. */
bool pactl_is_connection_failure(const char *line);

/* What one run of get-sink-volume and get-sink-mute said, line by line. */
struct pactl_reply {
	int volume;	/* percent; -1: none said */
	int mute;	/* 1, 0; -1: none said */
	bool no_server; /* a connection failure was reported */
};
void pactl_reply_init(struct pactl_reply *r);
void pactl_reply_line(struct pactl_reply *r, const char *line);

/* Check a format= of the volume widget: %v (percent), %m ("muted" when
 * muted, else nothing) and %% only. NULL if fine, else a malloc'd error. */
char *pactl_format_check(const char *format);
/* Expand a checked format into out (always terminated, cut to fit). */
void pactl_format(char *out, size_t len, const char *format, int volume,
		  bool muted);

#endif
