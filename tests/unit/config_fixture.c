/* config_fixture.c: the config tests' shared fixture (config_fixture.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_fixture.h"

void config_fx_init(struct config_fx *f)
{
	config_init(&f->c);
	f->e = (struct config_errors){0};
}

void config_fx_free(struct config_fx *f)
{
	config_finish(&f->c);
	config_errors_clear(&f->e);
}

int config_fx_setup(void **state)
{
	struct config_fx *f = calloc(1, sizeof(*f));
	if (!f)
		return -1;
	config_fx_init(f);
	*state = f;
	return 0;
}

int config_fx_teardown(void **state)
{
	struct config_fx *f = *state;
	config_fx_free(f);
	free(f);
	return 0;
}

int config_fx_parse(struct config_fx *f, const char *text, size_t len)
{
	config_errors_clear(&f->e);
	return config_parse_text(&f->c, text, len, "test", &f->e);
}

void config_fx_parse_ok(struct config_fx *f, const char *text)
{
	static char log[CONFIG_FX_LOG_MAX];
	int n = config_fx_parse(f, text, strlen(text));
	config_fx_errors_text(&f->e, log, sizeof(log));
	assert_int_equal((size_t)n, f->e.n);
	if (n)
		fail_msg("unexpected errors (%d) in:\n%.300s\n-- got:\n%s", n,
			 text, log);
}

void config_fx_errors_text(const struct config_errors *e, char *out, size_t len)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < e->n && o < len; i++) {
		const struct config_error *er = &e->v[i];
		int n;
		if (er->col > 0)
			n = snprintf(out + o, len - o, "%s:%d:%d: %s\n",
				     er->file, er->line, er->col, er->message);
		else
			n = snprintf(out + o, len - o, "%s:%d: %s\n", er->file,
				     er->line, er->message);
		if (n < 0)
			break;
		o += (size_t)n;
	}
}

int config_fx_lines(const char *text, size_t len)
{
	int lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	return lines;
}

void config_fx_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}
