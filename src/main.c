/* main.c: command line, start-up, and the way out (quit or restart). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "ewmh.h"
#include "log.h"
#include "loop.h"
#include "session.h"
#include "wm.h"
#include "x.h"

#ifndef CTILE_VERSION
#define CTILE_VERSION "unknown"
#endif

static void usage(FILE *out)
{
	fprintf(out,
		"usage: ctile [-c FILE] [--version] [--help]\n"
		"  -c FILE      read FILE instead of the default config\n"
		"  -v, --version  print the version and exit\n"
		"  -h, --help     print this help and exit\n"
		"ctile is an X11 tiling window manager with tags; start it "
		"from ~/.xinitrc with 'exec ctile'.\n");
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0, n;
	char *text = malloc(cap);
	while (text && (n = fread(text + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 == cap) {
			char *grown = realloc(text, cap *= 2);
			if (!grown)
				free(text);
			text = grown;
		}
	}
	fclose(f);
	if (text)
		text[len] = '\0';
	return text;
}

/* The user's config, or the built-in one when it cannot be used: a
 * broken config must never leave the user without key bindings. */
static void load_config(struct wm *wm, const char *path)
{
	char *text = path ? read_file(path) : NULL;
	if (path && !text)
		log_error("%s: cannot read it; using the built-in config",
			  path);
	if (text && config_apply_text(wm, text, path) == 0) {
		free(text);
		return;
	}
	if (text)
		log_error("%s has errors; using the built-in config", path);
	free(text);
	wm_clear_bindings(wm);
	wm_clear_vars(wm);
	config_apply_text(wm, ctile_default_config, "built-in config");
}

static int parse_args(int argc, char **argv, const char **config)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-v") || !strcmp(a, "--version")) {
			printf("ctile %s\n", CTILE_VERSION);
			return 0;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "-c") && i + 1 < argc) {
			*config = argv[++i];
		} else {
			fprintf(stderr, "ctile: unknown option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	return -1;
}

static void restart(struct wm *wm)
{
	session_save_order(wm);
	x_sync(wm->x);
	execvp(wm->argv[0], wm->argv);
	log_error("restart: cannot execute '%s'; quitting instead",
		  wm->argv[0]);
}

int main(int argc, char **argv)
{
	const char *config = NULL;
	int status = parse_args(argc, argv, &config);
	if (status >= 0)
		return status;
	/* ctile does not reparent: without this, Java (AWT) programs draw
	 * grey windows, as in every non-reparenting window manager. */
	setenv("_JAVA_AWT_WM_NONREPARENTING", "1", 0);
	const char *level = getenv("CTILE_LOG");
	if (level && !strcmp(level, "debug"))
		log_set_level(LOG_DEBUG);

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
	if (!x_become_wm(&x, err, sizeof(err)) || !keys_init(&wm)) {
		fprintf(stderr, "ctile: %s\n", err);
		x_disconnect(&x);
		wm_finish(&wm);
		return 1;
	}
	load_config(&wm, config);
	session_monitors(&wm);
	session_restore(&wm);
	ewmh_setup(&wm);
	wm.model.dirty = ~0u;
	bool ok = loop_run(&wm);
	if (ok && wm.exit == WM_RESTART)
		restart(&wm);
	if (ok) {
		x_release_all(&wm);
		x_sync(&x);
	}
	x_disconnect(&x);
	wm_finish(&wm);
	return ok ? 0 : 1;
}
