/* test_pulse_socket.c: where the volume widget looks for the pulse server's
 * socket (every rule libpulse has, from the values given, not this
 * process's environment), how much of a path exists, and the inotify wait
 * for the socket in a temporary directory: components made, removed, moved
 * and made before the watch could see them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "pulse_socket.h"

/* -- the path */

static const char *path_of(const struct pulse_env *e)
{
	static char out[PATH_MAX];
	return pulse_socket_path(e, out, sizeof(out)) ? out : NULL;
}

static void test_pulse_server_one_unix_socket(void **state)
{
	(void)state;
	struct pulse_env e = {.server = "unix:/run/user/7/pulse/native",
			      .xdg_runtime = "/elsewhere"};
	assert_string_equal(path_of(&e), "/run/user/7/pulse/native");
	e.server = "/tmp/pa/native"; /* a bare path is a unix socket too */
	assert_string_equal(path_of(&e), "/tmp/pa/native");
	e.server = "  unix:/tmp/pa/native\n"; /* blanks around: one server */
	assert_string_equal(path_of(&e), "/tmp/pa/native");
}

static void test_pulse_server_not_one_file(void **state)
{
	(void)state;
	static const char *const servers[] = {
	    "",
	    "   ",
	    "unix:",
	    "unix:/a/native unix:/b/native", /* several, tried in turn */
	    "/a/native\ttcp:localhost",
	    "tcp:localhost:4713",
	    "tcp6:[::1]",
	    "localhost",
	    "{0123abcd}unix:/run/user/7/pulse/native",
	};
	for (size_t i = 0; i < sizeof(servers) / sizeof(*servers); i++) {
		struct pulse_env e = {.server = servers[i],
				      .xdg_runtime = "/run/user/7"};
		if (path_of(&e))
			fail_msg("PULSE_SERVER=\"%s\" gave %s", servers[i],
				 path_of(&e));
	}
}

static void test_runtime_dirs(void **state)
{
	(void)state;
	struct pulse_env e = {.runtime_path = "/tmp/rt",
			      .xdg_runtime = "/run/user/7",
			      .home = "/home/u",
			      .machine_id = "abc"};
	assert_string_equal(path_of(&e), "/tmp/rt/native");
	e.runtime_path = NULL;
	assert_string_equal(path_of(&e), "/run/user/7/pulse/native");
	/* Set but empty: libpulse does not fall through to the next rule. */
	e.xdg_runtime = "";
	assert_null(path_of(&e));
	e.runtime_path = "";
	e.xdg_runtime = "/run/user/7";
	assert_null(path_of(&e));
}

static void test_legacy_runtime_dir(void **state)
{
	(void)state;
	struct pulse_env e = {.home = "/home/u", .machine_id = "abc"};
	assert_string_equal(path_of(&e),
			    "/home/u/.config/pulse/abc-runtime/native");
	e.xdg_config = "/cfg";
	assert_string_equal(path_of(&e), "/cfg/pulse/abc-runtime/native");
	e.dot_pulse = true; /* the old home wins when it exists */
	assert_string_equal(path_of(&e), "/home/u/.pulse/abc-runtime/native");
	e.machine_id = NULL;
	assert_null(path_of(&e));
	e.machine_id = "abc";
	e.home = NULL;
	assert_null(path_of(&e));
}

static void test_path_too_long(void **state)
{
	(void)state;
	char out[16];
	struct pulse_env e = {.xdg_runtime = "/run/user/1000"};
	assert_false(pulse_socket_path(&e, out, sizeof(out)));
	e.xdg_runtime = "/r";
	assert_true(pulse_socket_path(&e, out, sizeof(out)));
	assert_string_equal(out, "/r/pulse/native");
}

/* -- files in a temporary directory */

static char *tmp_dir(void)
{
	char *d = strdup("/tmp/ctile-pulse-XXXXXX");
	assert_non_null(d);
	assert_non_null(mkdtemp(d));
	return d;
}

static void remove_tree(const char *dir)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static const char *in(const char *dir, const char *name)
{
	static char path[4][PATH_MAX];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, PATH_MAX, "%s/%s", dir, name);
	return p;
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static void test_first_line(void **state)
{
	(void)state;
	char *dir = tmp_dir(), id[64];
	FILE *f = fopen(in(dir, "machine-id"), "w");
	assert_non_null(f);
	fputs("0123abcd\nmore\n", f);
	fclose(f);
	assert_true(pulse_first_line(in(dir, "machine-id"), id, sizeof(id)));
	assert_string_equal(id, "0123abcd");
	touch(in(dir, "empty"));
	assert_false(pulse_first_line(in(dir, "empty"), id, sizeof(id)));
	assert_false(pulse_first_line(in(dir, "none"), id, sizeof(id)));
	remove_tree(dir);
	free(dir);
}

