/* proc.c: start and stop the WM, and read its costs from /proc. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

static uint64_t status_field(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char line[256];
	size_t kl = strlen(key);
	uint64_t v = 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, kl) && line[kl] == ':') {
			v = strtoull(line + kl + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

/* Context switches of every thread: a helper thread's wake-ups count. */
static void ctxt_switches(pid_t pid, struct pstat *s)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char st[600];
		snprintf(st, sizeof(st), "%s/%s/status", path, e->d_name);
		s->vcsw += status_field(st, "voluntary_ctxt_switches");
		s->nvcsw += status_field(st, "nonvoluntary_ctxt_switches");
	}
	closedir(d);
}

/* The CPU clock of a process, all threads (0: unknown). */
uint64_t cpu_ns(pid_t pid)
{
	clockid_t cid;
	struct timespec ts;
	if (pid <= 0 || clock_getcpuclockid(pid, &cid) != 0 ||
	    clock_gettime(cid, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

bool pstat_read(pid_t pid, struct pstat *s)
{
	memset(s, 0, sizeof(*s));
	if (pid <= 0)
		return false;
	clockid_t cid;
	struct timespec ts;
	if (clock_getcpuclockid(pid, &cid) == 0 && clock_gettime(cid, &ts) == 0)
		s->cpu_ns =
		    (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	char path[64], buf[1024];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	/* Fields after the command name, which may hold spaces: state is
	 * field 3; minflt 10, majflt 12, utime 14, stime 15. */
	char *p = strrchr(buf, ')');
	if (!p)
		return false;
	unsigned long long v[16] = {0};
	char state;
	if (sscanf(p + 2,
		   "%c %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu "
		   "%llu %llu",
		   &state, &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10],
		   &v[11], &v[12], &v[13], &v[14], &v[15]) < 13)
		return false;
	s->minflt = v[10];
	s->majflt = v[12];
	s->ticks = v[14] + v[15];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	s->rss_kib = status_field(path, "VmRSS");
	ctxt_switches(pid, s);
	return true;
}

/* The WM in a process group of its own, so that whatever it starts (a
 * hotkey daemon, a config script) goes when it goes. */
pid_t wm_launch(char **argv, const char *log)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setpgid(0, 0);
		int fd = open(log ? log : "/dev/null",
			      O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		execvp(argv[0], argv);
		fprintf(stderr, "ctbench: cannot execute %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	return pid;
}

bool wm_alive(pid_t pid)
{
	int status;
	return pid > 0 && waitpid(pid, &status, WNOHANG) == 0;
}

/* SIGTERM to the whole group, SIGKILL after two seconds. */
void wm_stop(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(-pid, SIGTERM);
	kill(pid, SIGTERM);
	for (int i = 0; i < 200; i++) {
		int status;
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid || (r < 0 && errno == ECHILD)) {
			kill(-pid, SIGKILL); /* leftovers of the group */
			return;
		}
		sleep_ms(10);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
