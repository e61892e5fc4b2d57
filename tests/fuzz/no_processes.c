/* no_processes.c: in the fuzzers, starting a process aborts.
 *
 * Parsing a config or a command line never starts a program: exec lines
 * are recorded, spawn only runs from a key or the socket (fuzz_command
 * skips those lines), and the config check creates bar widgets without
 * starting what they would run. These definitions take the place of libc's
 * in the fuzz targets, so a parser that forks anyway is a crash libFuzzer
 * reports with its input, instead of a fuzzer running random shell
 * commands. (<spawn.h> is not included: -Isrc finds ctile's own; the
 * symbols are what counts.) libFuzzer's own helpers (system() for -jobs and
 * -fork) and the sanitizers' symbolizer do not go through these symbols. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void refuse(const char *what)
{
	fprintf(stderr, "fuzz: %s() called: parsing must not start a process\n",
		what);
	abort();
}

pid_t fork(void)
{
	refuse("fork");
	return -1;
}

pid_t vfork(void)
{
	refuse("vfork");
	return -1;
}

int posix_spawn(pid_t *pid, const char *path, const void *actions,
		const void *attr, char *const argv[], char *const envp[])
{
	(void)pid, (void)path, (void)actions, (void)attr, (void)argv,
	    (void)envp;
	refuse("posix_spawn");
	return -1;
}

int posix_spawnp(pid_t *pid, const char *file, const void *actions,
		 const void *attr, char *const argv[], char *const envp[])
{
	(void)pid, (void)file, (void)actions, (void)attr, (void)argv,
	    (void)envp;
	refuse("posix_spawnp");
	return -1;
}
