/* spawn.c: fork and exec of user commands; children never become zombies. */
#include "spawn.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"

/* In the child: undo what ctile set up for itself before exec. */
static void child_reset(void)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	setsid();
	closefrom(3);
}

bool spawn(const char *cmd)
{
	pid_t pid = fork();
	if (pid < 0) {
		log_error("spawn: fork failed for '%s'", cmd);
		return false;
	}
	if (pid == 0) {
		child_reset();
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	log_debug("spawned %d: %s", (int)pid, cmd);
	return true;
}

void spawn_reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}
