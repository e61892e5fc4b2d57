/* config_fixture.h: what the config tests share: a config and the errors
 * found parsing it, parsed from text as file "test", the errors as text,
 * and config files written for a test to read. */
#ifndef CTILE_TEST_CONFIG_FIXTURE_H
#define CTILE_TEST_CONFIG_FIXTURE_H

#include <stddef.h>

#include "config.h"

/* Room enough for the text of every error list a config test produces. */
#define CONFIG_FX_LOG_MAX (1 << 16)

/* A config to parse into, and the errors found parsing it. */
struct config_fx {
	struct config c;
	struct config_errors e;
};

/* A fresh config (as config_init leaves it) and no errors. */
void config_fx_init(struct config_fx *f);

/* Frees the config and the errors; f may be initialised again after, and
 * f->e is left an empty list. */
void config_fx_free(struct config_fx *f);

/* cmocka setup and teardown: *state is a fresh struct config_fx, freed
 * after the test whatever it left in it. */
int config_fx_setup(void **state);
int config_fx_teardown(void **state);

/* Parses len bytes of text as file "test" on top of what f->c holds; f->e
 * then holds this parse's errors only. Returns the count the parser gave. */
int config_fx_parse(struct config_fx *f, const char *text, size_t len);

/* Parses text as config_fx_parse does, expecting no error at all (and the
 * count returned to match the errors kept); a failure lists every error. */
void config_fx_parse_ok(struct config_fx *f, const char *text);

/* The errors as "FILE:LINE:COL: message" lines, ":COL" left out for an
 * error about the whole line (col 0), as ctile --check-config heads them;
 * at most len bytes, always terminated. */
void config_fx_errors_text(const struct config_errors *e, char *out,
			   size_t len);

/* How many lines len bytes of text have, as an error may number them: one
 * more than its newlines. */
int config_fx_lines(const char *text, size_t len);

/* Writes text to the file path (created or emptied), asserting each step. */
void config_fx_write_file(const char *path, const char *text);

#endif
