/* fuzz_command.c: libFuzzer target for the command language (command_run).
 *
 * Each input is a batch of lines, as a key binding, the config file or the
 * control socket would send them, run one after the other against a fresh
 * window manager without X: two monitors and a few clients. After every
 * line the model's invariants must hold, and a failed command must say why
 * and point at a column inside its line. Any violation aborts, so libFuzzer
 * reports it with the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "model.h"
#include "wm.h"
#include "words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* spawn forks /bin/sh -c with the rest of the line: a fuzzer would run
 * arbitrary shell commands (rm, fork bombs) and leave children behind.
 * exec and exec_always only record their line today, but they exist to
 * start programs, and the config target covers them. Their parsing is the
 * same word splitting and arity check as every other command, which the
 * other lines cover. The line is split with the dispatcher's own
 * tokenizer, so quoting or escaping the name ("spawn", sp\awn) cannot
 * sneak one past; any other way to a fork aborts (no_processes.c). */
static bool forks(const char *line)
{
	static const char *const names[] = {"spawn", "exec", "exec_always"};
	struct words w;
	char err[128];
	int col;
	if (words_split(line, &w, err, sizeof(err), &col) <= 0)
		return false;
	bool found = false;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		found |= strcmp(w.w[0], names[i]) == 0;
	words_free(&w);
	return found;
}

static void setup(struct wm *wm)
{
	wm_init(wm);
	struct model *m = &wm->model;
	struct monitor *one =
	    model_add_monitor(m, (struct rect){0, 0, 1280, 800});
	struct monitor *two =
	    model_add_monitor(m, (struct rect){1280, 0, 1024, 768});
	struct client *a = model_manage(m, 0x400001, one, 0);
	model_manage(m, 0x400002, one, 0);
	struct client *c = model_manage(m, 0x400003, one, 1u << 1);
	model_manage(m, 0x400004, two, 0);
	if (!one || !two || !a || !c) {
		fprintf(stderr, "fuzz_command: set-up failed\n");
		abort();
	}
	model_set_floating(m, a, true);
	model_set_urgent(m, c, true);
	model_focus(m, a);
}

static void check(const struct wm *wm, const char *line, bool ok,
		  const char *err, int col)
{
	char why[256];
	if (!model_check(&wm->model, why, sizeof(why))) {
		fprintf(stderr, "fuzz: model_check after '%s': %s\n", line,
			why);
		abort();
	}
	if (!ok && (!err[0] || col < 0 || (size_t)col > strlen(line))) {
		fprintf(stderr, "fuzz: bad error for '%s': col %d, '%s'\n",
			line, col, err);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	if (!line)
		return 0;
	struct wm wm;
	setup(&wm);
	for (size_t pos = 0; pos < size;) {
		const uint8_t *nl = memchr(data + pos, '\n', size - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) : size - pos;
		memcpy(line, data + pos, n);
		line[n] = '\0';
		pos += n + 1;
		if (forks(line))
			continue;
		char err[512];
		int col = -1;
		bool ok = command_run(&wm, line, err, sizeof(err), &col);
		check(&wm, line, ok, err, col);
	}
	free(line);
	wm_finish(&wm);
	return 0;
}
