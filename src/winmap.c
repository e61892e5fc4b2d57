/* winmap.c: window id to pointer. A WM with 500 windows looks one up for
 * every event and every property reply; a list walk made that quadratic. */
#include "winmap.h"

#include <stdlib.h>

static size_t home(const struct winmap *m, uint32_t id)
{
	/* X hands out ids in sequence: spread them over the table. */
	return (size_t)(id * 2654435761u) & (m->cap - 1);
}

static size_t find_slot(const struct winmap *m, uint32_t id)
{
	size_t i = home(m, id);
	while (m->slots[i].id && m->slots[i].id != id)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static bool grow(struct winmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct winmap_slot *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return false;
	struct winmap old = *m;
	*m = (struct winmap){slots, cap, 0};
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].id)
			m->slots[find_slot(m, old.slots[i].id)] = old.slots[i];
	m->len = old.len;
	free(old.slots);
	return true;
}

bool winmap_put(struct winmap *m, uint32_t id, void *value)
{
	if (!id)
		return false;
	/* At most half full: probes stay short. */
	if (2 * (m->len + 1) > m->cap && !grow(m))
		return false;
	size_t i = find_slot(m, id);
	if (!m->slots[i].id)
		m->len++;
	m->slots[i] = (struct winmap_slot){id, value};
	return true;
}

void *winmap_get(const struct winmap *m, uint32_t id)
{
	if (!m->cap || !id)
		return NULL;
	return m->slots[find_slot(m, id)].value;
}

/* Backward-shift deletion: no tombstones, so lookups never slow down. */
void winmap_del(struct winmap *m, uint32_t id)
{
	if (!m->cap || !id)
		return;
	size_t hole = find_slot(m, id), mask = m->cap - 1;
	if (!m->slots[hole].id)
		return;
	m->len--;
	for (size_t i = (hole + 1) & mask; m->slots[i].id; i = (i + 1) & mask) {
		size_t want = home(m, m->slots[i].id);
		/* Move it back unless its home lies in (hole, i]. */
		if (((i - want) & mask) >= ((i - hole) & mask)) {
			m->slots[hole] = m->slots[i];
			hole = i;
		}
	}
	m->slots[hole] = (struct winmap_slot){0, NULL};
}

void winmap_free(struct winmap *m)
{
	free(m->slots);
	*m = (struct winmap){0};
}
