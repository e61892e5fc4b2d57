/* proc.h: a child process behind pipes, read without ever blocking. */
#ifndef CTILE_PROC_H
#define CTILE_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct proc {
	pid_t pid; /* 0: not running */
	int out;   /* its stdout (and stderr when asked), non-blocking; -1 */
	int in;	   /* its stdin, non-blocking; -1 unless asked for */
	char *buf; /* what was read and not yet taken as lines */
	size_t len, cap;
	char *last; /* the line proc_line handed out last */
	bool eof;   /* its output has ended */
};

/* Run /bin/sh -c cmd in its own session; env is NULL or "NAME=value"
 * strings added to the environment. False if it cannot start. */
bool proc_start(struct proc *p, const char *cmd, bool want_stdin,
		bool merge_stderr, char *const *env);
/* Read what is there (never blocks). Keeps at most max bytes of an
 * unfinished line; returns false when the output ended or failed. */
bool proc_read(struct proc *p, size_t max);
/* The next complete line (without its \n), or NULL; valid until the next
 * proc_ call. */
const char *proc_line(struct proc *p);
/* Write to its stdin without blocking; false if it would block or failed. */
bool proc_write(struct proc *p, const char *data, size_t len);
/* Stop it (SIGTERM to its process group) and close everything. */
void proc_stop(struct proc *p);

#endif