static void test_existing_prefix(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	ssize_t top = (ssize_t)strlen(dir);
	const char *sock = in(dir, "a/b/native");
	assert_int_equal(pulse_existing_prefix(sock), top);
	assert_int_equal(mkdir(in(dir, "a"), 0700), 0);
	assert_int_equal(pulse_existing_prefix(sock), top + 2);
	assert_int_equal(mkdir(in(dir, "a/b"), 0700), 0);
	assert_int_equal(pulse_existing_prefix(sock), top + 4);
	touch(sock);
	assert_int_equal(pulse_existing_prefix(sock), (ssize_t)strlen(sock));
	/* Doubled slashes name the same directories. */
	assert_int_equal(pulse_existing_prefix(in(dir, "a//b//none")), top + 5);
	assert_int_equal(pulse_existing_prefix("/"), -1);
	assert_int_equal(pulse_existing_prefix("/nonexistent-ctile/x"), 1);
	remove_tree(dir);
	free(dir);
}

/* Where no event could say that the path got better. */
static void test_existing_prefix_unwatchable(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	assert_int_equal(pulse_existing_prefix("relative/native"), -1);
	assert_int_equal(pulse_existing_prefix(in(dir, "a/")), -1);
	assert_int_equal(pulse_existing_prefix(""), -1);
	touch(in(dir, "file"));
	assert_int_equal(pulse_existing_prefix(in(dir, "file/native")), -1);
	assert_int_equal(symlink(in(dir, "nowhere"), in(dir, "link")), 0);
	assert_int_equal(pulse_existing_prefix(in(dir, "link/native")), -1);
	/* A link to a directory is that directory. */
	assert_int_equal(mkdir(in(dir, "real"), 0700), 0);
	assert_int_equal(symlink(in(dir, "real"), in(dir, "ln")), 0);
	assert_int_equal(pulse_existing_prefix(in(dir, "ln/native")),
			 (ssize_t)strlen(in(dir, "ln")));
	remove_tree(dir);
	free(dir);
}

/* -- the wait */

/* What the wait says once its fd is readable (bounded: an event that
 * never comes fails the test instead of hanging it). */
static enum pulse_wait next(struct pulse_watch *w)
{
	struct pollfd p = {.fd = w->fd, .events = POLLIN};
	assert_int_equal(poll(&p, 1, 5000), 1);
	return pulse_watch_read(w);
}

/* Read until nothing is pending (the end of a removed watch is an event
 * too), each read still waiting. */
static void settle(struct pulse_watch *w)
{
	struct pollfd p = {.fd = w->fd, .events = POLLIN};
	while (poll(&p, 1, 0) == 1)
		assert_int_equal(pulse_watch_read(w), PULSE_WAIT_WAITING);
}

/* Nothing is pending on the fd. */
static void quiet(struct pulse_watch *w)
{
	struct pollfd p = {.fd = w->fd, .events = POLLIN};
	assert_int_equal(poll(&p, 1, 0), 0);
}

static size_t watched(const struct pulse_watch *w)
{
	return w->dir_len;
}

static void test_watch_moves_down_then_sees_the_socket(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	struct pulse_watch w = PULSE_WATCH_NONE;
	assert_int_equal(pulse_watch_start(&w, in(dir, "pulse/native")),
			 PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(dir));
	quiet(&w);
	/* Something else in the directory: still waiting, same place. */
	touch(in(dir, "other"));
	assert_int_equal(next(&w), PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(dir));
	assert_int_equal(mkdir(in(dir, "pulse"), 0700), 0);
	assert_int_equal(next(&w), PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(in(dir, "pulse")));
	settle(&w); /* the old watch's end */
	quiet(&w);
	touch(in(dir, "pulse/pid"));
	assert_int_equal(next(&w), PULSE_WAIT_WAITING);
	/* A real socket, as a server binds it. */
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", in(dir, "pulse/native"));
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	close(fd);
	assert_int_equal(next(&w), PULSE_WAIT_THERE);
	pulse_watch_stop(&w);
	assert_int_equal(w.fd, -1);
	remove_tree(dir);
	free(dir);
}

/* The directories and the socket all came before the wait read anything:
 * one read finds the socket. */
