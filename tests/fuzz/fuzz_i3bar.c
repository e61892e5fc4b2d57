/* fuzz_i3bar.c: libFuzzer target for the i3bar protocol, what a status
 * command prints to the script widget.
 *
 * Each input is a status command's output: its lines are fed one after the
 * other to one stream, as the widget feeds them. Whatever they are, every
 * block shown has its full_text, its numbers stay in their bounds, a click
 * on any block makes JSON that json-c reads back, and nothing leaks. */
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i3bar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct i3bar_blocks *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct i3bar_block *x = &b->v[i];
		if (!x->full_text || x->border_top < 0 || x->border_top > 100 ||
		    x->separator_block_width < 0 ||
		    x->separator_block_width > 1000 || x->min_width < 0) {
			fprintf(stderr, "fuzz_i3bar: block %zu out of bounds\n",
				i);
			abort();
		}
		struct i3bar_click c = {.name = x->name,
					.instance = x->instance,
					.button = 1,
					.modifiers = 0xffff};
		char *json = i3bar_click_json(&c);
		struct json_object *o = json ? json_tokener_parse(json) : NULL;
		if (!o || !json_object_is_type(o, json_type_object)) {
			fprintf(stderr, "fuzz_i3bar: bad click JSON: %s\n",
				json ? json : "(none)");
			abort();
		}
		json_object_put(o);
		free(json);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct i3bar_stream s = {0};
	struct i3bar_blocks b = {0};
	char err[160];
	for (char *line = text, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		err[0] = '\0';
		enum i3bar_result r =
		    i3bar_feed(&s, line, &b, err, sizeof(err));
		if (r == I3BAR_ERROR && !err[0]) {
			fprintf(stderr,
				"fuzz_i3bar: an error without a word\n");
			abort();
		}
		check(&b);
	}
	i3bar_blocks_free(&b);
	free(text);
	return 0;
}
