/* layouts.c: the table of layouts, lookup by name, and their shared helper. */
#include <string.h>

#include "layout.h"

const struct layout *const layouts[] = {
    &layout_tile,
    &layout_monocle,
    &layout_grid,
    &layout_floating,
};

const size_t layout_count = sizeof(layouts) / sizeof(layouts[0]);

int layout_index(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < layout_count; i++)
		if (strcmp(layouts[i]->name, name) == 0)
			return (int)i;
	return -1;
}

const struct layout *layout_find(const char *name)
{
	int i = layout_index(name);

	return i < 0 ? NULL : layouts[i];
}

void layout_split(int start, int len, size_t k, int gap, size_t i, int *pos,
		  int *size)
{
	/* A caller's zero or negative length must still give visible parts. */
	if (len < 1)
		len = 1;
	if (k == 0)
		k = 1;
	/* More parts than pixels: spread 1-pixel parts evenly, overlapping. */
	if (k > (size_t)len) {
		*pos = start + (int)((long long)i * len / (long long)k);
		*size = 1;
		return;
	}
	/* long long: a huge gap times k must not overflow. */
	if (gap < 0 || (long long)k + (long long)(k - 1) * gap > len)
		gap = 0;
	/* The first rem parts get one pixel more, so the line is filled. */
	int usable = len - (int)(k - 1) * gap;
	int base = usable / (int)k;
	int rem = usable % (int)k;
	int extra = (int)i < rem ? (int)i : rem;

	/* i * gap apart: base + gap alone could overflow when k == 1. */
	*pos = start + (int)i * base + (int)i * gap + extra;
	*size = base + ((int)i < rem ? 1 : 0);
}
