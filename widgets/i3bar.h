/* i3bar.h: the i3bar protocol, as pure functions: the header line, the
 * endless array of block arrays, colours, and click events. No X, no
 * pipes: the script widget feeds it lines. */
#ifndef CTILE_I3BAR_H
#define CTILE_I3BAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum i3bar_align { I3BAR_ALIGN_LEFT, I3BAR_ALIGN_CENTER, I3BAR_ALIGN_RIGHT };

/* One block of a status line. Strings are owned; full_text is never
 * NULL, the others are NULL when the block did not give them. */
struct i3bar_block {
	char *full_text, *short_text;
	char *name, *instance;
	char *min_width_text; /* min_width given as a text to fit */
	int min_width;	      /* pixels; 0: none */
	uint32_t color, background, border; /* 0xAARRGGBB, when has_ */
	bool has_color, has_background, has_border;
	int border_top, border_right, border_bottom, border_left;
	int separator_block_width; /* pixels after the block */
	enum i3bar_align align;	   /* of the text inside min_width */
	bool urgent, separator, markup;
};

struct i3bar_blocks {
	struct i3bar_block *v;
	size_t n;
};

/* Where a stream of lines is: before its first line, plain text (not the
 * protocol), after the header and before the array's `[`, in the array. */
enum i3bar_phase { I3BAR_START, I3BAR_PLAIN, I3BAR_OPEN, I3BAR_BODY };

struct i3bar_stream {
	enum i3bar_phase phase;
	bool click_events; /* the header asked for them */
};

/* What a line was. */
enum i3bar_result {
	I3BAR_NOTHING, /* consumed, nothing to show: `[`, `]`, blank */
	I3BAR_TEXT,    /* not the protocol: show the line as it is */
	I3BAR_HEADER,  /* the header: the protocol starts */
	I3BAR_BLOCKS,  /* a new status line (the blocks given are set) */
	I3BAR_ERROR,   /* malformed: err says why, the blocks are kept */
};

/* Feed the next line of output. On I3BAR_BLOCKS *out is replaced (the old
 * blocks freed). err gets a one-line message on I3BAR_ERROR. */
enum i3bar_result i3bar_feed(struct i3bar_stream *s, const char *line,
			     struct i3bar_blocks *out, char *err, size_t len);

/* Whether line is the header: a JSON object with "version" >= 1; its
 * "click_events" (false when absent) goes to *click_events. */
bool i3bar_parse_header(const char *line, bool *click_events);

/* The block arrays of one body line (commas and whitespace around them
 * allowed; of several arrays on one line the last counts): I3BAR_BLOCKS,
 * I3BAR_NOTHING (no array: blank, `]`) or I3BAR_ERROR. */
enum i3bar_result i3bar_parse_blocks(const char *line, struct i3bar_blocks *out,
				     char *err, size_t len);

/* #rrggbb or #rrggbbaa as 0xAARRGGBB. */
bool i3bar_parse_color(const char *s, uint32_t *out);

void i3bar_blocks_free(struct i3bar_blocks *b);
/* Same blocks, same look: nothing to redraw. */
bool i3bar_blocks_equal(const struct i3bar_blocks *a,
			const struct i3bar_blocks *b);

/* A click on a block, as sent to a status command that asked for them. */
struct i3bar_click {
	const char *name, *instance; /* NULL: left out */
	int button;
	unsigned modifiers; /* X's state mask: Shift, Control, Mod1..Mod5 */
	int x, y;	    /* on the root window */
	int relative_x, relative_y; /* inside the block */
	int output_x, output_y;	    /* on the monitor */
	int width, height;	    /* of the block */
};

/* The click as one line of JSON, no newline; malloc'd, NULL if out of
 * memory. */
char *i3bar_click_json(const struct i3bar_click *c);

#endif
