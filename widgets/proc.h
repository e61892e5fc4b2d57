/* proc.h: a child process behind pipes, read without ever blocking. */
#ifndef CTILE_PROC_H
#define CTILE_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The most proc_read takes in one call: a child that writes faster than
 * ctile reads cannot hold the loop; what is left waits for the next call. */
#define PROC_READ_MAX (256 * 1024)

struct proc {
	pid_t pid; /* 0: not running */
	int out;   /* its stdout (and stderr when asked), non-blocking; -1 */
	int in;	   /* its stdin, non-blocking; -1 unless asked for */
	char *buf; /* bytes read; [start, len) not yet taken as lines */
	size_t start, len, cap;
	size_t tail;	/* where the unfinished last line begins */
	size_t max;	/* the longest line kept, as proc_read was told */
	size_t dropped; /* lines longer than max, dropped so far */
	bool skipping;	/* inside a line too long: dropping up to its \n */
	bool eof;	/* its output has ended */
};

/* Run /bin/sh -c cmd in its own session; env is NULL or "NAME=value"
 * strings added to the environment. Its stdin is a pipe when asked for,
 * else /dev/null; its stderr is ctile's unless merged into the pipe.
 * False if it cannot start. */
bool proc_start(struct proc *p, const char *cmd, bool want_stdin,
		bool merge_stderr, char *const *env);
/* Read what is there, up to PROC_READ_MAX bytes (never blocks). A line
 * longer than max bytes is dropped and counted in p->dropped. Returns
 * false when the output ended (then a last line without its \n counts as
 * a line) or failed; true when more may come. */
bool proc_read(struct proc *p, size_t max);
/* The next complete line (without its \n), or NULL. It stays valid until
 * the next proc_read or proc_stop, so a caller may take every line read
 * and look only at the last. */
const char *proc_line(struct proc *p);
/* Write to its stdin without blocking; false if it would block or failed.
 * Up to PIPE_BUF bytes go all or nothing, so a message is never cut. */
bool proc_write(struct proc *p, const char *data, size_t len);
/* Stop it (SIGTERM to its process group) and close everything. */
void proc_stop(struct proc *p);

#endif
