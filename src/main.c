/* main.c: command line, start-up, and the way out (quit or restart). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "activate.h"
#include "bar.h"
#include "config.h"
#include "ewmh.h"
#include "log.h"
#include "loop.h"
#include "session.h"
#include "systray.h"
#include "wm.h"
#include "x.h"

#ifndef CTILE_VERSION
#define CTILE_VERSION "unknown"
#endif

static void usage(FILE *out)
{
	fprintf(out,
		"usage: ctile [-c FILE] [--replace] [--check-config] "
		"[--version] [--help]\n"
		"  -c FILE             read FILE instead of the usual config\n"
		"  -r, --replace       take over from the running window "
		"manager\n"
		"  -C, --check-config  check the config and exit: 'ok' or its "
		"errors\n"
		"  -v, --version       print the version and exit\n"
		"  -h, --help          print this help and exit\n"
		"The config is -c FILE, else $XDG_CONFIG_HOME/ctile/config, "
		"else ctile/config\nin $XDG_CONFIG_DIRS (/etc/xdg), else the "
		"built-in default. Start ctile\nfrom ~/.xinitrc with 'exec "
		"ctile'.\n");
}

struct options {
	const char *config;
	bool check;
	bool replace;
};

/* -1: go on; else the exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-v") || !strcmp(a, "--version")) {
			printf("ctile %s\n", CTILE_VERSION);
			return 0;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "-C") || !strcmp(a, "--check-config")) {
			o->check = true;
		} else if (!strcmp(a, "-r") || !strcmp(a, "--replace")) {
			o->replace = true;
		} else if (!strcmp(a, "-c") && i + 1 < argc) {
			o->config = argv[++i];
		} else {
			fprintf(stderr, "ctile: unknown option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	return -1;
}

/* ctile --check-config: parse, print every error, touch no X server. */
static int check_config(const char *cli)
{
	char *path = config_find(cli);
	struct config c;
	struct config_errors errs = {0};
	config_init(&c);
	int n = config_load(&c, path, &errs);
	config_errors_print(&errs, stderr);
	if (!n)
		printf("ok (%s)\n", path ? path : "built-in config");
	config_finish(&c);
	config_errors_clear(&errs);
	free(path);
	return n ? 1 : 0;
}

/* The user's config, or the built-in one when it has errors: a broken
 * config never leaves the user without key bindings. Only -c FILE is
 * kept: without it, every reload looks the file up again. */
static void load_config(struct wm *wm, const char *cli)
{
	struct config c;
	struct config_errors errs = {0};
	wm->config_path = cli ? strdup(cli) : NULL;
	char *path = config_find(cli);
	config_init(&c);
	int n = config_load(&c, path, &errs);
	activate_report(wm, &errs);
	if (n) {
		log_error("%s: %d error%s; running the built-in config", path,
			  n, n == 1 ? "" : "s");
		config_finish(&c);
		config_errors_clear(&errs);
		config_init(&c);
		config_load(&c, NULL, &errs);
	}
	activate_config(wm, &c, true);
	config_finish(&c);
	config_errors_clear(&errs);
	free(path);
}

static void restart(struct wm *wm)
{
	session_save_order(wm);
	systray_finish(wm); /* icons to the root: the next tray docks them */
	x_sync(wm->x);
	setenv("CTILE_RESTARTED", "1", 1); /* exec lines ran already */
	execvp(wm->argv[0], wm->argv);
	log_error("restart: cannot execute '%s'; quitting instead",
		  wm->argv[0]);
}

int main(int argc, char **argv)
{
	struct options opt = {0};
	int status = parse_args(argc, argv, &opt);
	if (status >= 0)
		return status;
	const char *level = getenv("CTILE_LOG");
	if (level && !strcmp(level, "debug"))
		log_set_level(LOG_DEBUG);
	if (opt.check)
		return check_config(opt.config);
	/* ctile does not reparent: without this, Java (AWT) programs draw
	 * grey windows, as in every non-reparenting window manager. */
	setenv("_JAVA_AWT_WM_NONREPARENTING", "1", 0);
	bool restarted = getenv("CTILE_RESTARTED") != NULL;
	unsetenv("CTILE_RESTARTED");

	struct wm wm;
	struct xconn x;
	char err[256];
	wm_init(&wm);
	wm.argv = argv;
	if (!x_connect(&x, NULL, err, sizeof(err))) {
		fprintf(stderr, "ctile: %s\n", err);
		wm_finish(&wm);
		return 1;
	}
	wm.x = &x;
	/* After a restart the old ctile's window may not be gone yet. */
	if (!x_become_wm(&x, opt.replace || restarted, err, sizeof(err)) ||
	    !keys_init(&wm)) {
		fprintf(stderr, "ctile: %s\n", err);
		x_disconnect(&x);
		wm_finish(&wm);
		return 1;
	}
	session_monitors(&wm);
	load_config(&wm, opt.config);
	session_restore(&wm);
	ewmh_setup(&wm);
	activate_execs(&wm, !restarted);
	wm.model.dirty = ~0u;
	bool ok = loop_run(&wm);
	if (ok && wm.exit == WM_RESTART)
		restart(&wm);
	systray_finish(&wm);
	bar_finish(&wm);
	if (ok) {
		x_release_all(&wm);
		x_sync(&x);
	}
	x_disconnect(&x);
	wm_finish(&wm);
	return ok ? 0 : 1;
}
