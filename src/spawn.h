/* spawn.h: start programs detached from ctile, and reap them. */
#ifndef CTILE_SPAWN_H
#define CTILE_SPAWN_H

#include <stdbool.h>

/* Run /bin/sh -c cmd in its own session without ctile's fds. */
bool spawn(const char *cmd);
/* Collect every exited child; called when SIGCHLD arrives. */
void spawn_reap(void);

#endif
