/* winmap.h: window id to pointer, for lookups on every event and reply. */
#ifndef CTILE_WINMAP_H
#define CTILE_WINMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct winmap_slot {
	uint32_t id; /* 0: empty (X never gives out resource id 0) */
	void *value;
};

/* Open addressing with linear probing; all zero is an empty map. */
struct winmap {
	struct winmap_slot *slots;
	size_t cap; /* a power of two, or 0 */
	size_t len;
};

/* Map id (not 0) to value, replacing any; false when out of memory. */
bool winmap_put(struct winmap *m, uint32_t id, void *value);
void *winmap_get(const struct winmap *m, uint32_t id);
void winmap_del(struct winmap *m, uint32_t id);
void winmap_free(struct winmap *m);

#endif