static void test_watch_sees_what_came_at_once(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	struct pulse_watch w = PULSE_WATCH_NONE;
	assert_int_equal(pulse_watch_start(&w, in(dir, "a/b/native")),
			 PULSE_WAIT_WAITING);
	assert_int_equal(mkdir(in(dir, "a"), 0700), 0);
	assert_int_equal(mkdir(in(dir, "a/b"), 0700), 0);
	touch(in(dir, "a/b/native"));
	assert_int_equal(next(&w), PULSE_WAIT_THERE);
	pulse_watch_stop(&w);
	remove_tree(dir);
	free(dir);
}

/* A directory moved into place counts as made. */
static void test_watch_sees_a_rename(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	struct pulse_watch w = PULSE_WATCH_NONE;
	assert_int_equal(pulse_watch_start(&w, in(dir, "pulse/native")),
			 PULSE_WAIT_WAITING);
	assert_int_equal(mkdir(in(dir, "tmp"), 0700), 0);
	touch(in(dir, "tmp/native"));
	assert_int_equal(rename(in(dir, "tmp"), in(dir, "pulse")), 0);
	assert_int_equal(next(&w), PULSE_WAIT_THERE);
	pulse_watch_stop(&w);
	remove_tree(dir);
	free(dir);
}

/* The watched directory goes: the watch moves up, and down again when it
 * comes back. So does one moved away (its watch would follow it). */
static void test_watch_moves_up(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	struct pulse_watch w = PULSE_WATCH_NONE;
	assert_int_equal(mkdir(in(dir, "pulse"), 0700), 0);
	assert_int_equal(pulse_watch_start(&w, in(dir, "pulse/native")),
			 PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(in(dir, "pulse")));
	assert_int_equal(rmdir(in(dir, "pulse")), 0);
	assert_int_equal(next(&w), PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(dir));
	assert_int_equal(mkdir(in(dir, "pulse"), 0700), 0);
	assert_int_equal(next(&w), PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(in(dir, "pulse")));
	assert_int_equal(rename(in(dir, "pulse"), in(dir, "old")), 0);
	assert_int_equal(next(&w), PULSE_WAIT_WAITING);
	assert_int_equal(watched(&w), strlen(dir));
	settle(&w);
	/* The old directory is no longer watched: a socket there is not it. */
	touch(in(dir, "old/native"));
	quiet(&w);
	assert_int_equal(mkdir(in(dir, "pulse"), 0700), 0);
	touch(in(dir, "pulse/native"));
	assert_int_equal(next(&w), PULSE_WAIT_THERE);
	pulse_watch_stop(&w);
	remove_tree(dir);
	free(dir);
}

static void test_watch_start_edges(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	struct pulse_watch w = PULSE_WATCH_NONE;
	touch(in(dir, "native"));
	assert_int_equal(pulse_watch_start(&w, in(dir, "native")),
			 PULSE_WAIT_THERE);
	assert_int_equal(pulse_watch_start(&w, "relative/native"),
			 PULSE_WAIT_ERROR);
	assert_int_equal(pulse_watch_start(&w, in(dir, "native/x")),
			 PULSE_WAIT_ERROR);
	pulse_watch_stop(&w);
	pulse_watch_stop(&w); /* twice is harmless */
	assert_int_equal(pulse_watch_read(&w), PULSE_WAIT_ERROR);
	remove_tree(dir);
	free(dir);
}

/* A component turning into something no event would fix (a file where a
 * directory should be) ends the wait: the widget falls back to a timer. */
static void test_watch_gives_up(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	struct pulse_watch w = PULSE_WATCH_NONE;
	assert_int_equal(pulse_watch_start(&w, in(dir, "pulse/native")),
			 PULSE_WAIT_WAITING);
	touch(in(dir, "pulse"));
	assert_int_equal(next(&w), PULSE_WAIT_ERROR);
	pulse_watch_stop(&w);
	remove_tree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pulse_server_one_unix_socket),
	    cmocka_unit_test(test_pulse_server_not_one_file),
	    cmocka_unit_test(test_runtime_dirs),
	    cmocka_unit_test(test_legacy_runtime_dir),
	    cmocka_unit_test(test_path_too_long),
	    cmocka_unit_test(test_first_line),
	    cmocka_unit_test(test_existing_prefix),
	    cmocka_unit_test(test_existing_prefix_unwatchable),
	    cmocka_unit_test(test_watch_moves_down_then_sees_the_socket),
	    cmocka_unit_test(test_watch_sees_what_came_at_once),
	    cmocka_unit_test(test_watch_sees_a_rename),
	    cmocka_unit_test(test_watch_moves_up),
	    cmocka_unit_test(test_watch_start_edges),
	    cmocka_unit_test(test_watch_gives_up),
	};
	return cmocka_run_group_tests_name("pulse_socket", tests, NULL, NULL);
}
