/* script.c: a command's output in the bar. Run every interval seconds,
 * or kept running with each line shown as it comes; when its first line
 * is the i3bar header, its blocks are drawn and clicks sent back to it
 * (i3status, i3blocks). Its pipe is read in the poll loop and never
 * blocks; a flood is read in bounded slices, a death shown and retried
 * after a back-off. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "log.h"
#include "script.h"
#include "spawn.h"
#include "wm.h"

#define SCRIPT_LINE_MAX	   (64 * 1024) /* longer lines are dropped */
#define SCRIPT_GAP_MS	   40	       /* between reads of a busy pipe */
#define SCRIPT_BACKOFF_MS  5000	       /* first wait before a restart */
#define SCRIPT_BACKOFF_MAX (5 * 60 * 1000)
#define SCRIPT_STEADY_MS   60000 /* a run this long resets the wait */
#define SCRIPT_EXIT_MARK   "\036ctile-exit "

/* The command as run: through a shell of its own, so that ~ and pipes
 * work, followed by a mark with its exit status (ctile reaps children
 * without looking at their status). */
static char *wrap(const char *cmd)
{
	static const char head[] = "/bin/sh -c '",
			  foot[] = "'; printf '\\036ctile-exit %d\\n' \"$?\"";
	size_t n = strlen(cmd), quotes = 0;
	for (const char *p = cmd; (p = strchr(p, '\'')); p++)
		quotes++;
	char *w = malloc(sizeof(head) + n + 3 * quotes + sizeof(foot));
	if (!w)
		return NULL;
	char *o = stpcpy(w, head);
	for (const char *p = cmd; *p; p++)
		o = *p == '\'' ? stpcpy(o, "'\\''") : (*o = *p, o + 1);
	strcpy(o, foot);
	return w;
}

static bool yes_no(const char *v, bool *out)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true"))
		return *out = true;
	if (!strcmp(v, "no") || !strcmp(v, "false"))
		return !(*out = false);
	return false;
}

static void script_destroy(void *self);

static bool script_options(struct script *s, const struct widget_args *a,
			   char **error)
{
	const char *v;
	long interval, max_width;
	bool persist = false;
	if (!widget_arg_int(a, "interval", 0, 0, &interval, error) ||
	    !widget_arg_int(a, "max_width", 0, 0, &max_width, error))
		return false;
	if ((v = widget_arg(a, "persist")) && !yes_no(v, &persist)) {
		*error = strdup("persist= is not yes or no");
		return false;
	}
	if ((v = widget_arg(a, "markup")) && strcmp(v, "pango") &&
	    strcmp(v, "none")) {
		*error = strdup("markup= is not pango or none");
		return false;
	}
	s->markup = v && !strcmp(v, "pango");
	if (interval > INT_MAX / 1000)
		interval = INT_MAX / 1000;
	s->interval_ms = persist ? 0 : interval * 1000;
	s->max_width = max_width > 100000 ? 100000 : (int)max_width;
	return true;
}

static void *script_create(const struct widget_args *a, char **error)
{
	const char *cmd = widget_arg(a, "command");
	if (!cmd || !*cmd) {
		*error = strdup("command= is missing");
		return NULL;
	}
	struct script *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->proc = (struct proc){.out = -1, .in = -1};
	s->timer = -1;
	s->backoff = SCRIPT_BACKOFF_MS;
	s->exit_status = -1;
	const char *click = widget_arg(a, "click");
	if (!script_options(s, a, error) || !(s->command = strdup(cmd)) ||
	    !(s->wrapped = wrap(cmd)) ||
	    (click && *click && !(s->click = strdup(click)))) {
		script_destroy(s);
		return NULL;
	}
	return s;
}

static void arm(struct script *s, int64_t ms)
{
	if (s->timer < 0)
		s->timer =
		    timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (s->timer < 0) {
		log_error("script '%s': no timer: it will not be restarted",
			  s->command);
		return;
	}
	ms = ms < 1 ? 1 : ms;
	struct itimerspec its = {.it_value = {ms / 1000, ms % 1000 * 1000000}};
	timerfd_settime(s->timer, 0, &its, NULL);
	s->waiting = true;
}

/* Kept running: start again after a wait that doubles while it keeps
 * dying soon, so a broken command never spins. */
static void schedule_restart(struct script *s, int64_t now)
{
	if (s->interval_ms)
		return; /* the next interval runs it */
	if (now - s->started >= SCRIPT_STEADY_MS)
		s->backoff = SCRIPT_BACKOFF_MS;
	arm(s, s->backoff);
	s->backoff = s->backoff * 2 > SCRIPT_BACKOFF_MAX ? SCRIPT_BACKOFF_MAX
							 : s->backoff * 2;
}

