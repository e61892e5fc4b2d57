/* test_model.c: the model's invariants under random operations, and its exact
 * behaviour on small hand-made cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arrange.h"
#include "model.h"

/* ------------------------------------------------------------------------ */
/* Helpers shared by both kinds of test                                     */
/* ------------------------------------------------------------------------ */

#define MAX_LIST 256

static struct rect rect_at(int x)
{
	return (struct rect){.x = x, .y = 0, .w = 1000, .h = 800};
}

/* Copy mon's tiling list into out; returns its length (capped). */
static size_t list_snap(const struct monitor *mon, struct client **out)
{
	size_t n = 0;
	for (struct client *c = mon->clients; c && n < MAX_LIST; c = c->next)
		out[n++] = c;
	return n;
}

/* Copy mon's focus history into out; returns its length (capped). */
static size_t stack_snap(const struct monitor *mon, struct client **out)
{
	size_t n = 0;
	for (struct client *c = mon->stack; c && n < MAX_LIST; c = c->snext)
		out[n++] = c;
	return n;
}

static bool list_is(const struct monitor *mon, struct client **want, size_t n)
{
	struct client *got[MAX_LIST];
	size_t k = list_snap(mon, got);
	if (k != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			return false;
	return true;
}

static void assert_model_ok(const struct model *m)
{
	char why[256] = "";
	bool ok = model_check(m, why, sizeof(why));
	if (!ok)
		fail_msg("model_check: %s", why);
}

/* ------------------------------------------------------------------------ */
/* Randomised sequences                                                     */
/* ------------------------------------------------------------------------ */

#define SEEDS	 50
#define STEPS	 2000
#define MAX_LIVE 48
#define ID_BASE	 0x00a00001u
#define MAX_IDS	 (STEPS + 16)
#define HISTORY	 16

struct sim {
	struct model m;
	bool inited;
	struct monitor *mons[3];
	int nmons;
	uint32_t live[MAX_LIVE]; /* ids the test believes are managed */
	size_t nlive;
	uint32_t next_id;
	bool alive[MAX_IDS];
	unsigned char in_list[MAX_IDS], in_stack[MAX_IDS];
	uint32_t dead[8]; /* the last ids unmanaged, 0: none yet */
	unsigned ndead;
	uint64_t rng;
	unsigned seed;
	int step;
	char op[160];
	char history[HISTORY][160];
};

static uint64_t rnd(struct sim *s)
{
	/* xorshift64*: small, fast and the same everywhere. */
	s->rng ^= s->rng >> 12;
	s->rng ^= s->rng << 25;
	s->rng ^= s->rng >> 27;
	return s->rng * 0x2545F4914F6CDD1DULL;
}

static unsigned rnd_below(struct sim *s, unsigned n)
{
	return (unsigned)((rnd(s) >> 32) % n);
}

static void sim_fail(struct sim *s, int line, const char *cond, const char *fmt,
		     ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	print_error("seed %u step %d: %s\n", s->seed, s->step, s->op);
	print_error("  line %d: (%s) %s\n", line, cond, msg);
	print_error("  last operations, oldest first:\n");
	for (int i = HISTORY - 1; i > 0; i--) {
		int step = s->step - i;
		if (step < 0)
			continue;
		print_error("    step %d: %s\n", step,
			    s->history[step % HISTORY]);
	}
	fail();
}

#define SIM_ASSERT(s, cond, ...)                                               \
	do {                                                                   \
		if (!(cond))                                                   \
			sim_fail((s), __LINE__, #cond, __VA_ARGS__);           \
	} while (0)

static void sim_op(struct sim *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->op, sizeof(s->op), fmt, ap);
	va_end(ap);
	memcpy(s->history[s->step % HISTORY], s->op, sizeof(s->op));
}

static unsigned id_slot(uint32_t id)
{
	return id - ID_BASE;
}

static tagmask all_tags(struct sim *s)
{
	int n = s->m.ntags;
	return n >= 32 ? ~(tagmask)0 : ((tagmask)1 << n) - 1;
}

static tagmask one_tag(struct sim *s)
{
	return (tagmask)1 << rnd_below(s, (unsigned)s->m.ntags);
}

/* A mask of any kind: one tag, several, none, or bits past ntags. */
static tagmask any_mask(struct sim *s)
{
	switch (rnd_below(s, 8)) {
	case 0:
		return 0;
	case 1:
		return (tagmask)rnd(s);
	case 2:
	case 3: {
		tagmask t = (tagmask)rnd(s) & all_tags(s);
		return t ? t : one_tag(s);
	}
	default:
		return one_tag(s);
	}
}

static struct monitor *any_mon(struct sim *s)
{
	return s->mons[rnd_below(s, (unsigned)s->nmons)];
}

static struct client *any_client(struct sim *s)
{
	if (!s->nlive)
		return NULL;
	uint32_t id = s->live[rnd_below(s, (unsigned)s->nlive)];
	struct client *c = model_find(&s->m, id);
	SIM_ASSERT(s, c != NULL, "model_find(%#x) lost a live client", id);
	return c;
}

static bool has_visible(const struct monitor *mon)
{
	for (struct client *c = mon->clients; c; c = c->next)
		if (client_visible(c))
			return true;
	return false;
}

/* The checks that do not trust model_check. */
static void sim_check(struct sim *s)
{
	struct model *m = &s->m;
	char why[256] = "";
	bool ok = model_check(m, why, sizeof(why));
	SIM_ASSERT(s, ok, "model_check: %s", why);

	tagmask all = all_tags(s);
	SIM_ASSERT(s, model_all_tags(m) == all, "all tags %#x, want %#x",
		   model_all_tags(m), all);
	SIM_ASSERT(s, m->selmon != NULL, "no selected monitor");

	memset(s->in_list, 0, sizeof(s->in_list));
	memset(s->in_stack, 0, sizeof(s->in_stack));
	int nmon = 0;
	bool selmon_found = false;
	size_t total = 0;
	for (struct monitor *mon = m->mons; mon; mon = mon->next, nmon++) {
		SIM_ASSERT(s, nmon < s->nmons && mon == s->mons[nmon],
			   "monitor list differs at %d", nmon);
		selmon_found |= mon == m->selmon;
		SIM_ASSERT(s, mon->view && !(mon->view & ~all),
			   "monitor %d view %#x (all %#x)", nmon, mon->view,
			   all);
		SIM_ASSERT(s, mon->prev_view && !(mon->prev_view & ~all),
			   "monitor %d prev_view %#x (all %#x)", nmon,
			   mon->prev_view, all);

		size_t n = 0;
		bool focus_in_list = false;
		for (struct client *c = mon->clients; c; c = c->next, n++) {
			SIM_ASSERT(s, n <= s->nlive,
				   "monitor %d: list longer than %zu clients "
				   "(cycle?)",
				   nmon, s->nlive);
			unsigned slot = id_slot(c->id);
			SIM_ASSERT(s, slot < MAX_IDS && s->alive[slot],
				   "monitor %d lists unknown or dead id %#x",
				   nmon, c->id);
			SIM_ASSERT(s, s->in_list[slot] == 0,
				   "client %#x listed twice", c->id);
			s->in_list[slot] = 1;
			SIM_ASSERT(s, c->mon == mon,
				   "client %#x on monitor %d has c->mon wrong",
				   c->id, nmon);
			SIM_ASSERT(s, c->tags && !(c->tags & ~all),
				   "client %#x tags %#x (all %#x)", c->id,
				   c->tags, all);
			focus_in_list |= c == mon->focus;
		}
		size_t k = 0;
		for (struct client *c = mon->stack; c; c = c->snext, k++) {
			SIM_ASSERT(s, k <= n,
				   "monitor %d: stack longer than list (%zu)",
				   nmon, n);
			unsigned slot = id_slot(c->id);
			SIM_ASSERT(s, slot < MAX_IDS && s->alive[slot],
				   "monitor %d stacks unknown or dead id %#x",
				   nmon, c->id);
			SIM_ASSERT(s, c->mon == mon && s->in_list[slot] == 1,
				   "client %#x in monitor %d's stack but not "
				   "its list",
				   c->id, nmon);
			SIM_ASSERT(s, s->in_stack[slot] == 0,
				   "client %#x twice in a stack", c->id);
			s->in_stack[slot] = 1;
		}
		SIM_ASSERT(s, k == n, "monitor %d: stack %zu, list %zu", nmon,
			   k, n);
		total += n;

		if (mon->focus) {
			SIM_ASSERT(s, focus_in_list,
				   "monitor %d focus %#x not in its list", nmon,
				   mon->focus->id);
			SIM_ASSERT(s, client_visible(mon->focus),
				   "monitor %d focus %#x hidden", nmon,
				   mon->focus->id);
		}
	}
	SIM_ASSERT(s, nmon == s->nmons, "%d monitors, want %d", nmon, s->nmons);
	SIM_ASSERT(s, selmon_found, "selmon not among the monitors");
	SIM_ASSERT(s, model_focused(m) == m->selmon->focus,
		   "model_focused is not selmon's focus");
	SIM_ASSERT(s, total == s->nlive, "%zu clients listed, %zu live", total,
		   s->nlive);
	SIM_ASSERT(s, model_count(m) == s->nlive, "model_count %zu, want %zu",
		   model_count(m), s->nlive);
	for (size_t i = 0; i < s->nlive; i++) {
		struct client *c = model_find(m, s->live[i]);
		SIM_ASSERT(s, c && c->id == s->live[i],
			   "model_find(%#x) failed", s->live[i]);
		SIM_ASSERT(s, s->in_list[id_slot(c->id)] == 1,
			   "client %#x not in any list", c->id);
	}
	/* Recently dead ids (and a never-used one) are not found. */
	for (int i = 0; i < 8; i++)
		if (s->dead[i])
			SIM_ASSERT(s, model_find(m, s->dead[i]) == NULL,
				   "dead id %#x still found", s->dead[i]);
	SIM_ASSERT(s, model_find(m, s->next_id) == NULL, "unused id %#x found",
		   s->next_id);
}

/* The most recent client of stack[0..n) that is now visible, skipping gone. */
static struct client *first_visible(struct client **stack, size_t n,
				    const struct client *gone)
{
	for (size_t i = 0; i < n; i++)
		if (stack[i] != gone && client_visible(stack[i]))
			return stack[i];
	return NULL;
}

/* After something that may hide clients (or unmanage gone, freed now): focus
 * stays if still visible, else goes to the most recently focused visible one
 * (stack as it was before). */
static void expect_refocus(struct sim *s, struct monitor *mon,
			   struct client *old, const struct client *gone,
			   struct client **stack, size_t n)
{
	struct client *want;
	if (old && old != gone && client_visible(old))
		want = old;
	else
		want = first_visible(stack, n, gone);
	SIM_ASSERT(s, mon->focus == want, "monitor %d focus %#x, want %#x",
		   mon->index, mon->focus ? mon->focus->id : 0,
		   want ? want->id : 0);
}

static void sim_forget(struct sim *s, uint32_t id)
{
	for (size_t i = 0; i < s->nlive; i++)
		if (s->live[i] == id) {
			s->live[i] = s->live[--s->nlive];
			break;
		}
	s->alive[id_slot(id)] = false;
	s->dead[s->ndead++ % 8] = id;
}

/* Focus of every monitor but one, to see that an operation left them alone. */
static void save_focus(struct sim *s, struct client **out)
{
	for (int i = 0; i < s->nmons; i++)
		out[i] = s->mons[i]->focus;
}

static void others_unchanged(struct sim *s, struct client **saved,
			     const struct monitor *except)
{
	for (int i = 0; i < s->nmons; i++)
		if (s->mons[i] != except)
			SIM_ASSERT(s, s->mons[i]->focus == saved[i],
				   "monitor %d focus changed", i);
}

static void op_manage(struct sim *s)
{
	if (s->nlive >= MAX_LIVE)
		return;
	struct monitor *mon = any_mon(s);
	tagmask tags = rnd_below(s, 3) == 0 ? 0 : any_mask(s);
	uint32_t id = s->next_id++;
	sim_op(s, "manage %#x mon %d tags %#x", id, mon->index, tags);

	struct client *saved[3], *stack[MAX_LIST];
	save_focus(s, saved);
	size_t n = stack_snap(mon, stack);
	tagmask want = tags & all_tags(s) ? tags & all_tags(s) : mon->view;
	struct client *old = mon->focus;

	struct client *c = model_manage(&s->m, id, mon, tags);
	SIM_ASSERT(s, c != NULL, "manage failed");
	s->live[s->nlive++] = id;
	s->alive[id_slot(id)] = true;
	SIM_ASSERT(s, c->id == id && c->mon == mon, "id or monitor wrong");
	SIM_ASSERT(s, c->tags == want, "tags %#x, want %#x", c->tags, want);
	SIM_ASSERT(s, mon->clients == c, "not first in tiling order");
	stack[n++] = c;
	expect_refocus(s, mon, old, NULL, stack, n);
	if (mon->focus != c) {
		struct client *last = mon->stack;
		while (last && last->snext)
			last = last->snext;
		SIM_ASSERT(s, last == c, "not last in focus history");
	}
	others_unchanged(s, saved, mon);
	if (rnd_below(s, 2)) { /* as a window manager would, often */
		char was[sizeof(s->op)];
		memcpy(was, s->op, sizeof(was));
		sim_op(s, "%.140s, then focus it", was);
		model_focus(&s->m, c);
		if (client_visible(c))
			SIM_ASSERT(s, model_focused(&s->m) == c,
				   "new visible client not focused");
	}
}

static void op_unmanage(struct sim *s)
{
	struct client *c = any_client(s);
	if (!c)
		return;
	sim_op(s, "unmanage %#x (mon %d%s)", c->id, c->mon->index,
	       c == c->mon->focus ? ", focused" : "");
	struct monitor *mon = c->mon;
	struct client *saved[3], *stack[MAX_LIST];
	save_focus(s, saved);
	size_t n = stack_snap(mon, stack);
	struct client *old = mon->focus;
	uint32_t id = c->id;
	model_unmanage(&s->m, c);
	sim_forget(s, id);
	expect_refocus(s, mon, old, c, stack, n);
	others_unchanged(s, saved, mon);
	SIM_ASSERT(s, model_find(&s->m, id) == NULL, "unmanaged still found");
}

/* view, toggleview or view_previous: the same expectations on focus. */
static void op_view(struct sim *s)
{
	struct monitor *mon = any_mon(s);
	tagmask all = all_tags(s);
	tagmask view = mon->view, prev = mon->prev_view;
	struct client *saved[3], *stack[MAX_LIST];
	save_focus(s, saved);
	size_t n = stack_snap(mon, stack);
	struct client *old = mon->focus;
	tagmask want_view = view, want_prev = prev;
	unsigned kind = rnd_below(s, 3);

	if (kind == 0) {
		tagmask mask = any_mask(s);
		sim_op(s, "view mon %d %#x (was %#x)", mon->index, mask, view);
		model_view(&s->m, mon, mask);
		tagmask v = mask & all;
		if (v && v != view) {
			want_view = v;
			want_prev = view;
		}
	} else if (kind == 1) {
		tagmask mask = rnd_below(s, 4) ? one_tag(s) : any_mask(s);
		sim_op(s, "toggleview mon %d %#x (was %#x)", mon->index, mask,
		       view);
		bool ok = model_toggleview(&s->m, mon, mask);
		tagmask v = (view ^ mask) & all;
		SIM_ASSERT(s, ok == (v != 0), "toggleview returned %d", ok);
		if (v && v != view) {
			want_view = v;
			want_prev = view;
		}
	} else {
		sim_op(s, "view_previous mon %d (view %#x prev %#x)",
		       mon->index, view, prev);
		model_view_previous(&s->m, mon);
		if (prev != view) {
			want_view = prev;
			want_prev = view;
		}
	}
	SIM_ASSERT(s, mon->view == want_view && mon->prev_view == want_prev,
		   "view %#x prev %#x, want %#x %#x", mon->view, mon->prev_view,
		   want_view, want_prev);
	expect_refocus(s, mon, old, NULL, stack, n);
	others_unchanged(s, saved, mon);
}

static void op_tags(struct sim *s)
{
	struct client *c = any_client(s);
	if (!c)
		return;
	struct monitor *mon = c->mon;
	tagmask all = all_tags(s), before = c->tags, want;
	struct client *saved[3], *stack[MAX_LIST];
	save_focus(s, saved);
	size_t n = stack_snap(mon, stack);
	struct client *old = mon->focus;
	bool ok;
	if (rnd_below(s, 2)) {
		tagmask mask = any_mask(s);
		sim_op(s, "set_tags %#x %#x (was %#x)", c->id, mask, before);
		ok = model_set_tags(&s->m, c, mask);
		want = mask & all;
	} else {
		tagmask mask = rnd_below(s, 4) ? one_tag(s) : any_mask(s);
		sim_op(s, "toggletag %#x %#x (was %#x)", c->id, mask, before);
		ok = model_toggletag(&s->m, c, mask);
		want = (before ^ mask) & all;
	}
	SIM_ASSERT(s, ok == (want != 0), "returned %d for tags %#x", ok, want);
	if (!want)
		want = before;
	SIM_ASSERT(s, c->tags == want, "tags %#x, want %#x", c->tags, want);
	if (want != before)
		SIM_ASSERT(s, c->tags_dirty, "tags_dirty not set");
	expect_refocus(s, mon, old, NULL, stack, n);
	others_unchanged(s, saved, mon);
}

static void op_focus(struct sim *s)
{
	struct client *c = rnd_below(s, 4) ? any_client(s) : NULL;
	sim_op(s, "focus %#x%s", c ? c->id : 0,
	       c && !client_visible(c) ? " (hidden)" : "");
	struct monitor *sel = s->m.selmon;
	struct client *stack[MAX_LIST];
	size_t n = stack_snap(sel, stack);
	model_focus(&s->m, c);
	if (c && client_visible(c)) {
		SIM_ASSERT(s, s->m.selmon == c->mon, "selmon not c's monitor");
		SIM_ASSERT(s, model_focused(&s->m) == c, "not focused");
		SIM_ASSERT(s, c->mon->stack == c, "not on top of the stack");
		SIM_ASSERT(s, !c->urgent, "focused client still urgent");
	} else if (!c) {
		SIM_ASSERT(s, s->m.selmon == sel, "selmon changed");
		struct client *want = first_visible(stack, n, NULL);
		SIM_ASSERT(s, sel->focus == want,
			   "focus(NULL) chose %#x, want most recent %#x",
			   sel->focus ? sel->focus->id : 0,
			   want ? want->id : 0);
		SIM_ASSERT(s, sel->focus || !has_visible(sel),
			   "a visible client but no focus");
	}
}

static void op_refocus(struct sim *s)
{
	struct monitor *mon = any_mon(s);
	sim_op(s, "refocus mon %d", mon->index);
	struct client *stack[MAX_LIST];
	size_t n = stack_snap(mon, stack);
	struct client *old = mon->focus;
	model_refocus(&s->m, mon);
	expect_refocus(s, mon, old, NULL, stack, n);
	SIM_ASSERT(s, mon->focus || !has_visible(mon),
		   "a visible client but no focus");
}

/* Visible clients of mon in tiling order. */
static size_t visible_snap(const struct monitor *mon, struct client **out)
{
	size_t n = 0;
	for (struct client *c = mon->clients; c && n < MAX_LIST; c = c->next)
		if (client_visible(c))
			out[n++] = c;
	return n;
}

/* The neighbour of f among the visible clients, cyclic; f if alone. */
static struct client *want_neighbour(struct monitor *mon, struct client *f,
				     int dir)
{
	struct client *vis[MAX_LIST];
	size_t n = visible_snap(mon, vis), i = 0;
	while (i < n && vis[i] != f)
		i++;
	if (i == n)
		return NULL;
	return vis[(i + n + (dir > 0 ? 1 : n - 1)) % n];
}

static void op_focus_dir(struct sim *s)
{
	int dir = rnd_below(s, 2) ? 1 : -1;
	struct monitor *sel = s->m.selmon;
	struct client *f = sel->focus;
	sim_op(s, "focus_dir %d (focus %#x)", dir, f ? f->id : 0);
	struct client *want = f ? want_neighbour(sel, f, dir) : NULL;
	if (f)
		SIM_ASSERT(s, want != NULL, "focus not among visible clients");
	model_focus_dir(&s->m, dir);
	SIM_ASSERT(s, s->m.selmon == sel, "selmon changed");
	SIM_ASSERT(s, sel->focus == want, "focus %#x, want %#x",
		   sel->focus ? sel->focus->id : 0, want ? want->id : 0);
}

static bool sim_tiled(const struct client *c)
{
	return client_visible(c) && !c->floating && !c->fullscreen;
}

/* A swap goes over the tiles only: the tiled neighbour, wrapping round;
 * a floating window does not move in the order. */
static struct client *want_tiled_neighbour(struct monitor *mon,
					   struct client *f, int dir)
{
	struct client *t[MAX_LIST];
	size_t n = 0, i = 0;
	for (struct client *c = mon->clients; c && n < MAX_LIST; c = c->next)
		if (sim_tiled(c))
			t[n++] = c;
	while (i < n && t[i] != f)
		i++;
	if (i == n)
		return NULL;
	return t[(i + n + (dir > 0 ? 1 : n - 1)) % n];
}

static void op_swap_dir(struct sim *s)
{
	int dir = rnd_below(s, 2) ? 1 : -1;
	struct monitor *sel = s->m.selmon;
	struct client *f = sel->focus, *list[MAX_LIST];
	sim_op(s, "swap_dir %d (focus %#x)", dir, f ? f->id : 0);
	size_t n = list_snap(sel, list);
	struct client *o = f ? want_tiled_neighbour(sel, f, dir) : NULL;
	if (o) {
		for (size_t i = 0; i < n; i++)
			if (list[i] == f)
				list[i] = o;
			else if (list[i] == o)
				list[i] = f;
	}
	model_swap_dir(&s->m, dir);
	SIM_ASSERT(s, list_is(sel, list, n), "tiling order wrong");
	SIM_ASSERT(s, sel->focus == f && s->m.selmon == sel, "focus moved");
}

static struct client *next_tiled(struct client **list, size_t n, size_t from)
{
	for (size_t i = from; i < n; i++)
		if (client_visible(list[i]) && !list[i]->floating)
			return list[i];
	return NULL;
}

static void op_zoom(struct sim *s)
{
	struct monitor *sel = s->m.selmon;
	struct client *list[MAX_LIST] = {0};
	struct client *f = sel->focus, *want_focus = f;
	sim_op(s, "zoom (focus %#x)", f ? f->id : 0);
	size_t n = list_snap(sel, list);
	struct client *target = NULL;
	if (f && !f->floating) {
		target = f;
		if (f == next_tiled(list, n, 0)) {
			size_t i = 0;
			while (list[i] != f)
				i++;
			target = next_tiled(list, n, i + 1);
		}
	}
	if (target) {
		size_t i = 0;
		while (list[i] != target)
			i++;
		memmove(list + 1, list, i * sizeof(*list));
		list[0] = target;
		want_focus = target;
	}
	model_zoom(&s->m);
	SIM_ASSERT(s, list_is(sel, list, n), "tiling order wrong");
	SIM_ASSERT(s, sel->focus == want_focus, "focus %#x, want %#x",
		   sel->focus ? sel->focus->id : 0,
		   want_focus ? want_focus->id : 0);
}

static void op_flags(struct sim *s)
{
	struct client *c = any_client(s);
	if (!c)
		return;
	bool on = rnd_below(s, 2);
	struct client *saved[3];
	save_focus(s, saved);
	if (rnd_below(s, 2)) {
		sim_op(s, "set_floating %#x %d", c->id, on);
		model_set_floating(&s->m, c, on);
		SIM_ASSERT(s, c->floating == on, "floating not set");
	} else {
		sim_op(s, "set_urgent %#x %d", c->id, on);
		model_set_urgent(&s->m, c, on);
		SIM_ASSERT(s, c->urgent == (on && c != model_focused(&s->m)),
			   "urgent not set, or set on the focused client");
	}
	others_unchanged(s, saved, NULL);
}

/* Minimize or restore any client: a minimized one is never focused, and
 * the focus goes on to a visible one (sim_check). */
static void op_minimize(struct sim *s)
{
	struct client *c = any_client(s);
	if (!c)
		return;
	bool on = rnd_below(s, 2);
	if (!on && rnd_below(s, 2)) {
		sim_op(s, "activate %#x", c->id);
		model_activate(&s->m, c);
		SIM_ASSERT(s, !c->minimized && model_focused(&s->m) == c,
			   "activated, but not restored and focused");
		return;
	}
	sim_op(s, "set_minimized %#x %d", c->id, on);
	model_set_minimized(&s->m, c, on);
	SIM_ASSERT(s, c->minimized == on, "minimized not set");
	SIM_ASSERT(s, !on || c->mon->focus != c, "a minimized client focused");
}

static void op_ntags(struct sim *s)
{
	int n;
	if (rnd_below(s, 8) == 0) {
		static const int bad[] = {0, -1, 33, 64};
		n = bad[rnd_below(s, 4)];
	} else {
		static const int good[] = {1, 2, 3, 5, 9, 9, 9, 16, 31, 32};
		n = good[rnd_below(s, 10)];
	}
	sim_op(s, "set_ntags %d (was %d)", n, s->m.ntags);
	int before = s->m.ntags;
	tagmask sticky = before > 1 ? all_tags(s) : 0;
	tagmask views[3], tags[MAX_LIVE];
	for (int i = 0; i < s->nmons; i++)
		views[i] = s->mons[i]->view;
	for (size_t i = 0; i < s->nlive; i++)
		tags[i] = model_find(&s->m, s->live[i])->tags;
	bool ok = model_set_ntags(&s->m, n);
	bool valid = n >= 1 && n <= CTILE_MAX_TAGS;
	SIM_ASSERT(s, ok == valid, "returned %d", ok);
	SIM_ASSERT(s, s->m.ntags == (valid ? n : before), "ntags %d",
		   s->m.ntags);
	tagmask all = all_tags(s);
	/* What survives the clip is kept as it was; a window on every tag
	 * (of several) stays on every tag. */
	for (size_t i = 0; i < s->nlive; i++)
		if (valid && sticky && tags[i] == sticky)
			tags[i] = all;
	for (int i = 0; i < s->nmons; i++)
		if (views[i] & all)
			SIM_ASSERT(s, s->mons[i]->view == (views[i] & all),
				   "monitor %d view %#x from %#x", i,
				   s->mons[i]->view, views[i]);
	for (size_t i = 0; i < s->nlive; i++) {
		struct client *c = model_find(&s->m, s->live[i]);
		if (tags[i] & all)
			SIM_ASSERT(s, c->tags == (tags[i] & all),
				   "client %#x tags %#x from %#x", c->id,
				   c->tags, tags[i]);
	}
}

static void sim_step(struct sim *s)
{
	unsigned r = rnd_below(s, 100);
	/* Keep the population moving between empty and full. */
	unsigned manage = s->nlive < 4 ? 30 : s->nlive > 36 ? 6 : 14;
	if (r < manage)
		op_manage(s);
	else if (r < 26)
		op_unmanage(s);
	else if (r < 44)
		op_view(s);
	else if (r < 56)
		op_tags(s);
	else if (r < 66)
		op_focus(s);
	else if (r < 70)
		op_refocus(s);
	else if (r < 78)
		op_focus_dir(s);
	else if (r < 84)
		op_swap_dir(s);
	else if (r < 89)
		op_zoom(s);
	else if (r < 94)
		op_flags(s);
	else if (r < 97)
		op_minimize(s);
	else if (r < 99)
		op_ntags(s);
	else {
		sim_op(s, "focus NULL");
		model_focus(&s->m, NULL);
		SIM_ASSERT(s, s->m.selmon->focus || !has_visible(s->m.selmon),
			   "a visible client but no focus");
	}
}

static void run_seed(struct sim *s, unsigned seed)
{
	static const int ntags0[] = {9, 9, 9, 4, 1, 2, 32};
	memset(s, 0, sizeof(*s));
	s->seed = seed;
	s->rng = 0x9E3779B97F4A7C15ULL * (seed + 1);
	s->next_id = ID_BASE;
	sim_op(s, "init");
	model_init(&s->m, ntags0[rnd_below(s, 7)]);
	s->inited = true;
	s->nmons = 1 + (int)rnd_below(s, 3);
	for (int i = 0; i < s->nmons; i++) {
		s->mons[i] = model_add_monitor(&s->m, rect_at(1000 * i));
		SIM_ASSERT(s, s->mons[i] != NULL, "add_monitor failed");
	}
	sim_check(s);
	for (s->step = 1; s->step <= STEPS; s->step++) {
		sim_op(s, "(nothing)");
		sim_step(s);
		sim_check(s);
	}
	model_finish(&s->m);
	s->inited = false;
}

static int sim_setup(void **state)
{
	struct sim *s = calloc(1, sizeof(*s));
	if (!s)
		return -1;
	*state = s;
	return 0;
}

static int sim_teardown(void **state)
{
	struct sim *s = *state;
	if (s->inited)
		model_finish(&s->m);
	free(s);
	return 0;
}

static void test_random_sequences(void **state)
{
	for (unsigned seed = 1; seed <= SEEDS; seed++)
		run_seed(*state, seed);
}

/* ------------------------------------------------------------------------ */
/* Exact behaviour                                                          */
/* ------------------------------------------------------------------------ */

static int model_setup(void **state)
{
	struct model *m = calloc(1, sizeof(*m));
	if (!m)
		return -1;
	model_init(m, 9);
	*state = m;
	return 0;
}

static int model_teardown(void **state)
{
	struct model *m = *state;
	model_finish(m);
	free(m);
	return 0;
}

#define T(n) ((tagmask)1 << ((n)-1)) /* tag n, counted from 1 as users do */

/* A new window behind a shown fullscreen window does not take the focus;
 * one of its dialogs, another tag's window, or a fullscreen one does. */
static void test_behind_fullscreen(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *player = model_manage(m, 1, mon, T(1));
	struct client *term = model_manage(m, 2, mon, T(1));
	struct client *dialog = model_manage(m, 3, mon, T(1));
	struct client *other = model_manage(m, 4, mon, T(2));
	dialog->transient_for = player->id;
	assert_false(model_behind_fullscreen(term));
	model_set_fullscreen(m, player, true);
	assert_true(model_behind_fullscreen(term));
	assert_false(model_behind_fullscreen(player));
	assert_false(model_behind_fullscreen(dialog));
	assert_false(model_behind_fullscreen(other));
	model_view(m, mon, T(2));
	assert_false(model_behind_fullscreen(term)); /* the player is hidden */
	assert_model_ok(m);
}

/* Whichever way a window gets the focus, it is no longer urgent: closing
 * the focused window hands it on to an urgent one. */
static void test_refocus_clears_urgency(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *a = model_manage(m, 1, mon, T(1));
	struct client *b = model_manage(m, 2, mon, T(1));
	model_focus(m, b);
	model_focus(m, a);
	model_set_urgent(m, b, true);
	assert_true(b->urgent);
	model_unmanage(m, a);
	assert_ptr_equal(model_focused(m), b);
	assert_false(b->urgent);
	assert_model_ok(m);
}

/* EWMH's stacking order: tiles, floating windows, those kept above, the
 * focused fullscreen window; a hidden window where it would be shown. */
static void test_stack_layers(void **state)
{
	struct model *m = *state;
	struct settings s = {.border_width = 1};
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *tile = model_manage(m, 1, mon, T(1));
	struct client *fl = model_manage(m, 2, mon, T(1));
	struct client *top = model_manage(m, 3, mon, T(1));
	struct client *full = model_manage(m, 4, mon, T(1));
	struct client *hidden = model_manage(m, 5, mon, T(2));
	model_set_floating(m, fl, true);
	model_set_floating(m, top, true);
	model_set_above(m, top, true);
	model_set_fullscreen(m, full, true);
	model_focus(m, full);
	arrange(m, &s);
	assert_int_equal(arrange_stack_layer(tile), STACK_TILED);
	assert_int_equal(arrange_stack_layer(fl), STACK_FLOATING);
	assert_int_equal(arrange_stack_layer(top), STACK_ABOVE);
	assert_int_equal(arrange_stack_layer(full), STACK_FULLSCREEN);
	assert_int_equal(arrange_stack_layer(hidden), STACK_TILED);
	/* Not focused, a fullscreen window is one of the floating ones. */
	model_focus(m, fl);
	assert_int_equal(arrange_stack_layer(full), STACK_FLOATING);
	/* Above, a tile stays among the tiles: it never covers floats. */
	model_set_above(m, tile, true);
	assert_true(m->dirty & DIRTY_ARRANGE);
	arrange(m, &s);
	assert_int_equal(arrange_stack_layer(tile), STACK_TILED);
	model_set_floating(m, hidden, true);
	assert_int_equal(arrange_stack_layer(hidden), STACK_FLOATING);
	assert_model_ok(m);
}

static void test_init(void **state)
{
	struct model *m = *state;
	assert_int_equal(m->ntags, 9);
	assert_null(m->mons);
	assert_null(m->selmon);
	assert_null(model_focused(m));
	assert_int_equal(model_count(m), 0);
	assert_model_ok(m);
	struct monitor *a = model_add_monitor(m, rect_at(0));
	struct monitor *b = model_add_monitor(m, rect_at(1000));
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_equal(m->mons, a);
	assert_ptr_equal(a->next, b);
	assert_ptr_equal(m->selmon, a);
	assert_int_equal(a->index, 0);
	assert_int_equal(b->index, 1);
	assert_true(a->view != 0);
	assert_true(rect_equal(b->geom, rect_at(1000)));
	for (int i = 0; i < CTILE_MAX_TAGS; i++) {
		assert_int_equal(b->tag[i].layout, m->tag_default.layout);
		assert_int_equal(b->tag[i].nmaster, m->tag_default.nmaster);
		assert_true(b->tag[i].mfact == m->tag_default.mfact);
	}
	assert_ptr_equal(model_monitor_at(m, 10, 10), a);
	assert_ptr_equal(model_monitor_at(m, 1500, 799), b);
	assert_model_ok(m);
}

static void test_manage_order(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *a = model_manage(m, 1, mon, 0);
	struct client *b = model_manage(m, 2, mon, 0);
	struct client *c = model_manage(m, 3, mon, 0);
	assert_model_ok(m);
	struct client *tiling[] = {c, b, a};
	assert_true(list_is(mon, tiling, 3));
	/* Focus is the caller's business: with a focused a, b and c stay
	 * behind it, in the order they came. */
	assert_ptr_equal(mon->focus, a);
	struct client *stack[MAX_LIST];
	assert_int_equal(stack_snap(mon, stack), 3);
	assert_ptr_equal(stack[0], a);
	assert_ptr_equal(stack[1], b);
	assert_ptr_equal(stack[2], c);
	assert_int_equal(a->tags, mon->view);
	assert_int_equal(model_count(m), 3);
	assert_ptr_equal(model_find(m, 2), b);
	assert_null(model_find(m, 4));
	assert_true(b->tags_dirty);
	assert_int_equal(b->x.wm_state, -1);
	/* Tags given are kept; bits past ntags are dropped. */
	struct client *d = model_manage(m, 4, mon, T(3) | T(5));
	assert_int_equal(d->tags, T(3) | T(5));
	struct client *e = model_manage(m, 5, mon, T(2) | ((tagmask)1 << 20));
	assert_int_equal(e->tags, T(2));
	struct client *f = model_manage(m, 6, mon, (tagmask)1 << 20);
	assert_int_equal(f->tags, mon->view);
	/* NULL monitor: the selected one. */
	struct client *g = model_manage(m, 7, NULL, 0);
	assert_ptr_equal(g->mon, m->selmon);
	assert_model_ok(m);
}

static void test_manage_other_view(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	model_view(m, mon, T(4) | T(6));
	struct client *a = model_manage(m, 1, mon, 0);
	assert_int_equal(a->tags, T(4) | T(6));
	assert_ptr_equal(mon->focus, a);
	/* A hidden newcomer is not focused. */
	struct client *b = model_manage(m, 2, mon, T(1));
	assert_ptr_equal(mon->focus, a);
	assert_false(client_visible(b));
	assert_model_ok(m);
}

static void test_set_tags_refused(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *a = model_manage(m, 1, mon, T(2));
	a->tags_dirty = false;
	assert_false(model_set_tags(m, a, 0));
	assert_int_equal(a->tags, T(2));
	assert_false(model_set_tags(m, a, (tagmask)1 << 12)); /* past ntags */
	assert_int_equal(a->tags, T(2));
	assert_false(model_toggletag(m, a, T(2)));
	assert_int_equal(a->tags, T(2));
	assert_false(a->tags_dirty);

	assert_true(model_toggletag(m, a, T(3)));
	assert_int_equal(a->tags, T(2) | T(3));
	assert_true(a->tags_dirty);
	assert_true(model_toggletag(m, a, T(2)));
	assert_int_equal(a->tags, T(3));
	assert_false(model_toggletag(m, a, T(3)));
	assert_int_equal(a->tags, T(3));
	assert_true(model_set_tags(m, a, T(1) | T(9)));
	assert_int_equal(a->tags, T(1) | T(9));
	assert_model_ok(m);
}

static void test_toggleview(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	model_view(m, mon, T(1));
	assert_false(model_toggleview(m, mon, T(1)));
	assert_int_equal(mon->view, T(1));
	assert_true(model_toggleview(m, mon, T(3)));
	assert_int_equal(mon->view, T(1) | T(3));
	assert_true(model_toggleview(m, mon, T(1)));
	assert_int_equal(mon->view, T(3));
	assert_false(model_toggleview(m, mon, T(3)));
	assert_int_equal(mon->view, T(3));
	/* Only bits past ntags: the view would be empty. */
	assert_false(model_toggleview(m, mon, T(3) | ((tagmask)1 << 15)));
	assert_int_equal(mon->view, T(3));
	/* model_view of nothing is ignored. */
	model_view(m, mon, 0);
	assert_int_equal(mon->view, T(3));
	model_view(m, mon, (tagmask)1 << 15);
	assert_int_equal(mon->view, T(3));
	assert_model_ok(m);
}

static void test_view_previous(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	model_view(m, mon, T(1));
	model_view(m, mon, T(2));
	assert_int_equal(mon->view, T(2));
	model_view_previous(m, mon);
	assert_int_equal(mon->view, T(1));
	model_view_previous(m, mon);
	assert_int_equal(mon->view, T(2));
	model_view_previous(m, mon);
	assert_int_equal(mon->view, T(1));
	/* Viewing what is shown already does not lose the previous view. */
	model_view(m, mon, T(5) | T(6));
	model_view(m, mon, T(5) | T(6));
	model_view_previous(m, mon);
	assert_int_equal(mon->view, T(1));
	model_view_previous(m, mon);
	assert_int_equal(mon->view, T(5) | T(6));
	/* toggleview counts as a view change too. */
	assert_true(model_toggleview(m, mon, T(7)));
	model_view_previous(m, mon);
	assert_int_equal(mon->view, T(5) | T(6));
	assert_model_ok(m);
}

static void test_focus_fallback_unmanage(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	model_view(m, mon, T(1) | T(2));
	struct client *a = model_manage(m, 1, mon, T(1));
	struct client *b = model_manage(m, 2, mon, T(2));
	struct client *c = model_manage(m, 3, mon, T(1));
	struct client *d = model_manage(m, 4, mon, T(1));
	model_focus(m, a);
	model_focus(m, b);
	model_focus(m, d);
	model_focus(m, c);
	assert_ptr_equal(model_focused(m), c);
	/* Focus history is now c d b a. */
	model_unmanage(m, c);
	assert_ptr_equal(model_focused(m), d);
	assert_model_ok(m);
	/* Hide b: d stays, being visible. */
	model_view(m, mon, T(1));
	assert_ptr_equal(model_focused(m), d);
	/* d goes; b is more recent but hidden, so a. */
	model_unmanage(m, d);
	assert_ptr_equal(model_focused(m), a);
	/* Unmanaging one that is not focused leaves focus alone. */
	model_unmanage(m, b);
	assert_ptr_equal(model_focused(m), a);
	model_unmanage(m, a);
	assert_null(model_focused(m));
	assert_int_equal(model_count(m), 0);
	assert_null(mon->clients);
	assert_null(mon->stack);
	assert_model_ok(m);
}

static void test_focus_fallback_view(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	model_view(m, mon, T(1) | T(2));
	struct client *a = model_manage(m, 1, mon, T(1));
	struct client *a2 = model_manage(m, 2, mon, T(1));
	struct client *b = model_manage(m, 3, mon, T(2));
	model_focus(m, a2);
	model_focus(m, a);
	model_focus(m, b);
	model_view(m, mon, T(1)); /* hides b: the latest visible is a */
	assert_ptr_equal(model_focused(m), a);
	model_view(m, mon, T(2));
	assert_ptr_equal(model_focused(m), b);
	model_view(m, mon, T(4)); /* nothing there */
	assert_null(model_focused(m));
	assert_null(mon->focus);
	model_view_previous(m, mon);
	assert_ptr_equal(model_focused(m), b);
	/* Retagging the focused one away hides it too. */
	model_view(m, mon, T(1) | T(2));
	model_focus(m, a2);
	assert_true(model_set_tags(m, a2, T(5)));
	assert_ptr_equal(model_focused(m), b);
	assert_true(model_toggletag(m, b, T(2) | T(6)));
	assert_int_equal(b->tags, T(6));
	assert_ptr_equal(model_focused(m), a);
	/* Focusing NULL picks the most recent visible one. */
	model_focus(m, NULL);
	assert_ptr_equal(model_focused(m), a);
	assert_model_ok(m);
}

static void test_focus_monitors(void **state)
{
	struct model *m = *state;
	struct monitor *p = model_add_monitor(m, rect_at(0));
	struct monitor *q = model_add_monitor(m, rect_at(1000));
	struct client *a = model_manage(m, 1, p, 0);
	struct client *b = model_manage(m, 2, q, 0);
	model_focus(m, a);
	assert_ptr_equal(m->selmon, p);
	model_focus(m, b);
	assert_ptr_equal(m->selmon, q);
	assert_ptr_equal(model_focused(m), b);
	assert_ptr_equal(p->focus, a); /* each monitor keeps its own */
	/* Changing p's view does not move the selected monitor. */
	model_view(m, p, T(2));
	assert_null(p->focus);
	assert_ptr_equal(m->selmon, q);
	assert_ptr_equal(model_focused(m), b);
	/* Focusing a hidden client does not focus it. */
	model_focus(m, a);
	assert_ptr_not_equal(model_focused(m), a);
	assert_null(p->focus);
	assert_model_ok(m);
	/* The focused client is never urgent; focus clears urgency. */
	model_set_urgent(m, b, true);
	assert_false(b->urgent);
	model_view(m, p, T(1));
	model_focus(m, a);
	model_set_urgent(m, b, true);
	assert_true(b->urgent);
	model_focus(m, b);
	assert_false(b->urgent);
	assert_model_ok(m);
}

/* a..e managed in that order: tiling order e d c b a. */
static void make_five(struct model *m, struct monitor *mon, struct client **cs)
{
	for (int i = 0; i < 5; i++)
		cs[i] = model_manage(m, (uint32_t)(100 + i), mon, T(1));
}

static void test_focus_dir(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *cs[5];
	make_five(m, mon, cs);
	struct client *a = cs[0], *b = cs[1], *c = cs[2], *d = cs[3],
		      *e = cs[4];
	assert_true(model_set_tags(m, b, T(2)));
	assert_true(model_set_tags(m, d, T(2)));
	/* Visible in tiling order: e c a. */
	model_focus(m, e);
	model_focus_dir(m, 1);
	assert_ptr_equal(model_focused(m), c);
	model_focus_dir(m, 1);
	assert_ptr_equal(model_focused(m), a);
	model_focus_dir(m, 1);
	assert_ptr_equal(model_focused(m), e);
	model_focus_dir(m, -1);
	assert_ptr_equal(model_focused(m), a);
	model_focus_dir(m, -1);
	assert_ptr_equal(model_focused(m), c);
	model_focus_dir(m, -1);
	assert_ptr_equal(model_focused(m), e);
	model_focus_dir(m, -1);
	assert_ptr_equal(model_focused(m), a);
	assert_ptr_equal(model_neighbour(a, 1), e);
	assert_ptr_equal(model_neighbour(a, -1), c);
	/* Alone: focus stays. */
	model_view(m, mon, T(3));
	struct client *f = model_manage(m, 200, mon, T(3));
	model_focus(m, f);
	model_focus_dir(m, 1);
	assert_ptr_equal(model_focused(m), f);
	model_focus_dir(m, -1);
	assert_ptr_equal(model_focused(m), f);
	/* Nothing focused: nothing happens. */
	model_view(m, mon, T(4));
	model_focus_dir(m, 1);
	assert_null(model_focused(m));
	model_swap_dir(m, 1);
	model_zoom(m);
	assert_null(model_focused(m));
	assert_model_ok(m);
}

static void test_swap_dir(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *cs[5];
	make_five(m, mon, cs);
	struct client *a = cs[0], *b = cs[1], *c = cs[2], *d = cs[3],
		      *e = cs[4];
	assert_true(model_set_tags(m, d, T(2)));
	/* Tiling order e d c b a; visible e c b a. */
	model_focus(m, e);
	model_swap_dir(m, 1);
	{
		struct client *want[] = {c, d, e, b, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), e);
	model_swap_dir(m, 1);
	{
		struct client *want[] = {c, d, b, e, a};
		assert_true(list_is(mon, want, 5));
	}
	model_swap_dir(m, 1);
	model_swap_dir(m, 1); /* last: wraps, swapping with the first */
	{
		struct client *want[] = {e, d, b, a, c};
		assert_true(list_is(mon, want, 5));
	}
	model_swap_dir(m, -1); /* first: wraps, swapping with the last */
	{
		struct client *want[] = {c, d, b, a, e};
		assert_true(list_is(mon, want, 5));
	}
	model_swap_dir(m, -1);
	{
		struct client *want[] = {c, d, b, e, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), e);
	/* A floating window is passed over, as in dwm: e swaps with c. */
	model_set_floating(m, b, true);
	model_swap_dir(m, -1);
	{
		struct client *want[] = {e, d, b, c, a};
		assert_true(list_is(mon, want, 5));
	}
	/* And a floating window itself has no place to swap. */
	model_focus(m, b);
	model_swap_dir(m, 1);
	{
		struct client *want[] = {e, d, b, c, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_model_ok(m);
}

static void test_zoom(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *cs[5];
	make_five(m, mon, cs);
	struct client *a = cs[0], *b = cs[1], *c = cs[2], *d = cs[3],
		      *e = cs[4];
	/* e d c b a; c focused goes to master. */
	model_focus(m, c);
	model_zoom(m);
	{
		struct client *want[] = {c, e, d, b, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), c);
	/* Master zooms: the next tiled one takes its place. */
	model_zoom(m);
	{
		struct client *want[] = {e, c, d, b, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), e);
	/* Hidden and floating ones are skipped when finding the next. */
	assert_true(model_set_tags(m, c, T(2)));
	model_set_floating(m, d, true);
	model_zoom(m); /* e is master: next tiled visible is b */
	{
		struct client *want[] = {b, e, c, d, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), b);
	/* A floating focused window does not zoom. */
	model_focus(m, d);
	model_zoom(m);
	{
		struct client *want[] = {b, e, c, d, a};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), d);
	/* A floating window first in the list is not master. */
	model_set_floating(m, b, true);
	model_focus(m, e); /* e is the first tiled: the master */
	model_zoom(m);
	{
		struct client *want[] = {a, b, e, c, d};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), a);
	/* The only tiled window: nothing to do. */
	model_set_floating(m, e, true);
	model_zoom(m);
	{
		struct client *want[] = {a, b, e, c, d};
		assert_true(list_is(mon, want, 5));
	}
	assert_ptr_equal(model_focused(m), a);
	assert_model_ok(m);
}

static void test_tag_state(void **state)
{
	struct model *m = *state;
	struct monitor *p = model_add_monitor(m, rect_at(0));
	struct monitor *q = model_add_monitor(m, rect_at(1000));
	model_view(m, p, T(1));
	struct tag_state *t1 = monitor_tag_state(p);
	assert_ptr_equal(t1, &p->tag[0]);
	t1->nmaster = 3;
	t1->layout = 2;
	t1->mfact = 0.3f;
	model_view(m, p, T(3));
	struct tag_state *t3 = monitor_tag_state(p);
	assert_ptr_equal(t3, &p->tag[2]);
	assert_int_equal(t3->nmaster, m->tag_default.nmaster);
	assert_int_equal(t3->layout, m->tag_default.layout);
	assert_true(t3->mfact == m->tag_default.mfact);
	t3->nmaster = 0;
	t3->mfact = 0.7f;
	/* Several tags viewed: the lowest one's settings. */
	model_view(m, p, T(3) | T(1) | T(8));
	assert_ptr_equal(monitor_tag_state(p), &p->tag[0]);
	assert_int_equal(monitor_tag_state(p)->nmaster, 3);
	model_view(m, p, T(8) | T(3));
	assert_ptr_equal(monitor_tag_state(p), &p->tag[2]);
	assert_int_equal(monitor_tag_state(p)->nmaster, 0);
	model_view(m, p, T(1));
	assert_int_equal(monitor_tag_state(p)->layout, 2);
	assert_true(monitor_tag_state(p)->mfact == 0.3f);
	/* Monitors do not share tag settings. */
	model_view(m, q, T(1));
	assert_ptr_equal(monitor_tag_state(q), &q->tag[0]);
	assert_int_equal(monitor_tag_state(q)->nmaster, m->tag_default.nmaster);
	/* The highest tag. */
	assert_true(model_set_ntags(m, 32));
	model_view(m, q, (tagmask)1 << 31);
	assert_ptr_equal(monitor_tag_state(q), &q->tag[31]);
	assert_model_ok(m);
}

static void test_lowest_tag(void **state)
{
	(void)state;
	assert_int_equal(lowest_tag(0), -1);
	assert_int_equal(lowest_tag(1), 0);
	assert_int_equal(lowest_tag(2), 1);
	assert_int_equal(lowest_tag(0x0c), 2);
	assert_int_equal(lowest_tag(0x100), 8);
	assert_int_equal(lowest_tag(0x80000000u), 31);
	assert_int_equal(lowest_tag(0xffffffffu), 0);
	for (int i = 0; i < 32; i++) {
		assert_int_equal(lowest_tag((tagmask)1 << i), i);
		assert_int_equal(lowest_tag(~(tagmask)0 << i), i);
	}
}

static void test_all_tags(void **state)
{
	(void)state;
	struct model m;
	model_init(&m, 1);
	assert_int_equal(m.ntags, 1);
	assert_int_equal(model_all_tags(&m), 0x1);
	model_finish(&m);
	model_init(&m, 9);
	assert_int_equal(model_all_tags(&m), 0x1ff);
	model_finish(&m);
	model_init(&m, 32);
	assert_int_equal(model_all_tags(&m), 0xffffffffu);
	model_finish(&m);

	model_init(&m, 9);
	for (int n = 1; n <= 32; n++) {
		assert_true(model_set_ntags(&m, n));
		assert_int_equal(m.ntags, n);
		tagmask all = model_all_tags(&m);
		assert_int_equal(lowest_tag(~all), n == 32 ? -1 : n);
		assert_int_equal(__builtin_popcount(all), n);
	}
	assert_true(model_set_ntags(&m, 9));
	assert_false(model_set_ntags(&m, 0));
	assert_false(model_set_ntags(&m, -3));
	assert_false(model_set_ntags(&m, 33));
	assert_int_equal(m.ntags, 9);
	model_finish(&m);
}

static void test_set_ntags_clips(void **state)
{
	struct model *m = *state;
	struct monitor *p = model_add_monitor(m, rect_at(0));
	struct monitor *q = model_add_monitor(m, rect_at(1000));
	model_view(m, p, T(2));
	model_view(m, p, T(9));
	model_view(m, q, T(1) | T(7));
	struct client *a = model_manage(m, 1, p, T(9));
	struct client *b = model_manage(m, 2, p, T(2) | T(9));
	struct client *c = model_manage(m, 3, q, T(1) | T(7));
	model_focus(m, a);
	a->tags_dirty = b->tags_dirty = c->tags_dirty = false;
	assert_model_ok(m);

	assert_true(model_set_ntags(m, 5));
	tagmask all = model_all_tags(m);
	assert_int_equal(all, 0x1f);
	/* a had only tag 9: it gets some tag, never none. */
	assert_true(a->tags != 0);
	assert_int_equal(a->tags & ~all, 0);
	assert_true(a->tags_dirty);
	assert_int_equal(b->tags, T(2));
	assert_true(b->tags_dirty);
	assert_int_equal(c->tags, T(1));
	assert_true(c->tags_dirty);
	assert_true(p->view != 0);
	assert_int_equal(p->view & ~all, 0);
	assert_int_equal(p->prev_view, T(2));
	assert_int_equal(q->view, T(1));
	assert_true(q->prev_view != 0);
	assert_int_equal(q->prev_view & ~all, 0);
	assert_model_ok(m);
	model_view_previous(m, p);
	assert_true(p->view != 0 && !(p->view & ~all));

	/* Down to one tag: everything is on tag 1. */
	assert_true(model_set_ntags(m, 1));
	assert_int_equal(a->tags, 1);
	assert_int_equal(b->tags, 1);
	assert_int_equal(c->tags, 1);
	assert_int_equal(p->view, 1);
	assert_int_equal(p->prev_view, 1);
	assert_int_equal(q->view, 1);
	assert_int_equal(q->prev_view, 1);
	assert_non_null(p->focus);
	assert_ptr_equal(q->focus, c);
	assert_false(model_toggleview(m, p, 1));
	assert_false(model_toggletag(m, a, 1));
	assert_model_ok(m);
	/* Growing again keeps every mask. */
	assert_true(model_set_ntags(m, 32));
	assert_int_equal(a->tags, 1);
	assert_int_equal(p->view, 1);
	assert_model_ok(m);
}

static void test_dirty(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	m->dirty = 0;
	struct client *a = model_manage(m, 1, mon, 0);
	assert_true(m->dirty & DIRTY_CLIENTS);
	struct client *b = model_manage(m, 2, mon, 0);
	model_focus(m, a);
	m->dirty = 0;
	model_focus(m, b);
	assert_true(m->dirty & DIRTY_FOCUS);

	m->dirty = 0;
	model_view(m, mon, T(2));
	assert_true(m->dirty & DIRTY_ARRANGE);
	assert_true(m->dirty & DIRTY_VIEW);
	assert_true(m->dirty & DIRTY_FOCUS); /* focus went from b to none */
	m->dirty = 0;
	assert_true(model_toggleview(m, mon, T(1)));
	assert_true(m->dirty & DIRTY_ARRANGE);
	assert_true(m->dirty & DIRTY_VIEW);
	assert_true(m->dirty & DIRTY_FOCUS);
	m->dirty = 0;
	model_view_previous(m, mon);
	assert_true(m->dirty & DIRTY_ARRANGE);
	assert_true(m->dirty & DIRTY_VIEW);

	model_view(m, mon, T(1));
	m->dirty = 0;
	a->tags_dirty = false;
	assert_true(model_set_tags(m, a, T(1) | T(3)));
	assert_true(a->tags_dirty);
	assert_true(m->dirty & DIRTY_TAGS);
	m->dirty = 0;
	a->tags_dirty = false;
	assert_true(model_toggletag(m, a, T(3)));
	assert_true(a->tags_dirty);
	assert_true(m->dirty & DIRTY_TAGS);

	m->dirty = 0;
	model_set_floating(m, a, true);
	assert_true(m->dirty & DIRTY_ARRANGE);
	model_set_floating(m, a, false);
	m->dirty = 0;
	model_focus(m, a);
	model_swap_dir(m, 1);
	assert_true(m->dirty & DIRTY_ARRANGE);
	m->dirty = 0;
	model_focus(m, b);
	model_zoom(m);
	assert_true(m->dirty & DIRTY_ARRANGE);

	m->dirty = 0;
	model_unmanage(m, a);
	assert_true(m->dirty & DIRTY_CLIENTS);
	assert_true(m->dirty & DIRTY_ARRANGE);
	m->dirty = 0;
	model_unmanage(m, b); /* the focused one */
	assert_true(m->dirty & DIRTY_CLIENTS);
	assert_true(m->dirty & DIRTY_FOCUS);
	assert_model_ok(m);
}

static void test_no_monitor(void **state)
{
	(void)state;
	struct model m;
	model_init(&m, 0); /* not a valid count: some valid one is used */
	assert_true(m.ntags >= 1 && m.ntags <= CTILE_MAX_TAGS);
	assert_model_ok(&m);
	model_finish(&m);
	model_init(&m, 33);
	assert_true(m.ntags >= 1 && m.ntags <= CTILE_MAX_TAGS);
	/* Nothing to manage on, nothing to focus: no crash, no client. */
	assert_null(model_manage(&m, 1, NULL, 0));
	assert_int_equal(model_count(&m), 0);
	model_focus(&m, NULL);
	assert_null(model_focused(&m));
	assert_null(model_monitor_at(&m, 0, 0));
	assert_model_ok(&m);
	model_finish(&m);
}

static void test_finish_frees(void **state)
{
	(void)state;
	struct model m;
	/* An empty model. */
	model_init(&m, 9);
	model_finish(&m);
	/* Monitors without clients. */
	model_init(&m, 9);
	model_add_monitor(&m, rect_at(0));
	model_add_monitor(&m, rect_at(1000));
	model_finish(&m);
	assert_null(m.mons);
	/* Many clients over three monitors, some hidden, some focused. */
	model_init(&m, 9);
	struct monitor *mons[3];
	for (int i = 0; i < 3; i++)
		mons[i] = model_add_monitor(&m, rect_at(1000 * i));
	for (uint32_t id = 1; id <= 300; id++) {
		struct client *c =
		    model_manage(&m, id, mons[id % 3], (tagmask)id & 0x1ff);
		if (id % 5 == 0)
			model_focus(&m, c);
	}
	for (uint32_t id = 1; id <= 300; id += 7)
		model_unmanage(&m, model_find(&m, id));
	assert_model_ok(&m);
	model_finish(&m);
	assert_null(m.mons);
	assert_null(m.selmon);
	/* The struct can be used again after finish. */
	model_init(&m, 4);
	struct monitor *mon = model_add_monitor(&m, rect_at(0));
	model_manage(&m, 1, mon, 0);
	assert_int_equal(model_count(&m), 1);
	model_finish(&m);
}

static void test_model_check_catches(void **state)
{
	struct model *m = *state;
	struct monitor *mon = model_add_monitor(m, rect_at(0));
	struct client *a = model_manage(m, 1, mon, 0);
	char why[128];
	assert_true(model_check(m, why, sizeof(why)));
	/* Break the model by hand: the check must say so, and why. */
	tagmask t = a->tags;
	a->tags = 0;
	why[0] = 0;
	assert_false(model_check(m, why, sizeof(why)));
	assert_true(why[0] != 0);
	a->tags = t;
	tagmask v = mon->view;
	mon->view = 0;
	assert_false(model_check(m, why, sizeof(why)));
	mon->view = (tagmask)1 << 20;
	assert_false(model_check(m, why, sizeof(why)));
	mon->view = v;
	assert_true(model_check(m, why, sizeof(why)));
	/* Focus on a hidden client, or no selected monitor. */
	struct client *b = model_manage(m, 2, mon, mon->view << 1);
	assert_true(model_check(m, why, sizeof(why)));
	mon->focus = b;
	assert_false(model_check(m, why, sizeof(why)));
	mon->focus = a;
	m->selmon = NULL;
	assert_false(model_check(m, why, sizeof(why)));
	m->selmon = mon;
	assert_true(model_check(m, why, sizeof(why)));
	/* A tiny buffer is not overrun. */
	char small[4] = {'x', 'x', 'x', 'x'};
	a->tags = 0;
	assert_false(model_check(m, small, 3));
	assert_int_equal(small[3], 'x');
	a->tags = t;
	assert_model_ok(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_init, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_manage_order, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_manage_other_view, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_set_tags_refused, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_toggleview, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_view_previous, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_focus_fallback_unmanage,
					    model_setup, model_teardown),
	    cmocka_unit_test_setup_teardown(test_focus_fallback_view,
					    model_setup, model_teardown),
	    cmocka_unit_test_setup_teardown(test_focus_monitors, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_focus_dir, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_swap_dir, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_zoom, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_tag_state, model_setup,
					    model_teardown),
	    cmocka_unit_test(test_lowest_tag),
	    cmocka_unit_test(test_all_tags),
	    cmocka_unit_test_setup_teardown(test_set_ntags_clips, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_dirty, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_refocus_clears_urgency,
					    model_setup, model_teardown),
	    cmocka_unit_test_setup_teardown(test_stack_layers, model_setup,
					    model_teardown),
	    cmocka_unit_test_setup_teardown(test_behind_fullscreen, model_setup,
					    model_teardown),
	    cmocka_unit_test(test_no_monitor),
	    cmocka_unit_test(test_finish_frees),
	    cmocka_unit_test_setup_teardown(test_model_check_catches,
					    model_setup, model_teardown),
	    cmocka_unit_test_setup_teardown(test_random_sequences, sim_setup,
					    sim_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
