/* proc.c: children for script and volume widgets. ctile's SIGCHLD handler
 * reaps them; here only pipes are read, never waited on. */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void child(const char *cmd, int out[2], int in[2], bool merge,
		  char *const *env)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	setsid();
	dup2(out[1], STDOUT_FILENO);
	if (merge)
		dup2(out[1], STDERR_FILENO);
	if (in[0] >= 0)
		dup2(in[0], STDIN_FILENO);
	else
		close(STDIN_FILENO);
	closefrom(3);
	for (size_t i = 0; env && env[i]; i++)
		putenv(env[i]);
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

bool proc_read(struct proc *p, size_t max)
{
	if (p->out < 0)
		return false;
	for (;;) {
		if (p->cap - p->len < 4096) {
			size_t cap = p->cap ? p->cap * 2 : 8192;
			char *grown = realloc(p->buf, cap);
			if (!grown)
				return false;
			p->buf = grown;
			p->cap = cap;
		}
		ssize_t n = read(p->out, p->buf + p->len, p->cap - p->len - 1);
		if (n > 0) {
			p->len += (size_t)n;
			/* A line that never ends must not eat all memory. */
			if (p->len > max && !memchr(p->buf, '\n', p->len))
				p->len = 0;
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return true;
		p->eof = true;
		return false;
	}
}

const char *proc_line(struct proc *p)
{
	char *nl = p->len ? memchr(p->buf, '\n', p->len) : NULL;
	if (!nl)
		return NULL;
	size_t n = (size_t)(nl - p->buf);
	char *line = malloc(n + 1);
	if (!line)
		return NULL;
	memcpy(line, p->buf, n);
	line[n] = '\0';
	memmove(p->buf, nl + 1, p->len - n - 1);
	p->len -= n + 1;
	free(p->last);
	p->last = line;
	return line;
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
	free(p->last);
	*p = (struct proc){.out = -1, .in = -1};
}