static bool start(struct script *s, int64_t now)
{
	s->stream = (struct i3bar_stream){0};
	s->clicks_sent = s->printed = false;
	s->dropped = 0;
	s->exit_status = -1;
	s->started = now;
	s->next_run = now + s->interval_ms;
	s->ran = true;
	if (proc_start(&s->proc, s->wrapped, true, false, NULL))
		return false;
	schedule_restart(s, now);
	return script_show_text(s, "cannot start", true);
}

/* The run is over (it printed its exit mark, or its shell was killed):
 * say how it ended when it said nothing itself. */
static bool finish_run(struct script *s, int64_t now)
{
	int status = s->exit_status;
	char msg[64] = "";
	proc_stop(&s->proc); /* and whatever it left running behind */
	if (status < 0)
		snprintf(msg, sizeof(msg), "killed");
	else if (status > 128 && status <= 128 + 64)
		snprintf(msg, sizeof(msg), "killed by signal %d", status - 128);
	else if (status && !s->printed)
		snprintf(msg, sizeof(msg), "exited %d", status);
	schedule_restart(s, now);
	if (msg[0])
		return script_show_text(s, msg, true);
	return s->printed ? false : script_show_text(s, "", false);
}

/* The exit mark the wrapper prints at the end of line, if it is there:
 * cut off, with the status taken. */
static bool exit_mark(struct script *s, char *line)
{
	char *m = strrchr(line, '\036');
	if (!m || strncmp(m, SCRIPT_EXIT_MARK, strlen(SCRIPT_EXIT_MARK)))
		return false;
	const char *d = m + strlen(SCRIPT_EXIT_MARK);
	if (!*d || strspn(d, "0123456789") != strlen(d) || strlen(d) > 3)
		return false;
	s->exit_status = atoi(d);
	*m = '\0';
	return true;
}

/* The header: blocks from now on, and the click array opened. */
static bool header(struct script *s)
{
	struct i3bar_blocks none = {0};
	if (s->stream.click_events && !proc_write(&s->proc, "[\n", 2))
		log_warn("script '%s': cannot send clicks", s->command);
	script_show_blocks(s, &none);
	return true;
}

/* One line of a stream just begun: the header and the `[` are taken one
 * by one; body lines only matter as the last of their batch. */
static bool early_line(struct script *s, const char *line,
		       const char **last_text)
{
	struct i3bar_blocks got = {0};
	char err[160];
	bool first = s->stream.phase == I3BAR_START;
	enum i3bar_result r =
	    i3bar_feed(&s->stream, line, &got, err, sizeof(err));
	/* Only a status command that wants clicks keeps its stdin: for any
	 * other, a read of it ends rather than waits for ever. */
	if (first && !s->stream.click_events && s->proc.in >= 0) {
		close(s->proc.in);
		s->proc.in = -1;
	}
	switch (r) {
	case I3BAR_HEADER:
		return header(s);
	case I3BAR_TEXT:
		*last_text = line;
		return false;
	case I3BAR_BLOCKS:
		return script_show_blocks(s, &got);
	case I3BAR_ERROR:
		return script_show_text(s, err, true);
	case I3BAR_NOTHING:
		break;
	}
	return false;
}

static bool body_line(struct script *s, const char *line)
{
	struct i3bar_blocks got = {0};
	char err[160];
	switch (i3bar_parse_blocks(line, &got, err, sizeof(err))) {
	case I3BAR_BLOCKS:
		return script_show_blocks(s, &got);
	case I3BAR_ERROR:
		return script_show_text(s, err, true);
	default:
		return false;
	}
}

/* Every complete line read: only the last one of a batch is shown, so a
 * flood costs one redraw per loop turn. True if the run ended; *got says
 * whether anything came. */
static bool take_lines(struct script *s, bool *changed, bool *got)
{
	const char *line, *last_text = NULL, *last_body = NULL;
	bool ended = false;
	while (!ended && (line = proc_line(&s->proc))) {
		*got = true;
		/* proc hands out its own buffer: the mark is cut in place. */
		ended = exit_mark(s, (char *)line);
		if (ended && !*line)
			break;
		s->printed = true;
		if (s->stream.phase == I3BAR_PLAIN)
			last_text = line;
		else if (s->stream.phase != I3BAR_BODY)
			*changed |= early_line(s, line, &last_text);
		else if (line[strspn(line, " \t\r,")] == '[')
			last_body = line;
	}
	if (last_body)
		*changed |= body_line(s, last_body);
	else if (last_text)
		*changed |= script_show_text(s, last_text, false);
	if (s->proc.dropped > s->dropped) {
		*got = true;
		s->dropped = s->proc.dropped;
		if (!last_body && !last_text)
			*changed |= script_show_text(
			    s, "line over 64 KiB dropped", true);
	}
	return ended;
}

