/* fuzz_config.c: libFuzzer target for the config parser (config_parse_text).
 *
 * Any text at all must give a parsed config and a list of errors, never a
 * crash, a leak or undefined behaviour. Besides the sanitizers, each error
 * is checked to be well formed: a file, a message, a line, and a column that
 * points into (or just past) the offending line it prints. */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;
static char sandbox[4096]; /* a private folder, removed at exit */
static char name[4200];	   /* sandbox/fuzz: what the input is parsed as */

static void sandbox_path(char *out, size_t len, const char *file)
{
	snprintf(out, len, "%s/%s", sandbox, file);
}

static void put_file(const char *file, const char *text)
{
	char path[4200];
	sandbox_path(path, sizeof(path), file);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void sandbox_remove(void)
{
	nftw(sandbox, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* Files that reach every path of include: a nested include with variables
 * and a mode, a loop, a chain of includes deeper than the parser allows, a
 * directory, an empty file, a file over the size limit (sparse), a dangling
 * symbolic link, and globs that match several of them. */
static void sandbox_fill(void)
{
	char path[4200], text[64];
	put_file("a.conf", "set $m Mod1\nbind $m+a view 2\ninclude b.conf\n");
	put_file("b.conf", "tags x y z\nmode m {\nbind q mode default\n}\n");
	put_file("loop.conf", "border_width 3\ninclude loop.conf\n");
	put_file("empty.conf", "");
	/* In a folder of its own, so that `include *.conf` stays cheap. */
	sandbox_path(path, sizeof(path), "chain");
	mkdir(path, 0700);
	for (int i = 0; i < 20; i++) {
		char file[32];
		snprintf(file, sizeof(file), "chain/%d.conf", i);
		snprintf(text, sizeof(text), "gaps inner %d\ninclude %d.conf\n",
			 i, i + 1);
		put_file(file, text);
	}
	sandbox_path(path, sizeof(path), "dir");
	mkdir(path, 0700);
	put_file("huge.conf", "");
	sandbox_path(path, sizeof(path), "huge.conf");
	if (truncate(path, 5 << 20) != 0)
		perror("fuzz_config: huge.conf");
	sandbox_path(path, sizeof(path), "gone.conf");
	if (symlink("nowhere", path) != 0)
		perror("fuzz_config: gone.conf");
}

/* The input is parsed as a file "fuzz" in the sandbox, so its relative
 * includes (and ~, through HOME) land among the files above. Absolute
 * paths still read the real file system, which is harmless: the parser
 * only reads. No chdir: libFuzzer's own relative paths keep working. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(sandbox, sizeof(sandbox), "%s/ctile-fuzz-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	devnull = fopen("/dev/null", "w");
	if (!devnull || !mkdtemp(sandbox)) {
		perror("fuzz_config: set-up");
		abort();
	}
	atexit(sandbox_remove);
	sandbox_path(name, sizeof(name), "fuzz");
	setenv("HOME", sandbox, 1);
	sandbox_fill();
	return 0;
}

static void check_errors(const struct config_errors *errs, size_t before,
			 int returned)
{
	if ((size_t)returned != errs->n - before) {
		fprintf(stderr,
			"fuzz: config_parse_text returned %d for %zu errors\n",
			returned, errs->n - before);
		abort();
	}
	for (size_t i = 0; i < errs->n; i++) {
		const struct config_error *e = &errs->v[i];
		if (!e->file || !e->message || !e->message[0] || e->line < 0 ||
		    e->col < 0 ||
		    (e->text && (size_t)e->col > strlen(e->text) + 1)) {
			fprintf(
			    stderr,
			    "fuzz: malformed error %zu: %s:%d:%d: %s (line of "
			    "%zu bytes)\n",
			    i, e->file ? e->file : "(null)", e->line, e->col,
			    e->message ? e->message : "(null)",
			    e->text ? strlen(e->text) : 0);
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct config_errors errs = {0};
	config_init(&c);
	int n = config_parse_text(&c, (const char *)data, size, name, &errs);
	check_errors(&errs, 0, n);
	config_errors_print(&errs, devnull);
	config_finish(&c);
	config_errors_clear(&errs);
	return 0;
}
