/* proc.c: children for script and volume widgets. ctile's SIGCHLD handler
 * reaps them; here only pipes are read, never waited on. */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Room for one read(); a pipe hands out at most this much at a time. */
#define PROC_CHUNK 65536

static void child(const char *cmd, int out[2], int in[2], bool merge,
		  char *const *env)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	setsid();
	/* The pipe's ends may themselves be 0..2 when ctile was started
	 * with those closed: lift them above 2 before they are dup'd there,
	 * and give the child /dev/null rather than a closed stdin (its
	 * first open() would become its stdin). */
	int o = fcntl(out[1], F_DUPFD, 3);
	int i =
	    in[0] >= 0 ? fcntl(in[0], F_DUPFD, 3) : open("/dev/null", O_RDONLY);
	if (o < 0 || i < 0)
		_exit(127);
	dup2(i, STDIN_FILENO);
	dup2(o, STDOUT_FILENO);
	if (merge)
		dup2(o, STDERR_FILENO);
	closefrom(3);
	for (size_t k = 0; env && env[k]; k++)
		putenv(env[k]);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

bool proc_start(struct proc *p, const char *cmd, bool want_stdin,
		bool merge_stderr, char *const *env)
{
	int out[2] = {-1, -1}, in[2] = {-1, -1};
	*p = (struct proc){.out = -1, .in = -1};
	if (pipe2(out, O_CLOEXEC) < 0)
		return false;
	if (want_stdin && pipe2(in, O_CLOEXEC) < 0) {
		close(out[0]);
		close(out[1]);
		return false;
	}
	pid_t pid = fork();
	if (pid == 0)
		child(cmd, out, in, merge_stderr, env);
	close(out[1]);
	if (in[0] >= 0)
		close(in[0]);
	if (pid < 0) {
		close(out[0]);
		if (in[1] >= 0)
			close(in[1]);
		return false;
	}
	p->pid = pid;
	p->out = out[0];
	p->in = in[1];
	fcntl(p->out, F_SETFL, O_NONBLOCK);
	if (p->in >= 0)
		fcntl(p->in, F_SETFL, O_NONBLOCK);
	return true;
}

/* Lines already handed out are given up: move the rest to the front, and
 * make room for one more read plus the \n that may end the last line. */
static bool make_room(struct proc *p)
{
	if (p->start) {
		memmove(p->buf, p->buf + p->start, p->len - p->start);
		p->len -= p->start;
		p->tail -= p->start;
		p->start = 0;
	}
	if (p->cap - p->len > PROC_CHUNK)
		return true;
	size_t cap = p->cap ? p->cap * 2 : 2 * PROC_CHUNK;
	while (cap - p->len <= PROC_CHUNK)
		cap *= 2;
	char *grown = realloc(p->buf, cap);
	if (!grown)
		return false;
	p->buf = grown;
	p->cap = cap;
	return true;
}

/* Take n new bytes at buf + len: drop the rest of a line too long, and
 * the unfinished line once it grows past max. */
static void take(struct proc *p, size_t n)
{
	char *chunk = p->buf + p->len;
	if (p->skipping) {
		char *nl = memchr(chunk, '\n', n);
		if (!nl)
			return;
		size_t rest = n - (size_t)(nl + 1 - chunk);
		memmove(chunk, nl + 1, rest);
		n = rest;
		p->skipping = false;
	}
	char *nl = memrchr(chunk, '\n', n);
	if (nl)
		p->tail = (size_t)(nl + 1 - p->buf);
	p->len += n;
	if (p->len - p->tail > p->max) {
		p->len = p->tail;
		p->skipping = true;
		p->dropped++;
	}
}

bool proc_read(struct proc *p, size_t max)
{
	if (p->out < 0)
		return false;
	p->max = max;
	for (size_t total = 0; total < PROC_READ_MAX;) {
		if (!make_room(p))
			return true; /* try again later: nothing is lost */
		ssize_t n = read(p->out, p->buf + p->len, PROC_CHUNK);
		if (n > 0) {
			take(p, (size_t)n);
			total += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return true;
		/* The end: a last line without its \n still counts. */
		if (p->len > p->tail && !p->skipping)
			p->buf[p->len++] = '\n';
		p->tail = p->len;
		p->eof = true;
		return false;
	}
	return true;
}

const char *proc_line(struct proc *p)
{
	while (p->start < p->tail) {
		char *s = p->buf + p->start;
		char *nl = memchr(s, '\n', p->tail - p->start);
		if (!nl)
			return NULL;
		*nl = '\0';
		size_t n = (size_t)(nl - s);
		p->start += n + 1;
		/* Read whole in one chunk, it escaped the check in take(). */
		if (n > p->max) {
			p->dropped++;
			continue;
		}
		return s;
	}
	return NULL;
}

bool proc_write(struct proc *p, const char *data, size_t len)
{
	if (p->in < 0)
		return false;
	ssize_t n = write(p->in, data, len);
	return n == (ssize_t)len;
}

void proc_stop(struct proc *p)
{
	if (p->pid > 0)
		kill(-p->pid, SIGTERM);
	if (p->out >= 0)
		close(p->out);
	if (p->in >= 0)
		close(p->in);
	free(p->buf);
	*p = (struct proc){.out = -1, .in = -1};
}
