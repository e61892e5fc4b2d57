/* script.h: what script.c (the command and its lines) and script_draw.c
 * (what is shown) share of a script widget. */
#ifndef CTILE_SCRIPT_H
#define CTILE_SCRIPT_H

#include <stdbool.h>
#include <stdint.h>

#include "i3bar.h"
#include "proc.h"
#include "widget.h"

/* A block's texts as measured, and where it was drawn. */
struct block_view {
	struct text_cache full, brief, minw;
	int x, w, gap; /* from the widget's left edge; the gap after it */
};

struct script {
	char *command, *click, *wrapped;
	int64_t interval_ms; /* 0: keep it running */
	bool markup;
	int max_width; /* px at 96 dpi before short_text is used; 0: never */

	struct proc proc;
	int timer;    /* timerfd for throttling and restarts; -1 */
	bool waiting; /* polling the timer, not the pipe */
	int64_t next_run, started, last_read, backoff;
	bool ran;	 /* started at least once */
	bool printed;	 /* this run printed something */
	size_t dropped;	 /* proc.dropped already reported */
	int exit_status; /* from the exit mark; -1: none seen */

	struct i3bar_stream stream;
	bool clicks_sent; /* a click went out: the next one needs a comma */

	struct text_cache text; /* a plain line or an error */
	bool error, blocks_mode, use_short;
	struct i3bar_blocks blocks;
	struct block_view *views;
	int drawn_x, height; /* as last drawn */
	int measured;	     /* the width measure() gave, padding and all */
};

/* What is shown: a plain line, or an error in the urgent colours; true if
 * it looks different. */
bool script_show_text(struct script *s, const char *text, bool error);
/* New blocks, taken over (*got is left empty). */
bool script_show_blocks(struct script *s, struct i3bar_blocks *got);
void script_show_free(struct script *s);
/* The block drawn at x pixels from the widget's left edge (its separator
 * gap included), or -1. */
int script_block_at(const struct script *s, int x);

int script_measure(void *self, const struct draw_ctx *d);
void script_draw(void *self, const struct draw_ctx *d, struct rect r);

#endif