static bool script_update(void *self, const struct bar_ctx *ctx)
{
	struct script *s = self;
	if (s->proc.pid || s->waiting)
		return false;
	if (!s->ran || (s->interval_ms && ctx->now_ms >= s->next_run))
		return start(s, ctx->now_ms);
	return false;
}

static int64_t script_next(void *self, int64_t now_ms)
{
	struct script *s = self;
	if (!s->interval_ms)
		return -1; /* restarts go through our own timer */
	/* A run still going at its next time is not started twice. */
	while (s->next_run <= now_ms)
		s->next_run += s->interval_ms;
	return s->next_run;
}

static int script_poll_fd(void *self)
{
	struct script *s = self;
	return s->waiting ? s->timer : s->proc.out;
}

static bool script_readable(void *self, int64_t now)
{
	struct script *s = self;
	bool changed = false, got = false, paused = s->waiting;
	if (s->waiting) {
		uint64_t expired;
		if (read(s->timer, &expired, sizeof(expired)) < 0)
			return false; /* not yet */
		s->waiting = false;
		if (!s->proc.pid)
			return start(s, now);
	}
	if (!s->proc.pid)
		return false;
	bool more = proc_read(&s->proc, SCRIPT_LINE_MAX);
	if (take_lines(s, &changed, &got) || !more)
		return finish_run(s, now) || changed;
	/* Lines coming faster than this are read in slices, the pipe left
	 * to fill meanwhile (which holds the writer back): a flood costs a
	 * bounded share of the CPU, and keys are handled in between. */
	if (got && (paused || now - s->last_read < SCRIPT_GAP_MS))
		arm(s, SCRIPT_GAP_MS);
	if (got)
		s->last_read = now;
	return changed;
}

/* A click sent to the status command, as i3bar does: `[`, then one
 * object per line, comma-separated. */
static void send_click(struct script *s, size_t i, struct i3bar_click *c)
{
	const struct i3bar_block *b = &s->blocks.v[i];
	c->name = b->name;
	c->instance = b->instance;
	char *json = i3bar_click_json(c);
	char line[PIPE_BUF];
	int n = json ? snprintf(line, sizeof(line), "%s%s\n",
				s->clicks_sent ? "," : "", json)
		     : -1;
	free(json);
	if (n > 0 && (size_t)n < sizeof(line) &&
	    proc_write(&s->proc, line, (size_t)n))
		s->clicks_sent = true;
	else
		log_warn("script '%s': a click could not be sent", s->command);
}

/* click="...": run with the button and where it was in its environment. */
static void run_click(struct script *s, int button, int x, int y)
{
	char *cmd;
	if (asprintf(&cmd, "export BUTTON=%d X=%d Y=%d\n%s", button, x, y,
		     s->click) < 0)
		return;
	spawn(cmd);
	free(cmd);
}

static void script_click(void *self, struct wm *wm, int button, int x,
			 uint16_t state)
{
	struct script *s = self;
	const struct monitor *mon = wm->model.selmon; /* the bar's */
	struct rect m = mon ? mon->geom : (struct rect){0};
	int bar_y = wm->cfg.bar.bottom ? m.h - s->height : 0;
	/* The bar does not pass the click's height: its middle. */
	int y = s->height / 2;
	struct i3bar_click c = {
	    .button = button,
	    .modifiers = state,
	    .x = m.x + s->drawn_x + x,
	    .y = m.y + bar_y + y,
	    .output_x = s->drawn_x + x,
	    .output_y = bar_y + y,
	    .relative_y = y,
	    .height = s->height,
	};
	if (s->blocks_mode && !s->error && s->stream.click_events &&
	    s->proc.pid) {
		int i = script_block_at(s, x);
		if (i >= 0) {
			c.relative_x = x - s->views[i].x;
			c.width = s->views[i].w;
			send_click(s, (size_t)i, &c);
		}
		return;
	}
	if (s->click)
		run_click(s, button, c.x, c.y);
}

static void script_destroy(void *self)
{
	struct script *s = self;
	if (!s)
		return;
	proc_stop(&s->proc);
	if (s->timer >= 0)
		close(s->timer);
	script_show_free(s);
	free(s->command);
	free(s->click);
	free(s->wrapped);
	free(s);
}

const struct widget_ops widget_script = {
    .name = "script",
    .fit = WIDGET_CUT,
    .create = script_create,
    .update = script_update,
    .measure = script_measure,
    .draw = script_draw,
    .click = script_click,
    .next_wakeup_ms = script_next,
    .destroy = script_destroy,
    .poll_fd = script_poll_fd,
    .readable = script_readable,
};
